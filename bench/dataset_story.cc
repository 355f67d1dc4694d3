#include "dataset_story.h"

#include <fmt/format.h>

namespace caredesk::bench {
namespace {

using core::Instant;
using std::chrono::hours;
using std::chrono::minutes;

constexpr const char* kWords[] = {"delayed", "missing", "wrong",   "unclear", "thanks",
                                  "urgent",  "again",   "charged", "waiting", "broken",
                                  "helpful", "rude",    "quick",   "address", "email",
                                  "retraso", "factura", "queja",   "gracias", "certificado"};
constexpr const char* kExtensionReasons[] = {
    "awaiting a report from a supplier", "the complaint needs a site visit",
    "the staff member involved is on leave", "more information needed from another department"};
constexpr const char* kComments[] = {"Quick and polite, thank you", "Took far too long",
                                     "Sorted in the end",           "Nobody called me back",
                                     "Very helpful staff",          ""};

std::string Words(std::mt19937_64& random, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    if (i) text += ' ';
    text += kWords[random() % std::size(kWords)];
  }
  return text;
}

template <class T>
const T& OneOf(std::mt19937_64& random, const std::vector<T>& items) {
  return items[random() % items.size()];
}

bool Chance(std::mt19937_64& random, int percent) {
  return static_cast<int>(random() % 100) < percent;
}

// Tells the story event by event, each at or after the one before, stopping at `until`.
class Teller {
 public:
  Teller(std::mt19937_64& random, const StoryStart& start) : random_(random), start_(start) {
    at_ = start.received;
  }
  // Moves the clock on by 1 to `max_hours` hours; false (and nothing more is told) past `until`.
  bool Wait(int max_hours) {
    at_ += hours{1 + static_cast<int>(random_() % static_cast<unsigned>(max_hours))} +
           minutes{random_() % 60};
    if (at_ > start_.until) done_ = true;
    return !done_;
  }
  void Tell(core::EventPayload payload, const core::Actor& actor) {
    if (!done_) events_.push_back({at_, actor, std::move(payload)});
  }
  bool done() const { return done_; }
  Instant at() const { return at_; }
  std::vector<core::CaseEvent> Take() { return std::move(events_); }

