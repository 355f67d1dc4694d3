#include "store/common/cursor.h"

#include <fmt/format.h>

#include <charconv>

namespace caredesk::store {

std::string EncodeCursor(const Cursor& cursor) {
  return fmt::format("{}.{}", cursor.key, cursor.id);
}

std::optional<Cursor> DecodeCursor(const std::string& text, bool& malformed) {
  malformed = false;
  if (text.empty()) return std::nullopt;
  Cursor cursor;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  auto [after_key, key_error] = std::from_chars(begin, end, cursor.key);
  if (key_error != std::errc() || after_key == end || *after_key != '.') {
    malformed = true;
    return std::nullopt;
  }
  auto [after_id, id_error] = std::from_chars(after_key + 1, end, cursor.id);
  if (id_error != std::errc() || after_id != end) {
    malformed = true;
    return std::nullopt;
  }
  return cursor;
}

core::Result<std::int64_t> IdPageStart(const std::string& cursor, int limit) {
  bool malformed = false;
  auto after = DecodeCursor(cursor, malformed);
  if (malformed) return core::Fail(core::ErrorCode::kInvalid, "the cursor is not valid", "cursor");
  if (limit < 1 || limit > 500) {
    return core::Fail(core::ErrorCode::kInvalid, "limit must be 1 to 500", "limit");
  }
  return after ? after->id : INT64_MAX;
}

}  // namespace caredesk::store
