#include "core/case_transitions.h"

namespace caredesk::core {
namespace {

constexpr bool RowsInEventTypeOrder() {
  for (std::size_t i = 0; i < kTransitionTable.size(); ++i) {
    if (kTransitionTable[i].event != kAllEventTypes[i]) return false;
  }
  return true;
}
static_assert(RowsInEventTypeOrder(), "kTransitionTable rows must follow EventType order");

}  // namespace

std::string_view ToString(CaseStatus status) {
  switch (status) {
    case CaseStatus::kEmpty:
      return "empty";
    case CaseStatus::kOpen:
      return "open";
    case CaseStatus::kPaused:
      return "paused";
    case CaseStatus::kResolved:
      return "resolved";
    case CaseStatus::kClosed:
      return "closed";
  }
  return "empty";
}

std::optional<CaseStatus> ParseCaseStatus(std::string_view text) {
  for (CaseStatus status : kAllCaseStatuses) {
    if (ToString(status) == text) return status;
  }
  return std::nullopt;
}

std::optional<CaseStatus> NextStatus(CaseStatus status, EventType event) {
  const auto row = static_cast<std::size_t>(event);
  const auto column = static_cast<std::size_t>(status);
  if (row >= kTransitionTable.size() || column >= kAllCaseStatuses.size()) return std::nullopt;
  switch (kTransitionTable[row].from[column]) {
    case StatusChange::kRefused:
      return std::nullopt;
    case StatusChange::kKeep:
      return status;
    case StatusChange::kToOpen:
      return CaseStatus::kOpen;
    case StatusChange::kToPaused:
      return CaseStatus::kPaused;
    case StatusChange::kToResolved:
      return CaseStatus::kResolved;
    case StatusChange::kToClosed:
      return CaseStatus::kClosed;
  }
  return std::nullopt;
}

}  // namespace caredesk::core
