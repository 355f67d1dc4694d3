// A report (core/report.h) as plain text for the terminal: `caredesk report`'s default output.
// One line per standard ("60% within 1 hours: 72% met of 1,204 settled — target met"), then the
// other figures of the whole period.
#pragma once

#include <string>

#include "core/report.h"

namespace caredesk::app {

std::string ReportText(const core::Report& report, const date::time_zone& zone);

}  // namespace caredesk::app
