// Opening and migrating the SQLite store, policy versions and the directory (customers, staff,
// departments).
#include "store/sqlite/sqlite_store.h"

#include <fmt/format.h>

#include "store/common/migrations.h"
#include "store/common/rows.h"
#include "store/sqlite/sqlite_query.h"

namespace caredesk::store {

using core::Fail;
using core::Result;

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const core::Clock& clock) {
  auto writer = SqliteDb::Open(path);
  if (!writer) return tl::unexpected(writer.error());
  auto version = Migrate(**writer, clock);
  if (!version) return tl::unexpected(version.error());
  auto reader = SqliteDb::Open(path);
  if (!reader) return tl::unexpected(reader.error());
  return std::unique_ptr<SqliteStore>(
      new SqliteStore(path, std::move(*reader),
                      std::make_unique<GroupCommitter>(std::move(*writer)), clock, *version));
}

Result<int> SqliteStore::Migrate(SqliteDb& db, const core::Clock& clock) {
  auto created = db.Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
      "NULL, applied_at INTEGER NOT NULL)");
  if (!created) return tl::unexpected(created.error());
  const auto migrations = SqliteMigrations();
  const int known = LatestVersion(migrations);
  return InTransaction(db, [&]() -> Result<int> {
    int version = 0;
    {  // finished before the migrations run: DROP TABLE is refused while a statement reads
      auto current = db.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
      if (!current) return tl::unexpected(current.error());
      if (auto row = current->Step(); !row) return tl::unexpected(row.error());
      version = static_cast<int>(current->Int(0));
    }
    if (version > known) {
      return Fail(core::ErrorCode::kConflict,
                  fmt::format("the database is at schema version {}, newer than this caredesk "
                              "knows ({}): upgrade caredesk",
                              version, known));
    }
    for (const auto& migration : migrations) {
      if (migration.version <= version) continue;
      if (auto applied = db.Exec(migration.sql); !applied) return tl::unexpected(applied.error());
      auto record =
          db.Prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?,?,?)");
      if (!record) return tl::unexpected(record.error());
      record->Bind(std::int64_t{migration.version}).Bind(migration.name).Bind(Seconds(clock.Now()));
      if (auto done = record->Run(); !done) return tl::unexpected(done.error());
      version = migration.version;
    }
    return version;
  });
}

int SqliteStore::SchemaVersion() { return schema_version_; }

Result<void> SqliteStore::BackupTo(const std::string& path) {
  auto reader = readers_.Borrow();
  auto statement = reader->Prepare("VACUUM INTO ?");
  if (!statement) return tl::unexpected(statement.error());
  statement->Bind(path);
  return statement->Run();
}

Result<core::PolicyVersionRecord> SqliteStore::InstallPolicy(const std::string& version,
                                                             const std::string& text,
                                                             core::Instant at) {
  return Write<core::PolicyVersionRecord>(
      *writer_, [&](SqliteDb& db) -> Result<core::PolicyVersionRecord> {
        auto keep = db.Prepare(
            "INSERT INTO policy_versions (version, text, installed_at, active) VALUES (?,?,?,0) "
            "ON CONFLICT (version) DO NOTHING");
        if (!keep) return tl::unexpected(keep.error());
        keep->Bind(version).Bind(text).Bind(Seconds(at));
        if (auto done = keep->Run(); !done) return tl::unexpected(done.error());
        if (auto done = db.Exec("UPDATE policy_versions SET active = 0 WHERE active = 1"); !done) {
          return tl::unexpected(done.error());
        }
        auto activate = db.Prepare("UPDATE policy_versions SET active = 1 WHERE version = ?");
        if (!activate) return tl::unexpected(activate.error());
        activate->Bind(version);
        if (auto done = activate->Run(); !done) return tl::unexpected(done.error());
        return OneRow(
            db, fmt::format("SELECT {} FROM policy_versions WHERE version = ?", kPolicyColumns),
            {version}, ReadPolicyVersion, "policy version " + version);
      });
}

Result<core::PolicyVersionRecord> SqliteStore::ActivePolicy() {
  auto reader = readers_.Borrow();
  return OneRow(*reader,
                fmt::format("SELECT {} FROM policy_versions WHERE active = 1", kPolicyColumns), {},
                ReadPolicyVersion, "an active policy");
}

Result<std::string> SqliteStore::ActivePolicyVersion() {
  auto reader = readers_.Borrow();
  return OneRow(*reader, "SELECT version FROM policy_versions WHERE active = 1", {}, ReadFirstText,
                "an active policy");
}

Result<core::PolicyVersionRecord> SqliteStore::PolicyVersion(const std::string& version) {
  auto reader = readers_.Borrow();
  return OneRow(*reader,
                fmt::format("SELECT {} FROM policy_versions WHERE version = ?", kPolicyColumns),
                {version}, ReadPolicyVersion, "policy version " + version);
}

Result<std::vector<core::PolicyVersionRecord>> SqliteStore::PolicyVersions() {
  auto reader = readers_.Borrow();
  return AllRows(
      *reader,
      fmt::format("SELECT {} FROM policy_versions ORDER BY installed_at, version", kPolicyColumns),
      {}, ReadPolicyVersion);
}

