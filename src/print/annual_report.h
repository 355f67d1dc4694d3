// The annual audit report (issue 7): a year's figures (core::Report over the year, month by month)
// written up as a Document for the auditor, the director and the public — performance against
// each published standard, what complaints were about, how fast they were answered, what was
// decided and put right, what was learnt, and the recommendations made. English text.
//
// Pure: every date and time it prints arrives formatted in the context; it reads no clock, no
// time zone database and no store.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/report.h"
#include "print/document.h"

namespace caredesk::print {

// A recommendation recorded for the year, with what supports it.
struct Recommendation {
  std::string text;
  std::string author;
  std::string written_at;            // formatted for the reader, e.g. "14 January 2027"
  std::vector<std::string> figures;  // the figures it rests on, in words
  std::vector<std::string> cases;    // case references, e.g. "CD-2026-000123"
};

struct AnnualContext {
  std::string organisation;
  int year = 0;
  std::string period;        // e.g. "1 January 2026 to 31 December 2026"
  std::string time_zone;     // the policy's zone, named where times are explained
  std::string generated_at;  // e.g. "3 February 2027 at 10:15 (Europe/London)"
  std::vector<Recommendation> recommendations;
  std::size_t max_comments = 5;  // customers' comments quoted under Satisfaction
};

Document AnnualReport(const core::Report& report, const AnnualContext& context);

}  // namespace caredesk::print
