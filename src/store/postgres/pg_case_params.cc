#include "store/postgres/pg_case_params.h"

#include <fmt/format.h>

#include "store/common/event_codec.h"
#include "store/common/rows.h"
#include "store/common/search_terms.h"
#include "store/common/searchable.h"

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

}  // namespace caredesk::store
