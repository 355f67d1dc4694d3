#include "store/common/recommendation_sql.h"

#include <nlohmann/json.hpp>

#include "store/common/rows.h"

namespace caredesk::store {
namespace {

std::vector<std::string> ListOf(const std::string& json) {
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  std::vector<std::string> out;
  if (!parsed.is_array()) return out;
  for (const auto& item : parsed) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

core::Recommendation ReadRecommendation(const RowView& row) {
  core::Recommendation r;
  r.id = row.Int(0);
  r.year = static_cast<int>(row.Int(1));
  r.text = row.Text(2);
  r.figures = ListOf(row.Text(3));
  r.case_references = ListOf(row.Text(4));
  r.author_id = row.IsNull(5) ? 0 : row.Int(5);
  r.author_name = row.Text(6);
  r.written_at = FromSeconds(row.Int(7));
  return r;
}

}  // namespace

core::Result<core::Recommendation> InsertRecommendation(SqlSession& session,
                                                        const core::Recommendation& r) {
  core::Recommendation saved = r;
  auto inserted = session.Run(
      "INSERT INTO recommendations (year, text, figures, cases, author_id, author_name, "
      "written_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {std::int64_t{r.year}, r.text, nlohmann::json(r.figures).dump(),
       nlohmann::json(r.case_references).dump(),
       r.author_id > 0 ? SqlArg(r.author_id) : SqlArg(std::monostate{}), r.author_name,
       Seconds(r.written_at)},
      [&](const RowView& row) { saved.id = row.Int(0); });
  if (!inserted) return tl::unexpected(inserted.error());
  return saved;
}

core::Result<std::vector<core::Recommendation>> RecommendationsOf(SqlSession& session, int year) {
  return SelectRows<core::Recommendation>(
      session,
      "SELECT id, year, text, figures, cases, author_id, author_name, written_at "
      "FROM recommendations WHERE year = ? ORDER BY id",
      {std::int64_t{year}}, ReadRecommendation);
}

}  // namespace caredesk::store
