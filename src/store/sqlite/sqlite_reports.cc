// What reports read, on SQLite: reads on a reader connection, figures written through the group
// committer (store/common/figures_sql.h).
#include "store/common/figures_sql.h"
#include "store/common/recommendation_sql.h"
#include "store/sqlite/sqlite_query.h"
#include "store/sqlite/sqlite_store_sessions.h"

namespace caredesk::store {

core::Result<void> SqliteStore::FiguresIn(const core::ReportFilter& filter,
                                          const core::FiguresVisitor& each) {
  return InReader<void>([&](SqlSession& s) { return store::FiguresIn(s, filter, each); });
}

core::Result<std::vector<core::SuggestionRecord>> SqliteStore::SuggestionsReceived(
    core::Instant from, core::Instant until) {
  return InReader<std::vector<core::SuggestionRecord>>(
      [&](SqlSession& s) { return store::SuggestionsReceived(s, from, until); });
}

core::Result<std::vector<std::string>> SqliteStore::CasesWithoutFigures(int limit) {
  return InReader<std::vector<std::string>>(
      [&](SqlSession& s) { return store::CasesWithoutFigures(s, limit); });
}

core::Result<void> SqliteStore::SaveFigures(std::span<const core::CaseFigures> figures) {
  return InWriter<void>([&](SqlSession& s) -> core::Result<void> {
    for (const auto& f : figures) {
      if (auto written = WriteFigures(s, f.case_id, f); !written) return written;
    }
    return {};
  });
}

core::Result<bool> SqliteStore::FiguresComplete() {
  return InReader<bool>([&](SqlSession& s) { return store::FiguresComplete(s); });
}

core::Result<bool> SqliteStore::MarkFiguresComplete() {
  return InWriter<bool>([&](SqlSession& s) { return store::MarkFiguresComplete(s); });
}

core::Result<core::Recommendation> SqliteStore::SaveRecommendation(const core::Recommendation& r) {
  if (auto valid = core::CheckRecommendation(r); !valid) return tl::unexpected(valid.error());
  return InWriter<core::Recommendation>([&](SqlSession& s) { return InsertRecommendation(s, r); });
}

core::Result<std::vector<core::Recommendation>> SqliteStore::Recommendations(int year) {
  return InReader<std::vector<core::Recommendation>>(
      [&](SqlSession& s) { return RecommendationsOf(s, year); });
}

}  // namespace caredesk::store
