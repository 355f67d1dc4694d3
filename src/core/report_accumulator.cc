#include "core/report_accumulator.h"

#include <algorithm>
#include <cmath>

namespace caredesk::core::report_detail {

int Interner::Of(std::string_view text) {
  if (auto found = ids_.find(text); found != ids_.end()) return found->second;
  const int id = static_cast<int>(texts_.size());
  texts_.emplace_back(text);
  ids_.emplace(texts_.back(), id);
  return id;
}

namespace {

void Bump(std::vector<std::int64_t>& counts, std::size_t index, std::int64_t by = 1) {
  if (counts.size() <= index) counts.resize(index + 1, 0);
  counts[index] += by;
}

void AddCounts(std::vector<std::int64_t>& to, const std::vector<std::int64_t>& from) {
  if (to.size() < from.size()) to.resize(from.size(), 0);
  for (std::size_t i = 0; i < from.size(); ++i) to[i] += from[i];
}

// Adds counts by key number, renumbering the other's keys by `names` (none: the same numbers).
void AddKeyed(std::vector<std::int64_t>& to, const std::vector<std::int64_t>& from,
              const std::vector<int>& names) {
  if (names.empty()) return AddCounts(to, from);
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (from[i] != 0) Bump(to, static_cast<std::size_t>(names[i]), from[i]);
  }
}

// Newest first; the lower case number first among comments received at the same instant.
bool Newer(const Comment& a, const Comment& b) {
  return a.received_at != b.received_at ? a.received_at > b.received_at : a.case_id < b.case_id;
}

// Keeps the newest kMaxComments once there are twice as many, so memory stays bounded.
void KeepNewest(std::vector<Comment>& comments, std::size_t above) {
  if (comments.size() <= above) return;
  std::partial_sort(comments.begin(), comments.begin() + kMaxComments, comments.end(), Newer);
  comments.resize(kMaxComments);
}

template <class T>
void Append(std::vector<T>& to, const std::vector<T>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

std::size_t OutcomeSlot(const OutcomeFigure& o) {
  const std::size_t stage = o.stage ? static_cast<std::size_t>(*o.stage) + 1 : 0;
  return stage * kAllOutcomes.size() + static_cast<std::size_t>(o.outcome);
}

// Tallies by name, largest first, then by name; zero counts left out.
template <class Name>
std::vector<Tally> TalliesOf(const std::vector<std::int64_t>& counts, Name name) {
  std::vector<Tally> out;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] > 0) out.push_back({std::string(name(i)), counts[i]});
  }
  std::sort(out.begin(), out.end(), [](const Tally& a, const Tally& b) {
    return a.count != b.count ? a.count > b.count : a.key < b.key;
  });
  return out;
}

Spread SpreadOf(std::vector<double>& values) {
  Spread spread;
  spread.count = static_cast<std::int64_t>(values.size());
  if (values.empty()) return spread;
  const auto rank = [&](double share) {
    const auto n = static_cast<double>(values.size());
    const auto k = static_cast<std::size_t>(std::max(1.0, std::ceil(share * n)));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k - 1),
                     values.end());
    return values[k - 1];
  };
  spread.median = rank(0.5);
  spread.p90 = rank(0.9);
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  spread.min = *low;
  spread.max = *high;
  double sum = 0;
  for (double v : values) sum += v;
  spread.mean = sum / static_cast<double>(values.size());
  return spread;
}

