// End to end with real mail servers started by the test on loopback (Dovecot for IMAP, Postfix's
// smtp-sink for SMTP): a customer's email arrives in caredesk's mailbox → a case opens → the
// acknowledgement lands in the customer's mailbox with the reference → the customer replies →
// the reply threads onto the case; later, on the simulated clock, the holding reply goes out
// before the reply is late. Everything real except time.
#include <gtest/gtest.h>

#include "jobs/mail_ingest.h"
#include "jobs/mailbox_poller.h"
#include "jobs/outbox_sender.h"
#include "jobs_fixture.h"
#include "mail/curl_smtp_sender.h"
#include "mail/mime_parser.h"
#include "mail_servers.h"

namespace caredesk::testing {
namespace {

constexpr const char* kCaredesk = "caredesk@example.test";
constexpr const char* kCustomer = "customer@example.test";

class MailRoundTrip : public MailboxJobsTest {
 protected:
  void SetUp() override {
    MailboxJobsTest::SetUp();
    if (HasFatalFailure()) return;
    std::string error;
    sink_ = SmtpSink::Start(error);
    ASSERT_TRUE(sink_) << error;
    mailbox_ = std::make_unique<mail::CurlImapMailbox>(CaredeskImap());
    mail::SmtpSettings smtp;
    smtp.url = sink_->Url();
    smtp.tls = mail::SmtpSettings::Tls::kNone;
    smtp_ = std::make_unique<mail::CurlSmtpSender>(smtp, clock_);
    ingest_ = std::make_unique<jobs::MailIngest>(*store_, *cases_, clock_);
    sender_ = std::make_unique<jobs::OutboxSender>(
        *store_, *smtp_, clock_, jobs::MailIdentity{kCaredesk, "Example care", "example.test"});
  }

  // What the job runner does on one tick: read the mailbox, fire timers, send the outbox, and
  // hand what the sink received to the customers' mailboxes.
  void Tick() {
    auto polled =
        jobs::PollMailbox(*mailbox_, *ingest_, [](const std::string& w) { ADD_FAILURE() << w; });
    ASSERT_TRUE(polled) << polled.error().message;
    RunDue();
    auto sent = sender_->SendDue();
    ASSERT_TRUE(sent) << sent.error().message;
    sent_ += *sent;
    std::string error;
    ASSERT_TRUE(sink_->WaitFor(std::size_t(sent_), std::chrono::seconds{10}));
  }

  std::vector<core::InboundMail> CustomerInbox() {
    std::string error;
    EXPECT_TRUE(DeliverReceived(*sink_, *dovecot_, error)) << error;
    std::vector<core::InboundMail> inbox;
    for (const auto& raw : dovecot_->Messages(kCustomer)) {
      auto parsed = mail::ParseMail(raw);
      if (parsed) inbox.push_back(*parsed);
    }
    return inbox;
  }

  std::unique_ptr<SmtpSink> sink_;
  std::unique_ptr<mail::CurlImapMailbox> mailbox_;
  std::unique_ptr<mail::CurlSmtpSender> smtp_;
  std::unique_ptr<jobs::MailIngest> ingest_;
  std::unique_ptr<jobs::OutboxSender> sender_;
  int sent_ = 0;
};

TEST_F(MailRoundTrip, EmailInAcknowledgementOutReplyThreadedHoldingReplyOnTime) {
  std::string error;
  ASSERT_TRUE(dovecot_->Deliver(kCaredesk,
                                "From: Ana García <customer@example.test>\r\n"
                                "To: caredesk@example.test\r\n"
                                "Subject: =?utf-8?q?Queja_sobre_la_facturaci=C3=B3n?=\r\n"
                                "Message-ID: <complaint-1@example.test>\r\n"
                                "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                                "Me han cobrado dos veces.\r\n",
                                error))
      << error;
  Tick();
  auto queue = store_->Queue({});
  ASSERT_TRUE(queue);
  ASSERT_EQ(queue->rows.size(), 1u) << "the email opened a case";
  const std::string reference = queue->rows.front().reference;
  EXPECT_EQ(queue->rows.front().subject, "Queja sobre la facturación");

  auto inbox = CustomerInbox();
  ASSERT_EQ(inbox.size(), 1u) << "the acknowledgement reached the customer's mailbox";
  EXPECT_NE(inbox[0].subject.find(reference), std::string::npos);
  EXPECT_NE(inbox[0].text.find(reference), std::string::npos);
  EXPECT_EQ(inbox[0].automated, core::Automated::kAutoReply) << "marked Auto-Submitted";
  EXPECT_NE(inbox[0].text.find("Hemos recibido"), std::string::npos)
      << "Ana wrote in Spanish, so she is answered in Spanish:\n"
      << inbox[0].text;

  // The customer answers the acknowledgement from their mail program.
  ASSERT_TRUE(dovecot_->Deliver(kCaredesk,
                                "From: customer@example.test\r\nTo: caredesk@example.test\r\n"
                                "Subject: Re: " +
                                    inbox[0].subject +
                                    "\r\nMessage-ID: <reply-1@example.test>\r\n"
                                    "In-Reply-To: <" +
                                    inbox[0].message_id + ">\r\n\r\nAdjunto el extracto.\r\n",
                                error))
      << error;
  Tick();
  auto view = cases_->Read(reference);
  ASSERT_TRUE(view);
  ASSERT_GE(view->events.size(), 3u);
  const auto& last = view->events.back().event;
  ASSERT_EQ(last.type(), core::EventType::kNote) << "the reply threaded onto the case";
  EXPECT_NE(std::get<core::event::Note>(last.payload).text.find("Adjunto el extracto"),
            std::string::npos);
  EXPECT_EQ(store_->Queue({})->rows.size(), 1u) << "no second case";

  // Nobody answers; on the simulated clock the question's reply deadline (Wednesday 17:30)
  // draws near: Wednesday 15:00 is within its 4 working hours of due soon.
  clock_.Advance(std::chrono::hours{24 * 2 + 5});
  Tick();
  inbox = CustomerInbox();
  bool holding = false;
  for (const auto& message : inbox) {
    holding = holding || message.text.find("necesitamos más tiempo") != std::string::npos;
  }
  EXPECT_TRUE(holding) << "a holding reply reached the customer before the reply was late";
}

}  // namespace
}  // namespace caredesk::testing
