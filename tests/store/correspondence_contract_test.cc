// The correspondence contract, on every engine: messages and timers commit with the event that
// causes them or not at all; an email is filed once; a timer fires once; claims are leases that
// no second caller shares; the outbox's states move only as documented.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "store_cases.h"
#include "store_fixture.h"

namespace caredesk::testing {
namespace {

using core::Instant;
using std::chrono::minutes;
using std::chrono::seconds;

Instant At(const char* text) { return *core::ParseInstant(text); }

core::OutboxMessage Message(const std::string& id, const std::string& kind = "acknowledgement") {
  core::OutboxMessage m;
  m.kind = kind;
  m.recipient = "customer@example.test";
  m.cc = {"advocate@example.test"};
  m.language = "en";
  m.subject = "[CD] We have your message";
  m.text = "Thank you.";
  m.message_id = id + "@caredesk.test";
  return m;
}

core::Timer TimerAt(core::TimerAction action, const std::string& key, Instant at) {
  return core::Timer{0, 0, action, key, at, std::nullopt, ""};
}

class CorrespondenceContract : public StoreWithPolicyTest {
 protected:
  core::CaseRecord Create(core::CaseEffects effects = {}) {
    auto contact = Contact("Heating", "No heat", At("2026-11-23T10:00:00Z"));
    contact.effects = std::move(effects);
    auto created = store_->CreateCase(contact);
    EXPECT_TRUE(created) << created.error().message;
    return created.value_or(core::CaseRecord{});
  }

  core::Result<core::StoredEvent> Note(core::CaseRecord& record, const core::CaseEffects& effects) {
    const core::CaseEvent note{clock_.Now(), kAgent, core::event::Note{"on file"}};
    auto stored = store_->AppendEvent(record.id, record.event_count, note, record, effects);
    if (stored) record.event_count = stored->seq;
    return stored;
  }
};

TEST_P(CorrespondenceContract, MessagesCommitWithTheirEvent) {
  auto record = Create();
  core::CaseEffects effects;
  effects.messages = {Message("ack-1")};
  ASSERT_TRUE(Note(record, effects));
  auto page = store_->Outbox({});
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->rows.size(), 1u);
  const auto& m = page->rows.front();
  EXPECT_EQ(m.case_id, record.id);
  EXPECT_EQ(m.cc, std::vector<std::string>{"advocate@example.test"});
  EXPECT_EQ(m.status, core::OutboxStatus::kPending);
  EXPECT_EQ(m.created_at, clock_.Now());
  EXPECT_EQ(store_->CaseOfMessageId("ack-1@caredesk.test").value(), record.reference);
}

TEST_P(CorrespondenceContract, AFailedWriteKeepsNoneOfItsMessages) {
  auto record = Create();
  core::CaseEffects effects;
  effects.messages = {Message("ack-1")};
  const core::CaseEvent note{clock_.Now(), kAgent, core::event::Note{"late"}};
  EXPECT_FALSE(store_->AppendEvent(record.id, 7, note, record, effects));  // stale count
  auto page = store_->Outbox({});
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->rows.empty());
}

TEST_P(CorrespondenceContract, AnEmailIsFiledOnce) {
  core::CaseEffects effects;
  effects.inbound_message_id = "abc@customer.test";
  effects.attachments = {{"message.eml", "message/rfc822", "From: a@b\r\n\r\nhello"}};
  auto record = Create(effects);
  auto again = Contact("Heating", "No heat", At("2026-11-23T10:00:00Z"));
  again.effects.inbound_message_id = "abc@customer.test";
  auto duplicate = store_->CreateCase(again);
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, core::ErrorCode::kConflict);
  EXPECT_NE(duplicate.error().message.find("already filed"), std::string::npos);
  EXPECT_EQ(store_->CaseOfMessageId("abc@customer.test").value(), record.reference);
  EXPECT_TRUE(store_->MailFiled("abc@customer.test").value());
  EXPECT_FALSE(store_->MailFiled("other@customer.test").value());
  auto files = store_->Attachments(record.id);
  ASSERT_TRUE(files);
  ASSERT_EQ(files->size(), 1u);
  EXPECT_EQ(files->front().filename, "message.eml");
  EXPECT_EQ(files->front().event_seq, 1);
  core::CaseEffects onto;
  onto.inbound_message_id = "abc@customer.test";
  EXPECT_FALSE(Note(record, onto));  // the same email threaded onto the case: refused too
}

