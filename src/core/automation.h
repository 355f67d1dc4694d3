// What caredesk does by itself under a policy ([automation] in the policy file) and when: the
// timers a case needs at any moment, planned from its state and deadlines. The plan is recomputed
// on every write to the case and committed with it, so a timer always matches the case as it is:
// a reply sent in time removes the holding reply's timer, a pause moves the alerts later.
#pragma once

#include <optional>
#include <vector>

#include "core/case_state.h"
#include "core/correspondence.h"
#include "core/deadline.h"
#include "core/duration.h"

namespace caredesk::core {

struct Policy;

struct Automation {
  // Acknowledge a contact that arrived in writing (web, email, post, fax) as soon as it is on
  // file, on its own channel. Calls and visits are acknowledged by the member of staff, verbally.
  bool acknowledge = true;
  // Before a reply deadline is missed, send the customer a holding reply giving the new expected
  // date: the deadline plus `holding_extension` (seeds 001 and 004).
  bool holding_reply = true;
  Duration holding_extension{10, Unit::kWorkingDays};
  // Email the assignee and their department's manager when a deadline falls due soon, and again
  // when it is breached.
  bool alerts = true;
  // Invite the customer to rate the handling `survey_after` the case closed, but never more often
  // than once per `survey_every` per customer.
  bool survey = true;
  Duration survey_after{1, Unit::kDays};
  Duration survey_every{90, Unit::kDays};
};

class BusinessCalendar;

// Timer keys: one per action and deadline standard ("holding_reply:complaint-reply").
std::string TimerKey(TimerAction action, std::string_view standard_id = {});

// The timers the case needs now under `policy` (fired ones are kept by the store, never fired
// again). `reachable`: the customer can be written to (an email or postal address on file).
// Due-soon alerts and holding replies fire when the deadline turns due soon (DueSoonAt).
std::vector<Timer> PlanTimers(const Policy& policy, const CaseState& state,
                              const std::vector<Deadline>& deadlines, bool reachable);

}  // namespace caredesk::core
