// The scheduler: fires the store's due timers (core/automation.h plans them), each exactly once
// across restarts and processes. A timer is claimed for a lease, then fired by one write that
// marks it fired together with what it does:
// - acknowledge: an `acknowledged` event and the acknowledgement on the contact's own channel;
// - holding_reply: a `holding_sent` event giving the new expected date, and the holding reply;
// - due_soon_alert / breach_alert: an email to the assignee and their department's manager;
// - survey: the invitation to rate the handling, unless the customer had one too recently.
// A timer whose moment has passed (the reply went out, the case closed) fires with nothing to
// do. Timers missed while no process ran are due at start, and fire then, once.
#pragma once

#include <chrono>
#include <string>

#include "core/case_service.h"
#include "core/clock.h"
#include "jobs/correspondent.h"

namespace caredesk::jobs {

class Scheduler {
 public:
  Scheduler(core::Store& store, core::CaseService& cases, const core::Clock& clock,
            Correspondent& correspondent)
      : store_(store), cases_(cases), clock_(clock), correspondent_(correspondent) {}

  // Fires up to `limit` due timers; how many it fired (a timer another process fired first is
  // not counted). Stops at the first store error.
  core::Result<int> RunDue(int limit = 100);

  // Tells up to `limit` suggesters what became of their decided suggestion; how many were told.
  core::Result<int> TellSuggesters(int limit = 100);

  static constexpr std::chrono::seconds kLease{120};

  // The last action that could not be carried out (its timer was retired), for the log.
  const std::string& last_error() const { return last_error_; }

 private:
  // Fires one claimed timer; false when it had already fired elsewhere.
  core::Result<bool> Fire(const core::Timer& timer);
  core::Result<bool> Acknowledge(const core::Timer& timer, const core::CaseView& view);
  core::Result<bool> HoldingReply(const core::Timer& timer, const core::CaseView& view);
  core::Result<bool> Alert(const core::Timer& timer, const core::CaseView& view);
  core::Result<bool> Survey(const core::Timer& timer, const core::CaseView& view);
  // Fires the timer with `messages` and no case event.
  core::Result<bool> FireWith(const core::Timer& timer,
                              const std::vector<core::OutboxMessage>& messages);
  core::Result<std::optional<core::CustomerRecord>> CustomerOf(const core::CaseView& view);

  core::Store& store_;
  core::CaseService& cases_;
  const core::Clock& clock_;
  Correspondent& correspondent_;
  std::string last_error_;
};

}  // namespace caredesk::jobs
