// CurlSmtpSender against a real SMTP server: Postfix's smtp-sink on loopback, which keeps what
// it receives (tests/support/mail_servers.h) or refuses the commands it is told to.
#include <gtest/gtest.h>

#include "mail/curl_smtp_sender.h"
#include "mail_child.h"
#include "mail_servers.h"
#include "mail_text.h"

namespace caredesk::mail {
namespace {

using caredesk::testing::SinkMessage;
using caredesk::testing::SmtpSink;
using caredesk::testing::SmtpSinkOptions;
using testing::DecodeQuotedPrintable;
using testing::DecodeWords;
using testing::HeaderValue;
using namespace std::chrono_literals;

const core::FixedClock kClock{core::Instant{std::chrono::seconds(1795389664)}};
constexpr char kPassword[] = "s3cret-smtp-Passw0rd";

core::OutgoingMail Acknowledgement(const std::string& id = "ack.1@care.example.test") {
  core::OutgoingMail mail;
  mail.message_id = id;
  mail.from_address = "care@example.test";
  mail.from_name = "Atención al Cliente";
  mail.to = {"customer@example.test"};
  mail.subject = "Hemos recibido su reclamación CD-2026-000123";
  mail.text = "Estimada señora:\n\nHemos recibido su reclamación.\n.\nUn saludo.\n";
  mail.in_reply_to = "original@customer.example.test";
  mail.references = {"original@customer.example.test"};
  return mail;
}

std::unique_ptr<SmtpSink> StartSink(const SmtpSinkOptions& options = {}) {
  std::string error;
  auto sink = SmtpSink::Start(options, error);
  EXPECT_NE(sink, nullptr) << error;
  return sink;
}

SmtpSettings Plain(const SmtpSink& sink) {
  SmtpSettings settings;
  settings.url = sink.Url();
  settings.tls = SmtpSettings::Tls::kNone;
  settings.timeout = 10s;
  return settings;
}

TEST(CurlSmtpSender, DeliversTheComposedMessageToTheEnvelopeRecipients) {
  auto sink = StartSink();
  ASSERT_NE(sink, nullptr);
  CurlSmtpSender sender(Plain(*sink), kClock);
  auto mail = Acknowledgement();
  mail.cc = {"advocate@example.test", "CUSTOMER@example.test"};
  ASSERT_TRUE(sender.Send(mail)) << sender.Send(mail).error().message;

  ASSERT_TRUE(sink->WaitFor(1, 5s));
  const SinkMessage got = sink->Received().front();
  EXPECT_EQ(got.mail_from, "care@example.test");
  // To then Cc, each address once (the second customer differs only in case).
  EXPECT_EQ(got.rcpt_to,
            (std::vector<std::string>{"customer@example.test", "advocate@example.test"}));
  EXPECT_EQ(HeaderValue(got.data, "Message-ID"), "<ack.1@care.example.test>");
  EXPECT_EQ(HeaderValue(got.data, "Date"), "Sun, 22 Nov 2026 23:21:04 +0000");
  EXPECT_EQ(HeaderValue(got.data, "Cc"), "advocate@example.test, CUSTOMER@example.test");
  EXPECT_EQ(DecodeWords(HeaderValue(got.data, "Subject")), mail.subject);
  EXPECT_EQ(DecodeWords(HeaderValue(got.data, "From")), "Atención al Cliente <care@example.test>");
  EXPECT_EQ(HeaderValue(got.data, "In-Reply-To"), "<original@customer.example.test>");
  EXPECT_EQ(HeaderValue(got.data, "References"), "<original@customer.example.test>");
  EXPECT_EQ(HeaderValue(got.data, "Content-Type"), "text/plain; charset=utf-8");
  // The body arrives whole: the lone "." line survived dot-stuffing.
  const std::string body = got.data.substr(got.data.find("\n\n") + 2);
  EXPECT_EQ(DecodeQuotedPrintable(body),
            "Estimada señora:\n\nHemos recibido su reclamación.\n.\nUn saludo.\n");
}

TEST(CurlSmtpSender, HtmlMessagesArriveAsAlternativesAndPlainOnesAsOnePart) {
  auto sink = StartSink();
  ASSERT_NE(sink, nullptr);
  CurlSmtpSender sender(Plain(*sink), kClock);
  auto rich = Acknowledgement("rich@care.example.test");
  rich.html = "<p>Estimada señora:</p>";
  ASSERT_TRUE(sender.Send(Acknowledgement("plain@care.example.test")));
  ASSERT_TRUE(sender.Send(rich));
  ASSERT_TRUE(sink->WaitFor(2, 5s));
  const auto got = sink->Received();
  EXPECT_EQ(HeaderValue(got[0].data, "Message-ID"), "<plain@care.example.test>");
  EXPECT_EQ(got[0].data.find("multipart/"), std::string::npos);
  EXPECT_EQ(HeaderValue(got[1].data, "Content-Type").rfind("multipart/alternative;", 0), 0u);
  EXPECT_NE(got[1].data.find("Content-Type: text/html; charset=utf-8"), std::string::npos);
}

TEST(CurlSmtpSender, KeepsOneConnectionOpenAcrossMessages) {
  // The sink takes one session only: a second connection would find nobody listening.
  SmtpSinkOptions options;
  options.max_sessions = 1;
  auto sink = StartSink(options);
  ASSERT_NE(sink, nullptr);
  CurlSmtpSender sender(Plain(*sink), kClock);
  for (int i = 0; i < 5; ++i) {
    const auto sent = sender.Send(Acknowledgement("m" + std::to_string(i) + "@care.example.test"));
    ASSERT_TRUE(sent) << "message " << i << ": " << sent.error().message;
  }
  ASSERT_TRUE(sink->WaitFor(5, 5s));
  EXPECT_EQ(HeaderValue(sink->Received()[4].data, "Message-ID"), "<m4@care.example.test>");
}

TEST(CurlSmtpSender, AKeptConnectionTheServerClosedWhileIdleIsReplaced) {
  SmtpSinkOptions options;
  options.idle_timeout = 1;  // seconds
  auto sink = StartSink(options);
  ASSERT_NE(sink, nullptr);
  CurlSmtpSender sender(Plain(*sink), kClock);
  ASSERT_TRUE(sender.Send(Acknowledgement("first@care.example.test")));
  ASSERT_TRUE(sink->WaitForHangUp(10s));
  const auto sent = sender.Send(Acknowledgement("second@care.example.test"));
  ASSERT_TRUE(sent) << sent.error().message;
  ASSERT_TRUE(sink->WaitFor(2, 5s));
  EXPECT_EQ(HeaderValue(sink->Received()[1].data, "Message-ID"), "<second@care.example.test>");
}

TEST(CurlSmtpSender, NobodyListeningIsUnavailable) {
  SmtpSettings settings;
  settings.url = "smtp://127.0.0.1:" + std::to_string(caredesk::testing::mail_child::FreePort());
  settings.tls = SmtpSettings::Tls::kNone;
  settings.timeout = 5s;
  CurlSmtpSender sender(settings, kClock);
  const auto sent = sender.Send(Acknowledgement());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, core::ErrorCode::kUnavailable);
  EXPECT_NE(sent.error().message.find(settings.url), std::string::npos) << sent.error().message;
}

TEST(CurlSmtpSender, ARefusedRecipientRefusesTheMessageForGoodWithTheServersReply) {
  SmtpSinkOptions options;
  options.hard_reject = "RCPT";
  options.hard_reply = "550 5.1.1 <customer@example.test>: Recipient unknown";
  auto sink = StartSink(options);
  ASSERT_NE(sink, nullptr);
  CurlSmtpSender sender(Plain(*sink), kClock);
  const auto sent = sender.Send(Acknowledgement());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, core::ErrorCode::kInvalid);
  EXPECT_NE(sent.error().message.find("550 5.1.1 <customer@example.test>: Recipient unknown"),
            std::string::npos)
      << sent.error().message;
  EXPECT_NE(sent.error().message.find("(rcpt)"), std::string::npos) << sent.error().message;
  EXPECT_TRUE(sink->Received().empty());
}

