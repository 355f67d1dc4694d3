#include "http/deadline_json.h"

namespace caredesk::http {

nlohmann::ordered_json InstantJson(const std::optional<core::Instant>& instant,
                                   const core::BusinessCalendar& calendar) {
  if (!instant) return nullptr;
  return core::FormatInstant(*instant, calendar.zone());
}

JsonWriter& WriteInstant(JsonWriter& out, std::string_view key,
                         const std::optional<core::Instant>& instant,
                         const core::BusinessCalendar& calendar) {
  if (!instant) return out.NullField(key);
  return out.Field(key, core::FormatInstant(*instant, calendar.zone()));
}

JsonWriter& WriteDeadline(JsonWriter& out, const core::Deadline& deadline,
                          const core::BusinessCalendar& calendar) {
  out.BeginObject()
      .Field("standard", deadline.standard_id)
      .Field("event", core::ToString(deadline.event));
  WriteInstant(out, "due", deadline.due, calendar).Field("status", core::ToString(deadline.status));
  WriteInstant(out, "start", deadline.start, calendar);
  WriteInstant(out, "fulfilled_at", deadline.fulfilled_at, calendar)
      .Field("extended", deadline.extended)
      .Key("tiers")
      .BeginArray();
  for (const auto& tier : deadline.tiers) {
    out.BeginObject()
        .Field("within", core::ToString(tier.tier.within))
        .Field("share", tier.tier.share);
    WriteInstant(out, "due", tier.due, calendar).Field("met", tier.met).EndObject();
  }
  return out.EndArray().EndObject();
}

nlohmann::ordered_json DeadlineJson(const core::Deadline& deadline,
                                    const core::BusinessCalendar& calendar) {
  JsonWriter out;
  WriteDeadline(out, deadline, calendar);
  return nlohmann::ordered_json::parse(out.Take());
}

}  // namespace caredesk::http
