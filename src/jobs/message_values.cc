#include "jobs/message_values.h"

#include <date/date.h>
#include <fmt/format.h>

#include <array>

namespace caredesk::jobs {
namespace {

constexpr std::array<std::string_view, 7> kDaysEn = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                     "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 7> kDaysEs = {"domingo", "lunes",   "martes", "miércoles",
                                                     "jueves",  "viernes", "sábado"};
constexpr std::array<std::string_view, 12> kMonthsEn = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 12> kMonthsEs = {
    "enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
    "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};

bool Spanish(std::string_view language) { return language.substr(0, 2) == "es"; }

}  // namespace

std::string LongDate(core::Instant instant, const date::time_zone& zone,
                     std::string_view language) {
  const auto local = zone.to_local(instant);
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const unsigned weekday = date::weekday{day}.c_encoding();
  const unsigned month = unsigned(ymd.month()) - 1;
  if (Spanish(language)) {
    return fmt::format("{}, {} de {} de {}", kDaysEs[weekday], unsigned(ymd.day()),
                       kMonthsEs[month], int(ymd.year()));
  }
  return fmt::format("{} {} {} {}", kDaysEn[weekday], unsigned(ymd.day()), kMonthsEn[month],
                     int(ymd.year()));
}

std::optional<core::Instant> ExpectedReply(const core::CaseView& view) {
  if (view.state.expected_by) return view.state.expected_by;
  for (auto milestone : {core::Milestone::kReplied, core::Milestone::kResolved}) {
    if (auto strictest = core::Strictest(view.deadlines, milestone); strictest && strictest->due) {
      return strictest->due;
    }
  }
  return std::nullopt;
}

mail::MessageValues CaseValues(const core::CaseView& view, const core::CustomerRecord* customer,
                               std::string_view language, const PublicSite& site) {
  const auto& zone = view.policy->calendar->zone();
  mail::MessageValues values;
  values["organisation"] = view.policy->name;
  values["reference"] = view.record.reference;
  values["subject"] = view.state.subject;
  values["received_date"] = LongDate(view.state.received_at, zone, language);
  if (view.state.kind == core::Kind::kComplaint) values["is_complaint"] = "yes";
  if (customer) values["customer_name"] = customer->name;
  if (auto expected = ExpectedReply(view)) {
    values["expected_date"] = LongDate(*expected, zone, language);
  }
  if (!view.state.referrals.empty()) {
    const auto& referral = view.state.referrals.back();
    values["referred_to"] = referral.person.empty()
                                ? referral.department
                                : fmt::format("{} ({})", referral.person, referral.department);
  }
  if (!site.url.empty()) {
    values["track_url"] = fmt::format("{}/#/track/{}", site.url, view.record.reference);
    values["survey_url"] = values["track_url"];  // the tracking page takes the rating
    values["case_url"] = fmt::format("{}/#/staff/case/{}", site.url, view.record.reference);
  }
  return values;
}

}  // namespace caredesk::jobs
