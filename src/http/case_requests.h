// What the case endpoints accept, read strictly from JSON: every field is checked, an unknown
// field is refused, and the error names the field (`customer.email`, `payload.remedies[0]`).
#pragma once

#include <nlohmann/json.hpp>

#include "core/case_service.h"
#include "http/json_reader.h"

namespace caredesk::http {

// The "customer" member read by `read` — {"name", "email", "phone", "language"}, at least one of
// the first three — or none when left out; a problem inside it is reported on `read` with its
// full path ("customer.email").
std::optional<core::CustomerRecord> CustomerFromJson(JsonReader& read);

// POST /api/v1/contacts (staff logging a call, letter or visit):
// {"kind", "channel", "received_at"?, "subject", "body"?, "customer"?: {"name", "email",
//  "phone", "language"}, "customer_id"?, "department_id"?, "service"?, "nature"?, "points"?,
//  "acknowledged_verbally"?}. No customer: anonymous.
struct ContactRequest {
  core::NewContact contact;
  std::optional<core::Id> customer_id;  // an existing customer, instead of "customer"
  bool acknowledged_verbally = false;   // during the call or visit (phone and in person only)
};
core::Result<ContactRequest> ContactRequestFromJson(const nlohmann::json& body);

// POST /api/v1/portal/contacts (no account): {"kind", "subject", "body", "customer"?: {"name",
// "email", "phone", "language"}, "anonymous"?}; channel web, received now.
core::Result<core::NewContact> PortalContactFromJson(const nlohmann::json& body);

// POST /api/v1/cases/{reference}/events: {"type", "at"?, ...the event's fields} — the fields
// are those of the event's payload as `caredesk export` writes them. `at` defaults to now and
// may not be in the future.
// The event type a request names, if it names a known one (to check who may record it before
// reading the rest).
std::optional<core::EventType> EventTypeOf(const nlohmann::json& body);

core::Result<core::CaseEvent> EventRequestFromJson(const nlohmann::json& body,
                                                   const core::Actor& actor, core::Instant now);

}  // namespace caredesk::http
