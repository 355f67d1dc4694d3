// Keyset cursors: the sort key of the last row of a page, as an opaque printable token, so the
// next page starts strictly after it whatever was inserted meanwhile.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace caredesk::store {

struct Cursor {
  std::int64_t key = 0;  // the sort value (queue key, received instant …)
  std::int64_t id = 0;   // the row id, to break ties
};

std::string EncodeCursor(const Cursor& cursor);
// Empty text is no cursor (the first page); malformed text is an error the caller reports as
// a bad "cursor" field.
std::optional<Cursor> DecodeCursor(const std::string& text, bool& malformed);

}  // namespace caredesk::store
