// Sign-in material on PostgreSQL: password hashes on staff and customers, API tokens, browser
// sessions and case tracking secrets. Each call is one statement, so one implicit transaction.
#include <fmt/format.h>

#include "store/common/credential_rows.h"
#include "store/common/rows.h"
#include "store/postgres/pg_store.h"

namespace caredesk::store {
namespace {

// Runs a statement ending in RETURNING; kNotFound naming `what` when it touched no row.
Result<void> ChangeOne(PgPool& pool, const std::string& sql, const PgParams& params,
                       const std::string& what) {
  auto conn = pool.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  auto result = (*conn)->Query(sql, params);
  if (!result) return tl::unexpected(result.error());
  if (result->Rows() == 0) return Fail(core::ErrorCode::kNotFound, what + " not found");
  return {};
}

// Runs a statement ending in RETURNING 1 and counts the rows it touched.
Result<std::int64_t> CountChanged(PgPool& pool, const std::string& sql, const PgParams& params) {
  auto conn = pool.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  auto result = (*conn)->Query(sql, params);
  if (!result) return tl::unexpected(result.error());
  return std::int64_t{result->Rows()};
}

}  // namespace

Result<void> PgStore::SetStaffPassword(core::Id staff_id, const std::string& password_hash) {
  if (auto valid = CheckPasswordHash(password_hash); !valid) return valid;
  return ChangeOne(pool_, "UPDATE staff SET password_hash = $1 WHERE id = $2 RETURNING id",
                   PgParams().Text(password_hash).Int(staff_id),
                   fmt::format("staff member {}", staff_id));
}

Result<core::StaffCredential> PgStore::StaffPasswordHash(const std::string& email) {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  static const std::string kSql = fmt::format(
      "SELECT {}, COALESCE(password_hash, '') FROM staff WHERE email = $1", kStaffColumns);
  return OneRow(
      **conn, kSql, PgParams().Text(email),
      [](const PgRow& row) {
        return core::StaffCredential{ReadStaff(row), row.Text(7)};
      },
      "staff member");
}

Result<void> PgStore::SetCustomerPassword(core::Id customer_id, const std::string& password_hash) {
  if (auto valid = CheckPasswordHash(password_hash); !valid) return valid;
  return ChangeOne(pool_, "UPDATE customers SET password_hash = $1 WHERE id = $2 RETURNING id",
                   PgParams().Text(password_hash).Int(customer_id),
                   fmt::format("customer {}", customer_id));
}

Result<core::CustomerCredential> PgStore::CustomerPasswordHash(const std::string& email) {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  static const std::string kSql = fmt::format(
      "SELECT {}, COALESCE(password_hash, '') FROM customers WHERE email = $1", kCustomerColumns);
  return OneRow(
      **conn, kSql, PgParams().Text(email),
      [](const PgRow& row) {
        return core::CustomerCredential{ReadCustomer(row), row.Text(12)};
      },
      "customer");
}

Result<core::ApiTokenRecord> PgStore::SaveApiToken(const core::ApiTokenRecord& token) {
  if (auto valid = CheckApiToken(token); !valid) return tl::unexpected(valid.error());
  const core::Instant created =
      token.created_at == core::Instant{} ? clock_.Now() : token.created_at;
  // Inserting from the staff row turns a missing staff member into no row (kNotFound) rather
  // than a foreign-key violation.
  static const std::string kSql = fmt::format(
      "INSERT INTO api_tokens (staff_id, token_hash, label, created_at) "
      "SELECT id, $2::text, $3::text, $4::bigint FROM staff WHERE id = $1 RETURNING {}",
      kApiTokenColumns);
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  return OneRow(
      **conn, kSql,
      PgParams().Int(token.staff_id).Text(token.token_hash).Text(token.label).Int(Seconds(created)),
      ReadApiToken, fmt::format("staff member {}", token.staff_id));
}

Result<core::ApiTokenMatch> PgStore::FindApiToken(const std::string& token_hash) {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  return OneRow(
      **conn,
      "SELECT t.id, t.staff_id, t.token_hash, t.label, t.created_at, t.last_used_at, "
      "t.revoked_at, s.id, s.email, s.name, s.initials, s.role, s.department_id, s.active "
      "FROM api_tokens t JOIN staff s ON s.id = t.staff_id "
      "WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND s.active",
      PgParams().Text(token_hash),
      [](const PgRow& row) {
        return core::ApiTokenMatch{ReadApiToken(row), ReadStaff(OffsetRow(row, 7))};
      },
      "API token");
}

Result<void> PgStore::TouchApiToken(core::Id token_id, core::Instant at) {
  return ChangeOne(pool_, "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 RETURNING id",
                   PgParams().Int(Seconds(at)).Int(token_id),
                   fmt::format("API token {}", token_id));
}

Result<void> PgStore::RevokeApiToken(core::Id token_id, core::Instant at) {
  return ChangeOne(
      pool_,
      "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 RETURNING id",
      PgParams().Int(Seconds(at)).Int(token_id), fmt::format("API token {}", token_id));
}

Result<std::vector<core::ApiTokenRecord>> PgStore::ApiTokens(core::Id staff_id) {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  static const std::string kSql =
      fmt::format("SELECT {} FROM api_tokens WHERE staff_id = $1 ORDER BY id", kApiTokenColumns);
  return AllRows(**conn, kSql, PgParams().Int(staff_id), ReadApiToken);
}

Result<core::SessionRecord> PgStore::CreateSession(const core::SessionRecord& session) {
  if (auto valid = CheckSession(session); !valid) return tl::unexpected(valid.error());
  static const std::string kSql = fmt::format(
      "INSERT INTO sessions (session_hash, staff_id, customer_id, csrf_hash, created_at, "
      "expires_at, revoked) VALUES ($1, $2, $3, $4, $5, $6, FALSE) RETURNING {}",
      kSessionColumns);
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  return OneRow(**conn, kSql,
                PgParams()
                    .Text(session.session_hash)
                    .Int(session.staff_id)
                    .Int(session.customer_id)
                    .Text(session.csrf_hash)
                    .Int(Seconds(session.created_at))
                    .Int(Seconds(session.expires_at)),
                ReadSession, "session");
}

Result<core::SessionRecord> PgStore::FindSession(const std::string& session_hash,
                                                 core::Instant now) {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  static const std::string kSql = fmt::format(
      "SELECT {} FROM sessions WHERE session_hash = $1 AND NOT revoked AND expires_at > $2",
      kSessionColumns);
  return OneRow(**conn, kSql, PgParams().Text(session_hash).Int(Seconds(now)), ReadSession,
                "session");
}

Result<void> PgStore::RevokeSession(const std::string& session_hash) {
  return ChangeOne(pool_, "UPDATE sessions SET revoked = TRUE WHERE session_hash = $1 RETURNING id",
                   PgParams().Text(session_hash), "session");
}

Result<std::int64_t> PgStore::RevokeStaffSessions(core::Id staff_id) {
  return CountChanged(
      pool_, "UPDATE sessions SET revoked = TRUE WHERE staff_id = $1 AND NOT revoked RETURNING 1",
      PgParams().Int(staff_id));
}

Result<std::int64_t> PgStore::RevokeCustomerSessions(core::Id customer_id) {
  return CountChanged(
      pool_,
      "UPDATE sessions SET revoked = TRUE WHERE customer_id = $1 AND NOT revoked RETURNING 1",
      PgParams().Int(customer_id));
}

Result<std::int64_t> PgStore::DeleteExpiredSessions(core::Instant now) {
  return CountChanged(pool_, "DELETE FROM sessions WHERE expires_at <= $1 RETURNING 1",
                      PgParams().Int(Seconds(now)));
}

Result<void> PgStore::SaveCaseSecret(core::Id case_id, const std::string& secret_hash,
                                     core::Instant at) {
  if (auto valid = CheckSha256Hex(secret_hash, "secret_hash"); !valid) return valid;
  return ChangeOne(pool_,
                   "INSERT INTO case_secrets (case_id, secret_hash, created_at) "
                   "SELECT id, $2::text, $3::bigint FROM cases WHERE id = $1 "
                   "ON CONFLICT (case_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, "
                   "created_at = EXCLUDED.created_at RETURNING case_id",
                   PgParams().Int(case_id).Text(secret_hash).Int(Seconds(at)),
                   fmt::format("case {}", case_id));
}

Result<core::CaseRecord> PgStore::FindCaseBySecret(std::string_view reference,
                                                   const std::string& secret_hash) {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  static const std::string kSql = fmt::format(
      "SELECT {} FROM cases WHERE reference = $1 AND EXISTS (SELECT 1 FROM "
      "case_secrets s WHERE s.case_id = cases.id AND s.secret_hash = $2)",
      kCaseColumns);
  return OneRow(**conn, kSql, PgParams().Text(reference).Text(secret_hash), ReadCase, "case");
}

}  // namespace caredesk::store