TEST_P(CorrespondenceContract, AMachinesMailOutsideAnyCaseIsRecordedOnce) {
  const core::UnfiledMail bounce{"bounce-1@mx.test", "mailer-daemon@mx.test", "Undelivered",
                                 core::Automated::kBounce, "From: <>\r\n\r\nfailed"};
  ASSERT_TRUE(store_->RecordUnfiledMail(bounce, clock_.Now()));
  EXPECT_TRUE(store_->MailFiled("bounce-1@mx.test").value());
  EXPECT_FALSE(store_->CaseOfMessageId("bounce-1@mx.test").value()) << "it opened no case";
  auto again = store_->RecordUnfiledMail(bounce, clock_.Now());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
}

TEST_P(CorrespondenceContract, TimersAreReplacedButAFiredOneNeverReturns) {
  core::CaseEffects first;
  first.timers = std::vector{
      TimerAt(core::TimerAction::kAcknowledge, "acknowledge", clock_.Now()),
      TimerAt(core::TimerAction::kBreachAlert, "breach_alert:reply", clock_.Now() + minutes{60})};
  auto record = Create(first);
  auto timers = store_->Timers(record.id);
  ASSERT_TRUE(timers);
  ASSERT_EQ(timers->size(), 2u);

  auto claimed = store_->ClaimTimers(clock_.Now(), seconds{60}, 10);
  ASSERT_TRUE(claimed) << claimed.error().message;
  ASSERT_EQ(claimed->size(), 1u);
  EXPECT_EQ(claimed->front().key, "acknowledge");
  EXPECT_EQ(claimed->front().reference, record.reference);
  auto again = store_->ClaimTimers(clock_.Now(), seconds{60}, 10);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->empty()) << "a claimed timer is leased to its claimer";

  core::CaseEffects fire;
  fire.fired_timer = claimed->front().id;
  fire.messages = {Message("ack-1")};
  fire.timers = std::vector{
      TimerAt(core::TimerAction::kAcknowledge, "acknowledge", clock_.Now()),
      TimerAt(core::TimerAction::kBreachAlert, "breach_alert:reply", clock_.Now() + minutes{90})};
  ASSERT_TRUE(Note(record, fire));
  auto twice = Note(record, fire);
  ASSERT_FALSE(twice);
  EXPECT_NE(twice.error().message.find("already fired"), std::string::npos);

  timers = store_->Timers(record.id);
  ASSERT_TRUE(timers);
  ASSERT_EQ(timers->size(), 2u);
  EXPECT_TRUE(timers->at(0).fired_at) << "the fired acknowledgement is kept, fired";
  EXPECT_EQ(timers->at(1).fire_at, clock_.Now() + minutes{90}) << "the alert moved";

  clock_.Advance(minutes{120});
  auto later = store_->ClaimTimers(clock_.Now(), seconds{60}, 10);
  ASSERT_TRUE(later);
  ASSERT_EQ(later->size(), 1u);
  EXPECT_EQ(later->front().key, "breach_alert:reply");
}

TEST_P(CorrespondenceContract, ATimerWithoutAnEventFiresOnceWithItsMessages) {
  core::CaseEffects effects;
  effects.timers =
      std::vector{TimerAt(core::TimerAction::kDueSoonAlert, "due_soon_alert:reply", clock_.Now())};
  auto record = Create(effects);
  auto claimed = store_->ClaimTimers(clock_.Now(), seconds{60}, 10);
  ASSERT_TRUE(claimed);
  ASSERT_EQ(claimed->size(), 1u);
  auto alert = Message("alert-1", "due_soon_alert");
  auto fired = store_->FireTimer(claimed->front().id, std::vector{alert}, clock_.Now());
  ASSERT_TRUE(fired) << fired.error().message;
  ASSERT_EQ(fired->size(), 1u);
  EXPECT_GT(fired->front().id, 0);
  auto again =
      store_->FireTimer(claimed->front().id, std::vector{Message("alert-2")}, clock_.Now());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(store_->Outbox({})->rows.size(), 1u) << "the refused firing wrote nothing";
  EXPECT_EQ(store_->FireTimer(424242, {}, clock_.Now()).error().code, core::ErrorCode::kNotFound);
}

