// Keyset cursors: the sort key of the last row of a page, as an opaque printable token, so the
// next page starts strictly after it whatever was inserted meanwhile.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store.h"

namespace caredesk::store {

struct Cursor {
  std::int64_t key = 0;  // the sort value (queue key, received instant …)
  std::int64_t id = 0;   // the row id, to break ties
};

std::string EncodeCursor(const Cursor& cursor);
// Empty text is no cursor (the first page); malformed text is an error the caller reports as
// a bad "cursor" field.
std::optional<Cursor> DecodeCursor(const std::string& text, bool& malformed);

// Where a page keyed by row id, newest first, starts: below the cursor's id (INT64_MAX for the
// first page); kInvalid naming "cursor" or "limit" (1 to 500).
core::Result<std::int64_t> IdPageStart(const std::string& cursor, int limit);

// The page of `rows` — fetched with LIMIT limit + 1, newest first — and the cursor after it.
template <class Row>
core::Page<Row> IdPage(std::vector<Row> rows, int limit) {
  core::Page<Row> page;
  const bool more = static_cast<int>(rows.size()) > limit;
  if (more) rows.resize(static_cast<std::size_t>(limit));
  page.rows = std::move(rows);
  if (more) page.next_cursor = EncodeCursor({0, page.rows.back().id});
  return page;
}

}  // namespace caredesk::store
