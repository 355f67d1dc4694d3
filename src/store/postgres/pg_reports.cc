// What reports read, on PostgreSQL (store/common/figures_sql.h).
#include "store/common/figures_sql.h"
#include "store/common/recommendation_sql.h"
#include "store/postgres/pg_store_sessions.h"

namespace caredesk::store {

core::Result<void> PgStore::FiguresIn(const core::ReportFilter& filter,
                                      const core::FiguresVisitor& each) {
  return InSession<void>([&](SqlSession& s) { return store::FiguresIn(s, filter, each); });
}

core::Result<std::vector<core::SuggestionRecord>> PgStore::SuggestionsReceived(
    core::Instant from, core::Instant until) {
  return InSession<std::vector<core::SuggestionRecord>>(
      [&](SqlSession& s) { return store::SuggestionsReceived(s, from, until); });
}

core::Result<std::vector<std::string>> PgStore::CasesWithoutFigures(int limit) {
  return InSession<std::vector<std::string>>(
      [&](SqlSession& s) { return store::CasesWithoutFigures(s, limit); });
}

core::Result<void> PgStore::SaveFigures(std::span<const core::CaseFigures> figures) {
  return InSession<void>([&](SqlSession& s) -> core::Result<void> {
    for (const auto& f : figures) {
      if (auto written = WriteFigures(s, f.case_id, f); !written) return written;
    }
    return {};
  });
}

core::Result<bool> PgStore::FiguresComplete() {
  return InSession<bool>([&](SqlSession& s) { return store::FiguresComplete(s); });
}

core::Result<bool> PgStore::MarkFiguresComplete() {
  return InSession<bool>([&](SqlSession& s) { return store::MarkFiguresComplete(s); });
}

core::Result<core::Recommendation> PgStore::SaveRecommendation(const core::Recommendation& r) {
  if (auto valid = core::CheckRecommendation(r); !valid) return tl::unexpected(valid.error());
  return InSession<core::Recommendation>([&](SqlSession& s) { return InsertRecommendation(s, r); });
}

core::Result<std::vector<core::Recommendation>> PgStore::Recommendations(int year) {
  return InSession<std::vector<core::Recommendation>>(
      [&](SqlSession& s) { return RecommendationsOf(s, year); });
}

}  // namespace caredesk::store