// Schema 6 kept a row a timer; schema 7 moves each case's timers into one row, fired ones too.
TEST_P(CorrespondenceContract, TimersOfSchemaSixMoveIntoOneRowACase) {
  auto record = Create();
  store_.reset();
  const std::string id = std::to_string(record.id);
  ASSERT_TRUE(engine_->RawExec(
      "DROP TABLE case_timers;"
      "CREATE TABLE timers (id BIGINT PRIMARY KEY, case_id BIGINT NOT NULL, action TEXT NOT NULL,"
      " key TEXT NOT NULL, fire_at BIGINT NOT NULL, fired_at BIGINT,"
      " claimed_until BIGINT NOT NULL DEFAULT 0, UNIQUE (case_id, key));"
      "INSERT INTO timers (id, case_id, action, key, fire_at, fired_at) VALUES"
      " (7, " +
      id +
      ", 'acknowledge', 'acknowledge', 1795435200, 1795435260),"
      " (9, " +
      id +
      ", 'breach_alert', 'breach_alert:reply', 1795440600, NULL),"
      " (8, " +
      id +
      ", 'due_soon_alert', 'due_soon_alert:reply', 1795438800, NULL);"
      "DELETE FROM schema_migrations WHERE version >= 7;"));
  auto reopened = engine_->Reopen(clock_);
  ASSERT_TRUE(reopened) << reopened.error().message;
  store_ = std::move(*reopened);
  EXPECT_EQ(store_->SchemaVersion(), 7);
  auto timers = store_->Timers(record.id);
  ASSERT_TRUE(timers) << timers.error().message;
  ASSERT_EQ(timers->size(), 3u);
  EXPECT_EQ(timers->at(0).key, "acknowledge");
  EXPECT_EQ(timers->at(0).fired_at, At("2026-11-23T12:01:00Z"));
  EXPECT_EQ(timers->at(1).key, "due_soon_alert:reply");
  EXPECT_EQ(timers->at(1).action, core::TimerAction::kDueSoonAlert);
  EXPECT_EQ(timers->at(1).reference, record.reference);
  EXPECT_EQ(timers->at(2).fire_at, At("2026-11-23T13:30:00Z"));
  EXPECT_FALSE(timers->at(2).fired_at);

  auto due = store_->ClaimTimers(At("2026-11-23T13:00:00Z"), seconds{60}, 10);
  ASSERT_TRUE(due) << due.error().message;
  ASSERT_EQ(due->size(), 1u) << "the earliest unfired timer is the row's due instant";
  EXPECT_EQ(due->front().key, "due_soon_alert:reply");
  ASSERT_TRUE(store_->FireTimer(due->front().id, {}, At("2026-11-23T13:00:00Z")));
  core::CaseEffects replan;
  replan.timers =
      std::vector{TimerAt(core::TimerAction::kSurvey, "survey", At("2026-11-23T14:00:00Z"))};
  ASSERT_TRUE(Note(record, replan)) << "the migrated row takes a new plan";
  timers = store_->Timers(record.id);
  ASSERT_TRUE(timers);
  ASSERT_EQ(timers->size(), 3u) << "two fired, one new; the unfired alert went";
  EXPECT_EQ(timers->at(2).key, "survey");
}

