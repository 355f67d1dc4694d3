#include "store/common/credential_rows.h"

#include <fmt/format.h>

namespace caredesk::store {

core::ApiTokenRecord ReadApiToken(const RowView& row) {
  core::ApiTokenRecord token;
  token.id = row.Int(0);
  token.staff_id = row.Int(1);
  token.token_hash = row.Text(2);
  token.label = row.Text(3);
  token.created_at = FromSeconds(row.Int(4));
  if (auto used = row.OptionalInt(5)) token.last_used_at = FromSeconds(*used);
  if (auto revoked = row.OptionalInt(6)) token.revoked_at = FromSeconds(*revoked);
  return token;
}

core::SessionRecord ReadSession(const RowView& row) {
  core::SessionRecord session;
  session.id = row.Int(0);
  session.session_hash = row.Text(1);
  session.staff_id = row.OptionalInt(2);
  session.customer_id = row.OptionalInt(3);
  session.csrf_hash = row.Text(4);
  session.created_at = FromSeconds(row.Int(5));
  session.expires_at = FromSeconds(row.Int(6));
  session.revoked = row.Int(7) != 0;
  return session;
}

core::Result<void> CheckSha256Hex(const std::string& value, const std::string& field) {
  const bool hex =
      value.size() == 64 && value.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (!hex) {
    return core::Fail(core::ErrorCode::kInvalid,
                      "must be a SHA-256 hash (64 lowercase hex digits), never the secret itself",
                      field);
  }
  return {};
}

core::Result<void> CheckPasswordHash(const std::string& value) {
  // libsodium's crypto_pwhash_str output is at most 128 bytes; argon2id is the only algorithm
  // caredesk writes.
  if (!value.starts_with("$argon2id$") || value.size() > 128) {
    return core::Fail(core::ErrorCode::kInvalid,
                      "must be an argon2id hash string, never the password itself",
                      "password_hash");
  }
  return {};
}

core::Result<void> CheckApiToken(const core::ApiTokenRecord& token) {
  if (auto hash = CheckSha256Hex(token.token_hash, "token_hash"); !hash) return hash;
  if (token.label.size() > kMaxTokenLabel) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("a label is at most {} bytes", kMaxTokenLabel), "label");
  }
  return {};
}

core::Result<void> CheckSession(const core::SessionRecord& session) {
  if (session.staff_id.has_value() == session.customer_id.has_value()) {
    return core::Fail(core::ErrorCode::kInvalid,
                      "a session belongs to exactly one staff member or one customer", "session");
  }
  if (auto hash = CheckSha256Hex(session.session_hash, "session_hash"); !hash) return hash;
  if (auto hash = CheckSha256Hex(session.csrf_hash, "csrf_hash"); !hash) return hash;
  if (session.expires_at <= session.created_at) {
    return core::Fail(core::ErrorCode::kInvalid, "a session must expire after it is created",
                      "expires_at");
  }
  return {};
}

}  // namespace caredesk::store