Result<core::CustomerRecord> SqliteStore::SaveCustomer(const core::CustomerRecord& customer) {
  return Write<core::CustomerRecord>(*writer_, [&](SqliteDb& db) -> Result<core::CustomerRecord> {
    const bool create = customer.id == 0;
    auto statement = db.Prepare(
        create ? "INSERT INTO customers (name, email, phone, address, language, accessibility, "
                 "adjustments, contact_preference, account_manager_id, representative, created_at) "
                 "VALUES (?,?,?,?,?,?,?,?,?,?,?)"
               : "UPDATE customers SET name=?, email=?, phone=?, address=?, language=?, "
                 "accessibility=?, adjustments=?, contact_preference=?, account_manager_id=?, "
                 "representative=?, created_at=? WHERE id = ?");
    if (!statement) return tl::unexpected(statement.error());
    statement->Bind(customer.name);
    if (customer.email.empty()) {
      statement->BindNull();
    } else {
      statement->Bind(customer.email);
    }
    statement->Bind(customer.phone)
        .Bind(customer.address)
        .Bind(customer.language)
        .Bind(customer.accessibility)
        .Bind(AdjustmentsJson(customer))
        .Bind(customer.contact_preference)
        .Bind(customer.account_manager_id);
    if (auto rep = RepresentativeJson(customer)) {
      statement->Bind(*rep);
    } else {
      statement->BindNull();
    }
    // A new customer is created now, unless it arrives with its own date (an import).
    const bool dated = customer.created_at != core::Instant{};
    statement->Bind(Seconds(create && !dated ? clock_.Now() : customer.created_at));
    if (!create) statement->Bind(customer.id);
    if (auto done = statement->Run(); !done) return tl::unexpected(done.error());
    if (!create && db.Changes() == 0) {
      return Fail(core::ErrorCode::kNotFound, fmt::format("customer {} not found", customer.id));
    }
    const core::Id id = create ? db.LastInsertId() : customer.id;
    return OneRow(db, fmt::format("SELECT {} FROM customers WHERE id = ?", kCustomerColumns), {id},
                  ReadCustomer, "customer");
  });
}

Result<core::CustomerRecord> SqliteStore::FindCustomer(core::Id id) {
  auto reader = readers_.Borrow();
  return OneRow(*reader, fmt::format("SELECT {} FROM customers WHERE id = ?", kCustomerColumns),
                {id}, ReadCustomer, fmt::format("customer {}", id));
}

Result<std::optional<core::CustomerRecord>> SqliteStore::FindCustomerByEmail(
    const std::string& email) {
  auto reader = readers_.Borrow();
  auto rows =
      AllRows(*reader, fmt::format("SELECT {} FROM customers WHERE email = ?", kCustomerColumns),
              {email}, ReadCustomer);
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return std::optional<core::CustomerRecord>();
  return std::optional<core::CustomerRecord>(rows->front());
}

Result<core::StaffRecord> SqliteStore::SaveStaff(const core::StaffRecord& staff) {
  return Write<core::StaffRecord>(*writer_, [&](SqliteDb& db) -> Result<core::StaffRecord> {
    const bool create = staff.id == 0;
    auto statement = db.Prepare(
        create ? "INSERT INTO staff (email, name, initials, role, department_id, active) "
                 "VALUES (?,?,?,?,?,?)"
               : "UPDATE staff SET email=?, name=?, initials=?, role=?, department_id=?, active=? "
                 "WHERE id = ?");
    if (!statement) return tl::unexpected(statement.error());
    statement->Bind(staff.email)
        .Bind(staff.name)
        .Bind(staff.initials)
        .Bind(core::ToString(staff.role))
        .Bind(staff.department_id)
        .Bind(std::int64_t{staff.active ? 1 : 0});
    if (!create) statement->Bind(staff.id);
    if (auto done = statement->Run(); !done) return tl::unexpected(done.error());
    const core::Id id = create ? db.LastInsertId() : staff.id;
    return OneRow(db, fmt::format("SELECT {} FROM staff WHERE id = ?", kStaffColumns), {id},
                  ReadStaff, "staff member");
  });
}

Result<core::StaffRecord> SqliteStore::FindStaff(core::Id id) {
  auto reader = readers_.Borrow();
  return OneRow(*reader, fmt::format("SELECT {} FROM staff WHERE id = ?", kStaffColumns), {id},
                ReadStaff, fmt::format("staff member {}", id));
}

Result<std::vector<core::StaffRecord>> SqliteStore::ListStaff() {
  auto reader = readers_.Borrow();
  return AllRows(*reader, fmt::format("SELECT {} FROM staff ORDER BY name, id", kStaffColumns), {},
                 ReadStaff);
}

Result<core::DepartmentRecord> SqliteStore::SaveDepartment(
    const core::DepartmentRecord& department) {
  return Write<core::DepartmentRecord>(
      *writer_, [&](SqliteDb& db) -> Result<core::DepartmentRecord> {
        const bool create = department.id == 0;
        auto statement =
            db.Prepare(create ? "INSERT INTO departments (name, manager_id) VALUES (?,?)"
                              : "UPDATE departments SET name=?, manager_id=? WHERE id = ?");
        if (!statement) return tl::unexpected(statement.error());
        statement->Bind(department.name).Bind(department.manager_id);
        if (!create) statement->Bind(department.id);
        if (auto done = statement->Run(); !done) return tl::unexpected(done.error());
        const core::Id id = create ? db.LastInsertId() : department.id;
        return OneRow(db,
                      fmt::format("SELECT {} FROM departments WHERE id = ?", kDepartmentColumns),
                      {id}, ReadDepartment, "department");
      });
}

Result<std::vector<core::DepartmentRecord>> SqliteStore::ListDepartments() {
  auto reader = readers_.Borrow();
  return AllRows(*reader,
                 fmt::format("SELECT {} FROM departments ORDER BY name", kDepartmentColumns), {},
                 ReadDepartment);
}

}  // namespace caredesk::store
