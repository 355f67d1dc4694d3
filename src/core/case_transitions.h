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
  using enum EventType;
  constexpr StatusChange kNo = kRefused;  // short, so the table reads as a grid
  // clang-format off
  return std::array<TransitionRow, kEventTypeCount>{{
      //                           empty        open         paused       resolved     closed
      {kReceived,                 {kToOpen,     kNo,         kNo,         kNo,         kNo}},
      {kAcknowledged,             {kNo,         kKeep,       kKeep,       kNo,         kNo}},
      {kNote,                     {kNo,         kKeep,       kKeep,       kKeep,       kKeep}},
      {kCallLogged,               {kNo,         kKeep,       kKeep,       kKeep,       kKeep}},
      {kReclassified,             {kNo,         kKeep,       kKeep,       kNo,         kNo}},
      {kRedirected,               {kNo,         kToClosed,   kNo,         kNo,         kNo}},
      {kReferred,                 {kNo,         kKeep,       kKeep,       kNo,         kNo}},
      {kReplied,                  {kNo,         kKeep,       kKeep,       kKeep,       kNo}},
      {kHoldingSent,              {kNo,         kKeep,       kKeep,       kNo,         kNo}},
      {kPaused,                   {kNo,         kToPaused,   kNo,         kNo,         kNo}},
      {kResumed,                  {kNo,         kNo,         kToOpen,     kNo,         kNo}},
      {kExtended,                 {kNo,         kKeep,       kKeep,       kNo,         kNo}},
      {kEscalated,                {kNo,         kKeep,       kNo,         kToOpen,     kToOpen}},
      {kDecided,                  {kNo,         kKeep,       kNo,         kNo,         kNo}},
      {kResolved,                 {kNo,         kToResolved, kNo,         kNo,         kNo}},
      {kPreventiveActionDone,     {kNo,         kKeep,       kKeep,       kKeep,       kKeep}},
      {kPreventiveActionVerified, {kNo,         kKeep,       kKeep,       kKeep,       kKeep}},
      {kExternalReferral,         {kNo,         kKeep,       kKeep,       kKeep,       kKeep}},
      {kReopened,                 {kNo,         kNo,         kNo,         kToOpen,     kToOpen}},
      {kClosed,                   {kNo,         kToClosed,   kNo,         kToClosed,   kNo}},
      {kSurveyAnswered,           {kNo,         kNo,         kNo,         kKeep,       kKeep}},
      {kAssigned,                 {kNo,         kKeep,       kKeep,       kKeep,       kNo}},
  }};
  // clang-format on
}();

// The status after an event of type `event` in `status`; empty when the table refuses it.
std::optional<CaseStatus> NextStatus(CaseStatus status, EventType event);

}  // namespace caredesk::core
