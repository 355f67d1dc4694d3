// The case service over a real store: logging contacts (customers found or created, account
// managers assigned on file), recording events the lifecycle allows and refusing the rest
// without writing anything, and reading a case with its deadlines under its own policy version.
#include "core/case_service.h"

#include <gtest/gtest.h>

#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "store_fixture.h"

namespace caredesk::testing {
namespace {

using core::Instant;

Instant At(const char* text) { return *core::ParseInstant(text); }

std::string PolicyText(const std::string& name) {
  std::ifstream in(std::string(CAREDESK_SOURCE_DIR) + "/policies/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class CaseServiceOnStore : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = MakeSqliteEngine();
    auto store = engine_->OpenFresh(clock_);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    Install("default.toml");
    service_ = std::make_unique<core::CaseService>(*store_, clock_);
  }

  std::string Install(const std::string& name) {
    const std::string text = PolicyText(name);
    auto policy = core::ParsePolicy(text);
    EXPECT_TRUE(policy);
    EXPECT_TRUE(store_->InstallPolicy(policy->version, text, clock_.Now()));
    return policy->version;
  }

  core::NewContact Complaint() {
    core::NewContact contact;
    contact.kind = core::Kind::kComplaint;
    contact.channel = core::Channel::kEmail;
    contact.received = At("2026-11-23T10:00:00Z");
    contact.subject = "Certificate never arrived";
    contact.body = "I passed in October and still have no certificate.";
    contact.logged_by = agent_;
    core::CustomerRecord customer;
    customer.email = "sam@example.org";
    customer.name = "Sam";
    contact.customer = customer;
    return contact;
  }

  core::FixedClock clock_{At("2026-11-23T12:00:00Z")};
  core::Actor agent_{"1", "Alex Agent", "AA"};
  std::unique_ptr<StoreEngine> engine_;
  std::unique_ptr<core::Store> store_;
  std::unique_ptr<core::CaseService> service_;
};

TEST_F(CaseServiceOnStore, AComplaintGetsItsNextDeadlineInTheProjection) {
  auto record = service_->LogContact(Complaint());
  ASSERT_TRUE(record) << record.error().message;
  EXPECT_FALSE(record->anonymous);
  EXPECT_EQ(record->next_standard, "complaint-ack");
  EXPECT_EQ(record->next_due, At("2026-11-30T17:30:00Z"));
  EXPECT_EQ(record->next_status, core::DeadlineStatus::kPending);
}

TEST_F(CaseServiceOnStore, AnAcknowledgementMovesTheQueueToTheReplyDeadline) {
  auto record = service_->LogContact(Complaint());
  ASSERT_TRUE(record);
  clock_.Set(At("2026-11-24T09:30:00Z"));
  auto ack = service_->Record(record->reference, core::CaseEvent{At("2026-11-24T09:30:00Z"), agent_,
                                                                 core::event::Acknowledged{}});
  ASSERT_TRUE(ack) << ack.error().message;
  auto view = service_->Read(record->reference);
  ASSERT_TRUE(view) << view.error().message;
  EXPECT_EQ(view->events.size(), 2u);
  EXPECT_EQ(view->record.next_standard, "complaint-reply");
  bool ack_met = false;
  for (const auto& deadline : view->deadlines) {
    if (deadline.standard_id == "complaint-ack") {
      ack_met = deadline.status == core::DeadlineStatus::kMet;
    }
  }
  EXPECT_TRUE(ack_met);
}

TEST_F(CaseServiceOnStore, AnAnonymousComplaintHasNoCustomerFacingDeadline) {
  auto contact = Complaint();
  contact.customer.reset();
  auto record = service_->LogContact(contact);
  ASSERT_TRUE(record) << record.error().message;
  EXPECT_TRUE(record->anonymous);
  EXPECT_NE(record->next_standard, "complaint-ack");
}

TEST_F(CaseServiceOnStore, ADisallowedEventIsAConflictAndNothingIsWritten) {
  auto record = service_->LogContact(Complaint());
  ASSERT_TRUE(record);
  auto resume =
      service_->Record(record->reference,
                       core::CaseEvent{At("2026-11-23T11:00:00Z"), agent_, core::event::Resumed{}});
  ASSERT_FALSE(resume);
  EXPECT_EQ(resume.error().code, core::ErrorCode::kConflict);
  auto view = service_->Read(record->reference);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->events.size(), 1u);
}

TEST_F(CaseServiceOnStore, ACustomerIsFoundByEmailAndTheirAccountManagerIsAssignedOnFile) {
  auto manager =
      store_->SaveStaff({0, "am@example.org", "Ada Manager", "AM", core::Role::kManager, {}, true});
  ASSERT_TRUE(manager);
  core::CustomerRecord customer;
  customer.email = "centre@example.org";
  customer.name = "Exam Centre";
  customer.account_manager_id = manager->id;
  ASSERT_TRUE(store_->SaveCustomer(customer));
  auto contact = Complaint();
  core::CustomerRecord by_email;
  by_email.email = "centre@example.org";
  contact.customer = by_email;
  auto record = service_->LogContact(contact);
  ASSERT_TRUE(record) << record.error().message;
  EXPECT_FALSE(record->anonymous);
  EXPECT_EQ(record->assignee_id, manager->id);
  auto view = service_->Read(record->reference);
  ASSERT_TRUE(view);
  ASSERT_EQ(view->events.size(), 2u);
  EXPECT_EQ(view->events[1].event.type(), core::EventType::kAssigned);
  auto again = service_->LogContact(contact);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->customer_id, record->customer_id) << "one customer record per email";
}

TEST_F(CaseServiceOnStore, ConcurrentFirstContactsFromOneNewCustomerShareOneRecord) {
  // Several contacts from a customer not yet on file arrive at once: each may find no record and
  // try to create one; all end up on the same record and none fails.
  std::vector<std::thread> callers;
  std::mutex mutex;
  std::set<core::Id> customers;
  int failures = 0;
  for (int i = 0; i < 8; ++i) {
    callers.emplace_back([&] {
      auto contact = Complaint();
      core::CustomerRecord customer;
      customer.email = "new@example.org";
      customer.name = "New Customer";
      contact.customer = customer;
      auto record = service_->LogContact(contact);
      std::lock_guard lock(mutex);
      if (!record) {
        ++failures;
        ADD_FAILURE() << record.error().message;
      } else {
        customers.insert(*record->customer_id);
      }
    });
  }
  for (auto& caller : callers) caller.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(customers.size(), 1u);
}

TEST_F(CaseServiceOnStore, ACaseKeepsThePolicyVersionItWasReceivedUnder) {
  auto record = service_->LogContact(Complaint());
  ASSERT_TRUE(record);
  Install("learning-machine.toml");  // acknowledges complaints within 5 calendar days
  auto later = service_->LogContact(Complaint());
  ASSERT_TRUE(later);
  EXPECT_NE(record->policy_version, later->policy_version);
  EXPECT_EQ(service_->Read(record->reference)->record.next_due, At("2026-11-30T17:30:00Z"));
}

TEST_F(CaseServiceOnStore, BadContactsAreRefusedNamingTheField) {
  auto contact = Complaint();
  contact.subject = "";
  EXPECT_EQ(service_->LogContact(contact).error().field, "subject");
  contact = Complaint();
  contact.received = At("2030-01-01T00:00:00Z");
  EXPECT_EQ(service_->LogContact(contact).error().field, "received");
  EXPECT_EQ(service_->Read("CD-2026-999999").error().code, core::ErrorCode::kNotFound);
}

}  // namespace
}  // namespace caredesk::testing
