#include "core/case_state.h"

#include <fmt/format.h>

namespace caredesk::core {
namespace {

using Check = Result<void>;

tl::unexpected<Error> Conflict(std::string message, std::string field = {}) {
  return Fail(ErrorCode::kConflict, std::move(message), std::move(field));
}

std::size_t Index(Stage stage) { return static_cast<std::size_t>(stage); }

// Informal when the first point of contact can resolve it (a call or a visit), else stage1.
Stage StartingStage(Channel channel, std::optional<Stage> stage) {
  if (stage) return *stage;
  return channel == Channel::kPhone || channel == Channel::kInPerson ? Stage::kInformal
                                                                     : Stage::kStage1;
}

// Stage 2 is handled by someone other than the stage-1 handler.
Check NotStage1Handler(const CaseState& state, const Actor& who, const char* field) {
  if (state.stage != Stage::kStage2) return {};
  const std::optional<Actor>& first = state.handler(Stage::kStage1);
  if (first && first->id == who.id) {
    return Conflict(
        fmt::format("{} handled stage1, so stage2 must be handled by someone else", who.id), field);
  }
  return {};
}

Check ResolvedPoints(const CaseState& state, const event::Resolved& e) {
  if (state.kind != Kind::kComplaint) {
    if (!e.points.empty()) {
      return Fail(ErrorCode::kInvalid, "only a complaint has points of complaint", "points");
    }
    return {};
  }
  if (!e.outcome) return Fail(ErrorCode::kInvalid, "a complaint's outcome is required", "outcome");
  const std::size_t count = state.points.size();
  std::vector<bool> seen(count, false);
  for (std::size_t i = 0; i < e.points.size(); ++i) {
    const int number = e.points[i].number;
    if (number < 1 || static_cast<std::size_t>(number) > count) {
      return Fail(ErrorCode::kInvalid,
                  fmt::format("the complaint has {} point(s); there is no point {}", count, number),
                  fmt::format("points[{}].number", i));
    }
    seen[static_cast<std::size_t>(number) - 1] = true;
  }
  for (std::size_t p = 0; p < count; ++p) {
    if (!seen[p]) {
      return Fail(ErrorCode::kInvalid,
                  fmt::format("point {} of {} has no outcome; each point gets one", p + 1, count),
                  "points");
    }
  }
  return {};
}

// What the case's state says about an event the table allows. Changes nothing.
struct Rules {
  const CaseState& state;
  const CaseEvent& event;

  Check operator()(const event::Acknowledged&) const {
    if (state.acknowledged_at) {
      return Conflict(state.stage
                          ? fmt::format("already acknowledged at {}", ToString(*state.stage))
                          : std::string("already acknowledged"));
    }
    return {};
  }
  Check operator()(const event::Reclassified& e) const {
    if (e.new_kind == state.kind) {
      return Conflict(fmt::format("the case is already of kind {}", ToString(e.new_kind)),
                      "new_kind");
    }
    if (state.stage == Stage::kStage2 || state.stage == Stage::kExternal) {
      return Conflict(
          fmt::format("a complaint at {} cannot be reclassified", ToString(*state.stage)),
          "new_kind");
    }
    return {};
  }
  Check operator()(const event::Escalated&) const {
    if (state.kind != Kind::kComplaint || !state.stage) {
      return Conflict("only a complaint can be escalated");
    }
    if (*state.stage != Stage::kInformal && *state.stage != Stage::kStage1) {
      return Conflict(
          fmt::format("a complaint at {} cannot be escalated further; record an "
                      "external_referral",
                      ToString(*state.stage)));
    }
    return {};
  }
  Check operator()(const event::Resolved& e) const {
    if (auto ok = ResolvedPoints(state, e); !ok) return ok;
    return NotStage1Handler(state, event.actor, "actor.id");
  }
  Check operator()(const event::PreventiveActionDone& e) const {
    if (auto ok = Exists(e.number); !ok) return ok;
    if (Action(e.number).status != PreventiveStatus::kPlanned) {
      return Conflict(fmt::format("preventive action {} is already done", e.number), "number");
    }
    return {};
  }
  Check operator()(const event::PreventiveActionVerified& e) const {
    if (auto ok = Exists(e.number); !ok) return ok;
    switch (Action(e.number).status) {
      case PreventiveStatus::kPlanned:
        return Conflict(
            fmt::format("preventive action {} is verified only after it is done", e.number),
            "number");
      case PreventiveStatus::kVerified:
        return Conflict(fmt::format("preventive action {} is already verified", e.number),
                        "number");
      case PreventiveStatus::kDone:
        break;
    }
    return {};
  }
  Check operator()(const event::ExternalReferral&) const {
    if (state.kind != Kind::kComplaint) {
      return Conflict("only a complaint can be referred to an ombudsman or regulator");
    }
    return {};
  }
  Check operator()(const event::Closed& e) const {
    if (state.kind != Kind::kComplaint) return {};
    if (state.status == CaseStatus::kOpen && !e.withdrawn) {
      return Conflict("a complaint is resolved before it is closed, unless it was withdrawn");
    }
    if (state.status == CaseStatus::kResolved && e.withdrawn) {
      return Conflict("a resolved complaint can no longer be withdrawn", "withdrawn");
    }
    const Resolution* latest = state.LatestResolution();
    if (state.status == CaseStatus::kResolved && latest && latest->service_failure &&
        state.preventive_actions.empty()) {
      return Conflict(
          "a complaint that revealed a service failure cannot close without a "
          "preventive action",
          "preventive_actions");
    }
    return {};
  }
  Check operator()(const event::Assigned& e) const {
    return NotStage1Handler(state, e.assignee, "assignee.id");
  }
  template <class Other>
  Check operator()(const Other&) const {
    return {};
  }

