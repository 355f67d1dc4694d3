// Appending events to a case's hash chain on PostgreSQL, with the projection in the same
// transaction (creation: pg_create.cc; imports: pg_import.cc).
// Each write also adds the event's words to the case's tsvector (see pg_queries.cc for search).
#include <date/date.h>
#include <fmt/format.h>

#include <optional>

#include "store/common/correspondence_sql.h"
#include "store/common/event_hash.h"
#include "store/common/reference.h"
#include "store/common/rows.h"
#include "store/postgres/pg_case_params.h"
#include "store/postgres/pg_session.h"
#include "store/postgres/pg_store.h"

namespace caredesk::store {
namespace {

// Writes one event row exactly as given.
Result<void> WriteStoredEvent(PgConnection& conn, const core::StoredEvent& stored) {
  static const std::string kInsert =
      fmt::format("INSERT INTO events ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                  kEventColumns);
  PgParams params;
  params.Int(stored.case_id);
  AddEventColumns(params, stored);
  if (auto inserted = conn.Query(kInsert, params); !inserted) {
    return tl::unexpected(inserted.error());
  }
  return {};
}

// Appends event `seq` to a case's chain after `prev_hash`.
Result<core::StoredEvent> InsertEvent(PgConnection& conn, core::Instant now, core::Id case_id,
                                      const std::string& reference, std::int64_t seq,
                                      const std::string& prev_hash, const core::CaseEvent& event) {
  core::StoredEvent stored{case_id, seq, event, now, prev_hash, {}};
  stored.hash = EventHash(CanonicalEventText(reference, seq, event), prev_hash);
  if (auto written = WriteStoredEvent(conn, stored); !written) {
    return tl::unexpected(written.error());
  }
  return stored;
}

}  // namespace

Result<core::StoredEvent> PgStore::AppendEvent(core::Id case_id, std::int64_t expected_count,
                                               const core::CaseEvent& event,
                                               const core::CaseRecord& projection,
                                               const core::CaseEffects& effects) {
  static const std::string kUpdate = fmt::format(
      "UPDATE cases SET kind = $1, channel = $2, stage = $3, status = $4, anonymous = $5, "
      "customer_id = $6, department_id = $7, assignee_id = $8, subject = $9, nature = $10, "
      "service = $11, updated_at = $12, next_due = $13, queue_key = $14, next_standard = $15, "
      "next_status = $16, event_count = $17, search = search || {} WHERE id = $19",
      IndexedWords("$18"));
  const core::Instant now = clock_.Now();
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  std::optional<core::CaseChange> announced;
  auto appended = InTransaction(**conn, [&]() -> Result<core::StoredEvent> {
    // The row lock serialises writers of one case across processes; a writer that waited sees
    // the count its predecessor left and gets a conflict.
    auto head = OneRow(
        **conn, "SELECT reference, event_count FROM cases WHERE id = $1 FOR UPDATE",
        PgParams().Int(case_id),
        [](const PgRow& row) {
          return std::pair{row.Text(0), row.Int(1)};
        },
        fmt::format("case {}", case_id));
    if (!head) return tl::unexpected(head.error());
    const auto& [reference, count] = *head;
    if (count != expected_count) {
      return Fail(core::ErrorCode::kConflict,
                  fmt::format("case {} changed meanwhile: it has {} events, not {}", reference,
                              count, expected_count));
    }
    PgSession session(**conn);
    if (!effects.empty()) {
      if (auto allowed = CheckEffects(session, effects); !allowed) {
        return tl::unexpected(allowed.error());
      }
    }
    // A statement of its own, after the lock: its snapshot includes the predecessor's event.
    auto prev_hash = OneRow(
        **conn, "SELECT hash FROM events WHERE case_id = $1 AND seq = $2",
        PgParams().Int(case_id).Int(count), [](const PgRow& row) { return row.Text(0); },
        fmt::format("event {} of case {}", count, reference));
    if (!prev_hash) return tl::unexpected(prev_hash.error());
    auto stored = InsertEvent(**conn, now, case_id, reference, count + 1, *prev_hash, event);
    if (!stored) return stored;
    if (!effects.empty()) {
      if (auto done = WriteEffects(session, case_id, count + 1, effects, now); !done) {
        return tl::unexpected(done.error());
      }
    }
    core::CaseRecord record = projection;
    record.id = case_id;
    record.reference = reference;
    record.event_count = count + 1;
    PgParams params;
    AddProjection(params, record, SearchDocument(event));
    params.Int(case_id);
    if (auto written = (*conn)->Query(kUpdate, params); !written) {
      return tl::unexpected(written.error());
    }
    announced = core::ChangeOf(record, event.type());
    return stored;
  });
  if (appended && announced) notifier_.Announce({*announced});  // committed: tell the others
  return appended;
}

}  // namespace caredesk::store
