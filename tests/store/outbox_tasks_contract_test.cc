// The staff's side of the outbox, on every engine: each message names its case's reference; the
// to-do list holds only letters and call tasks; a call is marked done by the write that records
// it on the case, once, and a refused mark keeps nothing of the write.
#include <gtest/gtest.h>

#include "store_cases.h"
#include "store_fixture.h"

namespace caredesk::testing {
namespace {

using core::Delivery;

core::OutboxMessage Task(const std::string& id, Delivery delivery) {
  core::OutboxMessage m;
  m.kind = "acknowledgement";
  m.delivery = delivery;
  m.recipient = delivery == Delivery::kEmail ? "ann@example.test" : "Ann Able\n1 High Street";
  m.language = "en";
  m.subject = "We have your message";
  m.text = "Thank you.";
  m.message_id = id + "@caredesk.test";
  return m;
}

class OutboxTasksContract : public StoreWithPolicyTest {
 protected:
  // A case whose first event put `messages` in the outbox.
  core::CaseRecord CaseWith(std::vector<core::OutboxMessage> messages) {
    auto contact = Contact("Heating", "No heat", clock_.Now());
    contact.effects.messages = std::move(messages);
    auto created = store_->CreateCase(contact);
    EXPECT_TRUE(created) << created.error().message;
    return created.value_or(core::CaseRecord{});
  }

  core::OutboxMessage Only(const core::OutboxQuery& query) {
    auto page = store_->Outbox(query);
    EXPECT_TRUE(page && page->rows.size() == 1u);
    return page && !page->rows.empty() ? page->rows.front() : core::OutboxMessage{};
  }

  core::Result<core::StoredEvent> LogCall(core::CaseRecord& record, core::Id done) {
    const core::CaseEvent call{clock_.Now(), kAgent, core::event::CallLogged{false, "Told her"}};
    core::CaseEffects effects;
    effects.done_message = done;
    auto stored = store_->AppendEvent(record.id, record.event_count, call, record, effects);
    if (stored) record.event_count = stored->seq;
    return stored;
  }
};

TEST_P(OutboxTasksContract, EachMessageNamesItsCasesReference) {
  const auto record = CaseWith({Task("ack", Delivery::kEmail)});
  ASSERT_TRUE(store_->Enqueue(std::vector{Task("alert", Delivery::kEmail)}));
  auto page = store_->Outbox({});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->rows.size(), 2u);
  EXPECT_EQ(page->rows[0].reference, "") << "a message about no case";
  EXPECT_EQ(page->rows[1].reference, record.reference);
  auto found = store_->FindOutboxMessage(page->rows[1].id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->reference, record.reference);
  auto claimed = store_->ClaimOutbox(clock_.Now(), std::chrono::seconds(60), 10);
  ASSERT_TRUE(claimed);
  ASSERT_EQ(claimed->size(), 2u);
  EXPECT_EQ(claimed->front().reference, record.reference);
}

TEST_P(OutboxTasksContract, TheToDoListHoldsOnlyLettersAndCalls) {
  CaseWith({Task("email", Delivery::kEmail), Task("letter", Delivery::kLetter),
            Task("call", Delivery::kCallTask)});
  core::OutboxQuery to_do;
  to_do.by_hand_only = true;
  auto page = store_->Outbox(to_do);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->rows.size(), 2u);
  EXPECT_EQ(page->rows[0].delivery, Delivery::kCallTask);
  EXPECT_EQ(page->rows[1].delivery, Delivery::kLetter);
  to_do.delivery = Delivery::kLetter;
  EXPECT_EQ(Only(to_do).message_id, "letter@caredesk.test");
}

TEST_P(OutboxTasksContract, ACallIsMarkedDoneOnceByTheWriteThatLogsIt) {
  auto record = CaseWith({Task("call", Delivery::kCallTask)});
  const auto call = Only({});
  ASSERT_TRUE(LogCall(record, call.id));
  auto done = store_->FindOutboxMessage(call.id);
  ASSERT_TRUE(done);
  EXPECT_EQ(done->status, core::OutboxStatus::kSent);
  EXPECT_EQ(done->sent_at, clock_.Now());

  auto again = LogCall(record, call.id);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(store_->Events(record.id)->size(), 2u) << "the refused write keeps no event";
}

TEST_P(OutboxTasksContract, OnlyAPendingLetterOrCallOfTheCaseIsMarkedDone) {
  auto record = CaseWith({Task("email", Delivery::kEmail)});
  auto other = CaseWith({Task("other-call", Delivery::kCallTask)});
  core::OutboxQuery query;
  query.case_id = record.id;
  const auto email = Only(query);
  query.case_id = other.id;
  const auto others_call = Only(query);
  EXPECT_EQ(LogCall(record, email.id).error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(LogCall(record, others_call.id).error().code, core::ErrorCode::kConflict);
  ASSERT_TRUE(store_->Cancel(others_call.id));
  EXPECT_EQ(LogCall(other, others_call.id).error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(store_->Events(record.id)->size(), 1u);
  EXPECT_EQ(store_->FindOutboxMessage(email.id)->status, core::OutboxStatus::kPending);
}

INSTANTIATE_TEST_SUITE_P(Engines, OutboxTasksContract, ::testing::ValuesIn(EngineNames()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace caredesk::testing
