#include "store/common/case_change_json.h"

#include <nlohmann/json.hpp>

namespace caredesk::store {
namespace {

using Json = nlohmann::json;

template <class T>
Json OrNull(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

// The integer at `key`, nothing when it is null or missing.
std::optional<std::int64_t> OptionalInt(const Json& json, const char* key) {
  const auto found = json.find(key);
  if (found == json.end() || !found->is_number_integer()) return std::nullopt;
  return found->get<std::int64_t>();
}

}  // namespace

std::string CaseChangeJson(const core::CaseChange& change) {
  // Seconds since the epoch, as the store keeps instants.
  const Json next_due =
      change.next_due ? Json(change.next_due->time_since_epoch().count()) : Json(nullptr);
  return Json{{"reference", change.reference},
              {"status", core::ToString(change.status)},
              {"next_due", next_due},
              {"department_id", OrNull(change.department_id)},
              {"assignee_id", OrNull(change.assignee_id)},
              {"event", core::ToString(change.event)}}
      .dump();
}

std::optional<core::CaseChange> ParseCaseChangeJson(std::string_view text) {
  const Json json = Json::parse(text, nullptr, false);
  if (!json.is_object() || !json.contains("reference") || !json["reference"].is_string() ||
      !json.contains("status") || !json["status"].is_string() || !json.contains("event") ||
      !json["event"].is_string()) {
    return std::nullopt;
  }
  const auto status = core::ParseCaseStatus(json["status"].get<std::string>());
  const auto event = core::ParseEventType(json["event"].get<std::string>());
  if (!status || !event) return std::nullopt;
  core::CaseChange change;
  change.reference = json["reference"].get<std::string>();
  change.status = *status;
  change.event = *event;
  if (auto due = OptionalInt(json, "next_due"))
    change.next_due = core::Instant{std::chrono::seconds{*due}};
  change.department_id = OptionalInt(json, "department_id");
  change.assignee_id = OptionalInt(json, "assignee_id");
  return change;
}

}  // namespace caredesk::store
