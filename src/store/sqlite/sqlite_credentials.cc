// Sign-in material on SQLite: password hashes on staff and customers, API tokens, browser
// sessions and case tracking secrets. Writes go through the group committer like every other.
#include <fmt/format.h>

#include "store/common/credential_rows.h"
#include "store/common/rows.h"
#include "store/sqlite/sqlite_query.h"
#include "store/sqlite/sqlite_store.h"

namespace caredesk::store {
namespace {

// Runs an UPDATE or DELETE bound with `params`; kNotFound naming `what` when it changed nothing
// and `must_change` is set. Returns the number of rows changed.
Result<std::int64_t> Change(SqliteDb& db, const std::string& sql,
                            const std::vector<SqlValue>& params, const std::string& what,
                            bool must_change = true) {
  auto statement = db.Prepare(sql);
  if (!statement) return tl::unexpected(statement.error());
  statement->BindAll(params);
  if (auto done = statement->Run(); !done) return tl::unexpected(done.error());
  const int changed = db.Changes();
  if (must_change && changed == 0) return Fail(core::ErrorCode::kNotFound, what + " not found");
  return std::int64_t{changed};
}

}  // namespace

Result<void> SqliteStore::SetStaffPassword(core::Id staff_id, const std::string& password_hash) {
  if (auto valid = CheckPasswordHash(password_hash); !valid) return valid;
  return writer_->Run([&](SqliteDb& db) -> Result<void> {
    auto changed = Change(db, "UPDATE staff SET password_hash = ? WHERE id = ?",
                          {password_hash, staff_id}, fmt::format("staff member {}", staff_id));
    if (!changed) return tl::unexpected(changed.error());
    return {};
  });
}

Result<core::StaffCredential> SqliteStore::StaffPasswordHash(const std::string& email) {
  auto reader = readers_.Borrow();
  return OneRow(
      *reader, fmt::format("SELECT {}, password_hash FROM staff WHERE email = ?", kStaffColumns),
      {email},
      [](const Statement& row) {
        return core::StaffCredential{ReadStaff(row), row.Text(7)};
      },
      "staff member");
}

Result<void> SqliteStore::SetCustomerPassword(core::Id customer_id,
                                              const std::string& password_hash) {
  if (auto valid = CheckPasswordHash(password_hash); !valid) return valid;
  return writer_->Run([&](SqliteDb& db) -> Result<void> {
    auto changed = Change(db, "UPDATE customers SET password_hash = ? WHERE id = ?",
                          {password_hash, customer_id}, fmt::format("customer {}", customer_id));
    if (!changed) return tl::unexpected(changed.error());
    return {};
  });
}

Result<core::CustomerCredential> SqliteStore::CustomerPasswordHash(const std::string& email) {
  auto reader = readers_.Borrow();
  return OneRow(
      *reader,
      fmt::format("SELECT {}, password_hash FROM customers WHERE email = ?", kCustomerColumns),
      {email},
      [](const Statement& row) {
        return core::CustomerCredential{ReadCustomer(row), row.Text(12)};
      },
      "customer");
}

Result<core::ApiTokenRecord> SqliteStore::SaveApiToken(const core::ApiTokenRecord& token) {
  if (auto valid = CheckApiToken(token); !valid) return tl::unexpected(valid.error());
  const core::Instant created =
      token.created_at == core::Instant{} ? clock_.Now() : token.created_at;
  return Write<core::ApiTokenRecord>(*writer_, [&](SqliteDb& db) -> Result<core::ApiTokenRecord> {
    auto staff = OneRow(
        db, "SELECT id FROM staff WHERE id = ?", {token.staff_id},
        [](const Statement& row) { return row.Int(0); },
        fmt::format("staff member {}", token.staff_id));
    if (!staff) return tl::unexpected(staff.error());
    auto insert = db.Prepare(
        "INSERT INTO api_tokens (staff_id, token_hash, label, created_at) VALUES (?,?,?,?)");
    if (!insert) return tl::unexpected(insert.error());
    insert->Bind(token.staff_id).Bind(token.token_hash).Bind(token.label).Bind(Seconds(created));
    if (auto done = insert->Run(); !done) return tl::unexpected(done.error());
    return OneRow(db, fmt::format("SELECT {} FROM api_tokens WHERE id = ?", kApiTokenColumns),
                  {db.LastInsertId()}, ReadApiToken, "API token");
  });
}

Result<core::ApiTokenMatch> SqliteStore::FindApiToken(const std::string& token_hash) {
  auto reader = readers_.Borrow();
  return OneRow(
      *reader,
      "SELECT t.id, t.staff_id, t.token_hash, t.label, t.created_at, t.last_used_at, "
      "t.revoked_at, s.id, s.email, s.name, s.initials, s.role, s.department_id, s.active "
      "FROM api_tokens t JOIN staff s ON s.id = t.staff_id "
      "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND s.active = 1",
      {token_hash},
      [](const Statement& row) {
        return core::ApiTokenMatch{ReadApiToken(row), ReadStaff(OffsetRow(row, 7))};
      },
      "API token");
}

Result<void> SqliteStore::TouchApiToken(core::Id token_id, core::Instant at) {
  return writer_->Run([&](SqliteDb& db) -> Result<void> {
    auto changed = Change(db, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?",
                          {Seconds(at), token_id}, fmt::format("API token {}", token_id));
    if (!changed) return tl::unexpected(changed.error());
    return {};
  });
}

Result<void> SqliteStore::RevokeApiToken(core::Id token_id, core::Instant at) {
  return writer_->Run([&](SqliteDb& db) -> Result<void> {
    auto changed =
        Change(db, "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?",
               {Seconds(at), token_id}, fmt::format("API token {}", token_id));
    if (!changed) return tl::unexpected(changed.error());
    return {};
  });
}

Result<std::vector<core::ApiTokenRecord>> SqliteStore::ApiTokens(core::Id staff_id) {
  auto reader = readers_.Borrow();
  return AllRows(
      *reader,
      fmt::format("SELECT {} FROM api_tokens WHERE staff_id = ? ORDER BY id", kApiTokenColumns),
      {staff_id}, ReadApiToken);
}

Result<core::SessionRecord> SqliteStore::CreateSession(const core::SessionRecord& session) {
  if (auto valid = CheckSession(session); !valid) return tl::unexpected(valid.error());
  return Write<core::SessionRecord>(*writer_, [&](SqliteDb& db) -> Result<core::SessionRecord> {
    auto insert = db.Prepare(
        "INSERT INTO sessions (session_hash, staff_id, customer_id, csrf_hash, created_at, "
        "expires_at, revoked) VALUES (?,?,?,?,?,?,0)");
    if (!insert) return tl::unexpected(insert.error());
    insert->Bind(session.session_hash)
        .Bind(session.staff_id)
        .Bind(session.customer_id)
        .Bind(session.csrf_hash)
        .Bind(Seconds(session.created_at))
        .Bind(Seconds(session.expires_at));
    if (auto done = insert->Run(); !done) return tl::unexpected(done.error());
    return OneRow(db, fmt::format("SELECT {} FROM sessions WHERE id = ?", kSessionColumns),
                  {db.LastInsertId()}, ReadSession, "session");
  });
}

Result<core::SessionRecord> SqliteStore::FindSession(const std::string& session_hash,
                                                     core::Instant now) {
  auto reader = readers_.Borrow();
  return OneRow(*reader,
                fmt::format("SELECT {} FROM sessions WHERE session_hash = ? AND revoked = 0 AND "
                            "expires_at > ?",
                            kSessionColumns),
                {session_hash, Seconds(now)}, ReadSession, "session");
}

Result<void> SqliteStore::RevokeSession(const std::string& session_hash) {
  return writer_->Run([&](SqliteDb& db) -> Result<void> {
    auto changed = Change(db, "UPDATE sessions SET revoked = 1 WHERE session_hash = ?",
                          {session_hash}, "session");
    if (!changed) return tl::unexpected(changed.error());
    return {};
  });
}

Result<std::int64_t> SqliteStore::RevokeStaffSessions(core::Id staff_id) {
  return Write<std::int64_t>(*writer_, [&](SqliteDb& db) {
    return Change(db, "UPDATE sessions SET revoked = 1 WHERE staff_id = ? AND revoked = 0",
                  {staff_id}, "", false);
  });
}

Result<std::int64_t> SqliteStore::RevokeCustomerSessions(core::Id customer_id) {
  return Write<std::int64_t>(*writer_, [&](SqliteDb& db) {
    return Change(db, "UPDATE sessions SET revoked = 1 WHERE customer_id = ? AND revoked = 0",
                  {customer_id}, "", false);
  });
}

Result<std::int64_t> SqliteStore::DeleteExpiredSessions(core::Instant now) {
  return Write<std::int64_t>(*writer_, [&](SqliteDb& db) {
    return Change(db, "DELETE FROM sessions WHERE expires_at <= ?", {Seconds(now)}, "", false);
  });
}

Result<void> SqliteStore::SaveCaseSecret(core::Id case_id, const std::string& secret_hash,
                                         core::Instant at) {
  if (auto valid = CheckSha256Hex(secret_hash, "secret_hash"); !valid) return valid;
  return writer_->Run([&](SqliteDb& db) -> Result<void> {
    auto found = OneRow(
        db, "SELECT id FROM cases WHERE id = ?", {case_id},
        [](const Statement& row) { return row.Int(0); }, fmt::format("case {}", case_id));
    if (!found) return tl::unexpected(found.error());
    auto upsert = db.Prepare(
        "INSERT INTO case_secrets (case_id, secret_hash, created_at) VALUES (?,?,?) "
        "ON CONFLICT (case_id) DO UPDATE SET secret_hash = excluded.secret_hash, "
        "created_at = excluded.created_at");
    if (!upsert) return tl::unexpected(upsert.error());
    upsert->Bind(case_id).Bind(secret_hash).Bind(Seconds(at));
    return upsert->Run();
  });
}

Result<core::CaseRecord> SqliteStore::FindCaseBySecret(std::string_view reference,
                                                       const std::string& secret_hash) {
  auto reader = readers_.Borrow();
  return OneRow(*reader,
                fmt::format("SELECT {} FROM cases WHERE reference = ? AND EXISTS (SELECT 1 FROM "
                            "case_secrets s WHERE s.case_id = cases.id AND s.secret_hash = ?)",
                            kCaseColumns),
                {std::string(reference), secret_hash}, ReadCase, "case");
}

}  // namespace caredesk::store
