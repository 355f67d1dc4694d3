// A report's period and filters as the report routes read them from the query string: `year`, or
// `from`/`until` local dates, and the repeatable `kind`, `channel`, `stage`, `department_id` and
// `service` (core/report_filter.h turns them into a filter, or refuses naming the field).
#pragma once

#include "core/report_filter.h"
#include "http/message.h"

namespace caredesk::http {

core::ReportParameters ReportParametersOf(const Request& request);

}  // namespace caredesk::http
