// Opening and migrating the PostgreSQL store, policy versions and the directory (customers,
// staff, departments). Text is ordered COLLATE "C" (bytewise), as SQLite orders it, so lists
// come out the same on both engines whatever the database's locale.
#include "store/postgres/pg_store.h"

#include <fmt/format.h>

#include "store/common/migrations.h"
#include "store/common/rows.h"

namespace caredesk::store {
namespace {

// pg_advisory_xact_lock keys: migrating, and switching the active policy version.
constexpr std::int64_t kMigrationLock = 0x6361726564657331;  // "caredes1"
constexpr std::int64_t kPolicyLock = 0x6361726564657332;     // "caredes2"

}  // namespace

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& url, const core::Clock& clock,
                                               int pool_size) {
  std::unique_ptr<PgStore> store(new PgStore(url, pool_size, clock));
  if (auto migrated = store->Migrate(); !migrated) return tl::unexpected(migrated.error());
  return store;
}

Result<void> PgStore::Migrate() {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  const auto migrations = PostgresMigrations();
  const int known = LatestVersion(migrations);
  // One transaction under an advisory lock: processes starting together take turns, and the
  // second finds the schema current. DDL is transactional in PostgreSQL, so a failed migration
  // leaves nothing behind.
  return InTransaction(**conn, [&]() -> Result<void> {
    if (auto locked =
            (*conn)->Query("SELECT pg_advisory_xact_lock($1)", PgParams().Int(kMigrationLock));
        !locked) {
      return tl::unexpected(locked.error());
    }
    auto created = (*conn)->Exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT "
        "NOT NULL, applied_at BIGINT NOT NULL)");
    if (!created) return created;
    auto current = OneRow(
        **conn, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {},
        [](const PgRow& row) { return row.Int(0); }, "schema version");
    if (!current) return tl::unexpected(current.error());
    schema_version_ = static_cast<int>(*current);
    if (schema_version_ > known) {
      return Fail(core::ErrorCode::kConflict,
                  fmt::format("the database is at schema version {}, newer than this caredesk "
                              "knows ({}): upgrade caredesk",
                              schema_version_, known));
    }
    for (const auto& migration : migrations) {
      if (migration.version <= schema_version_) continue;
      if (auto applied = (*conn)->Exec(std::string(migration.sql)); !applied) return applied;
      auto recorded = (*conn)->Query(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
          PgParams()
              .Int(std::int64_t{migration.version})
              .Text(migration.name)
              .Int(Seconds(clock_.Now())));
      if (!recorded) return tl::unexpected(recorded.error());
      schema_version_ = migration.version;
    }
    return {};
  });
}

int PgStore::SchemaVersion() { return schema_version_; }

Result<core::PolicyVersionRecord> PgStore::InstallPolicy(const std::string& version,
                                                         const std::string& text,
                                                         core::Instant at) {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  static const std::string kSelect =
      fmt::format("SELECT {} FROM policy_versions WHERE version = $1", kPolicyColumns);
  return InTransaction(**conn, [&]() -> Result<core::PolicyVersionRecord> {
    // Two installs at once would both clear the old active row and then collide on the one
    // active version the schema allows; the lock makes them take turns.
    for (const auto& [sql, params] : {
             std::pair{"SELECT pg_advisory_xact_lock($1)", PgParams().Int(kPolicyLock)},
             std::pair{"INSERT INTO policy_versions (version, text, installed_at, active) "
                       "VALUES ($1, $2, $3, FALSE) ON CONFLICT (version) DO NOTHING",
                       PgParams().Text(version).Text(text).Int(Seconds(at))},
             std::pair{"UPDATE policy_versions SET active = FALSE WHERE active AND version <> $1",
                       PgParams().Text(version)},
             std::pair{"UPDATE policy_versions SET active = TRUE WHERE version = $1 AND NOT active",
                       PgParams().Text(version)},
         }) {
      if (auto done = (*conn)->Query(sql, params); !done) return tl::unexpected(done.error());
    }
    return OneRow(**conn, kSelect, PgParams().Text(version), ReadPolicyVersion,
                  "policy version " + version);
  });
}

Result<core::PolicyVersionRecord> PgStore::ActivePolicy() {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  static const std::string kSql =
      fmt::format("SELECT {} FROM policy_versions WHERE active", kPolicyColumns);
  return OneRow(**conn, kSql, {}, ReadPolicyVersion, "an active policy");
}

Result<std::string> PgStore::ActivePolicyVersion() {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  static const std::string kSql = "SELECT version FROM policy_versions WHERE active";
  return OneRow(**conn, kSql, {}, ReadFirstText, "an active policy");
}

Result<core::PolicyVersionRecord> PgStore::PolicyVersion(const std::string& version) {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  static const std::string kSql =
      fmt::format("SELECT {} FROM policy_versions WHERE version = $1", kPolicyColumns);
  return OneRow(**conn, kSql, PgParams().Text(version), ReadPolicyVersion,
                "policy version " + version);
}

