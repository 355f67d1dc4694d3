// The case as the API shows it: one object with the reference, kind, channel, status, stage,
// the customer, every event (type, instant, the actor's name and initials, what it says) and
// every deadline (standard, event, due, status) judged under the case's own policy version.
//
// Two audiences. Staff see everything. A customer (signed in, or holding the case's tracking
// secret) sees the case as customers should: no internal notes, logged calls, pauses,
// assignments or preventive actions, no root cause, no department or assignee ids, and of
// their own customer record only what they gave (core::CustomerSees and
// core::kStaffOnlyEventFields, the rule every customer-facing view shares).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/case_service.h"
#include "http/json_writer.h"

namespace caredesk::http {

enum class Audience { kStaff, kCustomer };

// The case as JSON text.
std::string CaseJson(const core::CaseView& view,
                     const std::optional<core::CustomerRecord>& customer, Audience audience);
// Its deadlines alone, as `audience` sees them (an array).
JsonWriter& WriteDeadlines(JsonWriter& out, const core::CaseView& view, Audience audience);

// One row of the work queue: the projection without events or deadlines.
JsonWriter& WriteCaseSummary(JsonWriter& out, const core::CaseRecord& record,
                             const core::BusinessCalendar& calendar);

JsonWriter& WriteCustomer(JsonWriter& out, const core::CustomerRecord& customer, Audience audience);
std::string CustomerJson(const core::CustomerRecord& customer, Audience audience);

}  // namespace caredesk::http
