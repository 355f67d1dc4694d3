// Importing whole case histories into PostgreSQL (caredesk import and copy, the benchmark
// dataset): many cases per statement, so a million cases load in minutes rather than hours.
// Each chunk of cases is one INSERT … SELECT FROM unnest(…) of column arrays for the cases and
// one for their events; the whole import is still one transaction.
#include <fmt/format.h>

#include <map>
#include <set>
#include <unordered_map>

#include "store/common/import_check.h"
#include "store/common/reference.h"
#include "store/common/rows.h"
#include "store/postgres/pg_case_params.h"
#include "store/postgres/pg_store.h"

namespace caredesk::store {
namespace {

// Cases per statement: large enough that round trips do not matter, small enough that the
// column arrays (a few megabytes) stay modest.
constexpr std::size_t kChunk = 1000;

// Every case of `chunk` with its projection and words; the new ids by reference.
Result<std::unordered_map<std::string, core::Id>> InsertCases(
    PgConnection& conn, std::span<const core::CaseHistory> chunk) {
  static const std::string kInsert = fmt::format(
      "INSERT INTO cases (kind, channel, stage, status, anonymous, customer_id, department_id, "
      "assignee_id, subject, nature, service, updated_at, next_due, queue_key, next_standard, "
      "next_status, event_count, search, reference, policy_version, received_at, logged_at) "
      "SELECT kind, channel, stage, status, anonymous, customer_id, department_id, assignee_id, "
      "subject, nature, service, updated_at, next_due, queue_key, next_standard, next_status, "
      "event_count, {}, reference, policy_version, received_at, logged_at "
      "FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::bigint[], "
      "$7::bigint[], $8::bigint[], $9::text[], $10::text[], $11::text[], $12::bigint[], "
      "$13::bigint[], $14::bigint[], $15::text[], $16::text[], $17::bigint[], $18::text[], "
      "$19::text[], $20::text[], $21::bigint[], $22::bigint[]) AS imported(kind, channel, stage, "
      "status, anonymous, customer_id, department_id, assignee_id, subject, nature, service, "
      "updated_at, next_due, queue_key, next_standard, next_status, event_count, document, "
      "reference, policy_version, received_at, logged_at) RETURNING id, reference",
      IndexedWords("document"));
  PgArrays arrays;
  for (const auto& history : chunk) {
    core::CaseRecord record = history.record;
    record.event_count = static_cast<std::int64_t>(history.events.size());
    std::string document;
    for (const auto& stored : history.events) {
      document += SearchDocument(stored.event);
      document += ' ';
    }
    PgParams row;
    AddProjection(row, record, document);
    row.Text(record.reference)
        .Text(record.policy_version)
        .Int(Seconds(record.received_at))
        .Int(Seconds(record.logged_at));
    arrays.AddRow(row);
  }
  auto rows = AllRows(conn, kInsert, PgParams().Arrays(arrays), [](const PgRow& row) {
    return std::pair{row.Text(1), row.Int(0)};
  });
  if (!rows) return tl::unexpected(rows.error());
  return std::unordered_map<std::string, core::Id>(rows->begin(), rows->end());
}

// Every event of `chunk`, exactly as given, under the ids its cases got.
Result<void> InsertEvents(PgConnection& conn, std::span<const core::CaseHistory> chunk,
                          const std::unordered_map<std::string, core::Id>& ids) {
  static const std::string kInsert = fmt::format(
      "INSERT INTO events ({0}) SELECT {0} FROM unnest($1::bigint[], $2::bigint[], $3::text[], "
      "$4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::text[], "
      "$11::text[]) AS imported({0})",
      kEventColumns);
  PgArrays arrays;
  for (const auto& history : chunk) {
    const auto id = ids.find(history.record.reference);
    if (id == ids.end()) {
      return Fail(core::ErrorCode::kInvalid, "case " + history.record.reference + " not inserted");
    }
    for (const auto& stored : history.events) {
      PgParams row;
      row.Int(id->second);
      AddEventColumns(row, stored);
      arrays.AddRow(row);
    }
  }
  if (arrays.Rows() == 0) return {};
  if (auto inserted = conn.Query(kInsert, PgParams().Arrays(arrays)); !inserted) {
    return tl::unexpected(inserted.error());
  }
  return {};
}

}  // namespace

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
      auto ids = InsertCases(**conn, chunk);
      if (!ids) return tl::unexpected(ids.error());
      // Two cases with one reference: the unique index refuses the second before this.
      if (auto written = InsertEvents(**conn, chunk, *ids); !written) return written;
    }
    return {};
  });
}

}  // namespace caredesk::store