TEST(CurlSmtpSender, AMessageRefusedAtItsEndIsInvalid) {
  SmtpSinkOptions options;
  options.hard_reject = ".";
  options.hard_reply = "554 5.7.1 Message rejected as spam";
  auto sink = StartSink(options);
  ASSERT_NE(sink, nullptr);
  CurlSmtpSender sender(Plain(*sink), kClock);
  const auto sent = sender.Send(Acknowledgement());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, core::ErrorCode::kInvalid);
  EXPECT_NE(sent.error().message.find("554 5.7.1 Message rejected as spam"), std::string::npos)
      << sent.error().message;
}

TEST(CurlSmtpSender, ATemporaryRefusalIsUnavailable) {
  SmtpSinkOptions options;
  options.soft_reject = "MAIL";
  options.soft_reply = "451 4.3.2 Try again later";
  auto sink = StartSink(options);
  ASSERT_NE(sink, nullptr);
  CurlSmtpSender sender(Plain(*sink), kClock);
  const auto sent = sender.Send(Acknowledgement());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, core::ErrorCode::kUnavailable);
  EXPECT_NE(sent.error().message.find("451 4.3.2 Try again later"), std::string::npos)
      << sent.error().message;
}

TEST(CurlSmtpSender, AServerThatHangsUpMidMessageIsUnavailableAndTheNextSendReconnects) {
  SmtpSinkOptions options;
  options.disconnect = "DATA";
  auto sink = StartSink(options);
  ASSERT_NE(sink, nullptr);
  CurlSmtpSender sender(Plain(*sink), kClock);
  for (int i = 0; i < 2; ++i) {  // the second attempt opens a new connection, and fails the same
    const auto sent = sender.Send(Acknowledgement());
    ASSERT_FALSE(sent);
    EXPECT_EQ(sent.error().code, core::ErrorCode::kUnavailable) << sent.error().message;
  }
}

