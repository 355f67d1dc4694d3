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

// Hands `each` the figures of the cases received in the filter's period that match it, in
// receipt order, decoded one after another into the same object.
core::Result<void> FiguresIn(SqlSession& session, const core::ReportFilter& filter,
                             const core::FiguresVisitor& each);

// A page of the complaints received in the filter's period that match it (the filter's kinds not
// read), in receipt order, each with its events (core::ReportStore::ComplaintsIn).
core::Result<core::Page<core::RegisterCase>> ComplaintsIn(SqlSession& session,
                                                          const core::ReportFilter& filter,
                                                          const std::string& cursor, int limit);

// The references of up to `limit` cases, lowest id first, without figures of the current
// format.
core::Result<std::vector<std::string>> CasesWithoutFigures(SqlSession& session, int limit);

// Whether every case was found to have figures of the current format (figures_state, schema 6).
core::Result<bool> FiguresComplete(SqlSession& session);

// Records that every case has figures of the current format, in a writing transaction: the row
// is locked first, then checked, so an import committing meanwhile clears it after. False (and
// nothing recorded) when a case without figures is found.
core::Result<bool> MarkFiguresComplete(SqlSession& session);

// A case without figures was written (an imported history): a report looks for such cases again.
core::Result<void> ForgetFiguresComplete(SqlSession& session);

// The suggestions received in [from, until), oldest first.
core::Result<std::vector<core::SuggestionRecord>> SuggestionsReceived(SqlSession& session,
                                                                      core::Instant from,
                                                                      core::Instant until);

}  // namespace caredesk::store
