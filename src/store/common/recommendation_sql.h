// The recommendations table (schema 5), engine-neutral: kept as written, listed by year.
#pragma once

#include <vector>

#include "core/recommendation.h"
#include "store/common/sql_session.h"

namespace caredesk::store {

// Stores a new recommendation (its id is assigned) and returns it.
core::Result<core::Recommendation> InsertRecommendation(SqlSession& session,
                                                        const core::Recommendation& r);

// The recommendations of `year`, in the order written.
core::Result<std::vector<core::Recommendation>> RecommendationsOf(SqlSession& session, int year);

}  // namespace caredesk::store
