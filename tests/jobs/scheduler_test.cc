// The scheduler over a real SQLite store and the shipped default policy, on a simulated clock:
// acknowledgements on the contact's own channel, holding replies before a reply is late, alerts
// to the assignee and the manager, rationed surveys; each timer fires once.
#include <gtest/gtest.h>

#include "jobs_fixture.h"

namespace caredesk::testing {
namespace {

using std::chrono::hours;

bool HasEvent(core::CaseService& cases, const std::string& reference, core::EventType type) {
  auto view = cases.Read(reference);
  if (!view) return false;
  for (const auto& stored : view->events) {
    if (stored.event.type() == type) return true;
  }
  return false;
}

class SchedulerTest : public JobsTest {
 protected:
  long CountOf(const std::string& kind) {
    const auto outbox = Outbox();
    return std::count_if(outbox.begin(), outbox.end(),
                         [&](const auto& m) { return m.kind == kind; });
  }
};

TEST_F(SchedulerTest, AnEmailedComplaintIsAcknowledgedByEmailOnce) {
  auto view = Log(core::Kind::kComplaint, core::Channel::kEmail, Customer("sam@example.test"));
  EXPECT_EQ(RunDue(), 1);
  EXPECT_EQ(RunDue(), 0) << "fired once";
  auto outbox = Outbox();
  ASSERT_EQ(outbox.size(), 1u);
  const auto& ack = outbox.front();
  EXPECT_EQ(ack.kind, "acknowledgement");
  EXPECT_EQ(ack.delivery, core::Delivery::kEmail);
  EXPECT_EQ(ack.recipient, "sam@example.test");
  EXPECT_NE(ack.subject.find(view.record.reference), std::string::npos);
  EXPECT_NE(ack.text.find(view.record.reference), std::string::npos);
  EXPECT_NE(ack.text.find("Dear Sam Jones"), std::string::npos);
  EXPECT_NE(ack.text.find("December 2026"), std::string::npos) << "when to expect a response";
  EXPECT_NE(ack.html.find("<html"), std::string::npos);
  EXPECT_TRUE(HasEvent(*cases_, view.record.reference, core::EventType::kAcknowledged));
  auto read = cases_->Read(view.record.reference);
  ASSERT_TRUE(read);
  for (const auto& deadline : read->deadlines) {
    if (deadline.standard_id == "complaint-ack") {
      EXPECT_EQ(deadline.status, core::DeadlineStatus::kMet);
    }
  }
}

TEST_F(SchedulerTest, ASpanishCustomerIsWrittenToInSpanish) {
  auto view = Log(core::Kind::kQuestion, core::Channel::kWeb, Customer("ana@example.test", "es"));
  EXPECT_EQ(RunDue(), 1);
  auto outbox = Outbox();
  ASSERT_EQ(outbox.size(), 1u);
  EXPECT_EQ(outbox.front().language, "es");
  EXPECT_NE(outbox.front().text.find("de 2026"), std::string::npos) << outbox.front().text;
}

TEST_F(SchedulerTest, APostedComplaintIsAcknowledgedByLetterAndAPhoneOnlyCustomerByACall) {
  auto letter_writer = Customer("");
  letter_writer.address = "1 High Street\nLlandudno\nLL30 1AA";
  Log(core::Kind::kComplaint, core::Channel::kPost, letter_writer);
  auto caller = Customer("pat@example.test");
  caller.phone = "+44 1492 000000";
  caller.adjustments = {"phone_only"};
  Log(core::Kind::kComplaint, core::Channel::kEmail, caller);
  EXPECT_EQ(RunDue(), 2);
  auto outbox = Outbox();
  ASSERT_EQ(outbox.size(), 2u);
  EXPECT_EQ(outbox[0].delivery, core::Delivery::kLetter);
  EXPECT_NE(outbox[0].recipient.find("LL30 1AA"), std::string::npos);
  EXPECT_TRUE(outbox[0].html.empty()) << "a letter is printed from the text";
  EXPECT_EQ(outbox[1].delivery, core::Delivery::kCallTask);
  EXPECT_NE(outbox[1].recipient.find("+44 1492 000000"), std::string::npos);
}

TEST_F(SchedulerTest, AdjustmentsArePlainTextLargePrintAndTheAdvocateCopied) {
  auto customer = Customer("lee@example.test");
  customer.adjustments = {"plain_text", "advocate_copy"};
  customer.representative =
      core::Representative{"Jo Advocate", "jo@advocacy.test", "advocate", std::nullopt};
  Log(core::Kind::kComplaint, core::Channel::kEmail, customer);
  auto large = Customer("kim@example.test");
  large.adjustments = {"large_print"};
  Log(core::Kind::kComplaint, core::Channel::kEmail, large);
  EXPECT_EQ(RunDue(), 2);
  auto outbox = Outbox();
  ASSERT_EQ(outbox.size(), 2u);
  EXPECT_TRUE(outbox[0].html.empty());
  EXPECT_EQ(outbox[0].cc, std::vector<std::string>{"jo@advocacy.test"});
  EXPECT_TRUE(outbox[1].large_print);
  EXPECT_NE(outbox[1].html.find("150%"), std::string::npos);
}

TEST_F(SchedulerTest, AnAnonymousContactGetsNothingAndACallIsAcknowledgedByStaff) {
  Log(core::Kind::kComplaint, core::Channel::kWeb, std::nullopt);
  Log(core::Kind::kComplaint, core::Channel::kPhone, Customer("pat@example.test"));
  EXPECT_EQ(RunDue(), 0);
  EXPECT_TRUE(Outbox().empty());
}

TEST_F(SchedulerTest, AHoldingReplyGoesOutBeforeTheReplyIsLateGivingTheNewDate) {
  auto view = Log(core::Kind::kComplaint, core::Channel::kEmail, Customer("sam@example.test"));
  EXPECT_EQ(RunDue(), 1);  // the acknowledgement
  // The reply is due on Monday 7 December at 17:30; a quarter of its span before that is
  // Friday 4 December in the morning.
  clock_.Advance(hours{24 * 11});
  RunDue();
  auto outbox = Outbox();
  ASSERT_GE(outbox.size(), 2u);
  const auto holding = std::find_if(outbox.begin(), outbox.end(),
                                    [](const auto& m) { return m.kind == "holding_reply"; });
  ASSERT_NE(holding, outbox.end());
  EXPECT_NE(holding->text.find("December 2026"), std::string::npos) << holding->text;
  EXPECT_TRUE(HasEvent(*cases_, view.record.reference, core::EventType::kHoldingSent));
  const auto before = Outbox().size();
  RunDue();
  EXPECT_EQ(CountOf("holding_reply"), 1);
  EXPECT_GE(Outbox().size(), before);
}

TEST_F(SchedulerTest, NoHoldingReplyOnceTheReplyWentOut) {
  auto view = Log(core::Kind::kComplaint, core::Channel::kEmail, Customer("sam@example.test"));
  RunDue();
  const core::Actor agent{"1", "Alex Agent", "AA"};
  ASSERT_TRUE(
      cases_->Record(view.record.reference,
                     core::CaseEvent{clock_.Now(), agent, core::event::Replied{"Answered"}}));
  clock_.Advance(hours{24 * 20});
  RunDue();
  for (const auto& message : Outbox()) EXPECT_NE(message.kind, "holding_reply");
}

TEST_F(SchedulerTest, AlertsGoToTheAssigneeAndTheDepartmentsManagerBeforeAndAtTheBreach) {
  core::StaffRecord manager{
      0, "meg@example.org", "Meg Manager", "MM", core::Role::kManager, std::nullopt, true};
  auto saved_manager = store_->SaveStaff(manager);
  ASSERT_TRUE(saved_manager);
  auto department = store_->SaveDepartment({0, "Certificates", saved_manager->id});
  ASSERT_TRUE(department);
  core::StaffRecord agent{
      0, "alex@example.org", "Alex Agent", "AA", core::Role::kAgent, department->id, true};
  auto saved_agent = store_->SaveStaff(agent);
  ASSERT_TRUE(saved_agent);
  core::NewContact contact;
  contact.kind = core::Kind::kQuestion;
  contact.channel = core::Channel::kEmail;
  contact.subject = "Opening hours";
  contact.department_id = department->id;
  contact.customer = Customer("sam@example.test");
  auto logged = cases_->Log(contact);
  ASSERT_TRUE(logged);
  const std::string reference = logged->view.record.reference;
  ASSERT_TRUE(cases_->Record(
      reference, core::CaseEvent{clock_.Now(), core::Actor{"1", "Admin", "AD"},
                                 core::event::Assigned{core::Actor{std::to_string(saved_agent->id),
                                                                   "Alex Agent", "AA"}}}));
  RunDue();                       // the acknowledgement
  clock_.Advance(hours{24 * 2});  // Wednesday 10:00: due Wednesday 17:30
  RunDue();
  auto early = Outbox();
  std::erase_if(early, [](const auto& m) { return m.kind != "due_soon_alert"; });
  EXPECT_TRUE(early.empty()) << "the standard's own margin: due soon 4 working hours before";
  clock_.Advance(hours{4});  // Wednesday 14:00
  RunDue();
  auto alerts = Outbox();
  std::erase_if(alerts, [](const auto& m) { return m.kind != "due_soon_alert"; });
  ASSERT_EQ(alerts.size(), 2u);
  std::set<std::string> readers{alerts[0].recipient, alerts[1].recipient};
  EXPECT_EQ(readers, (std::set<std::string>{"alex@example.org", "meg@example.org"}));
  EXPECT_NE(alerts[0].text.find(reference), std::string::npos);
  clock_.Advance(hours{4});  // Wednesday 18:00
  RunDue();
  auto breaches = Outbox();
  std::erase_if(breaches, [](const auto& m) { return m.kind != "breach_alert"; });
  EXPECT_EQ(breaches.size(), 2u);
}

TEST_F(SchedulerTest, ASurveyFollowsClosingButNotTwiceWithinTheRationingPeriod) {
  const core::Actor agent{"1", "Alex Agent", "AA"};
  std::vector<std::string> references;
  for (int i = 0; i < 2; ++i) {
    auto view = Log(core::Kind::kQuestion, core::Channel::kEmail, Customer("sam@example.test"));
    references.push_back(view.record.reference);
  }
  RunDue();
  for (const auto& reference : references) {
    ASSERT_TRUE(cases_->Record(
        reference, core::CaseEvent{clock_.Now(), agent, core::event::Replied{"Answered"}}));
    auto closed = cases_->Record(
        reference, core::CaseEvent{clock_.Now(), agent, core::event::Closed{"answered"}});
    ASSERT_TRUE(closed) << closed.error().message;
  }
  clock_.Advance(hours{24 * 3});
  RunDue();
  auto surveys = Outbox();
  std::erase_if(surveys, [](const auto& m) { return m.kind != "survey_invitation"; });
  ASSERT_EQ(surveys.size(), 1u) << "customers are not to be bothered unduly";
  EXPECT_NE(surveys.front().text.find("https://care.example.org/#/track/"), std::string::npos);
}

TEST_F(SchedulerTest, TheSuggesterIsToldOnceWhatBecameOfTheirSuggestion) {
  auto customer = store_->SaveCustomer(Customer("ana@example.test", "es"));
  ASSERT_TRUE(customer);
  core::SuggestionRecord suggestion;
  suggestion.customer_id = customer->id;
  suggestion.text = "Abran los sábados";
  suggestion.received_at = clock_.Now();
  auto saved = store_->SaveSuggestion(suggestion);
  ASSERT_TRUE(saved);
  EXPECT_EQ(scheduler_->TellSuggesters().value_or(-1), 0) << "not decided yet";
  saved->status = core::SuggestionStatus::kAdopted;
  saved->response = "Desde enero abrimos los sábados por la mañana.";
  ASSERT_TRUE(store_->SaveSuggestion(*saved));
  EXPECT_EQ(scheduler_->TellSuggesters().value_or(-1), 1);
  EXPECT_EQ(scheduler_->TellSuggesters().value_or(-1), 0) << "told once";
  auto outbox = Outbox();
  ASSERT_EQ(outbox.size(), 1u);
  EXPECT_EQ(outbox.front().kind, "suggestion_outcome");
  EXPECT_EQ(outbox.front().recipient, "ana@example.test");
  EXPECT_EQ(outbox.front().language, "es");
  EXPECT_NE(outbox.front().text.find("abrimos los sábados"), std::string::npos);
}

TEST_F(SchedulerTest, TimersMissedWhileDownFireOnceAtStart) {
  Log(core::Kind::kComplaint, core::Channel::kEmail, Customer("sam@example.test"));
  clock_.Advance(hours{24 * 30});  // the server was down for a month
  jobs::Scheduler restarted(*store_, *cases_, clock_, *correspondent_);
  auto first = restarted.RunDue();
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_GT(*first, 0);
  EXPECT_EQ(restarted.RunDue().value_or(-1), 0);
  EXPECT_EQ(CountOf("acknowledgement"), 1);
}

}  // namespace
}  // namespace caredesk::testing
