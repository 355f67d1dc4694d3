#include "store/common/notice_sql.h"

#include <fmt/format.h>

#include <algorithm>

#include "store/common/correspondence_sql.h"
#include "store/common/cursor.h"

namespace caredesk::store {
namespace {

using core::Fail;
using core::Result;

// At most this many notices are in force at once on the portal (a longer list helps nobody).
constexpr int kMaxInForce = 100;

constexpr const char* kNoticeColumns =
    "id, title, text, service, starts_at, ends_at, created_by, created_at";
constexpr const char* kSatisfactionColumns =
    "id, rating, comment, language, customer_id, received_at";

core::ServiceNotice ReadNotice(const RowView& row) {
  core::ServiceNotice n;
  n.id = row.Int(0);
  n.title = row.Text(1);
  n.text = row.Text(2);
  n.service = row.Text(3);
  n.starts_at = FromSeconds(row.Int(4));
  if (auto ends = row.OptionalInt(5)) n.ends_at = FromSeconds(*ends);
  n.created_by = row.OptionalInt(6);
  n.created_at = FromSeconds(row.Int(7));
  return n;
}

core::SatisfactionResponse ReadSatisfaction(const RowView& row) {
  core::SatisfactionResponse r;
  r.id = row.Int(0);
  r.rating = static_cast<int>(row.Int(1));
  r.comment = row.Text(2);
  r.language = row.Text(3);
  r.customer_id = row.OptionalInt(4);
  r.received_at = FromSeconds(row.Int(5));
  return r;
}

std::vector<SqlArg> ArgsOf(const core::ServiceNotice& n) {
  return {n.title,
          n.text,
          n.service,
          Seconds(n.starts_at),
          n.ends_at ? SqlArg(Seconds(*n.ends_at)) : SqlArg(),
          ArgOf(n.created_by),
          Seconds(n.created_at)};
}

// The one row `sql` returns, or kNotFound saying `missing`.
template <class T, class Read>
Result<T> OneRow(SqlSession& session, const std::string& sql, const std::vector<SqlArg>& args,
                 Read read, const std::string& missing) {
  auto rows = SelectRows<T>(session, sql, args, read);
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return Fail(core::ErrorCode::kNotFound, missing);
  return std::move(rows->front());
}

}  // namespace

Result<core::ServiceNotice> CreateNotice(SqlSession& session, const core::ServiceNotice& notice,
                                         std::span<const core::OutboxMessage> messages,
                                         core::Instant now) {
  if (auto valid = core::CheckNoticeFields(notice); !valid) return tl::unexpected(valid.error());
  core::ServiceNotice saved = notice;
  saved.created_at = now;
  auto id = OneRow<core::Id>(
      session,
      "INSERT INTO service_notices (title, text, service, starts_at, ends_at, created_by, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      ArgsOf(saved), [](const RowView& row) { return row.Int(0); }, "no notice was stored");
  if (!id) return tl::unexpected(id.error());
  saved.id = *id;
  if (auto sent = InsertMessages(session, messages, now); !sent) {
    return tl::unexpected(sent.error());
  }
  return saved;
}

Result<core::ServiceNotice> EndNotice(SqlSession& session, core::Id id, core::Instant at,
                                      core::Instant now) {
  const std::string missing = fmt::format("service notice {} not found", id);
  auto notice = OneRow<core::ServiceNotice>(
      session, fmt::format("SELECT {} FROM service_notices WHERE id = ?", kNoticeColumns), {id},
      ReadNotice, missing);
  if (!notice) return notice;
  if (notice->ends_at && *notice->ends_at <= now) {
    return Fail(core::ErrorCode::kConflict, fmt::format("service notice {} has ended already", id));
  }
  const core::Instant ends = std::max(at, notice->starts_at);
  auto ended = session.Run(
      "UPDATE service_notices SET ends_at = ? WHERE id = ? AND (ends_at IS NULL OR ends_at > ?) "
      "RETURNING id",
      {Seconds(ends), id, Seconds(now)});
  if (!ended) return tl::unexpected(ended.error());
  if (*ended == 0) {
    return Fail(core::ErrorCode::kConflict, fmt::format("service notice {} has ended already", id));
  }
  notice->ends_at = ends;
  return notice;
}

Result<core::Page<core::ServiceNotice>> NoticePage(SqlSession& session, const std::string& cursor,
                                                   int limit) {
  auto below = IdPageStart(cursor, limit);
  if (!below) return tl::unexpected(below.error());
  auto rows = SelectRows<core::ServiceNotice>(
      session,
      fmt::format("SELECT {} FROM service_notices WHERE id < ? ORDER BY id DESC LIMIT {}",
                  kNoticeColumns, limit + 1),
      {*below}, ReadNotice);
  if (!rows) return tl::unexpected(rows.error());
  return IdPage(std::move(*rows), limit);
}

Result<std::vector<core::ServiceNotice>> NoticesInForce(SqlSession& session, core::Instant now) {
  return SelectRows<core::ServiceNotice>(
      session,
      fmt::format("SELECT {} FROM service_notices WHERE starts_at <= ? AND "
                  "(ends_at IS NULL OR ends_at > ?) ORDER BY id DESC LIMIT {}",
                  kNoticeColumns, kMaxInForce),
      {Seconds(now), Seconds(now)}, ReadNotice);
}

Result<std::vector<core::CaseRecord>> NoticeCases(SqlSession& session, const std::string& service) {
  return SelectRows<core::CaseRecord>(
      session,
      fmt::format("SELECT {} FROM cases WHERE id IN (SELECT max(id) FROM cases WHERE status IN "
                  "('open', 'paused') AND customer_id IS NOT NULL AND NOT anonymous AND "
                  "(? = '' OR service = ?) GROUP BY customer_id) ORDER BY id",
                  kCaseColumns),
      {service, service}, ReadCase);
}

Result<core::SatisfactionResponse> SaveSatisfaction(SqlSession& session,
                                                    const core::SatisfactionResponse& response) {
  if (auto valid = core::CheckSatisfaction(response); !valid) {
    return tl::unexpected(valid.error());
  }
  core::SatisfactionResponse saved = response;
  auto id = OneRow<core::Id>(
      session,
      "INSERT INTO satisfaction_responses (rating, comment, language, customer_id, received_at) "
      "VALUES (?, ?, ?, ?, ?) RETURNING id",
      {std::int64_t{response.rating}, response.comment, response.language,
       ArgOf(response.customer_id), Seconds(response.received_at)},
      [](const RowView& row) { return row.Int(0); }, "no response was stored");
  if (!id) return tl::unexpected(id.error());
  saved.id = *id;
  return saved;
}

Result<core::SatisfactionCounts> CountSatisfaction(SqlSession& session) {
  core::SatisfactionCounts counts;
  auto ran = session.Run("SELECT rating, count(*) FROM satisfaction_responses GROUP BY rating", {},
                         [&](const RowView& row) {
                           const std::int64_t rating = row.Int(0);
                           if (rating >= core::kLowestRating && rating <= core::kHighestRating) {
                             counts.counts[static_cast<std::size_t>(rating - 1)] = row.Int(1);
                           }
                         });
  if (!ran) return tl::unexpected(ran.error());
  return counts;
}

Result<core::Page<core::SatisfactionResponse>> SatisfactionComments(SqlSession& session,
                                                                    const std::string& cursor,
                                                                    int limit) {
  auto below = IdPageStart(cursor, limit);
  if (!below) return tl::unexpected(below.error());
  auto rows = SelectRows<core::SatisfactionResponse>(
      session,
      fmt::format("SELECT {} FROM satisfaction_responses WHERE id < ? AND comment <> '' "
                  "ORDER BY id DESC LIMIT {}",
                  kSatisfactionColumns, limit + 1),
      {*below}, ReadSatisfaction);
  if (!rows) return tl::unexpected(rows.error());
  return IdPage(std::move(*rows), limit);
}

}  // namespace caredesk::store
