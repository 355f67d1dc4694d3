#include "export/complaints_register.h"

#include <date/date.h>
#include <fmt/format.h>

#include "print/figure_text.h"

namespace caredesk::exports {
namespace {

// A page of the register as the CLI and the downloads read it.
constexpr int kPage = 200;

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "\n") + part;
  return out;
}

std::string DayText(core::LocalDate day) { return date::format("%F", day); }

Cell DayCell(const std::optional<core::LocalDate>& day) {
  if (!day) return Empty{};
  return *day;
}

}  // namespace

core::Result<RegisterPage> ComplaintsRegister::Page(const core::ReportFilter& filter,
                                                    const std::string& cursor, int limit) {
  if (!departments_) {
    auto listed = store_.ListDepartments();
    if (!listed) return tl::unexpected(listed.error());
    departments_.emplace();
    for (const auto& d : *listed) (*departments_)[d.id] = d.name;
  }
  auto page = store_.ComplaintsIn(filter, cursor, limit);
  if (!page) return tl::unexpected(page.error());
  RegisterPage out;
  out.next_cursor = std::move(page->next_cursor);
  out.entries.reserve(page->rows.size());
  for (const auto& complaint : page->rows) {
    auto entry = EntryOf(complaint);
    if (!entry) return tl::unexpected(entry.error());
    out.entries.push_back(std::move(*entry));
  }
  return out;
}

core::Result<std::int64_t> ComplaintsRegister::ForEach(
    const core::ReportFilter& filter,
    const std::function<core::Result<void>(const RegisterEntry&)>& each) {
  std::int64_t count = 0;
  std::string cursor;
  do {
    auto page = Page(filter, cursor, kPage);
    if (!page) return tl::unexpected(page.error());
    for (const auto& entry : page->entries) {
      if (auto done = each(entry); !done) return tl::unexpected(done.error());
      ++count;
    }
    cursor = std::move(page->next_cursor);
  } while (!cursor.empty());
  return count;
}

core::Result<RegisterEntry> ComplaintsRegister::EntryOf(const core::RegisterCase& complaint) {
  std::vector<core::CaseEvent> events;
  events.reserve(complaint.events.size());
  for (const auto& stored : complaint.events) events.push_back(stored.event);
  auto state = core::Fold(events);
  if (!state) {
    return core::Fail(state.error().code,
                      fmt::format("case {}: {}", complaint.reference, state.error().message));
  }
  const core::CaseFigures& f = complaint.figures;
  const auto local = [this](core::Instant at) { return calendar_.LocalDay(at); };
  RegisterEntry e;
  e.reference = complaint.reference;
  e.received = local(f.received_at);
  e.nature = f.nature;
  e.service = f.service;
  if (f.department_id) {
    const auto name = departments_->find(*f.department_id);
    e.department = name == departments_->end() ? std::to_string(*f.department_id) : name->second;
  }
  e.channel = f.channel;
  e.stage = f.stage;
  e.status = f.status;
  if (f.acknowledged) e.acknowledged = local(f.acknowledged->at);
  if (f.replied) e.responded = local(f.replied->at);
  if (const auto* latest = state->LatestResolution()) e.resolved = local(latest->at);
  for (const core::Stage stage : core::kAllStages) {
    if (const auto outcome = state->OutcomeAt(stage)) e.outcomes.emplace_back(stage, *outcome);
  }
  for (const auto& resolution : state->resolutions) {
    e.remedies.insert(e.remedies.end(), resolution.remedies.begin(), resolution.remedies.end());
  }
  for (const auto& a : state->preventive_actions) {
    e.actions.push_back({a.action.description, a.action.owner, a.status, local(a.action.due),
                         a.done_at ? std::optional(local(*a.done_at)) : std::nullopt});
  }
  e.root_cause = f.root_cause;
  return e;
}

std::vector<std::string> RegisterColumns() {
  std::vector<std::string> columns{"Reference",    "Received",    "Nature",        "Service",
                                   "Department",   "Channel",     "Stage reached", "Status",
                                   "Acknowledged", "First reply", "Resolved"};
  for (const core::Stage stage : core::kAllStages) {
    columns.push_back(fmt::format("Outcome ({})", print::Words(core::ToString(stage))));
  }
  for (const char* column : {"Remedies", "Preventive actions", "Root cause"}) {
    columns.emplace_back(column);
  }
  return columns;
}

std::vector<Cell> RegisterCells(const RegisterEntry& e) {
  std::vector<Cell> cells{e.reference,
                          e.received,
                          e.nature,
                          e.service,
                          e.department,
                          print::Words(core::ToString(e.channel)),
                          e.stage ? Cell(print::Words(core::ToString(*e.stage))) : Cell(Empty{}),
                          print::Words(core::ToString(e.status)),
                          DayCell(e.acknowledged),
                          DayCell(e.responded),
                          DayCell(e.resolved)};
  for (const core::Stage stage : core::kAllStages) {
    Cell outcome = Empty{};
    for (const auto& [at, said] : e.outcomes) {
      if (at == stage) outcome = print::Words(core::ToString(said));
    }
    cells.push_back(std::move(outcome));
  }
  std::vector<std::string> remedies;
  for (const auto& r : e.remedies) remedies.push_back(RemedyText(r));
  cells.push_back(Joined(remedies));
  std::vector<std::string> actions;
  for (const auto& a : e.actions) actions.push_back(ActionText(a));
  cells.push_back(Joined(actions));
  cells.push_back(e.root_cause);
  return cells;
}

std::string RemedyText(const core::Remedy& remedy) {
  std::string text = print::Words(core::ToString(remedy.type));
  if (remedy.amount) {
    text += ", " + print::MoneyText(remedy.amount->minor_units, remedy.amount->currency);
  }
  if (!remedy.description.empty()) text += ": " + remedy.description;
  return text;
}

std::string ActionText(const RegisterAction& a) {
  std::string text =
      fmt::format("{} ({}; due {}", a.description, core::ToString(a.status), DayText(a.due));
  if (a.done) text += ", done " + DayText(*a.done);
  return text + ")";
}

}  // namespace caredesk::exports
