// The case's status and its transition table: for every status and event type, whether the
// event is allowed and which status it leads to. This table is the one place that says what
// may happen when; Apply (case_state.h) consults it before any rule, so an event the table
// refuses is an error value (kConflict), never a crash. docs/case-lifecycle.md shows it.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "core/case_event.h"

namespace caredesk::core {

// kEmpty is a case with no event yet: only `received` can start it.
enum class CaseStatus { kEmpty, kOpen, kPaused, kResolved, kClosed };
inline constexpr std::array kAllCaseStatuses = {CaseStatus::kEmpty, CaseStatus::kOpen,
                                                CaseStatus::kPaused, CaseStatus::kResolved,
                                                CaseStatus::kClosed};

std::string_view ToString(CaseStatus status);
std::optional<CaseStatus> ParseCaseStatus(std::string_view text);

// What an event does to the status.
enum class StatusChange { kRefused, kKeep, kToOpen, kToPaused, kToResolved, kToClosed };

struct TransitionRow {
  EventType event;
  std::array<StatusChange, kAllCaseStatuses.size()> from;  // indexed by CaseStatus
};

// One row per event type, in EventType order.
inline constexpr auto kTransitionTable = [] {
  using enum StatusChange;
  constexpr StatusChange no = kRefused;
  // clang-format off
  return std::array<TransitionRow, kEventTypeCount>{{
      //                                      empty    open         paused      resolved  closed
      {EventType::kReceived,                 {kToOpen, no,          no,         no,       no}},
      {EventType::kAcknowledged,             {no,      kKeep,       kKeep,      no,       no}},
      {EventType::kNote,                     {no,      kKeep,       kKeep,      kKeep,    kKeep}},
      {EventType::kCallLogged,               {no,      kKeep,       kKeep,      kKeep,    kKeep}},
      {EventType::kReclassified,             {no,      kKeep,       kKeep,      no,       no}},
      {EventType::kRedirected,               {no,      kToClosed,   no,         no,       no}},
      {EventType::kReferred,                 {no,      kKeep,       kKeep,      no,       no}},
      {EventType::kReplied,                  {no,      kKeep,       kKeep,      kKeep,    no}},
      {EventType::kHoldingSent,              {no,      kKeep,       kKeep,      no,       no}},
      {EventType::kPaused,                   {no,      kToPaused,   no,         no,       no}},
      {EventType::kResumed,                  {no,      no,          kToOpen,    no,       no}},
      {EventType::kExtended,                 {no,      kKeep,       kKeep,      no,       no}},
      {EventType::kEscalated,                {no,      kKeep,       no,         kToOpen,  kToOpen}},
      {EventType::kDecided,                  {no,      kKeep,       no,         no,       no}},
      {EventType::kResolved,                 {no,      kToResolved, no,         no,       no}},
      {EventType::kPreventiveActionDone,     {no,      kKeep,       kKeep,      kKeep,    kKeep}},
      {EventType::kPreventiveActionVerified, {no,      kKeep,       kKeep,      kKeep,    kKeep}},
      {EventType::kExternalReferral,         {no,      kKeep,       kKeep,      kKeep,    kKeep}},
      {EventType::kReopened,                 {no,      no,          no,         kToOpen,  kToOpen}},
      {EventType::kClosed,                   {no,      kToClosed,   no,         kToClosed, no}},
      {EventType::kSurveyAnswered,           {no,      no,          no,         kKeep,    kKeep}},
      {EventType::kAssigned,                 {no,      kKeep,       kKeep,      kKeep,    no}},
  }};
  // clang-format on
}();

// The status after an event of type `event` in `status`; empty when the table refuses it.
std::optional<CaseStatus> NextStatus(CaseStatus status, EventType event);

}  // namespace caredesk::core
