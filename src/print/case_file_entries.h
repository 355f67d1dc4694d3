// The entries of a case file's record (case_file.h): each event or message as a heading — when,
// who, what — and the blocks that say what it holds, in the words a customer or a regulator
// reads. Internal to src/print.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/case_state.h"
#include "core/correspondence.h"
#include "core/policy.h"
#include "print/document.h"

namespace caredesk::print::case_file {

struct EntryContext {
  const core::Policy& policy;
  const date::time_zone& zone;
  bool staff = false;  // the regulator's copy: staff-only details too
};

// "2026-03-02 14:05 GMT": the date and time in `zone`, with the zone's abbreviation.
std::string WhenText(core::Instant at, const date::time_zone& zone);

// `text` fit to print: line ends as "\n", control characters but tab and line feed dropped, and
// (when it is not valid UTF-8) each byte beyond ASCII as U+FFFD.
std::string PlainText(std::string_view text);

// The event's heading without when and who: "Contact received", "Internal note", "Resolved".
std::string EventTitle(const core::CaseEvent& event, const core::CaseState& after);

// What the event says. `before` and `after` are the case's state either side of it (the stage it
// moved to, the preventive action a number names).
void AddEventBlocks(std::vector<Block>& out, const core::CaseEvent& event,
                    const core::CaseState& before, const core::CaseState& after,
                    const EntryContext& context);

// A message caredesk wrote: its heading without when and who, and what it says.
std::string MessageTitle(const core::OutboxMessage& message);
void AddMessageBlocks(std::vector<Block>& out, const core::OutboxMessage& message,
                      const EntryContext& context);

}  // namespace caredesk::print::case_file