 private:
  std::mt19937_64& random_;
  const StoryStart& start_;
  Instant at_;
  bool done_ = false;
  std::vector<core::CaseEvent> events_;
};

core::Actor Agent(std::mt19937_64& random, int first, int count) {
  const int n = first + static_cast<int>(random() % static_cast<unsigned>(count));
  return {std::to_string(n), fmt::format("Agent {}", n), fmt::format("A{}", n % 100)};
}

core::event::Resolved Resolution(std::mt19937_64& random, const core::Policy& policy,
                                 std::size_t points, bool stage2) {
  core::event::Resolved resolved;
  const int roll = static_cast<int>(random() % 100);
  const auto outcome = roll < 25   ? core::Outcome::kUpheld
                       : roll < 50 ? core::Outcome::kPartlyUpheld
                       : roll < 95 ? core::Outcome::kNotUpheld
                                   : core::Outcome::kUnresolved;
  resolved.outcome = outcome;
  for (std::size_t i = 0; i < points; ++i) {
    const auto point =
        outcome == core::Outcome::kPartlyUpheld && i > 0 ? core::Outcome::kNotUpheld : outcome;
    resolved.points.push_back({static_cast<int>(i + 1), point});
  }
  const bool upheld = outcome == core::Outcome::kUpheld || outcome == core::Outcome::kPartlyUpheld;
  if (upheld) {
    resolved.remedies.push_back({core::RemedyType::kApology, "we apologise", std::nullopt});
    if (Chance(random, 30)) {
      const std::int64_t amount = 500 * (1 + static_cast<std::int64_t>(random() % 40));
      resolved.remedies.push_back({core::RemedyType::kFinancialRedress, "goodwill payment",
                                   core::Money{amount, Chance(random, 90) ? "GBP" : "EUR"}});
    }
    if (Chance(random, 20)) {
      resolved.remedies.push_back({core::RemedyType::kStaffTraining, "refresher", std::nullopt});
    }
    resolved.service_failure = Chance(random, stage2 ? 50 : 35);
  }
  if (!policy.root_causes.empty()) resolved.root_cause = OneOf(random, policy.root_causes);
  if (resolved.service_failure) {
    resolved.preventive_actions.push_back({"change the procedure so it does not happen again",
                                           "Operations manager",
                                           Instant{} /* set by the caller */});
  }
  resolved.summary = "our findings";
  return resolved;
}

void Complaint(Teller& t, std::mt19937_64& random, const core::Policy& policy, std::size_t points) {
  const core::Actor handler = Agent(random, 1, 40);
  if (!t.Wait(Chance(random, 85) ? 30 : 200)) return;
  t.Tell(core::event::Acknowledged{}, handler);
  if (Chance(random, 10)) {
    if (!t.Wait(60)) return;
    t.Tell(core::event::Extended{"complaint-reply", t.at() + hours{24 * 14},
                                 kExtensionReasons[random() % std::size(kExtensionReasons)]},
           handler);
  }
  const bool late = Chance(random, 15);
  if (late) {
    if (!t.Wait(150)) return;
    t.Tell(core::event::HoldingSent{t.at() + hours{24 * 10}, "we need more time"}, handler);
  }
  if (!t.Wait(late ? 200 : 180)) return;
  t.Tell(core::event::Replied{"our reply"}, handler);
  auto resolved = Resolution(random, policy, points, false);
  for (auto& action : resolved.preventive_actions) action.due = t.at() + hours{24 * 30};
  const bool failure = resolved.service_failure;
  t.Tell(resolved, handler);
  if (!t.Wait(48)) return;
  t.Tell(core::event::Closed{"resolved", false}, handler);
  if (failure && Chance(random, 70)) {
    if (!t.Wait(600)) return;
    t.Tell(core::event::PreventiveActionDone{1, "done"}, handler);
    if (Chance(random, 50) && t.Wait(900)) {
      t.Tell(core::event::PreventiveActionVerified{1, Chance(random, 15), "checked"}, handler);
    }
  }
  if (Chance(random, 8)) {  // a request for review: stage 2, by someone else
    const core::Actor reviewer = Agent(random, 41, 10);
    if (!t.Wait(200)) return;
    t.Tell(core::event::Escalated{"the customer asked for a review"}, handler);
    if (!t.Wait(60)) return;
    t.Tell(core::event::Acknowledged{}, reviewer);
    if (!t.Wait(300)) return;
    t.Tell(core::event::Replied{"final response"}, reviewer);
    auto review = Resolution(random, policy, points, true);
    for (auto& action : review.preventive_actions) action.due = t.at() + hours{24 * 30};
    t.Tell(review, reviewer);
    if (!t.Wait(48)) return;
    t.Tell(core::event::Closed{"final response sent", false}, reviewer);
  }
}

void Request(Teller& t, std::mt19937_64& random, core::Kind kind) {
  const core::Actor agent = Agent(random, 1, 40);
  if (!t.Wait(Chance(random, 80) ? 8 : 60)) return;
  t.Tell(core::event::Acknowledged{}, agent);
  if (Chance(random, 30)) {
    if (!t.Wait(24)) return;
    t.Tell(core::event::Note{Words(random, 8)}, agent);
  }
  if (kind == core::Kind::kAdjustmentRequest) {
    if (!t.Wait(60)) return;
    const bool refused = Chance(random, 10);
    t.Tell(core::event::Decided{refused ? core::Decision::kRefused : core::Decision::kGranted,
                                refused ? "not reasonable in this case" : ""},
           agent);
  }
  if (!t.Wait(Chance(random, 80) ? 20 : 90)) return;
  t.Tell(core::event::Replied{Words(random, 6)}, agent);
  if (!t.Wait(24)) return;
  t.Tell(core::event::Closed{"answered", false}, agent);
}

}  // namespace

std::vector<core::CaseEvent> StoryOf(std::mt19937_64& random, const core::Policy& policy,
                                     const StoryStart& start) {
  core::event::Received received;
  received.kind = start.kind;
  received.channel = start.channel;
  received.anonymous = start.anonymous;
  received.subject = start.subject;
  received.body = Words(random, 12);
  if (!policy.services.empty()) received.service = OneOf(random, policy.services);
  const bool complaint = start.kind == core::Kind::kComplaint;
  if (complaint) {
    if (!policy.natures.empty()) received.nature = OneOf(random, policy.natures);
    received.points.push_back(Words(random, 5));
    if (Chance(random, 30)) received.points.push_back(Words(random, 5));
    received.stage = core::Stage::kStage1;
  }
  Teller t(random, start);
  t.Tell(received, core::Actor{"system", "caredesk", "SYS"});
  if (complaint) {
    Complaint(t, random, policy, received.points.size());
  } else {
    Request(t, random, start.kind);
  }
  auto events = t.Take();
  const bool closed =
      std::holds_alternative<core::event::Closed>(events.back().payload) ||
      std::holds_alternative<core::event::PreventiveActionDone>(events.back().payload) ||
      std::holds_alternative<core::event::PreventiveActionVerified>(events.back().payload);
  if (closed && !start.anonymous && Chance(random, 25)) {
    const Instant at = events.back().at + hours{24};
    if (at <= start.until) {
      events.push_back({at, core::Actor{"customer", "Customer", "CU"},
                        core::event::SurveyAnswered{1 + static_cast<int>(random() % 5),
                                                    kComments[random() % std::size(kComments)]}});
    }
  }
  return events;
}

}  // namespace caredesk::bench