// smtp-sink offers no STARTTLS, so a sender that requires TLS must stop before MAIL FROM.
TEST(CurlSmtpSender, RequiredStartTlsThatTheServerDoesNotOfferIsUnavailableAndSendsNothing) {
  auto sink = StartSink();
  ASSERT_NE(sink, nullptr);
  auto settings = Plain(*sink);
  settings.tls = SmtpSettings::Tls::kStartTlsRequired;
  CurlSmtpSender sender(settings, kClock);
  const auto sent = sender.Send(Acknowledgement());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, core::ErrorCode::kUnavailable);
  EXPECT_NE(sent.error().message.find("does not offer STARTTLS"), std::string::npos)
      << sent.error().message;
  EXPECT_TRUE(sink->Received().empty());
}

TEST(CurlSmtpSender, StartTlsIfOfferedFallsBackToPlainWhenNotOffered) {
  auto sink = StartSink();
  ASSERT_NE(sink, nullptr);
  auto settings = Plain(*sink);
  settings.tls = SmtpSettings::Tls::kStartTlsIfOffered;
  CurlSmtpSender sender(settings, kClock);
  ASSERT_TRUE(sender.Send(Acknowledgement()));
  EXPECT_TRUE(sink->WaitFor(1, 5s));
}

TEST(CurlSmtpSender, RefusedCredentialsAreUnavailableAndTheErrorNeverShowsThePassword) {
  SmtpSinkOptions options;
  options.hard_reject = "AUTH";
  options.hard_reply = "535 5.7.8 Authentication failed";
  auto sink = StartSink(options);
  ASSERT_NE(sink, nullptr);
  auto settings = Plain(*sink);
  settings.username = "caredesk@example.test";
  settings.password = kPassword;
  settings.url =
      "smtp://caredesk:" + std::string(kPassword) + "@127.0.0.1:" + std::to_string(sink->Port());
  CurlSmtpSender sender(settings, kClock);
  const auto sent = sender.Send(Acknowledgement());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, core::ErrorCode::kUnavailable);
  EXPECT_NE(sent.error().message.find("refused the username or password"), std::string::npos)
      << sent.error().message;
  EXPECT_EQ(sent.error().message.find(kPassword), std::string::npos) << sent.error().message;
  EXPECT_TRUE(sink->Received().empty());
}

TEST(CurlSmtpSender, TheEnvelopeSenderCanDifferFromTheFromAddress) {
  auto sink = StartSink();
  ASSERT_NE(sink, nullptr);
  auto settings = Plain(*sink);
  settings.envelope_from = "bounces@care.example.test";
  CurlSmtpSender sender(settings, kClock);
  ASSERT_TRUE(sender.Send(Acknowledgement()));
  ASSERT_TRUE(sink->WaitFor(1, 5s));
  EXPECT_EQ(sink->Received().front().mail_from, "bounces@care.example.test");
  EXPECT_EQ(DecodeWords(HeaderValue(sink->Received().front().data, "From")),
            "Atención al Cliente <care@example.test>");
}

TEST(CurlSmtpSender, AMessageThatCannotBeComposedIsInvalidAndNeverReachesTheServer) {
  auto sink = StartSink();
  ASSERT_NE(sink, nullptr);
  CurlSmtpSender sender(Plain(*sink), kClock);
  auto mail = Acknowledgement();
  mail.to = {"customer@example.test>\r\nRCPT TO:<victim@example.test"};
  const auto sent = sender.Send(mail);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, core::ErrorCode::kInvalid);
  EXPECT_EQ(sent.error().field, "to");
  ASSERT_TRUE(sender.Send(Acknowledgement()));  // the sender is still usable
  ASSERT_TRUE(sink->WaitFor(1, 5s));
  EXPECT_EQ(sink->Received().size(), 1u);
}

}  // namespace
}  // namespace caredesk::mail
