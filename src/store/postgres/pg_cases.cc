// Writing cases on PostgreSQL: creation with the next reference of the year, appending events
// to the hash chain with the projection in the same transaction, and importing whole histories.
// Each write also adds the event's words to the case's tsvector (see pg_queries.cc for search).
#include <date/date.h>
#include <fmt/format.h>

#include <set>

#include "store/common/event_codec.h"
#include "store/common/event_hash.h"
#include "store/common/import_check.h"
#include "store/common/reference.h"
#include "store/common/rows.h"
#include "store/common/search_terms.h"
#include "store/common/searchable.h"
#include "store/postgres/pg_store.h"

namespace caredesk::store {
namespace {

// The words of an event's free text, space-separated: what its case's tsvector gains. The
// same splitting as a search's (store::Words), so both sides agree on what a word is.
std::string SearchDocument(const core::CaseEvent& event) {
  std::string document;
  for (const auto& word : Words(SearchableText(event))) {
    if (!document.empty()) document += ' ';
    document += word;
  }
  return document;
}

// $1 … $18 of both the insert and the update of a case: its projection and the words to index.
void AddProjection(PgParams& params, const core::CaseRecord& r, const std::string& document) {
  params.Text(core::ToString(r.kind))
      .Text(core::ToString(r.channel))
      .TextOrNull(r.stage ? std::optional<std::string>(core::ToString(*r.stage)) : std::nullopt)
      .Text(core::ToString(r.status))
      .Bool(r.anonymous)
      .Int(r.customer_id)
      .Int(r.department_id)
      .Int(r.assignee_id)
      .Text(r.subject)
      .Text(r.nature)
      .Text(r.service)
      .Int(Seconds(r.updated_at))
      .Int(r.next_due ? std::optional<std::int64_t>(Seconds(*r.next_due)) : std::nullopt)
      .Int(QueueKey(r))
      .Text(r.next_standard)
      .TextOrNull(r.next_status ? std::optional<std::string>(core::ToString(*r.next_status))
                                : std::nullopt)
      .Int(r.event_count)
      .Text(document);
}

// The words under both configurations; a word is found by either language's stem.
constexpr const char* kIndexed =
    "to_tsvector('english'::regconfig, $18::text) || to_tsvector('spanish'::regconfig, $18::text)";

// Inserts a case's row, projection as given; its id.
Result<core::Id> InsertCaseRow(PgConnection& conn, const core::CaseRecord& record,
                               const std::string& document) {
  static const std::string kInsert = fmt::format(
      "INSERT INTO cases (kind, channel, stage, status, anonymous, customer_id, department_id, "
      "assignee_id, subject, nature, service, updated_at, next_due, queue_key, next_standard, "
      "next_status, event_count, search, reference, policy_version, received_at, logged_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, {}, "
      "$19, $20, $21, $22) RETURNING id",
      kIndexed);
  PgParams params;
  AddProjection(params, record, document);
  params.Text(record.reference)
      .Text(record.policy_version)
      .Int(Seconds(record.received_at))
      .Int(Seconds(record.logged_at));
  return OneRow(
      conn, kInsert, params, [](const PgRow& row) { return row.Int(0); }, "the new case");
}

// Writes one event row exactly as given.
Result<void> WriteStoredEvent(PgConnection& conn, const core::StoredEvent& stored) {
  static const std::string kInsert =
      fmt::format("INSERT INTO events ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                  kEventColumns);
  const core::CaseEvent& event = stored.event;
  auto inserted = conn.Query(
      kInsert, PgParams()
                   .Int(stored.case_id)
                   .Int(stored.seq)
                   .Text(core::ToString(event.type()))
                   .Int(Seconds(event.at))
                   .Text(event.actor.id)
                   .Text(event.actor.name)
                   .Text(event.actor.initials)
                   .Text(PayloadToJson(event.payload)
                             .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
                   .Int(Seconds(stored.recorded_at))
                   .Text(stored.prev_hash)
                   .Text(stored.hash));
  if (!inserted) return tl::unexpected(inserted.error());
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

Result<core::CaseRecord> PgStore::CreateCase(const core::NewCase& new_case) {
  if (new_case.received.type() != core::EventType::kReceived) {
    return Fail(core::ErrorCode::kInvalid, "a case starts with a received event", "received");
  }
  core::CaseRecord record = new_case.record;
  record.event_count = 1;
  const int year =
      int(date::year_month_day{std::chrono::floor<date::days>(record.received_at)}.year());
  const core::Instant now = clock_.Now();
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  return InTransaction(**conn, [&]() -> Result<core::CaseRecord> {
    // The counter row stays locked until commit, so references are unique and increasing
    // across processes.
    auto number = OneRow(
        **conn,
        "INSERT INTO reference_counters (year, last) VALUES ($1, 1) ON CONFLICT (year) "
        "DO UPDATE SET last = reference_counters.last + 1 RETURNING last",
        PgParams().Int(std::int64_t{year}), [](const PgRow& row) { return row.Int(0); },
        "the next reference");
    if (!number) return tl::unexpected(number.error());
    record.reference = FormatReference(year, *number);
    auto id = InsertCaseRow(**conn, record, SearchDocument(new_case.received));
    if (!id) return tl::unexpected(id.error());
    record.id = *id;
    auto event = InsertEvent(**conn, now, record.id, record.reference, 1, std::string(kGenesisHash),
                             new_case.received);
    if (!event) return tl::unexpected(event.error());
    return record;
  });
}

Result<void> PgStore::ImportCases(std::span<const core::CaseHistory> cases) {
  if (auto valid = CheckImport(cases); !valid) return valid;
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  return InTransaction(**conn, [&]() -> Result<void> {
    std::set<std::string> policies;  // known to exist
    for (const auto& history : cases) {
      core::CaseRecord record = history.record;
      record.event_count = static_cast<std::int64_t>(history.events.size());
      if (policies.insert(record.policy_version).second) {
        auto policy = OneRow(
            **conn, "SELECT 1 FROM policy_versions WHERE version = $1",
            PgParams().Text(record.policy_version), [](const PgRow& row) { return row.Int(0); },
            "policy version " + record.policy_version);
        if (!policy) return tl::unexpected(policy.error());
      }
      // First, so the counter row's lock orders this import with cases being created.
      const auto parts = *ParseReference(record.reference);
      if (auto moved = (*conn)->Query(
              "INSERT INTO reference_counters (year, last) VALUES ($1, $2) ON CONFLICT (year) "
              "DO UPDATE SET last = GREATEST(reference_counters.last, EXCLUDED.last)",
              PgParams().Int(std::int64_t{parts.year}).Int(parts.number));
          !moved) {
        return tl::unexpected(moved.error());
      }
      std::string document;
      for (const auto& stored : history.events) {
        document += SearchDocument(stored.event);
        document += ' ';
      }
      auto id = InsertCaseRow(**conn, record, document);
      if (!id) return tl::unexpected(id.error());
      for (core::StoredEvent stored : history.events) {
        stored.case_id = *id;
        if (auto written = WriteStoredEvent(**conn, stored); !written) return written;
      }
    }
    return {};
  });
}

Result<core::StoredEvent> PgStore::AppendEvent(core::Id case_id, std::int64_t expected_count,
                                               const core::CaseEvent& event,
                                               const core::CaseRecord& projection) {
  static const std::string kUpdate = fmt::format(
      "UPDATE cases SET kind = $1, channel = $2, stage = $3, status = $4, anonymous = $5, "
      "customer_id = $6, department_id = $7, assignee_id = $8, subject = $9, nature = $10, "
      "service = $11, updated_at = $12, next_due = $13, queue_key = $14, next_standard = $15, "
      "next_status = $16, event_count = $17, search = search || {} WHERE id = $19",
      kIndexed);
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
