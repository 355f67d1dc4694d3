#include "store/common/figures_sql.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/case_figures_codec.h"
#include "store/common/cursor.h"
#include "store/common/rows.h"

namespace caredesk::store {
namespace {

using core::Result;

constexpr const char* kFigureColumns =
    "case_id, policy_version, received_at, month, kind, channel, department_id, service, "
    "nature, stage, status, details";

std::optional<std::string> StageText(const std::optional<core::Stage>& stage) {
  if (!stage) return std::nullopt;
  return std::string(core::ToString(*stage));
}

// `column IN (?, ?, …)` over `values`, or nothing when there are none.
template <class T, class ToArg>
void AddIn(std::string& sql, std::vector<SqlArg>& args, std::string_view column,
           const std::vector<T>& values, ToArg to_arg) {
  if (values.empty()) return;
  sql += fmt::format(" AND {} IN (", column);
  for (std::size_t i = 0; i < values.size(); ++i) {
    sql += i == 0 ? "?" : ", ?";
    args.push_back(to_arg(values[i]));
  }
  sql += ")";
}

// Fills `f` from `row`; false when the row is not figures this caredesk can read.
bool ReadFigures(const RowView& row, core::CaseFigures& f) {
  f.case_id = row.Int(0);
  f.policy_version.assign(row.TextView(1));
  f.received_at = FromSeconds(row.Int(2));
  f.month = static_cast<int>(row.Int(3));
  const auto kind = core::ParseKind(row.TextView(4));
  const auto channel = core::ParseChannel(row.TextView(5));
  const auto status = core::ParseCaseStatus(row.TextView(10));
  if (!kind || !channel || !status) return false;
  f.kind = *kind;
  f.channel = *channel;
  f.status = *status;
  f.department_id = row.OptionalInt(6);
  f.service.assign(row.TextView(7));
  f.nature.assign(row.TextView(8));
  f.stage.reset();
  if (!row.IsNull(9)) f.stage = core::ParseStage(row.TextView(9));
  return core::DecodeFigureDetails(row.TextView(11), f).has_value();
}

}  // namespace

Result<void> WriteFigures(SqlSession& session, core::Id case_id, const core::CaseFigures& f) {
  std::vector<SqlArg> args{case_id,
                           std::int64_t{core::kFiguresFormat},
                           f.policy_version,
                           Seconds(f.received_at),
                           std::int64_t{f.month},
                           std::string(core::ToString(f.kind)),
                           std::string(core::ToString(f.channel)),
                           ArgOf(f.department_id),
                           f.service,
                           f.nature,
                           f.stage ? SqlArg(*StageText(f.stage)) : SqlArg(std::monostate{}),
                           std::string(core::ToString(f.status)),
                           core::EncodeFigureDetails(f)};
  auto written = session.Run(
      "INSERT INTO case_figures (case_id, format, policy_version, received_at, month, kind, "
      "channel, department_id, service, nature, stage, status, details) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO UPDATE SET "
      "format = excluded.format, policy_version = excluded.policy_version, "
      "received_at = excluded.received_at, month = excluded.month, kind = excluded.kind, "
      "channel = excluded.channel, department_id = excluded.department_id, "
      "service = excluded.service, nature = excluded.nature, stage = excluded.stage, "
      "status = excluded.status, details = excluded.details",
      args);
  if (!written) return tl::unexpected(written.error());
  return {};
}

Result<void> FiguresIn(SqlSession& session, const core::ReportFilter& filter,
                       const core::FiguresVisitor& each) {
  std::string sql = fmt::format(
      "SELECT {} FROM case_figures WHERE received_at >= ? AND received_at < ? AND format = ?",
      kFigureColumns);
  std::vector<SqlArg> args{Seconds(filter.from), Seconds(filter.until),
                           std::int64_t{core::kFiguresFormat}};
  const auto name = [](auto value) { return SqlArg(std::string(core::ToString(value))); };
  AddIn(sql, args, "kind", filter.kinds, name);
  AddIn(sql, args, "channel", filter.channels, name);
  AddIn(sql, args, "stage", filter.stages, name);
  AddIn(sql, args, "department_id", filter.department_ids, [](core::Id id) { return SqlArg(id); });
  AddIn(sql, args, "service", filter.services, [](const std::string& s) { return SqlArg(s); });
  sql += " ORDER BY received_at, case_id";
  // One object, its strings and lists reused: reading a year allocates next to nothing.
  core::CaseFigures figures;
  std::optional<core::Id> unreadable;
  auto ran = session.Run(sql, args, [&](const RowView& row) {
    if (unreadable) return;
    if (!ReadFigures(row, figures)) {
      unreadable = figures.case_id;
      return;
    }
    each(figures);
  });
  if (!ran) return tl::unexpected(ran.error());
  if (unreadable) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("case {} has figures this caredesk cannot read", *unreadable));
  }
  return {};
}

