// Reading cases on PostgreSQL: one case, its events, and keyset-paged lists (the work queue, a
// customer's cases, full-text search, newest matching case first).
//
// Search: each case keeps a tsvector of its words under both the english and the spanish
// configuration (pg_cases.cc). Text is split into words by store::Words on both sides (what is
// indexed and what is searched), so the engines agree on what a word is; PostgreSQL stems them.
// A search is the AND (&&) over its words of plainto_tsquery('english', w) ||
// plainto_tsquery('spanish', w), each word a parameter of its own, so no value is spliced into
// SQL and no lexeme needs quoting. A word that is a stop word in both languages yields an empty
// query, which && ignores, as the index ignores the word; one that is a stop word in only one
// language must still match under the other.
#include <fmt/format.h>

#include <set>

#include "store/common/cursor.h"
#include "store/common/rows.h"
#include "store/common/search_terms.h"
#include "store/postgres/pg_store.h"

namespace caredesk::store {
namespace {

constexpr int kMaxPage = 500;

// A page of the cases matching every one of `words` (one parameter each, from $1), newest first
// (by id, as SQLite walks its index by rowid); then the id to start below and the page size.
std::string SearchSql(std::size_t words) {
  std::string query;
  for (std::size_t i = 1; i <= words; ++i) {
    if (i > 1) query += " && ";
    query += fmt::format(
        "(plainto_tsquery('english'::regconfig, ${0}::text) || "
        "plainto_tsquery('spanish'::regconfig, ${0}::text))",
        i);
  }
  return fmt::format(
      "SELECT {} FROM cases WHERE search @@ ({}) AND id < ${} ORDER BY id DESC "
      "LIMIT ${}",
      kCaseColumns, query, words + 1, words + 2);
}

template <class T, class Name>
void AddAny(std::string& where, PgParams& params, const char* column, const std::vector<T>& values,
            Name name) {
  if (values.empty()) return;
  where += fmt::format(" AND {} = ANY({}::text[])", column, params.Next());
  std::vector<std::string> names;
  for (const auto& value : values) names.emplace_back(name(value));
  params.TextArray(names);
}

}  // namespace

Result<core::CaseRecord> PgStore::FindCase(std::string_view reference) {
  static const std::string kSql =
      fmt::format("SELECT {} FROM cases WHERE reference = $1", kCaseColumns);
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  return OneRow(**conn, kSql, PgParams().Text(reference), ReadCase,
                fmt::format("case {}", reference));
}

Result<std::vector<core::StoredEvent>> PgStore::Events(core::Id case_id) {
  static const std::string kSql =
      fmt::format("SELECT {} FROM events WHERE case_id = $1 ORDER BY seq", kEventColumns);
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  auto rows = AllRows(**conn, kSql, PgParams().Int(case_id), ReadEvent);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<core::StoredEvent> events;
  for (auto& row : *rows) {
    if (!row) return tl::unexpected(row.error());
    events.push_back(std::move(*row));
  }
  return events;
}

Result<core::Page<core::CaseRecord>> PgStore::CasePage(const std::string& from, std::string where,
                                                       PgParams params,
                                                       const std::string& key_column,
                                                       bool descending, const std::string& cursor,
                                                       int limit) {
  bool malformed = false;
  auto after = DecodeCursor(cursor, malformed);
  if (malformed) return Fail(core::ErrorCode::kInvalid, "the cursor is not valid", "cursor");
  if (limit < 1 || limit > kMaxPage) {
    return Fail(core::ErrorCode::kInvalid, fmt::format("limit must be 1 to {}", kMaxPage), "limit");
  }
  if (after) {
    const std::string key = params.Next();
    params.Int(after->key);
    where += fmt::format(" AND ({}, id) {} ({}, {})", key_column, descending ? "<" : ">", key,
                         params.Next());
    params.Int(after->id);
  }
  const std::string limit_param = params.Next();
  params.Int(limit + 1);
  const char* order = descending ? "DESC" : "ASC";
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  auto rows = AllRows(
      **conn,
      fmt::format("SELECT {}, {} FROM {} WHERE {} ORDER BY {} {}, id {} LIMIT {}", kCaseColumns,
                  key_column, from, where, key_column, order, order, limit_param),
      params, [](const PgRow& row) {
        return std::pair{ReadCase(row), row.Int(21)};
      });
  if (!rows) return tl::unexpected(rows.error());
  core::Page<core::CaseRecord> page;
  for (int i = 0; i < static_cast<int>(rows->size()) && i < limit; ++i) {
    page.rows.push_back((*rows)[i].first);
  }
  if (static_cast<int>(rows->size()) > limit) {
    page.next_cursor = EncodeCursor({(*rows)[limit - 1].second, (*rows)[limit - 1].first.id});
  }
  return page;
}

Result<core::Page<core::CaseRecord>> PgStore::Queue(const core::QueueQuery& query) {
  std::string where = "TRUE";
  PgParams params;
  AddAny(where, params, "kind", query.kinds, [](auto v) { return core::ToString(v); });
  AddAny(where, params, "channel", query.channels, [](auto v) { return core::ToString(v); });
  AddAny(where, params, "status", query.statuses, [](auto v) { return core::ToString(v); });
  AddAny(where, params, "stage", query.stages, [](auto v) { return core::ToString(v); });
  AddAny(where, params, "next_status", query.deadline_statuses,
         [](auto v) { return core::ToString(v); });
  auto add = [&](const char* condition, std::int64_t value) {
    where += fmt::format(" AND {} {}", condition, params.Next());
    params.Int(value);
  };
  if (query.department_id) add("department_id =", *query.department_id);
  if (query.assignee_id) add("assignee_id =", *query.assignee_id);
  if (query.received_from) add("received_at >=", Seconds(*query.received_from));
  if (query.received_until) add("received_at <", Seconds(*query.received_until));
  return CasePage("cases", std::move(where), std::move(params), "queue_key", false, query.cursor,
                  query.limit);
}

Result<core::Page<core::CaseRecord>> PgStore::CustomerCases(core::Id customer_id,
                                                            const std::string& cursor, int limit) {
  return CasePage("cases", "customer_id = $1", PgParams().Int(customer_id), "received_at", true,
                  cursor, limit);
}

Result<core::Page<core::CaseRecord>> PgStore::Search(const std::string& text,
                                                     const std::string& cursor, int limit) {
  const auto all_words = Words(text);
  const std::set<std::string> words(all_words.begin(), all_words.end());  // AND is idempotent
  if (words.empty()) {
    return Fail(core::ErrorCode::kInvalid, "the search has no words to look for", "q");
  }
  bool malformed = false;
  auto after = DecodeCursor(cursor, malformed);
  if (malformed) return Fail(core::ErrorCode::kInvalid, "the cursor is not valid", "cursor");
  if (limit < 1 || limit > kMaxPage) {
    return Fail(core::ErrorCode::kInvalid, fmt::format("limit must be 1 to {}", kMaxPage), "limit");
  }
  PgParams params;
  for (const auto& word : words) params.Text(word);
  params.Int(after ? after->id : INT64_MAX).Int(std::int64_t{limit} + 1);
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  // Planned for these words each time: a common word is best found walking the cases newest
  // first, a rare one through the GIN index, and only the words' statistics tell which.
  auto rows = AllRows(**conn, SearchSql(words.size()), params, ReadCase, PgConnection::kFreshPlan);
  if (!rows) return tl::unexpected(rows.error());
  core::Page<core::CaseRecord> page;
  for (int i = 0; i < static_cast<int>(rows->size()) && i < limit; ++i) {
    page.rows.push_back((*rows)[i]);
  }
  if (static_cast<int>(rows->size()) > limit) {
    page.next_cursor = EncodeCursor({0, page.rows.back().id});
  }
  return page;
}

}  // namespace caredesk::store
