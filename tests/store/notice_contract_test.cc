// Service notices and the portal's satisfaction survey, on every engine: a notice is in force
// from its start until it is ended, once; it commits with its messages or not at all; the
// customers it concerns each count once, by their latest open case in the service; responses
// are counted per rating and their comments paged newest first.
#include <gtest/gtest.h>

#include "store_cases.h"
#include "store_fixture.h"

namespace caredesk::testing {
namespace {

using core::ErrorCode;
using core::Instant;
using std::chrono::hours;

core::ServiceNotice Notice(const std::string& title, Instant starts,
                           std::optional<Instant> ends = std::nullopt) {
  core::ServiceNotice n;
  n.title = title;
  n.text = "Our phone lines are down; email us instead.";
  n.service = "Billing";
  n.starts_at = starts;
  n.ends_at = ends;
  return n;
}

core::OutboxMessage NoticeMessage(const std::string& id) {
  core::OutboxMessage m;
  m.kind = "service_notice";
  m.recipient = "customer@example.test";
  m.language = "en";
  m.subject = "Phone lines down";
  m.text = "Email us instead.";
  m.message_id = id + "@caredesk.test";
  return m;
}

class NoticeContract : public StoreWithPolicyTest {
 protected:
  Instant Now() const { return clock_.Now(); }

  core::Id Customer(const std::string& name) {
    core::CustomerRecord customer;
    customer.name = name;
    auto saved = store_->SaveCustomer(customer);
    EXPECT_TRUE(saved) << saved.error().message;
    return saved ? saved->id : 0;
  }

  core::CaseRecord Case(std::optional<core::Id> customer, const std::string& service,
                        core::CaseStatus status = core::CaseStatus::kOpen) {
    auto contact = Contact(service + " problem", "It broke", Now() - hours(48));
    contact.record.customer_id = customer;
    contact.record.anonymous = !customer;
    contact.record.service = service;
    contact.record.status = status;
    auto created = store_->CreateCase(contact);
    EXPECT_TRUE(created) << created.error().message;
    return created.value_or(core::CaseRecord{});
  }

  std::vector<std::string> InForceTitles(Instant at) {
    std::vector<std::string> titles;
    auto notices = store_->NoticesInForce(at);
    EXPECT_TRUE(notices) << notices.error().message;
    for (const auto& n : notices.value_or(std::vector<core::ServiceNotice>{})) {
      titles.push_back(n.title);
    }
    return titles;
  }
};

TEST_P(NoticeContract, ANoticeIsInForceFromItsStartUntilItIsEnded) {
  auto now_on = store_->CreateNotice(Notice("Phones down", Now() - hours(1)), {});
  ASSERT_TRUE(now_on) << now_on.error().message;
  EXPECT_EQ(now_on->created_at, Now());
  ASSERT_TRUE(store_->CreateNotice(Notice("Office move", Now() + hours(24)), {}));
  ASSERT_TRUE(store_->CreateNotice(Notice("Old outage", Now() - hours(5), Now() - hours(4)), {}));
  EXPECT_EQ(InForceTitles(Now()), std::vector<std::string>{"Phones down"});
  EXPECT_EQ(InForceTitles(Now() + hours(25)),
            (std::vector<std::string>{"Office move", "Phones down"}));

  auto ended = store_->EndNotice(now_on->id, Now());
  ASSERT_TRUE(ended) << ended.error().message;
  EXPECT_EQ(ended->ends_at, Now());
  EXPECT_TRUE(InForceTitles(Now()).empty());
  EXPECT_EQ(store_->EndNotice(now_on->id, Now()).error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->EndNotice(now_on->id + 100, Now()).error().code, ErrorCode::kNotFound);
}

TEST_P(NoticeContract, ANoticeEndedBeforeItStartsNeverComesIntoForce) {
  auto later = store_->CreateNotice(Notice("Planned works", Now() + hours(24)), {});
  ASSERT_TRUE(later);
  auto ended = store_->EndNotice(later->id, Now());
  ASSERT_TRUE(ended) << ended.error().message;
  EXPECT_EQ(ended->ends_at, later->starts_at);
  EXPECT_TRUE(InForceTitles(Now() + hours(25)).empty());
}

TEST_P(NoticeContract, ANoticeCommitsWithItsMessagesOrNotAtAll) {
  auto told = store_->CreateNotice(Notice("Phones down", Now()),
                                   std::vector{NoticeMessage("n1"), NoticeMessage("n2")});
  ASSERT_TRUE(told) << told.error().message;
  EXPECT_EQ(store_->Outbox({})->rows.size(), 2u);
  auto twice = store_->CreateNotice(Notice("Phones down again", Now()),
                                    std::vector{NoticeMessage("n3"), NoticeMessage("n1")});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->Outbox({})->rows.size(), 2u) << "n3 must not be kept";
  EXPECT_EQ(store_->Notices("", 50)->rows.size(), 1u) << "the notice must not be kept";
}

TEST_P(NoticeContract, NoticesArePagedNewestFirst) {
  for (const char* title : {"first", "second", "third"}) {
    ASSERT_TRUE(store_->CreateNotice(Notice(title, Now()), {}));
  }
  auto page = store_->Notices("", 2);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->rows.size(), 2u);
  EXPECT_EQ(page->rows[0].title, "third");
  EXPECT_EQ(page->rows[1].title, "second");
  auto rest = store_->Notices(page->next_cursor, 2);
  ASSERT_TRUE(rest);
  ASSERT_EQ(rest->rows.size(), 1u);
  EXPECT_EQ(rest->rows[0].title, "first");
  EXPECT_TRUE(rest->next_cursor.empty());
  EXPECT_EQ(store_->Notices("garbage", 2).error().field, "cursor");
}

