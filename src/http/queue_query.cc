#include "http/queue_query.h"

#include <fmt/format.h>

#include <charconv>
#include <limits>

#include "core/case_transitions.h"
#include "core/deadline.h"

namespace caredesk::http {
namespace {

constexpr std::string_view kKnown[] = {"customer_id",
                                       "kind",
                                       "channel",
                                       "status",
                                       "stage",
                                       "deadline",
                                       "department_id",
                                       "assignee_id",
                                       "received_from",
                                       "received_until",
                                       "cursor",
                                       "limit",
                                       "q"};

core::Result<void> Bad(const std::string& field, const std::string& why) {
  return core::Fail(core::ErrorCode::kInvalid, field + " " + why, field);
}

template <class T, class Parse>
core::Result<void> Names(const Request& request, const std::string& name, Parse parse,
                         std::vector<T>& out) {
  for (const auto& value : QueryValues(request, name)) {
    auto parsed = parse(value);
    if (!parsed) return Bad(name, fmt::format("has an unknown value \"{}\"", value));
    out.push_back(*parsed);
  }
  return {};
}

core::Result<std::optional<std::int64_t>> Number(const Request& request, const std::string& name,
                                                 std::int64_t low, std::int64_t high) {
  auto text = request.Query(name);
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < low || value > high) {
    return tl::unexpected(
        core::Error{core::ErrorCode::kInvalid,
                    fmt::format("{} must be a whole number from {} to {}", name, low, high), name});
  }
  return value;
}

core::Result<std::optional<core::Instant>> Time(const Request& request, const std::string& name) {
  auto text = request.Query(name);
  if (!text) return std::nullopt;
  auto parsed = core::ParseInstant(*text);
  if (!parsed) {
    return tl::unexpected(
        core::Error{core::ErrorCode::kInvalid, name + " must be an RFC 3339 time", name});
  }
  return *parsed;
}

}  // namespace

std::vector<std::string> QueryValues(const Request& request, const std::string& name) {
  std::vector<std::string> values;
  auto [first, last] = request.query.equal_range(name);
  for (auto it = first; it != last; ++it) {
    std::string_view rest = it->second;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      if (auto part = rest.substr(0, comma); !part.empty()) values.emplace_back(part);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  return values;
}

core::Result<void> OnlyKnownParameters(const Request& request,
                                       std::span<const std::string_view> known) {
  for (const auto& [name, value] : request.query) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return Bad(name, "is not a known parameter");
    }
  }
  return {};
}

core::Result<PageParameters> PageParametersFrom(const Request& request) {
  auto limit = Number(request, "limit", 1, 500);
  if (!limit) return tl::unexpected(limit.error());
  return PageParameters{std::string(request.Query("cursor").value_or("")),
                        static_cast<int>(limit->value_or(50))};
}

core::Result<std::optional<core::Id>> IdParameter(const Request& request, const std::string& name) {
  return Number(request, name, 1, std::numeric_limits<std::int64_t>::max());
}

core::Result<std::optional<core::Id>> CustomerFilterFrom(const Request& request) {
  return IdParameter(request, "customer_id");
}

core::Result<core::QueueQuery> QueueQueryFrom(const Request& request) {
  if (auto known = OnlyKnownParameters(request, kKnown); !known) {
    return tl::unexpected(known.error());
  }
  core::QueueQuery query;
  for (auto done :
       {Names(request, "kind", core::ParseKind, query.kinds),
        Names(request, "channel", core::ParseChannel, query.channels),
        Names(request, "status", core::ParseCaseStatus, query.statuses),
        Names(request, "stage", core::ParseStage, query.stages),
        Names(request, "deadline", core::ParseDeadlineStatus, query.deadline_statuses)}) {
    if (!done) return tl::unexpected(done.error());
  }
  constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();
  auto department = Number(request, "department_id", 1, kMaxId);
  if (!department) return tl::unexpected(department.error());
  query.department_id = *department;
  auto assignee = Number(request, "assignee_id", 1, kMaxId);
  if (!assignee) return tl::unexpected(assignee.error());
  query.assignee_id = *assignee;
  auto page = PageParametersFrom(request);
  if (!page) return tl::unexpected(page.error());
  query.cursor = std::move(page->cursor);
  query.limit = page->limit;
  auto from = Time(request, "received_from");
  if (!from) return tl::unexpected(from.error());
  query.received_from = *from;
  auto until = Time(request, "received_until");
  if (!until) return tl::unexpected(until.error());
  query.received_until = *until;
  return query;
}

}  // namespace caredesk::http
