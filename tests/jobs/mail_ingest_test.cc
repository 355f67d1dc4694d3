// Filing inbound email over a real SQLite store: new contacts for new senders, replies threaded
// onto their case by reference or by the message they answer, each email once, machines' mail
// recorded but never answered, and every message of the malformed-mail corpus either filed or
// refused with a reason.
#include "jobs/mail_ingest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "jobs_fixture.h"

namespace caredesk::testing {
namespace {

std::string Email(const std::string& from, const std::string& subject, const std::string& body,
                  const std::string& id, const std::string& extra_headers = "") {
  return "From: Sam Jones <" + from + ">\r\nTo: care@example.org\r\nSubject: " + subject +
         "\r\nMessage-ID: <" + id + ">\r\nDate: Mon, 23 Nov 2026 09:30:00 +0000\r\n" +
         extra_headers + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
         body + "\r\n";
}

class MailIngestTest : public JobsTest {
 protected:
  void SetUp() override {
    JobsTest::SetUp();
    ingest_ = std::make_unique<jobs::MailIngest>(*store_, *cases_, clock_);
  }
  jobs::Ingested File(const std::string& raw) {
    auto filed = ingest_->Ingest(raw);
    EXPECT_TRUE(filed) << filed.error().message;
    return filed.value_or(jobs::Ingested{});
  }
  std::unique_ptr<jobs::MailIngest> ingest_;
};

TEST_F(MailIngestTest, ANewCustomerIsWrittenToInTheLanguageTheyWroteIn) {
  File(Email("lucia@example.es", "Contenedor sin vaciar",
             "Hola, el contenedor de mi calle lleva una semana sin vaciarse. Por favor, "
             "¿pueden pasar? Gracias.",
             "es1@example.es"));
  EXPECT_EQ(store_->FindCustomerByEmail("lucia@example.es").value()->language, "es");
  File(Email("sam@example.test", "Bin not emptied",
             "Hello, my bin has not been emptied for a week. Could you please send someone?",
             "en1@example.test"));
  EXPECT_EQ(store_->FindCustomerByEmail("sam@example.test").value()->language, "en");
  File(Email("ana@example.es", "Bin", "Ref 4411", "declared@example.es",
             "Content-Language: es-ES\r\n"));
  EXPECT_EQ(store_->FindCustomerByEmail("ana@example.es").value()->language, "es")
      << "Content-Language, when the policy offers it";

  // A known customer keeps the language on file, whatever they write in.
  File(Email("sam@example.test", "Otra vez",
             "Hola, el contenedor sigue sin vaciarse. Gracias por su ayuda.", "en2@example.test"));
  EXPECT_EQ(store_->FindCustomerByEmail("sam@example.test").value()->language, "en");

  // The acknowledgement is in Spanish.
  RunDue();
  bool spanish = false;
  for (const auto& message : Outbox()) {
    if (message.recipient == "lucia@example.es") spanish = message.language == "es";
  }
  EXPECT_TRUE(spanish) << "Lucía's acknowledgement is written in Spanish";
}

TEST_F(MailIngestTest, ANewSendersEmailOpensAnEmailContactForANewCustomer) {
  auto filed = File(Email("sam@example.test", "Where is my certificate?", "I passed in October.",
                          "first@example.test"));
  EXPECT_EQ(filed.outcome, jobs::IngestOutcome::kOpened);
  auto view = cases_->Read(filed.reference);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->state.channel, core::Channel::kEmail);
  EXPECT_EQ(view->state.subject, "Where is my certificate?");
  const auto& received = std::get<core::event::Received>(view->events.front().event.payload);
  EXPECT_NE(received.body.find("I passed in October."), std::string::npos);
  EXPECT_EQ(view->state.received_at, *core::ParseInstant("2026-11-23T09:30:00Z"));
  auto customer = store_->FindCustomerByEmail("sam@example.test");
  ASSERT_TRUE(customer && *customer);
  EXPECT_EQ((*customer)->name, "Sam Jones");
  auto files = store_->Attachments(view->record.id);
  ASSERT_TRUE(files);
  ASSERT_EQ(files->size(), 1u);
  EXPECT_EQ(files->front().filename, "message.eml");
  EXPECT_NE(store_->AttachmentBytes(files->front().sha256)->find("Message-ID: <first@"),
            std::string::npos)
      << "the raw message is kept as the event's attachment";
}

TEST_F(MailIngestTest, TheSameEmailIsFiledOnce) {
  const auto raw = Email("sam@example.test", "Hello", "Hi", "same@example.test");
  EXPECT_EQ(File(raw).outcome, jobs::IngestOutcome::kOpened);
  EXPECT_EQ(File(raw).outcome, jobs::IngestOutcome::kDuplicate);
  auto page = store_->Queue({});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->rows.size(), 1u);
}

