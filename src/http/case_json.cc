#include "http/case_json.h"

#include "http/deadline_json.h"
#include "store/common/event_codec.h"

namespace caredesk::http {
namespace {

using core::EventType;
using Json = nlohmann::ordered_json;

// Payload fields a customer is not shown even on an event they see.
constexpr const char* kInternalFields[] = {"root_cause", "service_failure", "preventive_actions",
                                           "nature"};

Json Optional(const std::optional<core::Id>& id) { return id ? Json(*id) : Json(nullptr); }

Json EventJson(const core::StoredEvent& stored, const core::BusinessCalendar& calendar,
               Audience audience) {
  const core::CaseEvent& event = stored.event;
  nlohmann::json payload = store::PayloadToJson(event.payload);
  if (audience == Audience::kCustomer) {
    for (const char* field : kInternalFields) payload.erase(field);
  }
  Json out = {{"seq", stored.seq},
              {"type", core::ToString(event.type())},
              {"at", InstantJson(event.at, calendar)},
              {"actor", {{"name", event.actor.name}, {"initials", event.actor.initials}}}};
  if (audience == Audience::kStaff) out["recorded_at"] = InstantJson(stored.recorded_at, calendar);
  out["payload"] = Json(payload);
  return out;
}

}  // namespace

bool CustomerSees(const core::CaseEvent& event) {
  switch (event.type()) {
    case EventType::kNote:
      return event.actor.id.starts_with("customer");
    case EventType::kCallLogged:
    case EventType::kPaused:
    case EventType::kResumed:
    case EventType::kPreventiveActionDone:
    case EventType::kPreventiveActionVerified:
    case EventType::kAssigned:
      return false;
    default:
      return true;
  }
}

Json CustomerJson(const core::CustomerRecord& customer, Audience audience) {
  Json out = {{"name", customer.name},
              {"email", customer.email},
              {"phone", customer.phone},
              {"language", customer.language}};
  if (audience == Audience::kCustomer) return out;
  out["id"] = customer.id;
  out["address"] = customer.address;
  out["accessibility"] = customer.accessibility;
  out["adjustments"] = customer.adjustments;
  out["contact_preference"] = customer.contact_preference;
  out["account_manager_id"] = Optional(customer.account_manager_id);
  if (customer.representative) {
    const auto& rep = *customer.representative;
    out["representative"] = {
        {"name", rep.name},
        {"email", rep.email},
        {"relationship", rep.relationship},
        {"consent_at", rep.consent_at ? Json(core::FormatUtc(*rep.consent_at)) : Json(nullptr)}};
  } else {
    out["representative"] = nullptr;
  }
  return out;
}

namespace {

// What every view of a case starts with, whoever reads it.
Json CaseHeadJson(const core::CaseRecord& r, const core::BusinessCalendar& calendar) {
  return {{"reference", r.reference},
          {"kind", core::ToString(r.kind)},
          {"channel", core::ToString(r.channel)},
          {"status", core::ToString(r.status)},
          {"stage", r.stage ? Json(core::ToString(*r.stage)) : Json(nullptr)},
          {"subject", r.subject},
          {"anonymous", r.anonymous},
          {"received_at", InstantJson(r.received_at, calendar)}};
}

}  // namespace

Json CaseSummaryJson(const core::CaseRecord& r, const core::BusinessCalendar& calendar) {
  Json out = CaseHeadJson(r, calendar);
  out["customer_id"] = Optional(r.customer_id);
  out["department_id"] = Optional(r.department_id);
  out["assignee_id"] = Optional(r.assignee_id);
  out["updated_at"] = InstantJson(r.updated_at, calendar);
  out["next_due"] = InstantJson(r.next_due, calendar);
  out["next_standard"] = r.next_standard;
  out["next_status"] = r.next_status ? Json(core::ToString(*r.next_status)) : Json(nullptr);
  out["policy_version"] = r.policy_version;
  return out;
}

Json CaseJson(const core::CaseView& view, const std::optional<core::CustomerRecord>& customer,
              Audience audience) {
  const core::BusinessCalendar& calendar = *view.policy->calendar;
  const core::CaseRecord& r = view.record;
  Json out = CaseHeadJson(r, calendar);
  if (audience == Audience::kStaff) {
    out["logged_at"] = InstantJson(r.logged_at, calendar);
    out["nature"] = r.nature;
    out["service"] = r.service;
    out["department_id"] = Optional(r.department_id);
    out["assignee_id"] = Optional(r.assignee_id);
    out["policy_version"] = r.policy_version;
  }
  out["customer"] = customer ? CustomerJson(*customer, audience) : Json(nullptr);
  Json events = Json::array();
  for (const auto& stored : view.events) {
    if (audience == Audience::kCustomer && !CustomerSees(stored.event)) continue;
    events.push_back(EventJson(stored, calendar, audience));
  }
  out["events"] = std::move(events);
  Json deadlines = Json::array();
  for (const auto& deadline : view.deadlines) {
    if (audience == Audience::kStaff) {
      deadlines.push_back(DeadlineJson(deadline, calendar));
    } else {
      deadlines.push_back({{"standard", deadline.standard_id},
                           {"event", core::ToString(deadline.event)},
                           {"due", InstantJson(deadline.due, calendar)},
                           {"status", core::ToString(deadline.status)}});
    }
  }
  out["deadlines"] = std::move(deadlines);
  return out;
}

}  // namespace caredesk::http
