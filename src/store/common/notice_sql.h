// Service notices and the portal's satisfaction survey (core/service_notice.h,
// core/satisfaction.h), written once in SQL both engines run, over an SqlSession the engine
// opens inside its transaction.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/store.h"
#include "store/common/sql_session.h"

namespace caredesk::store {

// A new notice, created at `now`, and its messages to customers, in the session's transaction.
core::Result<core::ServiceNotice> CreateNotice(SqlSession& session,
                                               const core::ServiceNotice& notice,
                                               std::span<const core::OutboxMessage> messages,
                                               core::Instant now);
// Ends the notice at `at` (at its start, for one that has not begun: it never will); kConflict
// when it had ended by `now`.
core::Result<core::ServiceNotice> EndNotice(SqlSession& session, core::Id id, core::Instant at,
                                            core::Instant now);
core::Result<core::Page<core::ServiceNotice>> NoticePage(SqlSession& session,
                                                         const std::string& cursor, int limit);
core::Result<std::vector<core::ServiceNotice>> NoticesInForce(SqlSession& session,
                                                              core::Instant now);
core::Result<std::vector<core::CaseRecord>> NoticeCases(SqlSession& session,
                                                        const std::string& service);

core::Result<core::SatisfactionResponse> SaveSatisfaction(
    SqlSession& session, const core::SatisfactionResponse& response);
core::Result<core::SatisfactionCounts> CountSatisfaction(SqlSession& session);
core::Result<core::Page<core::SatisfactionResponse>> SatisfactionComments(SqlSession& session,
                                                                          const std::string& cursor,
                                                                          int limit);

}  // namespace caredesk::store
