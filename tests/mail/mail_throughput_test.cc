// A throughput check to run by hand, not a timed unit test (it is DISABLED_, so ctest skips
// it): 1000 messages through one CurlSmtpSender to smtp-sink, and 1000 fetches through one
// CurlImapMailbox from Dovecot, all on loopback. Targets: ≥ 200 sends/s, ≥ 500 fetches/s.
//
//   build/tests/mail_tests --gtest_also_run_disabled_tests --gtest_filter='MailThroughput.*'
#include <gtest/gtest.h>

#include <iostream>

#include "mail/curl_imap_mailbox.h"
#include "mail/curl_smtp_sender.h"
#include "mail/mail_composer.h"
#include "mail_servers.h"

namespace caredesk::mail {
namespace {

using caredesk::testing::DovecotServer;
using caredesk::testing::SmtpSink;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr int kMessages = 1000;

// A reply of a realistic size: ~3 KB of text, the same as HTML.
core::OutgoingMail Reply(int n) {
  core::OutgoingMail mail;
  mail.message_id = "reply." + std::to_string(n) + "@care.example.test";
  mail.from_address = "caredesk@example.test";
  mail.from_name = "Atención al Cliente";
  mail.to = {"customer@example.test"};
  mail.subject = "Respuesta a su reclamación CD-2026-" + std::to_string(100000 + n);
  for (int i = 0; i < 20; ++i) {
    mail.text += "Hemos revisado su caso con detalle y le explicamos lo que hemos hecho. ";
    mail.text += "Línea " + std::to_string(i) + ".\n";
  }
  mail.html = "<p>" + mail.text + "</p>";
  mail.in_reply_to = "q" + std::to_string(n) + "@customer.example.test";
  return mail;
}

double PerSecond(int count, Clock::duration took) {
  return count / std::chrono::duration<double>(took).count();
}

TEST(MailThroughput, DISABLED_SendsAThousandMessagesOverOneConnection) {
  std::string error;
  auto sink = SmtpSink::Start(error);
  ASSERT_NE(sink, nullptr) << error;
  const core::FixedClock clock{core::Instant{std::chrono::seconds(1795389664)}};
  SmtpSettings settings;
  settings.url = sink->Url();
  settings.tls = SmtpSettings::Tls::kNone;
  CurlSmtpSender sender(settings, clock);
  const auto start = Clock::now();
  for (int n = 0; n < kMessages; ++n) {
    const auto sent = sender.Send(Reply(n));
    ASSERT_TRUE(sent) << n << ": " << sent.error().message;
  }
  const auto took = Clock::now() - start;
  ASSERT_TRUE(sink->WaitFor(kMessages, 10s));
  std::cout << kMessages << " sends in " << std::chrono::duration<double>(took).count()
            << " s: " << PerSecond(kMessages, took) << " messages/s (composing included)\n";
}

TEST(MailThroughput, DISABLED_FetchesAThousandMessagesOverOneConnection) {
  std::string error;
  auto dovecot = DovecotServer::Start(DovecotServer::DefaultUsers(), error);
  ASSERT_NE(dovecot, nullptr) << error;
  // 20 stored messages, fetched round-robin: a fetch costs the same whatever the mailbox holds.
  constexpr int kStored = 20;
  const core::Instant date{std::chrono::seconds(1795389664)};
  for (int n = 0; n < kStored; ++n) {
    ASSERT_TRUE(
        dovecot->Deliver("caredesk@example.test", ComposeMail(Reply(n), date).value(), error))
        << error;
  }
  ImapSettings settings;
  settings.url = dovecot->ImapUrl();
  settings.username = "caredesk@example.test";
  settings.password = DovecotServer::DefaultUsers().front().password;
  settings.tls = ImapSettings::Tls::kNone;
  CurlImapMailbox mailbox(settings);
  ASSERT_EQ(mailbox.UnseenUids().value().size(), std::size_t{kStored});
  std::size_t bytes = 0;
  const auto start = Clock::now();
  for (int n = 0; n < kMessages; ++n) {
    const auto fetched = mailbox.Fetch(static_cast<std::uint32_t>(n % kStored + 1));
    ASSERT_TRUE(fetched) << n << ": " << fetched.error().message;
    bytes += fetched->size();
  }
  const auto took = Clock::now() - start;
  std::cout << kMessages << " fetches (" << bytes / kMessages << " bytes each) in "
            << std::chrono::duration<double>(took).count() << " s: " << PerSecond(kMessages, took)
            << " messages/s\n";

  const auto poll_start = Clock::now();
  for (int n = 0; n < 100; ++n) ASSERT_TRUE(mailbox.UnseenUids());
  std::cout << "100 polls (NOOP + UID SEARCH UNSEEN): " << PerSecond(100, Clock::now() - poll_start)
            << " polls/s\n";
}

}  // namespace
}  // namespace caredesk::mail
