// Cases and their events on SQLite: creation with the next reference of the year, appending
// events to the hash chain with the projection in the same transaction, the keyset-paged work
// queue, a customer's cases and full-text search.
#include <fmt/format.h>

#include "store/common/correspondence_sql.h"
#include "store/common/cursor.h"
#include "store/common/encoded_event.h"
#include "store/common/event_codec.h"
#include "store/common/event_hash.h"
#include "store/common/figures_sql.h"
#include "store/common/import_check.h"
#include "store/common/reference.h"
#include "store/common/rows.h"
#include "store/common/search_terms.h"
#include "store/common/searchable.h"
#include "store/sqlite/sqlite_query.h"
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite/sqlite_store.h"

namespace caredesk::store {
namespace {

constexpr int kMaxPage = 500;

std::optional<std::string> OptionalName(const std::optional<core::Stage>& stage) {
  if (!stage) return std::nullopt;
  return std::string(core::ToString(*stage));
}

void BindOptional(Statement& statement, const std::optional<std::string>& text) {
  if (text) {
    statement.Bind(*text);
  } else {
    statement.BindNull();
  }
}

template <class T, class Name>
void AddIn(std::string& where, std::vector<SqlValue>& params, const char* column,
           const std::vector<T>& values, Name name) {
  if (values.empty()) return;
  where += fmt::format(" AND {} IN (", column);
  for (std::size_t i = 0; i < values.size(); ++i) {
    where += i ? ",?" : "?";
    params.emplace_back(std::string(name(values[i])));
  }
  where += ")";
}

// Writes one event row exactly as given, its payload column already encoded.
Result<void> WriteStoredEvent(SqliteDb& db, const core::StoredEvent& stored,
                              const std::string& payload_json) {
  const core::CaseEvent& event = stored.event;
  static const std::string kInsert =
      fmt::format("INSERT INTO events ({}) VALUES (?,?,?,?,?,?,?,?,?,?,?)", kEventColumns);
  auto insert = db.Prepare(kInsert);
  if (!insert) return tl::unexpected(insert.error());
  insert->Bind(stored.case_id)
      .Bind(stored.seq)
      .Bind(core::ToString(event.type()))
      .Bind(Seconds(event.at))
      .Bind(event.actor.id)
      .Bind(event.actor.name)
      .Bind(event.actor.initials)
      .Bind(payload_json)
      .Bind(Seconds(stored.recorded_at))
      .Bind(stored.prev_hash)
      .Bind(stored.hash);
  return insert->Run();
}

// An event encoded and its search terms stemmed, before the write reaches the writer thread.
struct PreparedEvent {
  EncodedEvent encoded;
  std::string terms;  // IndexTerms of its free text
};

PreparedEvent PrepareEvent(const core::CaseEvent& event) {
  PreparedEvent prepared{EncodeEvent(event), {}};
  prepared.terms = IndexTerms(prepared.encoded.search_text);
  return prepared;
}

// Appends one event to a case's chain.
Result<core::StoredEvent> InsertEvent(SqliteDb& db, core::Instant now, core::Id case_id,
                                      const std::string& reference, std::int64_t seq,
                                      const std::string& prev_hash, const core::CaseEvent& event,
                                      const EncodedEvent& encoded) {
  core::StoredEvent stored{case_id, seq, event, now, prev_hash, {}};
  stored.hash = EventHash(CanonicalEventText(reference, seq, encoded.event_json), prev_hash);
  if (auto written = WriteStoredEvent(db, stored, encoded.payload_json); !written) {
    return tl::unexpected(written.error());
  }
  return stored;
}

// Creates a case's search row (`create`) or adds terms to it.
Result<void> WriteSearchTerms(SqliteDb& db, core::Id case_id, const std::string& terms,
                              bool create) {
  auto statement =
      db.Prepare(create ? "INSERT INTO case_search (terms, rowid) VALUES (?, ?)"
                        : "UPDATE case_search SET terms = terms || ' ' || ? WHERE rowid = ?");
  if (!statement) return tl::unexpected(statement.error());
  statement->Bind(terms).Bind(case_id);
  return statement->Run();
}

Result<void> WriteProjection(SqliteDb& db, const core::CaseRecord& r) {
  auto update = db.Prepare(
      "UPDATE cases SET kind=?, channel=?, stage=?, status=?, anonymous=?, customer_id=?, "
      "department_id=?, assignee_id=?, subject=?, nature=?, service=?, updated_at=?, next_due=?, "
      "queue_key=?, next_standard=?, next_status=?, event_count=? WHERE id = ?");
  if (!update) return tl::unexpected(update.error());
  update->Bind(core::ToString(r.kind)).Bind(core::ToString(r.channel));
  BindOptional(*update, OptionalName(r.stage));
  update->Bind(core::ToString(r.status))
      .Bind(std::int64_t{r.anonymous ? 1 : 0})
      .Bind(r.customer_id)
      .Bind(r.department_id)
      .Bind(r.assignee_id)
      .Bind(r.subject)
      .Bind(r.nature)
      .Bind(r.service)
      .Bind(Seconds(r.updated_at));
  if (r.next_due) {
    update->Bind(Seconds(*r.next_due));
  } else {
    update->BindNull();
  }
  update->Bind(QueueKey(r)).Bind(r.next_standard);
  BindOptional(*update, r.next_status ? std::optional<std::string>(core::ToString(*r.next_status))
                                      : std::nullopt);
  update->Bind(r.event_count).Bind(r.id);
  return update->Run();
}

// A case is judged under the policy version it was received under, so that version must be on
// file before the case is: an import names it, and it is refused when the store lacks it.
Result<void> RequirePolicy(SqliteDb& db, const core::CaseRecord& record) {
  auto known = db.Prepare("SELECT 1 FROM policy_versions WHERE version = ?");
  if (!known) return tl::unexpected(known.error());
  known->Bind(record.policy_version);
  auto row = known->Step();
  if (!row) return tl::unexpected(row.error());
  if (*row) return {};
  return Fail(core::ErrorCode::kNotFound,
              fmt::format("case {} was received under policy version \"{}\", which this store "
                          "does not have: install that policy version first",
                          record.reference, record.policy_version),
              "policy_version");
}

// Inserts a case's projection row; its id.
Result<core::Id> InsertCaseRow(SqliteDb& db, const core::CaseRecord& record) {
  auto insert = db.Prepare(
      "INSERT INTO cases (reference, kind, channel, stage, status, anonymous, customer_id, "
      "department_id, assignee_id, subject, nature, service, policy_version, received_at, "
      "logged_at, updated_at, next_due, queue_key, next_standard, next_status, event_count) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!insert) return tl::unexpected(insert.error());
  insert->Bind(record.reference)
      .Bind(core::ToString(record.kind))
      .Bind(core::ToString(record.channel));
  BindOptional(*insert, OptionalName(record.stage));
  insert->Bind(core::ToString(record.status))
      .Bind(std::int64_t{record.anonymous ? 1 : 0})
      .Bind(record.customer_id)
      .Bind(record.department_id)
      .Bind(record.assignee_id)
      .Bind(record.subject)
      .Bind(record.nature)
      .Bind(record.service)
      .Bind(record.policy_version)
      .Bind(Seconds(record.received_at))
      .Bind(Seconds(record.logged_at))
      .Bind(Seconds(record.updated_at));
  if (record.next_due) {
    insert->Bind(Seconds(*record.next_due));
  } else {
    insert->BindNull();
  }
  insert->Bind(QueueKey(record)).Bind(record.next_standard);
  BindOptional(*insert, record.next_status
                            ? std::optional<std::string>(core::ToString(*record.next_status))
                            : std::nullopt);
  insert->Bind(record.event_count);
  if (auto done = insert->Run(); !done) return tl::unexpected(done.error());
  return db.LastInsertId();
}

}  // namespace

Result<core::CaseRecord> SqliteStore::CreateCase(const core::NewCase& new_case) {
  if (new_case.received.type() != core::EventType::kReceived) {
    return Fail(core::ErrorCode::kInvalid, "a case starts with a received event", "received");
  }
  const core::Instant now = clock_.Now();
  const PreparedEvent received = PrepareEvent(new_case.received);
  const core::CaseEffects& effects = new_case.effects;
  auto created = Write<core::CaseRecord>(*writer_, [&](SqliteDb& db) -> Result<core::CaseRecord> {
    SqliteSession session(db);
    if (!effects.empty()) {
      if (auto allowed = CheckEffects(session, effects); !allowed) {
        return tl::unexpected(allowed.error());
      }
    }
    core::CaseRecord record = new_case.record;
    const int year =
        int(date::year_month_day{std::chrono::floor<date::days>(record.received_at)}.year());
    auto reference = references_.Next(db, year);
    if (!reference) return tl::unexpected(reference.error());
    record.reference = std::move(*reference);
    record.event_count = 1;
    auto id = InsertCaseRow(db, record);
    if (!id) return tl::unexpected(id.error());
    record.id = *id;
    auto event = InsertEvent(db, now, record.id, record.reference, 1, std::string(kGenesisHash),
                             new_case.received, received.encoded);
    if (!event) return tl::unexpected(event.error());
    if (!effects.empty()) {
      if (auto written = WriteEffects(session, record.id, 1, effects, now); !written) {
        return tl::unexpected(written.error());
      }
    }
    writer_->Defer([id = record.id, &received](SqliteDb& db) {
      return WriteSearchTerms(db, id, received.terms, true);
    });
    return record;
  });
  if (created) changes_.Publish(core::ChangeOf(*created, core::EventType::kReceived));
  return created;
}

Result<void> SqliteStore::ImportCases(std::span<const core::CaseHistory> cases) {
  if (auto valid = CheckImport(cases); !valid) return valid;
  return writer_->Run([&](SqliteDb& db) -> Result<void> {
    for (const auto& history : cases) {
      core::CaseRecord record = history.record;
      record.event_count = static_cast<std::int64_t>(history.events.size());
      if (auto known = RequirePolicy(db, record); !known) return known;
      auto id = InsertCaseRow(db, record);
      if (!id) return tl::unexpected(id.error());
      std::string text;  // one search row per case, written once
      for (core::StoredEvent stored : history.events) {
        stored.case_id = *id;
        const nlohmann::json payload = PayloadToJson(stored.event.payload);
        if (auto written = WriteStoredEvent(db, stored, CanonicalJson(payload)); !written) {
          return written;
        }
        text += SearchableText(payload);
        text += '\n';
      }
      if (auto indexed = WriteSearchTerms(db, *id, IndexTerms(text), true); !indexed)
        return indexed;
      SqliteSession session(db);
      auto figured = history.figures ? WriteFigures(session, *id, *history.figures)
                                     : ForgetFiguresComplete(session);
      if (!figured) return figured;
      const auto parts = *ParseReference(record.reference);
      auto counter = db.Prepare(
          "INSERT INTO reference_counters (year, last) VALUES (?, ?) "
          "ON CONFLICT (year) DO UPDATE SET last = MAX(last, excluded.last)");
      if (!counter) return tl::unexpected(counter.error());
      counter->Bind(std::int64_t{parts.year}).Bind(parts.number);
      if (auto done = counter->Run(); !done) return done;
      references_.Used(parts.year, parts.number);
    }
    return {};
  });
}

Result<core::StoredEvent> SqliteStore::AppendEvent(core::Id case_id, std::int64_t expected_count,
                                                   const core::CaseEvent& event,
                                                   const core::CaseRecord& projection,
                                                   const core::CaseEffects& effects) {
  const core::Instant now = clock_.Now();
  const PreparedEvent prepared = PrepareEvent(event);
  std::optional<core::CaseRecord> written;  // the projection as committed
  auto out = Write<core::StoredEvent>(*writer_, [&](SqliteDb& db) -> Result<core::StoredEvent> {
    auto head = db.Prepare(
        "SELECT c.reference, c.event_count, e.hash FROM cases c JOIN events e "
        "ON e.case_id = c.id AND e.seq = c.event_count WHERE c.id = ?");
    if (!head) return tl::unexpected(head.error());
    head->Bind(case_id);
    auto row = head->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Fail(core::ErrorCode::kNotFound, fmt::format("case {} not found", case_id));
    const std::string reference = head->Text(0);
    const std::int64_t count = head->Int(1);
    const std::string prev_hash = head->Text(2);
    if (count != expected_count) {
      return Fail(core::ErrorCode::kConflict,
                  fmt::format("case {} changed meanwhile: it has {} events, not {}", reference,
                              count, expected_count));
    }
    SqliteSession session(db);
    if (!effects.empty()) {
      if (auto allowed = CheckEffects(session, effects); !allowed) {
        return tl::unexpected(allowed.error());
      }
    }
    auto stored =
        InsertEvent(db, now, case_id, reference, count + 1, prev_hash, event, prepared.encoded);
    if (!stored) return stored;
    if (!effects.empty()) {
      if (auto done = WriteEffects(session, case_id, count + 1, effects, now); !done) {
        return tl::unexpected(done.error());
      }
    }
    if (!prepared.terms.empty()) {
      writer_->Defer([case_id, &prepared](SqliteDb& db) {
        return WriteSearchTerms(db, case_id, prepared.terms, false);
      });
    }
    core::CaseRecord record = projection;
    record.id = case_id;
    record.reference = reference;
    record.event_count = count + 1;
    if (auto done = WriteProjection(db, record); !done) return tl::unexpected(done.error());
    written = std::move(record);
    return stored;
  });
  if (out) changes_.Publish(core::ChangeOf(*written, event.type()));
  return out;
}

Result<core::CaseRecord> SqliteStore::FindCase(std::string_view reference) {
  auto reader = readers_.Borrow();
  return OneRow(*reader, fmt::format("SELECT {} FROM cases WHERE reference = ?", kCaseColumns),
                {std::string(reference)}, ReadCase, fmt::format("case {}", reference));
}

Result<std::vector<core::StoredEvent>> SqliteStore::Events(core::Id case_id) {
  auto reader = readers_.Borrow();
  auto rows = AllRows(
      *reader, fmt::format("SELECT {} FROM events WHERE case_id = ? ORDER BY seq", kEventColumns),
      {case_id}, ReadEvent);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<core::StoredEvent> events;
  for (auto& row : *rows) {
    if (!row) return tl::unexpected(row.error());
    events.push_back(std::move(*row));
  }
  return events;
}

Result<core::Page<core::CaseRecord>> SqliteStore::CasePage(
    const std::string& from, std::string where, std::vector<SqlValue> params,
    const std::string& key_column, bool descending, const std::string& cursor, int limit) {
  bool malformed = false;
  auto after = DecodeCursor(cursor, malformed);
  if (malformed) return Fail(core::ErrorCode::kInvalid, "the cursor is not valid", "cursor");
  if (limit < 1 || limit > kMaxPage) {
    return Fail(core::ErrorCode::kInvalid, fmt::format("limit must be 1 to {}", kMaxPage), "limit");
  }
  const char* beyond = descending ? "<" : ">";
  if (after) {
    where += fmt::format(" AND ({0} {1} ? OR ({0} = ? AND id {1} ?))", key_column, beyond);
    params.insert(params.end(), {after->key, after->key, after->id});
  }
  const char* order = descending ? "DESC" : "ASC";
  auto reader = readers_.Borrow();
  auto rows = AllRows(
      *reader,
      fmt::format("SELECT {}, {} FROM {} WHERE {} ORDER BY {} {}, id {} LIMIT {}", kCaseColumns,
                  key_column, from, where, key_column, order, order, limit + 1),
      params, [](const Statement& row) {
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

Result<core::Page<core::CaseRecord>> SqliteStore::Queue(const core::QueueQuery& query) {
  std::string where = "1 = 1";
  std::vector<SqlValue> params;
  AddIn(where, params, "kind", query.kinds, [](auto v) { return core::ToString(v); });
  AddIn(where, params, "channel", query.channels, [](auto v) { return core::ToString(v); });
  AddIn(where, params, "status", query.statuses, [](auto v) { return core::ToString(v); });
  AddIn(where, params, "stage", query.stages, [](auto v) { return core::ToString(v); });
  AddIn(where, params, "next_status", query.deadline_statuses,
        [](auto v) { return core::ToString(v); });
  if (query.department_id) {
    where += " AND department_id = ?";
    params.emplace_back(*query.department_id);
  }
  if (query.assignee_id) {
    where += " AND assignee_id = ?";
    params.emplace_back(*query.assignee_id);
  }
  if (query.received_from) {
    where += " AND received_at >= ?";
    params.emplace_back(Seconds(*query.received_from));
  }
  if (query.received_until) {
    where += " AND received_at < ?";
    params.emplace_back(Seconds(*query.received_until));
  }
  return CasePage("cases", std::move(where), std::move(params), "queue_key", false, query.cursor,
                  query.limit);
}

Result<core::Page<core::CaseRecord>> SqliteStore::CustomerCases(core::Id customer_id,
                                                                const std::string& cursor,
                                                                int limit) {
  return CasePage("cases", "customer_id = ?", {customer_id}, "received_at", true, cursor, limit);
}

Result<core::Page<core::CaseRecord>> SqliteStore::Search(const std::string& text,
                                                         const std::string& cursor, int limit) {
  const std::string match = MatchExpression(text);
  if (match.empty()) {
    return Fail(core::ErrorCode::kInvalid, "the search has no words to look for", "q");
  }
  // Newest matching case first: FTS5 walks its index by rowid (the case id) backwards and stops
  // at the page's end, so a common word costs no more than a rare one.
  bool malformed = false;
  auto after = DecodeCursor(cursor, malformed);
  if (malformed) return Fail(core::ErrorCode::kInvalid, "the cursor is not valid", "cursor");
  if (limit < 1 || limit > kMaxPage) {
    return Fail(core::ErrorCode::kInvalid, fmt::format("limit must be 1 to {}", kMaxPage), "limit");
  }
  auto reader = readers_.Borrow();
  auto rows = AllRows(*reader,
                      fmt::format("SELECT {} FROM cases WHERE id IN (SELECT rowid FROM case_search "
                                  "WHERE case_search MATCH ? AND rowid < ? ORDER BY rowid DESC "
                                  "LIMIT {}) ORDER BY id DESC",
                                  kCaseColumns, limit + 1),
                      {match, after ? after->id : INT64_MAX}, ReadCase);
  if (!rows) return tl::unexpected(rows.error());
  core::Page<core::CaseRecord> page;
  for (int i = 0; i < static_cast<int>(rows->size()) && i < limit; ++i) {
    page.rows.push_back((*rows)[i]);
  }
  if (static_cast<int>(rows->size()) > limit)
    page.next_cursor = EncodeCursor({0, page.rows.back().id});
  return page;
}

}  // namespace caredesk::store
