// Writing cases on PostgreSQL: creation with the next reference of the year, and appending
// events to the hash chain with the projection in the same transaction (imports: pg_import.cc).
// Each write also adds the event's words to the case's tsvector (see pg_queries.cc for search).
#include <date/date.h>
#include <fmt/format.h>

#include "store/common/event_hash.h"
#include "store/common/reference.h"
#include "store/common/rows.h"
#include "store/postgres/pg_case_params.h"
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

constexpr std::int64_t kReferenceLock = 0x6361726564657333;  // "caredes3"

}  // namespace

Result<void> PgStore::EnsureReferenceSequence(PgConnection& conn, int year) {
  if (year < 1 || year > 9999) {
    return Fail(core::ErrorCode::kInvalid, fmt::format("year {} is out of range", year),
                "received_at");
  }
  {
    std::lock_guard lock(years_mutex_);
    if (reference_years_.contains(year)) return {};
  }
  // CREATE … IF NOT EXISTS is not safe against a concurrent create; the lock makes processes
  // meeting a new year together take turns.
  auto created = InTransaction(conn, [&]() -> Result<void> {
    if (auto locked =
            conn.Query("SELECT pg_advisory_xact_lock($1)", PgParams().Int(kReferenceLock));
        !locked) {
      return tl::unexpected(locked.error());
    }
    return conn.Exec(
        fmt::format("CREATE SEQUENCE IF NOT EXISTS {} AS bigint", ReferenceSequence(year)));
  });
  if (!created) return created;
  std::lock_guard lock(years_mutex_);
  reference_years_.insert(year);
  return {};
}

Result<core::CaseRecord> PgStore::CreateCase(const core::NewCase& new_case) {
  if (new_case.received.type() != core::EventType::kReceived) {
    return Fail(core::ErrorCode::kInvalid, "a case starts with a received event", "received");
  }
  // The case and its received event in one statement, so one round trip and one (group)
  // commit: a single statement outside BEGIN is its own transaction.
  static const std::string kInsert = fmt::format(
      "WITH new_case AS (INSERT INTO cases (kind, channel, stage, status, anonymous, customer_id, "
      "department_id, assignee_id, subject, nature, service, updated_at, next_due, queue_key, "
      "next_standard, next_status, event_count, search, reference, policy_version, received_at, "
      "logged_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
      "$17, {}, $19, $20, $21, $22) RETURNING id) "
      "INSERT INTO events ({}) SELECT new_case.id, $23::bigint, $24::text, $25::bigint, "
      "$26::text, $27::text, $28::text, $29::text, $30::bigint, $31::text, $32::text "
      "FROM new_case RETURNING case_id",
      IndexedWords("$18"), kEventColumns);
  core::CaseRecord record = new_case.record;
  record.event_count = 1;
  const int year =
      int(date::year_month_day{std::chrono::floor<date::days>(record.received_at)}.year());
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  // A sequence, not a counter row in the case's transaction: a row lock held until the case's
  // commit reached disk would let only one case be created per disk flush, however many
  // writers there are. nextval locks nothing; its number is durable once any later commit is
  // (WAL is flushed in order), so no acknowledged case's number is handed out again after a
  // crash. A case whose insert fails leaves a gap.
  if (auto ensured = EnsureReferenceSequence(**conn, year); !ensured) {
    return tl::unexpected(ensured.error());
  }
  auto number = OneRow(
      **conn, fmt::format("SELECT nextval('{}')", ReferenceSequence(year)), {},
      [](const PgRow& row) { return row.Int(0); }, "the next reference");
  if (!number) return tl::unexpected(number.error());
  record.reference = FormatReference(year, *number);
  core::StoredEvent received{0, 1, new_case.received, clock_.Now(), std::string(kGenesisHash), {}};
  received.hash =
      EventHash(CanonicalEventText(record.reference, 1, received.event), received.prev_hash);
  PgParams params;
  AddProjection(params, record, SearchDocument(new_case.received));
  params.Text(record.reference)
      .Text(record.policy_version)
      .Int(Seconds(record.received_at))
      .Int(Seconds(record.logged_at));
  AddEventColumns(params, received);  // $23 … $32
  auto id = OneRow(
      **conn, kInsert, params, [](const PgRow& row) { return row.Int(0); }, "the new case");
  if (!id) return tl::unexpected(id.error());
  record.id = *id;
  return record;
}

Result<core::StoredEvent> PgStore::AppendEvent(core::Id case_id, std::int64_t expected_count,
                                               const core::CaseEvent& event,
                                               const core::CaseRecord& projection) {
  static const std::string kUpdate = fmt::format(
      "UPDATE cases SET kind = $1, channel = $2, stage = $3, status = $4, anonymous = $5, "
      "customer_id = $6, department_id = $7, assignee_id = $8, subject = $9, nature = $10, "
      "service = $11, updated_at = $12, next_due = $13, queue_key = $14, next_standard = $15, "
      "next_status = $16, event_count = $17, search = search || {} WHERE id = $19",
      IndexedWords("$18"));
  const core::Instant now = clock_.Now();
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  return InTransaction(**conn, [&]() -> Result<core::StoredEvent> {
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
    // A statement of its own, after the lock: its snapshot includes the predecessor's event.
    auto prev_hash = OneRow(
        **conn, "SELECT hash FROM events WHERE case_id = $1 AND seq = $2",
        PgParams().Int(case_id).Int(count), [](const PgRow& row) { return row.Text(0); },
        fmt::format("event {} of case {}", count, reference));
    if (!prev_hash) return tl::unexpected(prev_hash.error());
    auto stored = InsertEvent(**conn, now, case_id, reference, count + 1, *prev_hash, event);
    if (!stored) return stored;
    core::CaseRecord record = projection;
    record.id = case_id;
    record.event_count = count + 1;
    PgParams params;
    AddProjection(params, record, SearchDocument(event));
    params.Int(case_id);
    if (auto written = (*conn)->Query(kUpdate, params); !written) {
      return tl::unexpected(written.error());
    }
    return stored;
  });
}

}  // namespace caredesk::store
