// A complaint as the case file tests print it: Ann Able's missing certificate, received by email
// in March 2026 under the shipped default policy (Europe/London), handled by two members of staff
// (Jo Smith, JS; Sam Patel, SP — whose initials were not recorded on the event and come from the
// staff directory), with internal notes, a logged call, the customer's own notes, a resolution
// with remedies and a preventive action, a stage-2 review handled by Mo Manager after the clocks
// went forward (BST), messages in and out, an alert to staff and two files. Header-only.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/case_deadlines.h"
#include "core/policy.h"
#include "print/case_file.h"

namespace caredesk::print::sample {

inline core::Instant At(const char* text) { return *core::ParseInstant(text); }

inline const core::Actor kJo{"7", "Jo Smith", "JS"};
inline const core::Actor kSam{"8", "Sam Patel", ""};  // initials from the staff directory
inline const core::Actor kMo{"9", "Mo Manager", "MM"};
inline const core::Actor kSystem{"system", "caredesk", "SYS"};
inline const core::Actor kAnn{"customer-1", "Ann Able", ""};

inline constexpr const char* kInternalNote = "Internal: the dispatch team lost the batch.";
inline constexpr const char* kSamNote = "Checked the dispatch log: certificate 4471 never posted.";
inline constexpr const char* kCustomerNote = "I have attached the receipt for the exam fee.";

inline std::shared_ptr<const core::Policy> DefaultPolicy() {
  std::ifstream in("policies/default.toml");
  std::stringstream text;
  text << in.rdbuf();
  auto policy = core::ParsePolicy(text.str());
  EXPECT_TRUE(policy) << "policies/default.toml does not parse (run from the source root)";
  return std::make_shared<const core::Policy>(policy ? std::move(*policy) : core::Policy{});
}

inline std::vector<core::CaseEvent> Events() {
  namespace event = core::event;
  event::Received received;
  received.kind = core::Kind::kComplaint;
  received.channel = core::Channel::kEmail;
  received.nature = "delays";
  received.service = "Operations";
  received.subject = "My certificate never arrived";
  received.body = "I passed the exam in January and the certificate never came.";
  received.points = {"The certificate was not sent", "Nobody answered my calls"};
  event::Resolved resolved;
  resolved.outcome = core::Outcome::kUpheld;
  resolved.points = {{1, core::Outcome::kUpheld}, {2, core::Outcome::kPartlyUpheld}};
  resolved.remedies = {
      {core::RemedyType::kApology, "We apologised in writing.", {}},
      {core::RemedyType::kFinancialRedress, "The exam fee refunded.", core::Money{2500, "GBP"}}};
  resolved.root_cause = "staff error";
  resolved.service_failure = true;
  resolved.preventive_actions = {
      {"Count every dispatch batch twice", "Dispatch lead", At("2026-04-30T17:00:00Z")}};
  resolved.summary = "The certificate was lost in dispatch; a new one was sent.";
  event::Resolved review;
  review.outcome = core::Outcome::kUpheld;
  review.points = {{1, core::Outcome::kUpheld}, {2, core::Outcome::kUpheld}};
  review.remedies = {{core::RemedyType::kStaffTraining, "Phone cover rota explained.", {}}};
  review.summary = "The review found the calls went unanswered too.";
  return {
      {At("2026-03-02T09:15:00Z"), kSystem, received},
      {At("2026-03-02T10:02:00Z"), kJo, event::Acknowledged{}},
      {At("2026-03-03T11:30:00Z"), kJo, event::Note{kInternalNote}},
      {At("2026-03-04T14:45:00Z"), kAnn, event::Note{kCustomerNote}},
      {At("2026-03-05T16:20:00Z"), kSam, event::Note{kSamNote}},
      {At("2026-03-06T10:00:00Z"), kSam, event::CallLogged{false, "Told Ann a new one is sent."}},
      {At("2026-03-09T15:10:00Z"), kJo, resolved},
      {At("2026-03-12T09:00:00Z"), kAnn, event::Escalated{"The calls were never answered."}},
      {At("2026-04-01T08:30:00Z"), kMo, event::Acknowledged{}},
      {At("2026-04-02T13:05:00Z"), kMo, review},
  };
}

inline core::OutboxMessage Message(core::Id id, const char* created, const char* kind,
                                   std::string subject, std::string text) {
  core::OutboxMessage message;
  message.id = id;
  message.case_id = 1;
  message.customer_id = 1;
  message.kind = kind;
  message.recipient = "ann@example.org";
  message.subject = std::move(subject);
  message.text = std::move(text);
  message.created_at = At(created);
  message.status = core::OutboxStatus::kSent;
  message.sent_at = message.created_at + std::chrono::minutes(1);
  return message;
}

// The case file's input; `reply_text` is the body of the reply sent after the first resolution.
inline CaseFileInput Input(std::string reply_text =
                               "Dear Ann, we are sorry: a new certificate "
                               "is on its way.") {
  CaseFileInput input;
  const std::vector<core::CaseEvent> events = Events();
  auto state = core::Fold(events);
  EXPECT_TRUE(state) << state.error().message;
  input.view.policy = DefaultPolicy();
  input.view.state = state ? *state : core::CaseState{};
  const core::Instant now = At("2026-04-10T09:00:00Z");
  auto deadlines = core::CaseDeadlines(*input.view.policy, events, now);
  EXPECT_TRUE(deadlines) << deadlines.error().message;
  if (deadlines) input.view.deadlines = *deadlines;
  for (std::size_t i = 0; i < events.size(); ++i) {
    core::StoredEvent stored;
    stored.case_id = 1;
    stored.seq = static_cast<std::int64_t>(i + 1);
    stored.event = events[i];
    stored.recorded_at = events[i].at;
    stored.hash = std::string(63, '0') + std::to_string(i % 10);
    input.view.events.push_back(stored);
  }
  core::CaseRecord& r = input.view.record;
  r.id = 1;
  r.reference = "CD-2026-000042";
  r.kind = core::Kind::kComplaint;
  r.channel = core::Channel::kEmail;
  r.stage = input.view.state.stage;
  r.status = input.view.state.status;
  r.customer_id = 1;
  r.department_id = 3;
  r.subject = "My certificate never arrived";
  r.nature = "delays";
  r.service = "Operations";
  r.policy_version = "0123456789abcdef";
  r.received_at = events.front().at;
  r.logged_at = events.front().at;
  core::CustomerRecord ann;
  ann.id = 1;
  ann.name = "Ann Able";
  ann.email = "ann@example.org";
  ann.phone = "01234 567890";
  ann.address = "1 High Street, Northshire";
  ann.adjustments = {"large_print"};
  input.customer = ann;
  input.department = "Certificates";
  input.staff = {{7, "jo@example.org", "Jo Smith", "JS", core::Role::kAgent, 3, true},
                 {8, "sam@example.org", "Sam Patel", "SP", core::Role::kAgent, 3, true},
                 {9, "mo@example.org", "Mo Manager", "MM", core::Role::kManager, 3, true}};
  input.messages = {
      Message(1, "2026-03-02T10:02:00Z", "acknowledgement", "We have your complaint",
              "Dear Ann, we received your complaint CD-2026-000042."),
      Message(2, "2026-03-09T15:10:00Z", "reply", "Our reply", std::move(reply_text)),
  };
  core::OutboxMessage alert = Message(3, "2026-03-08T08:00:00Z", "due_soon_alert",
                                      "Due soon: CD-2026-000042", "Reply due on 16 March.");
  alert.staff_id = 7;
  alert.customer_id.reset();
  alert.recipient = "jo@example.org";
  input.messages.push_back(alert);
  input.attachments = {
      {std::string(64, 'a'), "receipt.pdf", "application/pdf", 20480, 4},
      {std::string(64, 'b'), "dispatch-log.xlsx", "application/vnd.ms-excel", 9000, 5}};
  input.chain = ChainCheck{{}, input.view.events.back().hash};
  input.generated_at = now;
  return input;
}

}  // namespace caredesk::print::sample
