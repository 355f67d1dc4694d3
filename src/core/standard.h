// A standard: one published promise ("acknowledge complaints within 5 working days"), as the
// policy states it — which contacts it applies to, the event that starts its clock, the event
// that fulfils it, its duration or tiers, and its extension and due-soon rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/domain.h"
#include "core/duration.h"

namespace caredesk::core {

struct Tier {
  Duration within;
  double share = 1.0;  // the share of cases the organisation promises to fulfil within it
};

struct Standard {
  std::string id;
  std::string name;                       // the published wording, shown to customers
  std::vector<Kind> kinds;                // empty: every kind
  std::vector<Channel> channels;          // empty: every channel
  Milestone from = Milestone::kReceived;  // trigger: received, acknowledged or escalated
  Milestone event = Milestone::kReplied;  // the event that fulfils it
  std::vector<Tier> tiers;  // never empty, ascending; the last has share 1.0 and sets the due
  std::optional<Milestone> unless;        // not applicable once this happened by the due instant
  bool anonymous = false;                 // customer-facing standards apply to anonymous contacts
  std::optional<double> due_soon_share;   // margin as a share of the span
  std::optional<Duration> due_soon_span;  // or as a fixed span (hours/working_hours)
  std::optional<Duration> max_extension;  // how far an extension may move the due instant
  int line = 0;                           // where the policy file defines it

  const Duration& within() const { return tiers.back().within; }
  bool AppliesTo(Kind kind, Channel channel) const;
  // Acknowledgements, replies and holding replies go to the customer; an anonymous contact
  // has nobody to send them to.
  bool IsCustomerFacing() const;
  // Pauses (awaiting the customer) stop the clocks of replies, decisions and resolutions.
  bool IsPausable() const;
};

}  // namespace caredesk::core
