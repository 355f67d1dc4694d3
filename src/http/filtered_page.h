// A page of only the rows a reader may see, from a store that pages everything: store pages are
// filtered and read on until the page is full, or at most a few store pages have been read, so a
// reader with a narrow scope gets a short page (and the cursor to read on) rather than a slow one.
#pragma once

#include <string>
#include <utility>

#include "core/store.h"

namespace caredesk::http {

inline constexpr int kMaxStorePagesPerPage = 8;

// `fetch(cursor)` reads one store page; `keep(row)` says whether the reader may see a row.
template <class T, class Fetch, class Keep>
core::Result<core::Page<T>> FilteredPage(Fetch fetch, Keep keep, std::string cursor, int limit) {
  core::Page<T> page;
  for (int i = 0; i < kMaxStorePagesPerPage; ++i) {
    core::Result<core::Page<T>> rows = fetch(cursor);
    if (!rows) return tl::unexpected(rows.error());
    for (auto& row : rows->rows) {
      if (keep(row)) page.rows.push_back(std::move(row));
    }
    page.next_cursor = rows->next_cursor;
    if (static_cast<int>(page.rows.size()) >= limit || page.next_cursor.empty()) break;
    cursor = page.next_cursor;
  }
  return page;
}

}  // namespace caredesk::http
