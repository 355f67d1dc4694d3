#include "store/postgres/pg_case_params.h"

#include <fmt/format.h>

#include "store/common/event_codec.h"
#include "store/common/rows.h"
#include "store/common/search_terms.h"
#include "store/common/searchable.h"
#include "store/postgres/pg_pool.h"

namespace caredesk::store {

std::string SearchDocument(const core::CaseEvent& event) {
  std::string document;
  for (const auto& word : Words(SearchableText(event))) {
    if (!document.empty()) document += ' ';
    document += word;
  }
  return document;
}

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

void AddEventColumns(PgParams& params, const core::StoredEvent& stored) {
  const core::CaseEvent& event = stored.event;
  params.Int(stored.seq)
      .Text(core::ToString(event.type()))
      .Int(Seconds(event.at))
      .Text(event.actor.id)
      .Text(event.actor.name)
      .Text(event.actor.initials)
      .Text(PayloadToJson(event.payload)
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
      .Int(Seconds(stored.recorded_at))
      .Text(stored.prev_hash)
      .Text(stored.hash);
}

std::string ReferenceSequence(int year) { return fmt::format("case_reference_{:04d}", year); }

std::string IndexedWords(const std::string& document) {
  return fmt::format(
      "to_tsvector('english'::regconfig, {0}::text) || to_tsvector('spanish'::regconfig, "
      "{0}::text)",
      document);
}

Result<std::unordered_map<std::string, core::Id>> InsertCaseRows(
    PgConnection& conn, std::span<const core::CaseHistory> chunk) {
  static const std::string kInsert = fmt::format(
      "INSERT INTO cases (kind, channel, stage, status, anonymous, customer_id, department_id, "
      "assignee_id, subject, nature, service, updated_at, next_due, queue_key, next_standard, "
      "next_status, event_count, search, reference, policy_version, received_at, logged_at) "
      "SELECT kind, channel, stage, status, anonymous, customer_id, department_id, assignee_id, "
      "subject, nature, service, updated_at, next_due, queue_key, next_standard, next_status, "
      "event_count, {}, reference, policy_version, received_at, logged_at "
      "FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::bigint[], "
      "$7::bigint[], $8::bigint[], $9::text[], $10::text[], $11::text[], $12::bigint[], "
      "$13::bigint[], $14::bigint[], $15::text[], $16::text[], $17::bigint[], $18::text[], "
      "$19::text[], $20::text[], $21::bigint[], $22::bigint[]) AS imported(kind, channel, stage, "
      "status, anonymous, customer_id, department_id, assignee_id, subject, nature, service, "
      "updated_at, next_due, queue_key, next_standard, next_status, event_count, document, "
      "reference, policy_version, received_at, logged_at) RETURNING id, reference",
      IndexedWords("document"));
  PgArrays arrays;
  for (const auto& history : chunk) {
    core::CaseRecord record = history.record;
    record.event_count = static_cast<std::int64_t>(history.events.size());
    std::string document;
    for (const auto& stored : history.events) {
      document += SearchDocument(stored.event);
      document += ' ';
    }
    PgParams row;
    AddProjection(row, record, document);
    row.Text(record.reference)
        .Text(record.policy_version)
        .Int(Seconds(record.received_at))
        .Int(Seconds(record.logged_at));
    arrays.AddRow(row);
  }
  auto rows = AllRows(conn, kInsert, PgParams().Arrays(arrays), [](const PgRow& row) {
    return std::pair{row.Text(1), row.Int(0)};
  });
  if (!rows) return tl::unexpected(rows.error());
  return std::unordered_map<std::string, core::Id>(rows->begin(), rows->end());
}

Result<void> InsertEventRows(PgConnection& conn, std::span<const core::CaseHistory> chunk,
                             const std::unordered_map<std::string, core::Id>& ids) {
  static const std::string kInsert = fmt::format(
      "INSERT INTO events ({0}) SELECT {0} FROM unnest($1::bigint[], $2::bigint[], $3::text[], "
      "$4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::text[], "
      "$11::text[]) AS imported({0})",
      kEventColumns);
  PgArrays arrays;
  for (const auto& history : chunk) {
    const auto id = ids.find(history.record.reference);
    if (id == ids.end()) {
      return Fail(core::ErrorCode::kInvalid, "case " + history.record.reference + " not inserted");
    }
    for (const auto& stored : history.events) {
      PgParams row;
      row.Int(id->second);
      AddEventColumns(row, stored);
      arrays.AddRow(row);
    }
  }
  if (arrays.Rows() == 0) return {};
  if (auto inserted = conn.Query(kInsert, PgParams().Arrays(arrays)); !inserted) {
    return tl::unexpected(inserted.error());
  }
  return {};
}

}  // namespace caredesk::store
