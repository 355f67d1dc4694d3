// End to end, as a customer would see it: caredesk composes and sends a reply over SMTP, the
// mail server (smtp-sink) hands it to the customer's mailbox (Dovecot), and the customer's
// client reads it over IMAPS.
#include <gtest/gtest.h>

#include "mail/curl_imap_mailbox.h"
#include "mail/curl_smtp_sender.h"
#include "mail_servers.h"
#include "mail_text.h"

namespace caredesk::mail {
namespace {

using caredesk::testing::DovecotServer;
using caredesk::testing::SmtpSink;
using namespace std::chrono_literals;

TEST(MailRoundTrip, TheCustomerReadsTheReplyWithItsSpanishSubjectAndThreadingIntact) {
  std::string error;
  auto sink = SmtpSink::Start(error);
  ASSERT_NE(sink, nullptr) << error;
  auto dovecot = DovecotServer::Start(DovecotServer::DefaultUsers(), error);
  ASSERT_NE(dovecot, nullptr) << error;

  const core::FixedClock clock{core::Instant{std::chrono::seconds(1795389664)}};
  SmtpSettings smtp;
  smtp.url = sink->Url();
  smtp.tls = SmtpSettings::Tls::kNone;
  CurlSmtpSender sender(smtp, clock);
  core::OutgoingMail reply;
  reply.message_id = "reply.7@care.example.test";
  reply.from_address = "caredesk@example.test";
  reply.from_name = "Atención al Cliente";
  reply.to = {"customer@example.test"};
  reply.cc = {"advocate@elsewhere.example"};  // not a Dovecot user: not delivered here
  reply.subject = "Respuesta a su reclamación: ¿qué hemos cambiado?";
  reply.text = "Estimada señora Núñez:\n\nHemos revisado el procedimiento.\n";
  reply.html = "<p>Estimada señora Núñez:</p><p>Hemos revisado el procedimiento.</p>";
  reply.in_reply_to = "q1@customer.example.test";
  reply.references = {"q1@customer.example.test"};
  const auto sent = sender.Send(reply);
  ASSERT_TRUE(sent) << sent.error().message;
  ASSERT_TRUE(sink->WaitFor(1, 5s));
  ASSERT_TRUE(DeliverReceived(*sink, *dovecot, error)) << error;

  ImapSettings imap;
  imap.url = dovecot->ImapsUrl();
  imap.username = "customer@example.test";
  imap.password = DovecotServer::DefaultUsers().back().password;
  imap.verify_peer = false;  // the test server's certificate is self-signed
  CurlImapMailbox inbox(imap);
  const auto unseen = inbox.UnseenUids();
  ASSERT_TRUE(unseen) << unseen.error().message;
  ASSERT_EQ(unseen->size(), 1u);
  const auto message = inbox.Fetch(unseen->front());
  ASSERT_TRUE(message) << message.error().message;

  EXPECT_EQ(testing::DecodeWords(testing::HeaderValue(*message, "Subject")), reply.subject);
  EXPECT_EQ(testing::DecodeWords(testing::HeaderValue(*message, "From")),
            "Atención al Cliente <caredesk@example.test>");
  EXPECT_EQ(testing::HeaderValue(*message, "Message-ID"), "<reply.7@care.example.test>");
  EXPECT_EQ(testing::HeaderValue(*message, "In-Reply-To"), "<q1@customer.example.test>");
  const std::string decoded = testing::DecodeQuotedPrintable(*message);
  EXPECT_NE(decoded.find("Estimada señora Núñez:\r\n\r\nHemos revisado el procedimiento."),
            std::string::npos);
  EXPECT_NE(decoded.find(reply.html), std::string::npos);
  EXPECT_TRUE(dovecot->Messages("caredesk@example.test").empty());
}

}  // namespace
}  // namespace caredesk::mail
