#include "http/case_json.h"

#include "core/access.h"
#include "http/deadline_json.h"
#include "store/common/event_codec.h"

namespace caredesk::http {
namespace {

void WriteEvent(JsonWriter& out, const core::StoredEvent& stored,
                const core::BusinessCalendar& calendar, Audience audience) {
  const core::CaseEvent& event = stored.event;
  nlohmann::json payload = store::PayloadToJson(event.payload);
  if (audience == Audience::kCustomer) {
    for (std::string_view field : core::kStaffOnlyEventFields) payload.erase(std::string(field));
  }
  out.BeginObject().Field("seq", stored.seq).Field("type", core::ToString(event.type()));
  WriteInstant(out, "at", event.at, calendar)
      .Key("actor")
      .BeginObject()
      .Field("name", event.actor.name)
      .Field("initials", event.actor.initials)
      .EndObject();
  if (audience == Audience::kStaff) WriteInstant(out, "recorded_at", stored.recorded_at, calendar);
  out.Key("payload")
      .Raw(payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
      .EndObject();
}

// What every view of a case starts with, whoever reads it (the object is left open).
void WriteCaseHead(JsonWriter& out, const core::CaseRecord& r,
                   const core::BusinessCalendar& calendar) {
  out.BeginObject()
      .Field("reference", r.reference)
      .Field("kind", core::ToString(r.kind))
      .Field("channel", core::ToString(r.channel))
      .Field("status", core::ToString(r.status));
  if (r.stage) {
    out.Field("stage", core::ToString(*r.stage));
  } else {
    out.NullField("stage");
  }
  out.Field("subject", r.subject).Field("anonymous", r.anonymous);
  WriteInstant(out, "received_at", r.received_at, calendar);
}

}  // namespace

JsonWriter& WriteCustomer(JsonWriter& out, const core::CustomerRecord& customer,
                          Audience audience) {
  out.BeginObject()
      .Field("name", customer.name)
      .Field("email", customer.email)
      .Field("phone", customer.phone)
      .Field("language", customer.language);
  if (audience == Audience::kCustomer) return out.EndObject();
  out.Field("id", customer.id)
      .Field("address", customer.address)
      .Field("accessibility", customer.accessibility)
      .Field("adjustments", customer.adjustments)
      .Field("contact_preference", customer.contact_preference)
      .Field("account_manager_id", customer.account_manager_id);
  if (customer.representative) {
    const auto& rep = *customer.representative;
    out.Key("representative")
        .BeginObject()
        .Field("name", rep.name)
        .Field("email", rep.email)
        .Field("relationship", rep.relationship);
    if (rep.consent_at) {
      out.Field("consent_at", core::FormatUtc(*rep.consent_at));
    } else {
      out.NullField("consent_at");
    }
    out.EndObject();
  } else {
    out.NullField("representative");
  }
  return out.EndObject();
}

std::string CustomerJson(const core::CustomerRecord& customer, Audience audience) {
  JsonWriter out;
  WriteCustomer(out, customer, audience);
  return out.Take();
}

JsonWriter& WriteCaseSummary(JsonWriter& out, const core::CaseRecord& r,
                             const core::BusinessCalendar& calendar) {
  WriteCaseHead(out, r, calendar);
  out.Field("customer_id", r.customer_id)
      .Field("department_id", r.department_id)
      .Field("assignee_id", r.assignee_id);
  WriteInstant(out, "updated_at", r.updated_at, calendar);
  WriteInstant(out, "next_due", r.next_due, calendar).Field("next_standard", r.next_standard);
  if (r.next_status) {
    out.Field("next_status", core::ToString(*r.next_status));
  } else {
    out.NullField("next_status");
  }
  return out.Field("policy_version", r.policy_version).EndObject();
}

JsonWriter& WriteDeadlines(JsonWriter& out, const core::CaseView& view, Audience audience) {
  const core::BusinessCalendar& calendar = *view.policy->calendar;
  out.BeginArray();
  for (const auto& deadline : view.deadlines) {
    if (audience == Audience::kStaff) {
      WriteDeadline(out, deadline, calendar);
      continue;
    }
    out.BeginObject()
        .Field("standard", deadline.standard_id)
        .Field("event", core::ToString(deadline.event));
    WriteInstant(out, "due", deadline.due, calendar)
        .Field("status", core::ToString(deadline.status))
        .EndObject();
  }
  return out.EndArray();
}

std::string CaseJson(const core::CaseView& view,
                     const std::optional<core::CustomerRecord>& customer, Audience audience) {
  const core::BusinessCalendar& calendar = *view.policy->calendar;
  const core::CaseRecord& r = view.record;
  JsonWriter out(4096);  // a new case's answer is about 2 KiB
  WriteCaseHead(out, r, calendar);
  if (audience == Audience::kStaff) {
    WriteInstant(out, "logged_at", r.logged_at, calendar)
        .Field("nature", r.nature)
        .Field("service", r.service)
        .Field("department_id", r.department_id)
        .Field("assignee_id", r.assignee_id)
        .Field("policy_version", r.policy_version);
  }
  out.Key("customer");
  if (customer) {
    WriteCustomer(out, *customer, audience);
  } else {
    out.Null();
  }
  out.Key("events").BeginArray();
  for (const auto& stored : view.events) {
    if (audience == Audience::kCustomer && !core::CustomerSees(stored.event)) continue;
    WriteEvent(out, stored, calendar, audience);
  }
  out.EndArray().Key("deadlines");
  WriteDeadlines(out, view, audience);
  return out.EndObject().Take();
}

}  // namespace caredesk::http