TEST_P(NoticeContract, BadNoticesAreRefusedByField) {
  auto untitled = Notice("", Now());
  EXPECT_EQ(store_->CreateNotice(untitled, {}).error().field, "title");
  auto backwards = Notice("Backwards", Now(), Now() - hours(1));
  EXPECT_EQ(store_->CreateNotice(backwards, {}).error().field, "ends_at");
  EXPECT_TRUE(store_->Notices("", 50)->rows.empty());
}

TEST_P(NoticeContract, EachCustomerWithAnOpenCaseInTheServiceCountsOnceByTheirLatestCase) {
  const core::Id ann = Customer("Ann");
  const core::Id bob = Customer("Bob");
  const core::Id cat = Customer("Cat");
  Case(ann, "Billing");
  const auto ann_latest = Case(ann, "Billing", core::CaseStatus::kPaused);
  Case(ann, "Billing", core::CaseStatus::kResolved);
  const auto bob_case = Case(bob, "Certificates");
  Case(cat, "Billing", core::CaseStatus::kClosed);
  Case(std::nullopt, "Billing");  // anonymous: nobody to tell

  auto billing = store_->NoticeCases("Billing");
  ASSERT_TRUE(billing) << billing.error().message;
  ASSERT_EQ(billing->size(), 1u);
  EXPECT_EQ(billing->front().reference, ann_latest.reference);

  auto everyone = store_->NoticeCases("");
  ASSERT_TRUE(everyone);
  ASSERT_EQ(everyone->size(), 2u);
  EXPECT_EQ(everyone->at(0).customer_id, ann);
  EXPECT_EQ(everyone->at(1).reference, bob_case.reference);
}

TEST_P(NoticeContract, SatisfactionIsCountedPerRatingAndCommentsArePagedNewestFirst) {
  const core::Id ann = Customer("Ann");
  const std::pair<int, const char*> given[] = {
      {5, "Quick and kind"}, {5, ""}, {3, "Took a while"}, {1, "Nobody called back"}};
  for (const auto& [rating, comment] : given) {
    core::SatisfactionResponse response{0, rating, comment, "en", std::nullopt, Now()};
    if (rating == 3) response.customer_id = ann;
    auto saved = store_->SaveSatisfaction(response);
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_GT(saved->id, 0);
  }
  auto counts = store_->CountSatisfaction();
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->counts, (std::array<std::int64_t, 5>{1, 0, 1, 0, 2}));
  EXPECT_EQ(counts->Total(), 4);
  EXPECT_DOUBLE_EQ(counts->Average().value(), 3.5);

  auto page = store_->SatisfactionComments("", 2);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->rows.size(), 2u);
  EXPECT_EQ(page->rows[0].comment, "Nobody called back");
  EXPECT_EQ(page->rows[1].comment, "Took a while");
  EXPECT_EQ(page->rows[1].customer_id, ann);
  EXPECT_EQ(page->rows[1].received_at, Now());
  auto rest = store_->SatisfactionComments(page->next_cursor, 2);
  ASSERT_TRUE(rest);
  ASSERT_EQ(rest->rows.size(), 1u) << "the response without a comment is counted, not listed";
  EXPECT_EQ(rest->rows[0].comment, "Quick and kind");
}

TEST_P(NoticeContract, BadSatisfactionIsRefusedByField) {
  core::SatisfactionResponse response{0, 6, "", "en", std::nullopt, Now()};
  EXPECT_EQ(store_->SaveSatisfaction(response).error().field, "rating");
  response.rating = 4;
  response.comment = std::string(2001, 'x');
  EXPECT_EQ(store_->SaveSatisfaction(response).error().field, "comment");
  response.comment = std::string(2000, 'x');
  EXPECT_TRUE(store_->SaveSatisfaction(response));
  EXPECT_EQ(store_->CountSatisfaction()->Total(), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, NoticeContract, ::testing::ValuesIn(EngineNames()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace caredesk::testing
