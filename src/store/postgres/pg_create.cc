// Creating cases on PostgreSQL: the next reference of the year from that year's sequence, then
// the case and its received event, committed before CreateCase returns, with the notification
// of each new case in the same transaction (pg_change_listener.h).
//
// Group creation: a commit costs the server far more than a row does (on the 2-core development
// machine about 450 µs of CPU for a case written alone, about 100 µs each for 16 written by one
// statement). So calls that arrive while other creations are in flight queue up, and the next
// free caller becomes the leader of a batch: it takes every queued case (up to kMaxBatch), takes
// their numbers in queue order from the sequence in one statement, and writes the cases and
// events with one statement each in one transaction. A batch that fails is retried case by case,
// so one bad case fails alone. At most half the pool size (1 to 4) batches are in flight at once:
// a few keep both cores busy while others wait for their flush; more would only make them smaller.
#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "store/common/case_change_json.h"
#include "store/common/correspondence_sql.h"
#include "store/common/event_hash.h"
#include "store/common/reference.h"
#include "store/common/rows.h"
#include "store/postgres/pg_case_params.h"
#include "store/postgres/pg_session.h"
#include "store/postgres/pg_store.h"

namespace caredesk::store {
namespace {

constexpr std::int64_t kReferenceLock = 0x6361726564657333;  // "caredes3"
constexpr std::size_t kMaxBatch = 64;

int ReceivedYear(const core::CaseRecord& record) {
  return int(date::year_month_day{std::chrono::floor<date::days>(record.received_at)}.year());
}

// `new_case` as a one-event history numbered `reference`, its event recorded at `now`.
core::CaseHistory NumberedHistory(const core::NewCase& new_case, const std::string& reference,
                                  core::Instant now) {
  core::CaseHistory history{new_case.record, {}, {}};
  history.record.reference = reference;
  history.record.event_count = 1;
  core::StoredEvent received{0, 1, new_case.received, now, std::string(kGenesisHash), {}};
  received.hash = EventHash(CanonicalEventText(reference, 1, received.event), received.prev_hash);
  history.events.push_back(std::move(received));
  return history;
}

// Writes one numbered case and its received event in one statement, which outside BEGIN is its
// own transaction: one round trip, one commit. Its id.
Result<core::Id> InsertOne(PgConnection& conn, const core::CaseHistory& history) {
  static const std::string kInsert = fmt::format(
      "WITH new_case AS (INSERT INTO cases (kind, channel, stage, status, anonymous, customer_id, "
      "department_id, assignee_id, subject, nature, service, updated_at, next_due, queue_key, "
      "next_standard, next_status, event_count, search, reference, policy_version, received_at, "
      "logged_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
      "$17, {}, $19, $20, $21, $22) RETURNING id) "
      ", new_event AS (INSERT INTO events ({}) SELECT new_case.id, $23::bigint, $24::text, "
      "$25::bigint, $26::text, $27::text, $28::text, $29::text, $30::bigint, $31::text, "
      "$32::text FROM new_case RETURNING case_id) "
      "SELECT case_id FROM new_event",
      IndexedWords("$18"), kEventColumns);
  const core::CaseRecord& record = history.record;
  PgParams params;
  AddProjection(params, record, SearchDocument(history.events.front().event));
  params.Text(record.reference)
      .Text(record.policy_version)
      .Int(Seconds(record.received_at))
      .Int(Seconds(record.logged_at));
  AddEventColumns(params, history.events.front());  // $23 … $32
  return OneRow(
      conn, kInsert, params, [](const PgRow& row) { return row.Int(0); }, "the new case");
}

}  // namespace

Result<void> PgStore::EnsureReferenceSequence(PgConnection& conn, int year) {
  if (year < 1 || year > 9999) {
    return Fail(core::ErrorCode::kInvalid, fmt::format("year {} is out of range", year),
                "received_at");
  }
  {
    std::lock_guard lock(years_mutex_);
    if (reference_years_.contains(year)) return {};
  }
  // CREATE … IF NOT EXISTS is not safe against a concurrent create; the lock makes processes
  // meeting a new year together take turns.
  auto created = InTransaction(conn, [&]() -> Result<void> {
    if (auto locked =
            conn.Query("SELECT pg_advisory_xact_lock($1)", PgParams().Int(kReferenceLock));
        !locked) {
      return tl::unexpected(locked.error());
    }
    return conn.Exec(
        fmt::format("CREATE SEQUENCE IF NOT EXISTS {} AS bigint", ReferenceSequence(year)));
  });
  if (!created) return created;
  std::lock_guard lock(years_mutex_);
  reference_years_.insert(year);
  return {};
}

Result<core::CaseRecord> PgStore::CreateCase(const core::NewCase& new_case) {
  if (new_case.received.type() != core::EventType::kReceived) {
    return Fail(core::ErrorCode::kInvalid, "a case starts with a received event", "received");
  }
  PendingCase mine{&new_case, {}, std::nullopt};
  std::unique_lock lock(batch_mutex_);
  pending_.push_back(&mine);
  while (!mine.result) {
    if (leaders_ < max_leaders_ && !pending_.empty()) {
      ++leaders_;
      const std::size_t take = std::min(kMaxBatch, pending_.size());
      std::vector<PendingCase*> batch(pending_.begin(), pending_.begin() + long(take));
      pending_.erase(pending_.begin(), pending_.begin() + long(take));
      lock.unlock();
      auto results = CreateBatch(batch);
      lock.lock();
      --leaders_;
      // Each caller of the batch is woken alone (not every waiting thread), and so is the
      // first one still queued, which may lead the next batch.
      for (std::size_t i = 0; i < batch.size(); ++i) {
        batch[i]->result = std::move(results[i]);
        if (batch[i] != &mine) batch[i]->done.notify_one();
      }
      if (!pending_.empty()) pending_.front()->done.notify_one();
    } else {
      mine.done.wait(lock);
    }
  }
  return std::move(*mine.result);
}

std::vector<std::optional<Result<core::CaseRecord>>> PgStore::CreateBatch(
    const std::vector<PendingCase*>& batch) {
  std::vector<std::optional<Result<core::CaseRecord>>> results(batch.size());
  auto conn = pool_.Borrow();
  if (!conn) {
    for (auto& result : results) result = tl::unexpected(conn.error());
    return results;
  }
  // Numbers in queue order, one statement per year. A sequence, not a counter row in the
  // cases' transaction: a row lock held until the commit reached disk would let one case (or
  // batch) be created per disk flush, however many writers there are. nextval locks nothing;
  // its number is durable once any later commit is (WAL is flushed in order), so after a crash
  // no acknowledged case's number is handed out again. A case that fails leaves a gap.
  std::map<int, std::vector<std::size_t>> by_year;  // year → positions in `batch`
  for (std::size_t i = 0; i < batch.size(); ++i) {
    by_year[ReceivedYear(batch[i]->new_case->record)].push_back(i);
  }
  std::vector<core::CaseHistory> histories(batch.size());
  const core::Instant now = clock_.Now();
  for (const auto& [year, positions] : by_year) {
    auto ensured = EnsureReferenceSequence(**conn, year);
    auto numbers = ensured ? AllRows(**conn,
                                     fmt::format("SELECT nextval('{}') FROM generate_series(1, $1)",
                                                 ReferenceSequence(year)),
                                     PgParams().Int(std::int64_t(positions.size())),
                                     [](const PgRow& row) { return row.Int(0); })
                           : tl::unexpected(ensured.error());
    if (!numbers || numbers->size() != positions.size()) {
      for (std::size_t i : positions) {
        results[i] = numbers ? Fail(core::ErrorCode::kInvalid, "no reference number")
                             : tl::unexpected(numbers.error());
      }
      continue;
    }
    std::sort(numbers->begin(), numbers->end());
    for (std::size_t k = 0; k < positions.size(); ++k) {
      const std::size_t i = positions[k];
      histories[i] =
          NumberedHistory(*batch[i]->new_case, FormatReference(year, (*numbers)[k]), now);
    }
  }
  std::vector<std::size_t> numbered;  // positions still to write
  std::vector<core::CaseHistory> to_write;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (results[i]) continue;
    numbered.push_back(i);
    to_write.push_back(histories[i]);
  }
  auto done = [&](std::size_t i, core::Id id) {  // after its commit
    core::CaseRecord record = histories[i].record;
    record.id = id;
    notifier_.Announce({core::ChangeOf(record, core::EventType::kReceived)});
    results[i] = record;
  };
  if (to_write.size() > 1) {
    auto ids = InTransaction(**conn, [&]() -> Result<std::unordered_map<std::string, core::Id>> {
      auto inserted = InsertCaseRows(**conn, to_write);
      if (!inserted) return inserted;
      if (auto events = InsertEventRows(**conn, to_write, *inserted); !events) {
        return tl::unexpected(events.error());
      }
      PgSession session(**conn);
      for (std::size_t k = 0; k < numbered.size(); ++k) {
        const core::CaseEffects& effects = batch[numbered[k]]->new_case->effects;
        const auto id = inserted->find(to_write[k].record.reference);
        if (effects.empty() || id == inserted->end()) continue;
        if (auto written = WriteEffects(session, id->second, 1, effects, now); !written) {
          return tl::unexpected(written.error());
        }
      }
      return inserted;
    });
    if (ids) {
      for (std::size_t k = 0; k < numbered.size(); ++k) {
        const auto id = ids->find(to_write[k].record.reference);
        if (id != ids->end()) {
          done(numbered[k], id->second);
        } else {
          results[numbered[k]] = Fail(core::ErrorCode::kInvalid, "the new case was not returned");
        }
      }
      return results;
    }
    // Rolled back whole: written one by one, so that a bad case fails alone.
  }
  for (std::size_t k = 0; k < numbered.size(); ++k) {
    const core::CaseEffects& effects = batch[numbered[k]]->new_case->effects;
    auto id = effects.empty() ? InsertOne(**conn, to_write[k])
                              : InTransaction(**conn, [&]() -> Result<core::Id> {
                                  auto one = InsertOne(**conn, to_write[k]);
                                  if (!one) return one;
                                  PgSession session(**conn);
                                  auto written = WriteEffects(session, *one, 1, effects, now);
                                  if (!written) return tl::unexpected(written.error());
                                  return one;
                                });
    if (id) {
      done(numbered[k], *id);
    } else {
      results[numbered[k]] = tl::unexpected(id.error());
    }
  }
  return results;
}

}  // namespace caredesk::store