  Check Exists(int number) const {
    if (number < 1 || static_cast<std::size_t>(number) > state.preventive_actions.size()) {
      return Fail(ErrorCode::kNotFound, fmt::format("the case has no preventive action {}", number),
                  "number");
    }
    return {};
  }
  const PreventiveActionState& Action(int number) const {
    return state.preventive_actions[static_cast<std::size_t>(number) - 1];
  }
};

// The change an accepted event makes (after Rules passed).
struct Change {
  CaseState& state;
  const CaseEvent& event;

  void operator()(const event::Received& e) const {
    state.kind = e.kind;
    state.channel = e.channel;
    state.anonymous = e.anonymous;
    state.nature = e.nature;
    state.service = e.service;
    state.subject = e.subject;
    if (e.kind == Kind::kComplaint) state.stage = StartingStage(e.channel, e.stage);
    AddPoints(e.points);
    state.received_at = event.at;
  }
  void operator()(const event::Acknowledged&) const { state.acknowledged_at = event.at; }
  void operator()(const event::Reclassified& e) const {
    if (!state.kind_received) state.kind_received = state.kind;
    state.kind = e.new_kind;
    state.reclassified_reason = e.reason;
    state.stage.reset();
    if (e.new_kind == Kind::kComplaint) state.stage = StartingStage(state.channel, e.stage);
    AddPoints(e.points);
  }
  void operator()(const event::Redirected& e) const {
    state.redirection = e;
    state.closed_at = event.at;
  }
  void operator()(const event::Referred& e) const {
    state.referrals.push_back(Referral{e.department, e.person, e.expected_by, event.at});
    state.expected_by = e.expected_by;
  }
  void operator()(const event::Replied&) const {
    state.replied_at = event.at;
    if (!state.acknowledged_at) state.acknowledged_at = event.at;
  }
  void operator()(const event::HoldingSent& e) const { state.expected_by = e.new_expected; }
  void operator()(const event::Paused&) const { state.paused_since = event.at; }
  void operator()(const event::Resumed&) const { state.paused_since.reset(); }
  void operator()(const event::Escalated&) const {
    const Stage next = *state.stage == Stage::kInformal ? Stage::kStage1 : Stage::kStage2;
    state.stage = next;
    state.acknowledged_at.reset();                       // each stage is acknowledged on its own
    if (next == Stage::kStage2) state.assignee.reset();  // a manager assigns the review
    Reopen();
  }
  void operator()(const event::Decided& e) const { state.decision = e; }
  void operator()(const event::Resolved& e) const {
    state.resolutions.push_back(Resolution{state.stage, event.at, event.actor, e.outcome, e.points,
                                           e.remedies, e.root_cause, e.service_failure, e.summary});
    for (const PointOutcome& point : e.points) {
      PointState& target = state.points[static_cast<std::size_t>(point.number) - 1];
      target.outcome = point.outcome;
      target.stage = state.stage;
    }
    for (const PreventiveAction& action : e.preventive_actions) {
      state.preventive_actions.push_back(
          PreventiveActionState{action, PreventiveStatus::kPlanned, event.at, {}, {}, {}});
    }
    if (state.stage) state.handlers[Index(*state.stage)] = event.actor;
  }
  void operator()(const event::PreventiveActionDone& e) const {
    PreventiveActionState& action =
        state.preventive_actions[static_cast<std::size_t>(e.number) - 1];
    action.status = PreventiveStatus::kDone;
    action.done_at = event.at;
  }
  void operator()(const event::PreventiveActionVerified& e) const {
    PreventiveActionState& action =
        state.preventive_actions[static_cast<std::size_t>(e.number) - 1];
    action.status = PreventiveStatus::kVerified;
    action.verified_at = event.at;
    action.recurred = e.recurred;
  }
  void operator()(const event::ExternalReferral& e) const {
    state.stage = Stage::kExternal;
    state.external_referral = e;
  }
  void operator()(const event::Reopened&) const { Reopen(); }
  void operator()(const event::Closed& e) const {
    if (e.withdrawn && state.kind == Kind::kComplaint) {
      state.resolutions.push_back(Resolution{
          state.stage, event.at, event.actor, Outcome::kWithdrawn, {}, {}, {}, false, e.reason});
    }
    state.withdrawn = e.withdrawn;
    state.closed_at = event.at;
    state.closed_reason = e.reason;
  }
  void operator()(const event::SurveyAnswered& e) const { state.survey = e; }
  void operator()(const event::Assigned& e) const {
    state.assignee = e.assignee;
    const bool handling = state.status == CaseStatus::kOpen || state.status == CaseStatus::kPaused;
    if (handling && state.stage) state.handlers[Index(*state.stage)] = e.assignee;
  }
  template <class Other>
  void operator()(const Other&) const {}  // note, call_logged, extended: history only

