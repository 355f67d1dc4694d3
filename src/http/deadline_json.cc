#include "http/deadline_json.h"

namespace caredesk::http {

nlohmann::ordered_json InstantJson(const std::optional<core::Instant>& instant,
                                   const core::BusinessCalendar& calendar) {
  if (!instant) return nullptr;
  return core::FormatInstant(*instant, calendar.zone());
}

nlohmann::ordered_json DeadlineJson(const core::Deadline& deadline,
                                    const core::BusinessCalendar& calendar) {
  nlohmann::ordered_json tiers = nlohmann::ordered_json::array();
  for (const auto& tier : deadline.tiers) {
    nlohmann::ordered_json entry = {{"within", core::ToString(tier.tier.within)},
                                    {"share", tier.tier.share},
                                    {"due", InstantJson(tier.due, calendar)}};
    entry["met"] = tier.met ? nlohmann::ordered_json(*tier.met) : nlohmann::ordered_json(nullptr);
    tiers.push_back(std::move(entry));
  }
  return {{"standard", deadline.standard_id},
          {"event", core::ToString(deadline.event)},
          {"due", InstantJson(deadline.due, calendar)},
          {"status", core::ToString(deadline.status)},
          {"start", InstantJson(deadline.start, calendar)},
          {"fulfilled_at", InstantJson(deadline.fulfilled_at, calendar)},
          {"extended", deadline.extended},
          {"tiers", std::move(tiers)}};
}

}  // namespace caredesk::http
