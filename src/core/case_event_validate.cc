// ValidateEvent: what an event says on its own, before the case's state is consulted.
#include <fmt/format.h>

#include <set>

#include "core/case_event.h"

namespace caredesk::core {
namespace {

using Check = Result<void>;

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

Check Required(std::string_view value, std::string field) {
  if (IsBlank(value)) return Fail(ErrorCode::kInvalid, field + " is required", field);
  return {};
}

Check After(Instant value, Instant at, std::string field, std::string_view what) {
  if (value <= at) {
    return Fail(ErrorCode::kInvalid, fmt::format("{} must be after the event's time", what),
                std::move(field));
  }
  return {};
}

// A complaint starts at informal or stage1; other kinds have no stage.
Check StartStage(Kind kind, std::optional<Stage> stage, const char* field) {
  if (!stage) return {};
  if (kind != Kind::kComplaint) {
    return Fail(ErrorCode::kInvalid, "only a complaint has a stage", field);
  }
  if (*stage != Stage::kInformal && *stage != Stage::kStage1) {
    return Fail(ErrorCode::kInvalid,
                fmt::format("a complaint starts at informal or stage1, not {}", ToString(*stage)),
                field);
  }
  return {};
}

Check Points(const std::vector<std::string>& points) {
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (auto ok = Required(points[i], fmt::format("points[{}]", i)); !ok) return ok;
  }
  return {};
}

bool IsCurrencyCode(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

Check CheckRemedy(const Remedy& remedy, std::size_t i) {
  const std::string field = fmt::format("remedies[{}].amount", i);
  const bool takes_amount = remedy.type == RemedyType::kFinancialRedress ||
                            remedy.type == RemedyType::kInvoiceRestitution;
  if (!remedy.amount) {
    if (remedy.type == RemedyType::kFinancialRedress) {
      return Fail(ErrorCode::kInvalid, "financial_redress needs an amount and a currency", field);
    }
    return {};
  }
  if (!takes_amount) {
    return Fail(ErrorCode::kInvalid,
                fmt::format("{} carries no amount (only financial_redress and "
                            "invoice_restitution do)",
                            ToString(remedy.type)),
                field);
  }
  if (remedy.amount->minor_units <= 0) {
    return Fail(ErrorCode::kInvalid, "the amount must be more than zero", field + ".minor_units");
  }
  if (!IsCurrencyCode(remedy.amount->currency)) {
    return Fail(
        ErrorCode::kInvalid,
        fmt::format("\"{}\" is not an ISO 4217 currency code such as GBP", remedy.amount->currency),
        field + ".currency");
  }
  return {};
}

Check CheckResolved(const event::Resolved& resolved) {
  std::set<int> numbers;
  for (std::size_t i = 0; i < resolved.points.size(); ++i) {
    const int number = resolved.points[i].number;
    const std::string field = fmt::format("points[{}].number", i);
    if (number < 1) return Fail(ErrorCode::kInvalid, "point numbers start at 1", field);
    if (!numbers.insert(number).second) {
      return Fail(ErrorCode::kInvalid, fmt::format("point {} has two outcomes", number), field);
    }
  }
  for (std::size_t i = 0; i < resolved.remedies.size(); ++i) {
    if (auto ok = CheckRemedy(resolved.remedies[i], i); !ok) return ok;
  }
  if ((resolved.outcome == Outcome::kUpheld || resolved.outcome == Outcome::kPartlyUpheld) &&
      resolved.remedies.empty()) {
    return Fail(ErrorCode::kInvalid,
                fmt::format("a complaint resolved as {} names at least one remedy",
                            ToString(*resolved.outcome)),
                "remedies");
  }
  for (std::size_t i = 0; i < resolved.preventive_actions.size(); ++i) {
    const PreventiveAction& action = resolved.preventive_actions[i];
    const std::string field = fmt::format("preventive_actions[{}]", i);
    if (auto ok = Required(action.description, field + ".description"); !ok) return ok;
    if (auto ok = Required(action.owner, field + ".owner"); !ok) return ok;
  }
  return {};
}

Check CheckNumber(int number) {
  if (number < 1) {
    return Fail(ErrorCode::kInvalid, "preventive actions are numbered from 1", "number");
  }
  return {};
}

struct PayloadCheck {
  const CaseEvent& event;

  Check operator()(const event::Received& e) const {
    if (auto ok = Points(e.points); !ok) return ok;
    if (!e.points.empty() && e.kind != Kind::kComplaint) {
      return Fail(ErrorCode::kInvalid, "only a complaint has points of complaint", "points");
    }
    return StartStage(e.kind, e.stage, "stage");
  }
  Check operator()(const event::Acknowledged&) const { return {}; }
  Check operator()(const event::Note& e) const { return Required(e.text, "text"); }
  Check operator()(const event::CallLogged& e) const { return Required(e.summary, "summary"); }
  Check operator()(const event::Reclassified& e) const {
    if (auto ok = Required(e.reason, "reason"); !ok) return ok;
    if (auto ok = Points(e.points); !ok) return ok;
    if (!e.points.empty() && e.new_kind != Kind::kComplaint) {
      return Fail(ErrorCode::kInvalid, "only a complaint has points of complaint", "points");
    }
    return StartStage(e.new_kind, e.stage, "stage");
  }
  Check operator()(const event::Redirected& e) const {
    if (auto ok = Required(e.third_party, "third_party"); !ok) return ok;
    return Required(e.details, "details");
  }
  Check operator()(const event::Referred& e) const {
    if (auto ok = Required(e.department, "department"); !ok) return ok;
    if (auto ok = Required(e.person, "person"); !ok) return ok;
    return After(e.expected_by, event.at, "expected_by", "the expected date");
  }
  Check operator()(const event::Replied&) const { return {}; }
  Check operator()(const event::HoldingSent& e) const {
    return After(e.new_expected, event.at, "new_expected", "the new expected date");
  }
  Check operator()(const event::Paused&) const { return {}; }
  Check operator()(const event::Resumed&) const { return {}; }
  Check operator()(const event::Extended& e) const {
    if (auto ok = Required(e.reason, "reason"); !ok) return ok;
    return After(e.new_due, event.at, "new_due", "the new due instant");
  }
  Check operator()(const event::Escalated&) const { return {}; }
  Check operator()(const event::Decided& e) const {
    if (e.decision == Decision::kGranted) return {};
    return Required(e.reason, "reason");
  }
  Check operator()(const event::Resolved& e) const { return CheckResolved(e); }
  Check operator()(const event::PreventiveActionDone& e) const { return CheckNumber(e.number); }
  Check operator()(const event::PreventiveActionVerified& e) const { return CheckNumber(e.number); }
  Check operator()(const event::ExternalReferral& e) const { return Required(e.body, "body"); }
  Check operator()(const event::Reopened& e) const { return Required(e.reason, "reason"); }
  Check operator()(const event::Closed&) const { return {}; }
  Check operator()(const event::SurveyAnswered& e) const {
    if (e.score < 1 || e.score > 5) {
      return Fail(ErrorCode::kInvalid, fmt::format("the score is 1 to 5, not {}", e.score),
                  "score");
    }
    return {};
  }
  Check operator()(const event::Assigned& e) const {
    return Required(e.assignee.id, "assignee.id");
  }
};

}  // namespace

Result<void> ValidateEvent(const CaseEvent& event) {
  if (auto ok = Required(event.actor.id, "actor.id"); !ok) return ok;
  return std::visit(PayloadCheck{event}, event.payload);
}

}  // namespace caredesk::core