  void AddPoints(const std::vector<std::string>& points) const {
    for (const std::string& text : points) state.points.push_back(PointState{text, {}, {}});
  }
  void Reopen() const {
    state.closed_at.reset();
    state.closed_reason.clear();
    state.withdrawn = false;
    state.redirection.reset();
  }
};

}  // namespace

std::string_view ToString(PreventiveStatus status) {
  switch (status) {
    case PreventiveStatus::kPlanned:
      return "planned";
    case PreventiveStatus::kDone:
      return "done";
    case PreventiveStatus::kVerified:
      return "verified";
  }
  return "planned";
}

const std::optional<Actor>& CaseState::handler(Stage stage) const { return handlers[Index(stage)]; }

const Resolution* CaseState::LatestResolution() const {
  return resolutions.empty() ? nullptr : &resolutions.back();
}

std::optional<Outcome> CaseState::OutcomeAt(Stage stage) const {
  for (auto it = resolutions.rbegin(); it != resolutions.rend(); ++it) {
    if (it->stage == stage) return it->outcome;
  }
  return std::nullopt;
}

Result<void> ApplyTo(CaseState& state, const CaseEvent& event) {
  const EventType type = event.type();
  const std::optional<CaseStatus> next = NextStatus(state.status, type);
  if (!next) {
    return Conflict(state.status == CaseStatus::kEmpty
                        ? fmt::format("a case starts with received, not {}", ToString(type))
                        : fmt::format("{} is not allowed when the case is {}", ToString(type),
                                      ToString(state.status)));
  }
  if (state.status != CaseStatus::kEmpty && event.at < state.last_event_at) {
    return Conflict(fmt::format("the event at {} is earlier than the case's latest event at {}",
                                FormatUtc(event.at), FormatUtc(state.last_event_at)),
                    "at");
  }
  if (auto ok = ValidateEvent(event); !ok) return ok;
  if (auto ok = std::visit(Rules{state, event}, event.payload); !ok) return ok;

  std::visit(Change{state, event}, event.payload);
  state.status = *next;
  state.last_event_at = event.at;
  ++state.event_count;
  return {};
}

Result<CaseState> Apply(const CaseState& state, const CaseEvent& event) {
  CaseState next = state;
  if (auto ok = ApplyTo(next, event); !ok) return tl::unexpected(ok.error());
  return next;
}

Result<CaseState> Fold(std::span<const CaseEvent> events) {
  if (events.empty()) {
    return Fail(ErrorCode::kInvalid, "a case has at least its received event", "events");
  }
  CaseState state;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (auto ok = ApplyTo(state, events[i]); !ok) {
      Error error = ok.error();
      error.message =
          fmt::format("event {} ({}): {}", i + 1, ToString(events[i].type()), error.message);
      return tl::unexpected(std::move(error));
    }
  }
  return state;
}

}  // namespace caredesk::core