std::optional<double> Share(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

void Accumulator::Add(const CaseFigures& c, const Keys& k, Instant at) {
  ++f.contacts;
  if (c.kind == Kind::kCompliment) ++f.compliments;
  const bool complaint = c.kind == Kind::kComplaint;
  if (complaint) {
    ++f.complaints;
    Bump(natures, static_cast<std::size_t>(k.nature));
  }
  Bump(kinds, static_cast<std::size_t>(c.kind));
  Bump(channels, static_cast<std::size_t>(c.channel));
  Bump(services, static_cast<std::size_t>(k.service));
  Bump(departments, static_cast<std::size_t>(k.department));
  for (std::size_t i = 0; i < c.deadlines.size(); ++i) {
    const int row = k.rows[i];
    if (row < 0) continue;
    const auto slot = static_cast<std::size_t>(row);
    switch (StatusAt(c.deadlines[i], at)) {
      case DeadlineStatus::kMet:
        Bump(met, slot);
        break;
      case DeadlineStatus::kBreached:
        Bump(breached, slot);
        break;
      case DeadlineStatus::kNotApplicable:
        continue;
      default:
        Bump(pending, slot);
        break;
    }
    Bump(applied, slot);
  }
  if (c.acknowledged) {
    ack_hours.push_back(static_cast<double>(c.acknowledged->open_seconds) / 3600.0);
    ack_days.push_back(static_cast<double>(c.acknowledged->working_days));
  }
  if (c.replied) {
    reply_hours.push_back(static_cast<double>(c.replied->open_seconds) / 3600.0);
    reply_days.push_back(static_cast<double>(c.replied->working_days));
  }
  bool stage1 = false;
  for (const auto& outcome : c.outcomes) {
    Bump(outcomes, OutcomeSlot(outcome));
    stage1 = stage1 || outcome.stage == Stage::kStage1;
  }
  if (complaint && stage1) ++f.stage1_resolved;
  if (complaint && c.escalated) ++f.escalated;
  if (!c.extension_reasons.empty()) ++f.extended_cases;
  for (int reason : k.reasons) Bump(reasons, static_cast<std::size_t>(reason));
  for (std::size_t i = 0; i < c.remedies.size(); ++i) {
    Bump(remedies, static_cast<std::size_t>(c.remedies[i].type));
    if (k.currencies[i] < 0) continue;
    const auto currency = static_cast<std::size_t>(k.currencies[i]);
    Bump(redress_units, currency, c.remedies[i].amount->minor_units);
    Bump(redress_count, currency);
  }
  if (!c.root_cause.empty()) Bump(root_causes, static_cast<std::size_t>(k.root_cause));
  const bool settled = c.status == CaseStatus::kResolved || c.status == CaseStatus::kClosed;
  if (settled && !c.anonymous) ++f.satisfaction.invited;
  if (c.satisfaction) {
    ++f.satisfaction.responses;
    ++f.satisfaction.scores[static_cast<std::size_t>(*c.satisfaction - 1)];
    if (!c.satisfaction_comment.empty()) {
      ++f.satisfaction.comment_count;
      comments.push_back({c.received_at, c.case_id, c.satisfaction_comment});
      KeepNewest(comments, 2 * kMaxComments);
    }
  }
  for (const auto& action : c.actions) {
    if (action.status == PreventiveStatus::kPlanned) {
      ++f.prevention.open;
      if (action.due < at) ++f.prevention.overdue;
      continue;
    }
    ++(action.status == PreventiveStatus::kDone ? f.prevention.done : f.prevention.verified);
    if (action.done_at && !c.nature.empty()) done_actions.emplace_back(k.nature, *action.done_at);
  }
}

void Accumulator::Merge(const Accumulator& o, const std::vector<int>& names) {
  f.contacts += o.f.contacts;
  f.compliments += o.f.compliments;
  f.complaints += o.f.complaints;
  f.stage1_resolved += o.f.stage1_resolved;
  f.escalated += o.f.escalated;
  f.extended_cases += o.f.extended_cases;
  f.satisfaction.invited += o.f.satisfaction.invited;
  f.satisfaction.responses += o.f.satisfaction.responses;
  for (std::size_t i = 0; i < f.satisfaction.scores.size(); ++i) {
    f.satisfaction.scores[i] += o.f.satisfaction.scores[i];
  }
  f.prevention.open += o.f.prevention.open;
  f.prevention.overdue += o.f.prevention.overdue;
  f.prevention.done += o.f.prevention.done;
  f.prevention.verified += o.f.prevention.verified;
  f.suggestions.received += o.f.suggestions.received;
  f.suggestions.under_review += o.f.suggestions.under_review;
  f.suggestions.adopted += o.f.suggestions.adopted;
  f.suggestions.not_adopted += o.f.suggestions.not_adopted;
  f.suggestions.published += o.f.suggestions.published;
  f.satisfaction.comment_count += o.f.satisfaction.comment_count;
  for (auto [to, from] : {std::pair(&kinds, &o.kinds), std::pair(&channels, &o.channels),
                          std::pair(&remedies, &o.remedies), std::pair(&outcomes, &o.outcomes),
                          std::pair(&applied, &o.applied), std::pair(&met, &o.met),
                          std::pair(&breached, &o.breached), std::pair(&pending, &o.pending)}) {
    AddCounts(*to, *from);
  }
  for (auto [to, from] :
       {std::pair(&services, &o.services), std::pair(&natures, &o.natures),
        std::pair(&departments, &o.departments), std::pair(&reasons, &o.reasons),
        std::pair(&root_causes, &o.root_causes), std::pair(&redress_units, &o.redress_units),
        std::pair(&redress_count, &o.redress_count)}) {
    AddKeyed(*to, *from, names);
  }
  for (auto [to, from] :
       {std::pair(&ack_hours, &o.ack_hours), std::pair(&ack_days, &o.ack_days),
        std::pair(&reply_hours, &o.reply_hours), std::pair(&reply_days, &o.reply_days)}) {
    Append(*to, *from);
  }
  Append(comments, o.comments);
  KeepNewest(comments, 2 * kMaxComments);
  for (auto [nature, done_at] : o.done_actions) {
    done_actions.emplace_back(names.empty() ? nature : names[static_cast<std::size_t>(nature)],
                              done_at);
  }
}

void Accumulator::Add(const SuggestionFigure& s) {
  SuggestionFigures& counts = f.suggestions;
  ++counts.received;
  if (s.status == SuggestionStatus::kUnderReview) ++counts.under_review;
  if (s.status == SuggestionStatus::kAdopted) ++counts.adopted;
  if (s.status == SuggestionStatus::kNotAdopted) ++counts.not_adopted;
  if (s.published) ++counts.published;
}

PeriodFigures Finish(Accumulator& a, const Interner& names, const StandardRows& standards,
                     const std::vector<Instant>& last_complaint) {
  PeriodFigures f = std::move(a.f);
  f.by_kind = TalliesOf(a.kinds, [](std::size_t i) { return ToString(kAllKinds[i]); });
  f.by_channel = TalliesOf(a.channels, [](std::size_t i) { return ToString(kAllChannels[i]); });
  const auto text = [&](std::size_t i) { return names.Text(static_cast<int>(i)); };
  f.by_service = TalliesOf(a.services, text);
  f.by_nature = TalliesOf(a.natures, text);
  f.by_department = TalliesOf(a.departments, text);
  f.extension_reasons = TalliesOf(a.reasons, text);
  f.root_causes = TalliesOf(a.root_causes, text);
  f.remedies = TalliesOf(a.remedies, [](std::size_t i) { return ToString(kAllRemedyTypes[i]); });
  for (std::size_t i = 0; i < a.redress_count.size(); ++i) {
    if (a.redress_count[i] > 0)
      f.redress.push_back({text(i), a.redress_units[i], a.redress_count[i]});
  }
  for (std::size_t slot = 0; slot < a.outcomes.size(); ++slot) {
    if (a.outcomes[slot] == 0) continue;
    const std::size_t stage = slot / kAllOutcomes.size();
    f.outcomes.push_back({stage == 0 ? std::nullopt : std::optional(kAllStages[stage - 1]),
                          kAllOutcomes[slot % kAllOutcomes.size()], a.outcomes[slot]});
  }
  f.escalation_rate = Share(f.escalated, f.stage1_resolved);
  f.standards = standards.rows();
  const auto count = [](const std::vector<std::int64_t>& counts, std::size_t i) {
    return i < counts.size() ? counts[i] : 0;
  };
  for (std::size_t i = 0; i < f.standards.size(); ++i) {
    StandardFigures& s = f.standards[i];
    s.applied = count(a.applied, i);
    s.met = count(a.met, i);
    s.breached = count(a.breached, i);
    s.pending = count(a.pending, i);
    s.share_met = Share(s.met, s.met + s.breached);
    if (s.share_met) s.target_met = *s.share_met + 1e-9 >= s.target_share;
  }
  f.acknowledge_hours = SpreadOf(a.ack_hours);
  f.acknowledge_days = SpreadOf(a.ack_days);
  f.reply_hours = SpreadOf(a.reply_hours);
  f.reply_days = SpreadOf(a.reply_days);
  SatisfactionFigures& s = f.satisfaction;
  s.response_rate = Share(s.responses, s.invited);
  std::int64_t total = 0;
  for (std::size_t i = 0; i < s.scores.size(); ++i) total += s.scores[i] * static_cast<int>(i + 1);
  if (s.responses > 0) s.mean_score = static_cast<double>(total) / static_cast<double>(s.responses);
  std::sort(a.comments.begin(), a.comments.end(), Newer);
  for (std::size_t i = 0; i < a.comments.size() && i < kMaxComments; ++i) {
    s.comments.push_back(std::move(a.comments[i].text));
  }
  for (const auto& [nature, done_at] : a.done_actions) {
    const auto n = static_cast<std::size_t>(nature);
    const bool recurred = n < last_complaint.size() && last_complaint[n] > done_at;
    ++(recurred ? f.prevention.recurred : f.prevention.not_recurred);
  }
  return f;
}

}  // namespace caredesk::core::report_detail