TEST_P(CorrespondenceContract, TheOutboxLeasesRetriesAndFailsForGood) {
  auto enqueued = store_->Enqueue(std::vector{Message("a"), Message("b")});
  ASSERT_TRUE(enqueued) << enqueued.error().message;
  ASSERT_EQ(enqueued->size(), 2u);
  auto claimed = store_->ClaimOutbox(clock_.Now(), seconds{300}, 1);
  ASSERT_TRUE(claimed);
  ASSERT_EQ(claimed->size(), 1u);
  const core::Id a = claimed->front().id;
  auto next = store_->ClaimOutbox(clock_.Now(), seconds{300}, 10);
  ASSERT_TRUE(next);
  ASSERT_EQ(next->size(), 1u);
  EXPECT_NE(next->front().id, a);
  ASSERT_TRUE(store_->MarkSent(next->front().id, clock_.Now()));
  EXPECT_FALSE(store_->MarkSent(next->front().id, clock_.Now())) << "sent once";

  ASSERT_TRUE(store_->MarkFailed(a, "451 try later", clock_.Now() + minutes{5}));
  auto early = store_->ClaimOutbox(clock_.Now(), seconds{300}, 10);
  ASSERT_TRUE(early);
  EXPECT_TRUE(early->empty()) << "not before its retry";
  clock_.Advance(minutes{6});
  auto retried = store_->ClaimOutbox(clock_.Now(), seconds{300}, 10);
  ASSERT_TRUE(retried);
  ASSERT_EQ(retried->size(), 1u);
  EXPECT_EQ(retried->front().attempts, 1);
  EXPECT_EQ(retried->front().last_error, "451 try later");
  ASSERT_TRUE(store_->MarkFailed(a, "550 no such user", std::nullopt));
  auto failed = store_->Outbox({core::OutboxStatus::kFailed, {}, {}, "", 50});
  ASSERT_TRUE(failed);
  ASSERT_EQ(failed->rows.size(), 1u);
  EXPECT_EQ(failed->rows.front().last_error, "550 no such user");

  EXPECT_FALSE(store_->Cancel(a)) << "a failed message cannot be cancelled";
  ASSERT_TRUE(store_->Requeue(a, clock_.Now()));
  auto requeued = store_->ClaimOutbox(clock_.Now(), seconds{300}, 10);
  ASSERT_TRUE(requeued);
  ASSERT_EQ(requeued->size(), 1u);
  EXPECT_EQ(requeued->front().id, a);
  auto missing = store_->MarkSent(999999, clock_.Now());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
}

TEST_P(CorrespondenceContract, AnExpiredLeaseIsTakenOver) {
  ASSERT_TRUE(store_->Enqueue(std::vector{Message("a")}));
  ASSERT_EQ(store_->ClaimOutbox(clock_.Now(), seconds{60}, 10)->size(), 1u);
  clock_.Advance(seconds{61});
  EXPECT_EQ(store_->ClaimOutbox(clock_.Now(), seconds{60}, 10)->size(), 1u)
      << "a claimer that died mid-send is taken over once its lease ran out";
}

TEST_P(CorrespondenceContract, ConcurrentClaimersNeverShareAMessage) {
  std::vector<core::OutboxMessage> many;
  for (int i = 0; i < 200; ++i) many.push_back(Message("m" + std::to_string(i)));
  ASSERT_TRUE(store_->Enqueue(many));
  std::vector<std::vector<core::Id>> taken(4);
  std::vector<std::thread> claimers;
  for (int t = 0; t < 4; ++t) {
    claimers.emplace_back([&, t] {
      while (true) {
        auto claimed = store_->ClaimOutbox(clock_.Now(), seconds{300}, 7);
        if (!claimed || claimed->empty()) return;
        for (const auto& m : *claimed) taken[t].push_back(m.id);
      }
    });
  }
  for (auto& claimer : claimers) claimer.join();
  std::set<core::Id> all;
  std::size_t total = 0;
  for (const auto& ids : taken) {
    total += ids.size();
    all.insert(ids.begin(), ids.end());
  }
  EXPECT_EQ(total, 200u);
  EXPECT_EQ(all.size(), 200u);
}