Result<core::Page<core::RegisterCase>> ComplaintsIn(SqlSession& session,
                                                    const core::ReportFilter& filter,
                                                    const std::string& cursor, int limit) {
  bool malformed = false;
  const auto after = DecodeCursor(cursor, malformed);
  if (malformed) return core::Fail(core::ErrorCode::kInvalid, "the cursor is not valid", "cursor");
  if (limit < 1 || limit > 500) {
    return core::Fail(core::ErrorCode::kInvalid, "limit must be 1 to 500", "limit");
  }
  std::string sql = fmt::format(
      "SELECT {}, (SELECT reference FROM cases WHERE cases.id = case_figures.case_id) "
      "FROM case_figures WHERE received_at >= ? AND received_at < ? AND format = ? AND kind = ?",
      kFigureColumns);
  std::vector<SqlArg> args{Seconds(filter.from), Seconds(filter.until),
                           std::int64_t{core::kFiguresFormat},
                           std::string(core::ToString(core::Kind::kComplaint))};
  const auto name = [](auto value) { return SqlArg(std::string(core::ToString(value))); };
  AddIn(sql, args, "channel", filter.channels, name);
  AddIn(sql, args, "stage", filter.stages, name);
  AddIn(sql, args, "department_id", filter.department_ids, [](core::Id id) { return SqlArg(id); });
  AddIn(sql, args, "service", filter.services, [](const std::string& s) { return SqlArg(s); });
  // The cursor and the limit are integers, written into the statement.
  if (after) {
    sql += fmt::format(" AND (received_at > {0} OR (received_at = {0} AND case_id > {1}))",
                       after->key, after->id);
  }
  sql += fmt::format(" ORDER BY received_at, case_id LIMIT {}", limit + 1);
  core::Page<core::RegisterCase> page;
  std::optional<core::Id> unreadable;
  auto ran = session.Run(sql, args, [&](const RowView& row) {
    auto& complaint = page.rows.emplace_back();
    if (!ReadFigures(row, complaint.figures)) unreadable = complaint.figures.case_id;
    complaint.reference.assign(row.TextView(12));
  });
  if (!ran) return tl::unexpected(ran.error());
  if (unreadable) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("case {} has figures this caredesk cannot read", *unreadable));
  }
  if (static_cast<int>(page.rows.size()) > limit) {
    page.rows.pop_back();
    const auto& last = page.rows.back().figures;
    page.next_cursor = EncodeCursor({Seconds(last.received_at), last.case_id});
  }
  if (page.rows.empty()) return page;
  // Their events in one query: the page's cases are few, their histories short.
  std::string events = fmt::format("SELECT {} FROM events WHERE case_id IN (", kEventColumns);
  std::map<core::Id, std::size_t> row_of;
  for (std::size_t i = 0; i < page.rows.size(); ++i) {
    events += fmt::format("{}{}", i == 0 ? "" : ", ", page.rows[i].figures.case_id);
    row_of[page.rows[i].figures.case_id] = i;
  }
  events += ") ORDER BY case_id, seq";
  std::optional<core::Error> bad_event;
  ran = session.Run(events, {}, [&](const RowView& row) {
    auto event = ReadEvent(row);
    if (!event) {
      if (!bad_event) bad_event = event.error();
      return;
    }
    page.rows[row_of[event->case_id]].events.push_back(std::move(*event));
  });
  if (!ran) return tl::unexpected(ran.error());
  if (bad_event) return tl::unexpected(*bad_event);
  return page;
}

Result<std::vector<std::string>> CasesWithoutFigures(SqlSession& session, int limit) {
  return SelectRows<std::string>(
      session,
      "SELECT c.reference FROM cases c LEFT JOIN case_figures f ON f.case_id = c.id "
      "WHERE f.case_id IS NULL OR f.format <> ? ORDER BY c.id LIMIT ?",
      {std::int64_t{core::kFiguresFormat}, std::int64_t{limit}}, ReadFirstText);
}

Result<bool> FiguresComplete(SqlSession& session) {
  bool complete = false;
  auto read = session.Run("SELECT complete_format FROM figures_state WHERE id = 1", {},
                          [&](const RowView& row) {
                            complete = row.OptionalInt(0) == std::int64_t{core::kFiguresFormat};
                          });
  if (!read) return tl::unexpected(read.error());
  return complete;
}

Result<bool> MarkFiguresComplete(SqlSession& session) {
  const std::int64_t format = core::kFiguresFormat;
  if (auto locked =
          session.Run("UPDATE figures_state SET complete_format = ? WHERE id = 1", {format});
      !locked) {
    return tl::unexpected(locked.error());
  }
  auto missing = CasesWithoutFigures(session, 1);
  if (!missing) return tl::unexpected(missing.error());
  if (missing->empty()) return true;
  if (auto cleared = ForgetFiguresComplete(session); !cleared) {
    return tl::unexpected(cleared.error());
  }
  return false;
}

Result<void> ForgetFiguresComplete(SqlSession& session) {
  auto cleared = session.Run("UPDATE figures_state SET complete_format = NULL WHERE id = 1", {});
  if (!cleared) return tl::unexpected(cleared.error());
  return {};
}

Result<std::vector<core::SuggestionRecord>> SuggestionsReceived(SqlSession& session,
                                                                core::Instant from,
                                                                core::Instant until) {
  return SelectRows<core::SuggestionRecord>(
      session,
      fmt::format("SELECT {} FROM suggestions WHERE received_at >= ? AND received_at < ? "
                  "ORDER BY received_at, id",
                  kSuggestionColumns),
      {Seconds(from), Seconds(until)}, ReadSuggestion);
}

}  // namespace caredesk::store
