// Rows of the sign-in tables (schema 2), engine-neutral like rows.h, and the checks both
// engines make before storing credentials: the store accepts only hashes, so a caller that
// passes a raw token or password by mistake is refused instead of writing a secret to disk.
#pragma once

#include <string>

#include "core/credential_records.h"
#include "core/error.h"
#include "store/common/rows.h"

namespace caredesk::store {

inline constexpr const char* kApiTokenColumns =
    "id, staff_id, token_hash, label, created_at, last_used_at, revoked_at";
core::ApiTokenRecord ReadApiToken(const RowView& row);

inline constexpr const char* kSessionColumns =
    "id, session_hash, staff_id, customer_id, csrf_hash, created_at, expires_at, revoked";
core::SessionRecord ReadSession(const RowView& row);

// A row read from column `offset` on, so the shared Read* functions work on joined rows.
class OffsetRow : public RowView {
 public:
  OffsetRow(const RowView& row, int offset) : row_(row), offset_(offset) {}
  std::int64_t Int(int column) const override { return row_.Int(column + offset_); }
  std::string Text(int column) const override { return row_.Text(column + offset_); }
  std::string_view TextView(int column) const override { return row_.TextView(column + offset_); }
  bool IsNull(int column) const override { return row_.IsNull(column + offset_); }

 private:
  const RowView& row_;
  int offset_;
};

inline constexpr std::size_t kMaxTokenLabel = 200;

// kInvalid naming `field` unless `value` is 64 lowercase hex digits (a SHA-256).
core::Result<void> CheckSha256Hex(const std::string& value, const std::string& field);
// kInvalid unless `value` looks like a libsodium password hash string ("$argon2id$…").
core::Result<void> CheckPasswordHash(const std::string& value);
core::Result<void> CheckApiToken(const core::ApiTokenRecord& token);
core::Result<void> CheckSession(const core::SessionRecord& session);

}  // namespace caredesk::store