TEST_F(MailIngestTest, RepliesThreadByTheReferenceInTheSubjectOrTheMessageItAnswers) {
  auto first = File(Email("sam@example.test", "Heating", "No heat", "a@example.test"));
  auto by_subject = File(Email("sam@example.test", "Re: [" + first.reference + "] Heating",
                               "Still cold", "b@example.test"));
  EXPECT_EQ(by_subject.outcome, jobs::IngestOutcome::kThreaded);
  EXPECT_EQ(by_subject.reference, first.reference);
  auto by_reply = File(Email("sam@example.test", "Re: Heating", "And again", "c@example.test",
                             "In-Reply-To: <a@example.test>\r\n"));
  EXPECT_EQ(by_reply.outcome, jobs::IngestOutcome::kThreaded);
  EXPECT_EQ(by_reply.reference, first.reference);
  auto view = cases_->Read(first.reference);
  ASSERT_TRUE(view);
  ASSERT_EQ(view->events.size(), 3u);
  const auto& note = std::get<core::event::Note>(view->events[1].event.payload);
  EXPECT_NE(note.text.find("Still cold"), std::string::npos);
  EXPECT_EQ(view->events[1].event.actor.id, "customer");
}

TEST_F(MailIngestTest, AnswersToOurOwnMessagesThreadOntoTheirCase) {
  auto first = File(Email("sam@example.test", "Heating", "No heat", "a@example.test"));
  ASSERT_EQ(RunDue(), 1);  // the acknowledgement
  const auto ack = Outbox().front();
  auto reply = File(Email("sam@example.test", "Thanks", "Got it", "d@example.test",
                          "In-Reply-To: <" + ack.message_id + ">\r\n"));
  EXPECT_EQ(reply.outcome, jobs::IngestOutcome::kThreaded);
  EXPECT_EQ(reply.reference, first.reference);
}

TEST_F(MailIngestTest, MachinesMailIsRecordedButNeverAnswered) {
  auto bounce = File(Email("mailer-daemon@mx.example.test", "Undelivered Mail", "failed",
                           "bounce@mx.example.test", "Auto-Submitted: auto-replied\r\n"));
  EXPECT_EQ(bounce.outcome, jobs::IngestOutcome::kRecorded);
  auto list = File(Email("news@lists.example.test", "Newsletter", "news", "list@example.test",
                         "List-Id: <news.lists.example.test>\r\nPrecedence: bulk\r\n"));
  EXPECT_EQ(list.outcome, jobs::IngestOutcome::kRecorded);
  EXPECT_EQ(File(Email("mailer-daemon@mx.example.test", "Undelivered Mail", "failed",
                       "bounce@mx.example.test", "Auto-Submitted: auto-replied\r\n"))
                .outcome,
            jobs::IngestOutcome::kDuplicate);
  EXPECT_TRUE(store_->Queue({})->rows.empty()) << "no case was opened";
  EXPECT_EQ(RunDue(), 0);
  EXPECT_TRUE(Outbox().empty()) << "nothing answers a machine";
}

TEST_F(MailIngestTest, AnAutoReplyToOurAcknowledgementIsANoteAndNotAnswered) {
  auto first = File(Email("sam@example.test", "Heating", "No heat", "a@example.test"));
  ASSERT_EQ(RunDue(), 1);
  auto away = File(Email("sam@example.test", "Out of office: [" + first.reference + "]",
                         "I am away", "away@example.test", "Auto-Submitted: auto-replied\r\n"));
  EXPECT_EQ(away.outcome, jobs::IngestOutcome::kThreaded);
  EXPECT_EQ(RunDue(), 0);
  EXPECT_EQ(Outbox().size(), 1u);
}

TEST_F(MailIngestTest, EveryCorpusMessageIsFiledOrRefusedWithAReason) {
  const std::filesystem::path corpus =
      std::filesystem::path(CAREDESK_SOURCE_DIR) / "tests/mail/corpus";
  int filed = 0;
  int refused = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    if (entry.path().extension() != ".eml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream raw;
    raw << in.rdbuf();
    auto outcome = ingest_->Ingest(raw.str());
    if (outcome) {
      ++filed;
    } else {
      ++refused;
      EXPECT_FALSE(outcome.error().message.empty()) << entry.path();
      EXPECT_NE(outcome.error().code, core::ErrorCode::kUnavailable) << entry.path();
    }
  }
  EXPECT_GE(filed + refused, 30);
  EXPECT_GT(filed, refused);
  RunDue();  // acknowledging whatever opened must not fail either
}

}  // namespace
}  // namespace caredesk::testing
