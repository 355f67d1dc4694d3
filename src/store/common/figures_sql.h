// The case_figures table (schema 5), engine-neutral: a case's figures written with each write to
// the case, the rows a report reads, and the cases whose figures are missing or of an older
// format (core/case_figures_codec.h).
#pragma once

#include <span>
#include <vector>

#include "core/case_figures.h"
#include "core/report.h"
#include "core/store.h"
#include "store/common/sql_session.h"

namespace caredesk::store {

// Inserts or replaces the figures of case `case_id`.
core::Result<void> WriteFigures(SqlSession& session, core::Id case_id,
                                const core::CaseFigures& figures);

// The figures of the cases received in the filter's period that match it, in receipt order.
core::Result<std::vector<core::CaseFigures>> FiguresIn(SqlSession& session,
                                                       const core::ReportFilter& filter);

// A page of the complaints received in the filter's period that match it (the filter's kinds not
// read), in receipt order, each with its events (core::ReportStore::ComplaintsIn).
core::Result<core::Page<core::RegisterCase>> ComplaintsIn(SqlSession& session,
                                                          const core::ReportFilter& filter,
                                                          const std::string& cursor, int limit);

// The references of up to `limit` cases, lowest id first, without figures of the current
// format.
core::Result<std::vector<std::string>> CasesWithoutFigures(SqlSession& session, int limit);

// The suggestions received in [from, until), oldest first.
core::Result<std::vector<core::SuggestionRecord>> SuggestionsReceived(SqlSession& session,
                                                                      core::Instant from,
                                                                      core::Instant until);

}  // namespace caredesk::store
