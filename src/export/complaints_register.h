// The complaints register (issue 7): one entry per complaint received in a period, in receipt
// order — its nature, service and department, when it was received, acknowledged and first
// answered, the outcome at each stage, the remedies given (with their descriptions) and the
// preventive actions taken (with their descriptions), and the root cause. A register of
// complaints, not of people: no customer's name or address is in it.
//
// Read page by page from the store (core::ReportStore::ComplaintsIn), each case's history folded
// for the texts its figures do not keep, so a large year streams through in bounded memory.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/case_state.h"
#include "core/store.h"
#include "export/table.h"

namespace caredesk::exports {

struct RegisterAction {
  std::string description;
  std::string owner;
  core::PreventiveStatus status = core::PreventiveStatus::kPlanned;
  core::LocalDate due;
  std::optional<core::LocalDate> done;
};

struct RegisterEntry {
  std::string reference;
  core::LocalDate received;
  std::string nature;
  std::string service;
  std::string department;  // its name; empty when none
  core::Channel channel = core::Channel::kEmail;
  std::optional<core::Stage> stage;  // the stage reached
  core::CaseStatus status = core::CaseStatus::kOpen;
  std::optional<core::LocalDate> acknowledged;                  // the first acknowledgement
  std::optional<core::LocalDate> responded;                     // the first reply
  std::optional<core::LocalDate> resolved;                      // the latest resolution
  std::vector<std::pair<core::Stage, core::Outcome>> outcomes;  // the latest at each stage
  std::vector<core::Remedy> remedies;                           // every resolution's
  std::vector<RegisterAction> actions;
  std::string root_cause;
};

struct RegisterPage {
  std::vector<RegisterEntry> entries;
  std::string next_cursor;  // empty after the last page
};

// Dates are local days of `calendar` (the organisation's).
class ComplaintsRegister {
 public:
  ComplaintsRegister(core::Store& store, const core::BusinessCalendar& calendar)
      : store_(store), calendar_(calendar) {}

  // One page: at most `limit` (1 to 500) entries after `cursor` (kInvalid naming either).
  core::Result<RegisterPage> Page(const core::ReportFilter& filter, const std::string& cursor,
                                  int limit);
  // Every entry, in order, page by page; stops at the first error `each` returns. Returns how many.
  core::Result<std::int64_t> ForEach(
      const core::ReportFilter& filter,
      const std::function<core::Result<void>(const RegisterEntry&)>& each);

 private:
  core::Result<RegisterEntry> EntryOf(const core::RegisterCase& complaint);

  core::Store& store_;
  const core::BusinessCalendar& calendar_;
  std::optional<std::map<core::Id, std::string>> departments_;  // read once
};

// The register's headings, and one entry's cells under them.
std::vector<std::string> RegisterColumns();
std::vector<Cell> RegisterCells(const RegisterEntry& entry);

// "Financial redress, £50.00 GBP: refund of the fee"; "Review procedure".
std::string RemedyText(const core::Remedy& remedy);
// "Retrain the counter staff (done; due 2026-04-30, done 2026-04-12)".
std::string ActionText(const RegisterAction& action);

}  // namespace caredesk::exports