Result<std::vector<core::PolicyVersionRecord>> PgStore::PolicyVersions() {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  static const std::string kSql =
      fmt::format("SELECT {} FROM policy_versions ORDER BY installed_at, version COLLATE \"C\"",
                  kPolicyColumns);
  return AllRows(**conn, kSql, {}, ReadPolicyVersion);
}

Result<core::CustomerRecord> PgStore::SaveCustomer(const core::CustomerRecord& customer) {
  const bool create = customer.id == 0;
  // A new customer is created now, unless it arrives with its own date (an import).
  const bool dated = customer.created_at != core::Instant{};
  static const std::string kInsert = fmt::format(
      "INSERT INTO customers (name, email, phone, address, language, accessibility, "
      "adjustments, contact_preference, account_manager_id, representative, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING {}",
      kCustomerColumns);
  static const std::string kUpdate = fmt::format(
      "UPDATE customers SET name = $1, email = $2, phone = $3, address = $4, language = $5, "
      "accessibility = $6, adjustments = $7, contact_preference = $8, account_manager_id = $9, "
      "representative = $10, created_at = $11 WHERE id = $12 RETURNING {}",
      kCustomerColumns);
  PgParams params;
  params.Text(customer.name)
      .TextOrNull(customer.email.empty() ? std::nullopt
                                         : std::optional<std::string>(customer.email))
      .Text(customer.phone)
      .Text(customer.address)
      .Text(customer.language)
      .Text(customer.accessibility)
      .Text(AdjustmentsJson(customer))
      .Text(customer.contact_preference)
      .Int(customer.account_manager_id)
      .TextOrNull(RepresentativeJson(customer))
      .Int(Seconds(create && !dated ? clock_.Now() : customer.created_at));
  if (!create) params.Int(customer.id);
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  return OneRow(**conn, create ? kInsert : kUpdate, params, ReadCustomer,
                fmt::format("customer {}", customer.id));
}

Result<core::CustomerRecord> PgStore::FindCustomer(core::Id id) {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  static const std::string kSql =
      fmt::format("SELECT {} FROM customers WHERE id = $1", kCustomerColumns);
  return OneRow(**conn, kSql, PgParams().Int(id), ReadCustomer, fmt::format("customer {}", id));
}

Result<std::optional<core::CustomerRecord>> PgStore::FindCustomerByEmail(const std::string& email) {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  static const std::string kSql =
      fmt::format("SELECT {} FROM customers WHERE email = $1", kCustomerColumns);
  auto rows = AllRows(**conn, kSql, PgParams().Text(email), ReadCustomer);
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return std::optional<core::CustomerRecord>();
  return std::optional<core::CustomerRecord>(rows->front());
}

Result<core::StaffRecord> PgStore::SaveStaff(const core::StaffRecord& staff) {
  const bool create = staff.id == 0;
  static const std::string kInsert = fmt::format(
      "INSERT INTO staff (email, name, initials, role, department_id, active) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING {}",
      kStaffColumns);
  static const std::string kUpdate = fmt::format(
      "UPDATE staff SET email = $1, name = $2, initials = $3, role = $4, department_id = $5, "
      "active = $6 WHERE id = $7 RETURNING {}",
      kStaffColumns);
  PgParams params;
  params.Text(staff.email)
      .Text(staff.name)
      .Text(staff.initials)
      .Text(core::ToString(staff.role))
      .Int(staff.department_id)
      .Bool(staff.active);
  if (!create) params.Int(staff.id);
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  return OneRow(**conn, create ? kInsert : kUpdate, params, ReadStaff, "staff member");
}

Result<core::StaffRecord> PgStore::FindStaff(core::Id id) {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  static const std::string kSql = fmt::format("SELECT {} FROM staff WHERE id = $1", kStaffColumns);
  return OneRow(**conn, kSql, PgParams().Int(id), ReadStaff, fmt::format("staff member {}", id));
}

Result<std::vector<core::StaffRecord>> PgStore::ListStaff() {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  static const std::string kSql =
      fmt::format("SELECT {} FROM staff ORDER BY name COLLATE \"C\", id", kStaffColumns);
  return AllRows(**conn, kSql, {}, ReadStaff);
}

Result<core::DepartmentRecord> PgStore::SaveDepartment(const core::DepartmentRecord& department) {
  const bool create = department.id == 0;
  static const std::string kInsert =
      fmt::format("INSERT INTO departments (name, manager_id) VALUES ($1, $2) RETURNING {}",
                  kDepartmentColumns);
  static const std::string kUpdate =
      fmt::format("UPDATE departments SET name = $1, manager_id = $2 WHERE id = $3 RETURNING {}",
                  kDepartmentColumns);
  PgParams params;
  params.Text(department.name).Int(department.manager_id);
  if (!create) params.Int(department.id);
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  return OneRow(**conn, create ? kInsert : kUpdate, params, ReadDepartment, "department");
}

Result<std::vector<core::DepartmentRecord>> PgStore::ListDepartments() {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  static const std::string kSql =
      fmt::format("SELECT {} FROM departments ORDER BY name COLLATE \"C\"", kDepartmentColumns);
  return AllRows(**conn, kSql, {}, ReadDepartment);
}

}  // namespace caredesk::store
