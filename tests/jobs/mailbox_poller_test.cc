// Polling a real Dovecot mailbox (tests/support/mail_servers.h) into a real SQLite store: more
// messages than one batch, filed by several filers at once, with a reply from someone else in the
// same batch as what it answers, a repeat of a message, and one over the size limit; each message
// is filed once, in its thread, and every message that is settled is marked seen.
#include "jobs/mailbox_poller.h"

#include <gtest/gtest.h>

#include "jobs_fixture.h"

namespace caredesk::testing {
namespace {

constexpr const char* kCaredesk = "caredesk@example.test";

std::string Email(const std::string& from, const std::string& subject, const std::string& id,
                  const std::string& headers = "", const std::string& body = "Hello.") {
  return "From: <" + from + ">\nTo: " + kCaredesk + "\nSubject: " + subject + "\nMessage-ID: <" +
         id + ">\n" + headers + "\n" + body + "\n";
}

class MailboxPollerTest : public MailboxJobsTest {
 protected:
  void SetUp() override {
    MailboxJobsTest::SetUp();
    if (HasFatalFailure()) return;
    auto imap = CaredeskImap();
    imap.max_message_bytes = 20000;
    mailbox_ = std::make_unique<mail::CurlImapMailbox>(imap);
    ingest_ = std::make_unique<jobs::MailIngest>(*store_, *cases_, clock_);
  }

  void Deliver(const std::string& raw) {
    std::string error;
    ASSERT_TRUE(dovecot_->Deliver(kCaredesk, raw, error)) << error;
  }

  core::Result<jobs::PollReport> Poll() {
    return jobs::PollMailbox(*mailbox_, *ingest_,
                             [this](const std::string& warning) { warnings_.push_back(warning); });
  }

  std::unique_ptr<mail::CurlImapMailbox> mailbox_;
  std::unique_ptr<jobs::MailIngest> ingest_;
  std::vector<std::string> warnings_;
};

TEST_F(MailboxPollerTest, FilesMoreThanABatchOnceEachInTheirThreadsAndMarksThemSeen) {
  Deliver(Email("first@example.test", "My bin was not emptied", "first@example.test"));
  // An advocate answers the first message: it must thread onto the case the first opens,
  // although both are filed in the same batch by several filers.
  Deliver(Email("advocate@example.test", "Re: My bin was not emptied", "advocate@example.test",
                "In-Reply-To: <first@example.test>\n"));
  constexpr int kOthers = 70;  // with the above: more than one batch of 64
  for (int n = 0; n < kOthers; ++n) {
    const std::string from = "sender" + std::to_string(n) + "@example.test";
    Deliver(
        Email(from, "Question " + std::to_string(n), "q" + std::to_string(n) + "@example.test"));
  }
  Deliver(Email("first@example.test", "My bin was not emptied", "first@example.test"));  // again
  Deliver(Email("big@example.test", "Photos", "big@example.test", "",
                std::string(30000, 'x')));  // over the 20,000-byte limit

  auto report = Poll();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->filed, 2 + kOthers);
  EXPECT_EQ(report->duplicates, 1);
  EXPECT_EQ(report->refused, 1);
  ASSERT_EQ(warnings_.size(), 1u);
  // Refused by the size the server listed, unread (a fetch would say "the server sent …").
  EXPECT_NE(warnings_.front().find(" bytes, over the limit of 20000 bytes"), std::string::npos)
      << warnings_.front();
  EXPECT_EQ(warnings_.front().find("the server sent"), std::string::npos) << warnings_.front();
  EXPECT_EQ(mailbox_->UnseenUids().value(), std::vector<std::uint32_t>{})
      << "every message settled is marked seen";

  auto first = store_->CaseOfMessageId("first@example.test");
  ASSERT_TRUE(first && *first);
  EXPECT_EQ(store_->CaseOfMessageId("advocate@example.test").value(), *first)
      << "the advocate's reply threads onto the case the first message opened";
  auto view = cases_->Read(**first);
  ASSERT_TRUE(view);
  ASSERT_EQ(view->events.size(), 2u);
  const auto* note = std::get_if<core::event::Note>(&view->events.back().event.payload);
  ASSERT_NE(note, nullptr);
  EXPECT_NE(note->text.find("Re: My bin was not emptied"), std::string::npos);
  for (int n = 0; n < kOthers; ++n) {
    auto found = store_->CaseOfMessageId("q" + std::to_string(n) + "@example.test");
    ASSERT_TRUE(found && *found) << "question " << n << " opened a case";
  }

  auto again = Poll();
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->filed + again->duplicates + again->refused, 0) << "nothing is read twice";
}

TEST_F(MailboxPollerTest, AnEmptyMailboxFilesNothing) {
  auto report = Poll();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->filed + report->duplicates + report->refused, 0);
  EXPECT_TRUE(warnings_.empty());
}

}  // namespace
}  // namespace caredesk::testing