TEST_P(CorrespondenceContract, BadMessagesAreRefusedByField) {
  auto bad = Message("x");
  bad.recipient.clear();
  auto refused = store_->Enqueue(std::vector{bad});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "to");
  ASSERT_TRUE(store_->Enqueue(std::vector{Message("x")}));
  auto twice = store_->Enqueue(std::vector{Message("x")});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(twice.error().field, "message_id");
}

TEST_P(CorrespondenceContract, AnAdminsTemplateEditReplacesTheLastAndCanBeUndone) {
  EXPECT_TRUE(store_->SavedTemplates()->empty());
  core::MessageTemplate ack{core::TemplateKind::kAcknowledgement, "es", "[{{reference}}] Hola",
                            "Texto {{reference}}"};
  ASSERT_TRUE(store_->SaveTemplate(ack, clock_.Now(), std::nullopt));
  ack.subject = "[{{reference}}] Recibido";
  ASSERT_TRUE(store_->SaveTemplate(ack, clock_.Now(), std::nullopt));
  auto saved = store_->SavedTemplates();
  ASSERT_TRUE(saved);
  ASSERT_EQ(saved->size(), 1u);
  EXPECT_EQ(saved->front().subject, "[{{reference}}] Recibido");
  EXPECT_EQ(saved->front().language, "es");
  ASSERT_TRUE(store_->DeleteTemplate(core::TemplateKind::kAcknowledgement, "es"));
  EXPECT_TRUE(store_->SavedTemplates()->empty());
  EXPECT_EQ(store_->DeleteTemplate(core::TemplateKind::kAcknowledgement, "es").error().code,
            core::ErrorCode::kNotFound);
}

TEST_P(CorrespondenceContract, ASuggesterIsToldOnceAfterTheDecision) {
  core::CustomerRecord customer;
  customer.name = "Ana";
  customer.email = "ana@example.test";
  auto saved = store_->SaveCustomer(customer);
  ASSERT_TRUE(saved);
  core::SuggestionRecord suggestion;
  suggestion.customer_id = saved->id;
  suggestion.text = "Open on Saturdays";
  suggestion.received_at = clock_.Now();
  auto made = store_->SaveSuggestion(suggestion);
  ASSERT_TRUE(made);
  EXPECT_TRUE(store_->SuggestersToTell(10)->empty()) << "undecided";
  made->status = core::SuggestionStatus::kNotAdopted;
  made->response = "We cannot staff Saturdays yet.";
  ASSERT_TRUE(store_->SaveSuggestion(*made));
  auto due = store_->SuggestersToTell(10);
  ASSERT_TRUE(due);
  ASSERT_EQ(due->size(), 1u);
  ASSERT_TRUE(store_->MarkSuggesterTold(made->id, std::vector{Message("s-1", "suggestion_outcome")},
                                        clock_.Now()));
  auto twice = store_->MarkSuggesterTold(made->id, std::vector{Message("s-2")}, clock_.Now());
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, core::ErrorCode::kConflict);
  EXPECT_TRUE(store_->SuggestersToTell(10)->empty());
  EXPECT_EQ(store_->Outbox({})->rows.size(), 1u);
}

TEST_P(CorrespondenceContract, SurveysAreRationedByTheLastOneSent) {
  core::CustomerRecord customer;
  customer.name = "Ana";
  customer.email = "ana@example.test";
  auto saved = store_->SaveCustomer(customer);
  ASSERT_TRUE(saved);
  EXPECT_FALSE(store_->LastMessageTo(saved->id, "survey_invitation").value());
  auto survey = Message("s1", "survey_invitation");
  survey.customer_id = saved->id;
  ASSERT_TRUE(store_->Enqueue(std::vector{survey}));
  EXPECT_EQ(store_->LastMessageTo(saved->id, "survey_invitation").value(), clock_.Now());
  EXPECT_FALSE(store_->LastMessageTo(saved->id, "acknowledgement").value());
}

INSTANTIATE_TEST_SUITE_P(Engines, CorrespondenceContract, ::testing::ValuesIn(EngineNames()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace caredesk::testing
