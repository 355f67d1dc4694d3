// A report's period and filters as people give them (the CLI's flags, the API's query
// parameters): a year, or local dates, and names. Turned into a ReportFilter under the policy's
// calendar, or refused naming the field.
#pragma once

#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/report.h"

namespace caredesk::core {

struct ReportParameters {
  std::string year;   // "2026": the calendar year in the policy's zone
  std::string from;   // YYYY-MM-DD, the first day counted (local)
  std::string until;  // YYYY-MM-DD, the first day not counted (local)
  std::vector<std::string> kinds;
  std::vector<std::string> channels;
  std::vector<std::string> stages;
  std::vector<std::string> services;
  std::vector<std::string> department_ids;
};

// The filter the parameters say. Without a period: the year of `now`. `year` may not be given
// with `from` or `until`; a missing `from` is the first of January of `until`'s year, a missing
// `until` the first of January after `from`'s year.
Result<ReportFilter> ReportFilterOf(const ReportParameters& parameters,
                                    const BusinessCalendar& calendar, Instant now);

}  // namespace caredesk::core
