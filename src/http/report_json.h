// A report (core/report.h) as JSON: what GET /api/v1/reports/performance answers and
// `caredesk report --format json` prints. Instants in the policy's zone; shares as fractions
// (0.72), null while nothing is settled; money in minor units with its currency.
#pragma once

#include <nlohmann/json.hpp>

#include "core/report.h"

namespace caredesk::http {

nlohmann::json ReportJson(const core::Report& report, const date::time_zone& zone);

// One period's figures (the whole report's, or one month's).
nlohmann::json PeriodJson(const core::PeriodFigures& figures);

}  // namespace caredesk::http
