#include "core/report.h"

#include <algorithm>
#include <set>

#include "core/report_accumulator.h"
#include "core/report_standards.h"

namespace caredesk::core {

using report_detail::Accumulator;
using report_detail::Interner;
using report_detail::Keys;

struct ReportCounter::State {
  explicit State(const ReportContext& c) : context(c), standards(c.policies) {}

  const ReportContext& context;
  const StandardRows standards;
  Interner names;
  std::map<int, Accumulator> months;
  std::vector<Instant> last_complaint;          // by nature id: the latest complaint received
  std::set<std::string, std::less<>> versions;  // of the cases counted
  const std::string* version = nullptr;         // of the case counted last
  Keys keys;                                    // the case being counted's
  Accumulator* month = nullptr;                 // the month of the case counted last
  int month_key = -1;

  Accumulator& MonthOf(int key) {
    if (key != month_key) {
      month = &months[key];
      month_key = key;
    }
    return *month;
  }

  void NoteVersion(const std::string& v) {
    if (version == nullptr || *version != v) version = &*versions.insert(v).first;
  }

  // The standards rows a report lists: the listed version's, and those of the versions counted.
  std::vector<bool> ListedRows() const {
    std::vector<bool> listed(standards.rows().size(), context.listed_version.empty());
    const auto add = [&](std::string_view v) {
      const auto rows = standards.RowsOf(v);
      for (std::size_t i = 0; i < rows.size(); ++i) listed[i] = listed[i] || rows[i];
    };
    add(context.listed_version);
    for (const auto& v : versions) add(v);
    return listed;
  }

  void NoteComplaint(int nature, Instant received_at) {
    const auto n = static_cast<std::size_t>(nature);
    if (last_complaint.size() <= n) last_complaint.resize(n + 1, Instant{});
    last_complaint[n] = std::max(last_complaint[n], received_at);
  }
};

ReportCounter::ReportCounter(const ReportContext& context)
    : state_(std::make_unique<State>(context)) {}
ReportCounter::~ReportCounter() = default;
ReportCounter::ReportCounter(ReportCounter&&) noexcept = default;
ReportCounter& ReportCounter::operator=(ReportCounter&&) noexcept = default;

void ReportCounter::Add(const CaseFigures& c) {
  State& s = *state_;
  Keys& keys = s.keys;
  keys.service = s.names.Of(c.service);
  keys.nature = s.names.Of(c.nature);
  const auto& departments = s.context.departments;
  const auto department = c.department_id ? departments.find(*c.department_id) : departments.end();
  keys.department = s.names.Of(department == departments.end() ? "" : department->second);
  keys.root_cause = s.names.Of(c.root_cause);
  keys.reasons.clear();
  for (const auto& reason : c.extension_reasons) keys.reasons.push_back(s.names.Of(reason));
  keys.currencies.clear();
  for (const auto& remedy : c.remedies) {
    keys.currencies.push_back(remedy.amount ? s.names.Of(remedy.amount->currency) : -1);
  }
  keys.rows.clear();
  for (const auto& d : c.deadlines) {
    keys.rows.push_back(s.standards.RowOf(c.policy_version, d.standard, d.tier));
  }
  s.NoteVersion(c.policy_version);
  if (c.kind == Kind::kComplaint) s.NoteComplaint(keys.nature, c.received_at);
  // The period's tallies are its months' summed (Finish).
  s.MonthOf(c.month).Add(c, keys, s.context.at);
}

void ReportCounter::Add(const SuggestionFigure& suggestion) {
  state_->MonthOf(suggestion.month).Add(suggestion);
}

void ReportCounter::Merge(ReportCounter&& other) {
  State& s = *state_;
  State& o = *other.state_;
  std::vector<int> names(o.names.size());
  for (std::size_t i = 0; i < names.size(); ++i) names[i] = s.names.Of(o.names.Text(int(i)));
  for (const auto& [key, accumulator] : o.months) s.months[key].Merge(accumulator, names);
  for (std::size_t i = 0; i < o.last_complaint.size(); ++i) {
    if (o.last_complaint[i] != Instant{}) s.NoteComplaint(names[i], o.last_complaint[i]);
  }
  s.versions.merge(o.versions);
  s.version = nullptr;
  other.state_.reset();
}

namespace {

void KeepListed(std::vector<StandardFigures>& rows, const std::vector<bool>& listed) {
  std::vector<StandardFigures> kept;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (listed[i]) kept.push_back(std::move(rows[i]));
  }
  rows = std::move(kept);
}

}  // namespace

Report ReportCounter::Finish() && {
  State& s = *state_;
  Report report;
  report.filter = s.context.filter;
  report.at = s.context.at;
  Accumulator total;
  for (const auto& [key, accumulator] : s.months) total.Merge(accumulator, {});
  const auto listed = s.ListedRows();
  report.total = report_detail::Finish(total, s.names, s.standards, s.last_complaint);
  KeepListed(report.total.standards, listed);
  for (auto& [key, accumulator] : s.months) {
    report.months.push_back(
        {key, report_detail::Finish(accumulator, s.names, s.standards, s.last_complaint)});
    KeepListed(report.months.back().figures.standards, listed);
  }
  state_.reset();
  return report;
}

Report ComputeReport(const ReportInputs& inputs) {
  ReportCounter counter(inputs);
  for (const CaseFigures& c : inputs.cases) counter.Add(c);
  for (const SuggestionFigure& s : inputs.suggestions) counter.Add(s);
  return std::move(counter).Finish();
}

}  // namespace caredesk::core
