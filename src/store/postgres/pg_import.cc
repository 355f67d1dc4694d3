// Importing whole case histories into PostgreSQL (caredesk import and copy, the benchmark
// dataset): many cases per statement, so a million cases load in minutes rather than hours.
// Each chunk of cases is one INSERT … SELECT FROM unnest(…) of column arrays for the cases and
// one for their events (pg_case_params.cc); the whole import is still one transaction.
#include <fmt/format.h>

#include <map>
#include <set>

#include "store/common/figures_sql.h"
#include "store/common/import_check.h"
#include "store/common/reference.h"
#include "store/common/rows.h"
#include "store/postgres/pg_case_params.h"
#include "store/postgres/pg_session.h"
#include "store/postgres/pg_store.h"

namespace caredesk::store {

Result<void> PgStore::ImportCases(std::span<const core::CaseHistory> cases) {
  if (auto valid = CheckImport(cases); !valid) return valid;
  std::set<std::string> policies;
  std::map<int, std::int64_t> highest;  // year → the highest reference number imported
  for (const auto& history : cases) {
    policies.insert(history.record.policy_version);
    const auto parts = *ParseReference(history.record.reference);
    highest[parts.year] = std::max(highest[parts.year], parts.number);
  }
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  for (const auto& [year, number] : highest) {
    if (auto ensured = EnsureReferenceSequence(**conn, year); !ensured) return ensured;
  }
  return InTransaction(**conn, [&]() -> Result<void> {
    for (const auto& version : policies) {
      auto policy = OneRow(
          **conn, "SELECT 1 FROM policy_versions WHERE version = $1", PgParams().Text(version),
          [](const PgRow& row) { return row.Int(0); }, "policy version " + version);
      if (!policy) return tl::unexpected(policy.error());
    }
    // First, and in year order: each year's sequence is moved past the imported numbers and
    // stays locked until commit (ALTER SEQUENCE, changing nothing, takes a lock that nextval
    // waits for, which LOCK TABLE cannot take on a sequence). Cases created meanwhile get
    // numbers after the imported ones, and two imports cannot deadlock.
    for (const auto& [year, number] : highest) {
      const std::string sequence = ReferenceSequence(year);
      if (auto locked = (*conn)->Exec(fmt::format("ALTER SEQUENCE {} AS bigint", sequence));
          !locked) {
        return locked;
      }
      if (auto moved = (*conn)->Query(
              fmt::format(
                  "SELECT setval('{0}', $1) FROM {0} WHERE NOT is_called OR last_value < $1",
                  sequence),
              PgParams().Int(number));
          !moved) {
        return tl::unexpected(moved.error());
      }
    }
    for (std::size_t first = 0; first < cases.size(); first += kChunk) {
      const auto chunk = cases.subspan(first, std::min(kChunk, cases.size() - first));
      auto ids = InsertCaseRows(**conn, chunk);
      if (!ids) return tl::unexpected(ids.error());
      // Two cases with one reference: the unique index refuses the second before this.
      if (auto written = InsertEventRows(**conn, chunk, *ids); !written) return written;
      PgSession session(**conn);
      for (std::size_t k = 0; k < chunk.size(); ++k) {
        auto figured = chunk[k].figures ? WriteFigures(session, ids->at(chunk[k].record.reference),
                                                       *chunk[k].figures)
                                        : ForgetFiguresComplete(session);
        if (!figured) return figured;
      }
    }
    return {};
  });
}

}  // namespace caredesk::store
