// CurlImapMailbox against a real Dovecot on loopback (tests/support/mail_servers.h): messages
// are delivered with dovecot-lda, then read over IMAP, IMAP with STARTTLS, and IMAPS.
#include <gtest/gtest.h>

#include "mail/curl_imap_mailbox.h"
#include "mail_child.h"
#include "mail_servers.h"
#include "mail_text.h"

namespace caredesk::mail {
namespace {

using caredesk::testing::DovecotServer;
using namespace std::chrono_literals;

constexpr char kUser[] = "caredesk@example.test";

std::string Complaint(int n, const std::string& body = "") {
  return "From: Cliente <customer@example.test>\n"
         "To: caredesk@example.test\n"
         "Subject: Queja " +
         std::to_string(n) +
         "\n"
         "Message-ID: <q" +
         std::to_string(n) +
         "@customer.example.test>\n"
         "\n" +
         (body.empty() ? "El contenedor lleva una semana sin vaciarse.\n" : body);
}

class CurlImapMailboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    dovecot_ = DovecotServer::Start(DovecotServer::DefaultUsers(), error);
    ASSERT_NE(dovecot_, nullptr) << error;
  }

  ImapSettings Settings(const std::string& url) const {
    ImapSettings settings;
    settings.url = url;
    settings.username = kUser;
    settings.password = DovecotServer::DefaultUsers().front().password;
    settings.tls = ImapSettings::Tls::kNone;
    settings.verify_peer = false;
    settings.timeout = 10s;
    return settings;
  }

  void Deliver(const std::string& raw) {
    std::string error;
    ASSERT_TRUE(dovecot_->Deliver(kUser, raw, error)) << error;
  }

  std::unique_ptr<DovecotServer> dovecot_;
};

using Uids = std::vector<std::uint32_t>;

TEST_F(CurlImapMailboxTest, ListsUnseenMessagesFetchesThemWithoutMarkingAndMarksThemSeen) {
  for (int n = 1; n <= 3; ++n) Deliver(Complaint(n));
  CurlImapMailbox mailbox(Settings(dovecot_->ImapUrl()));

  auto unseen = mailbox.UnseenUids();
  ASSERT_TRUE(unseen) << unseen.error().message;
  EXPECT_EQ(*unseen, (Uids{1, 2, 3}));

  auto fetched = mailbox.Fetch(2);
  ASSERT_TRUE(fetched) << fetched.error().message;
  // The stored message, with the CRLF line ends IMAP uses.
  EXPECT_EQ(*fetched, testing::ToCrlf(dovecot_->Messages(kUser).at(1)));
  EXPECT_EQ(testing::HeaderValue(*fetched, "Subject"), "Queja 2");
  EXPECT_EQ(mailbox.UnseenUids().value(), (Uids{1, 2, 3})) << "Fetch must not set \\Seen";

  ASSERT_TRUE(mailbox.MarkSeen(1));
  ASSERT_TRUE(mailbox.MarkSeen(3));
  EXPECT_EQ(mailbox.UnseenUids().value(), (Uids{2}));
  // A second client sees the same flags: they are stored, not a session's view.
  CurlImapMailbox other(Settings(dovecot_->ImapUrl()));
  EXPECT_EQ(other.UnseenUids().value(), (Uids{2}));
}

TEST_F(CurlImapMailboxTest, ListsSizesFetchesManyInOneCommandAndMarksManySeen) {
  for (int n = 1; n <= 5; ++n) Deliver(Complaint(n, std::string(std::size_t(n) * 100, 'x') + "\n"));
  CurlImapMailbox mailbox(Settings(dovecot_->ImapUrl()));
  const auto stored = dovecot_->Messages(kUser);

  auto unseen = mailbox.Unseen();
  ASSERT_TRUE(unseen) << unseen.error().message;
  ASSERT_EQ(unseen->size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(unseen->at(i).uid, i + 1);
    EXPECT_EQ(unseen->at(i).size, testing::ToCrlf(stored.at(i)).size()) << "RFC822.SIZE of " << i;
  }

  const std::vector<std::uint32_t> wanted{4, 2, 3, 9};  // 9 is not in the mailbox
  auto fetched = mailbox.FetchMany(wanted);
  ASSERT_TRUE(fetched) << fetched.error().message;
  ASSERT_EQ(fetched->size(), 3u);
  for (const auto& [uid, raw] : *fetched) {
    EXPECT_EQ(raw, testing::ToCrlf(stored.at(uid - 1))) << "UID " << uid;
  }
  EXPECT_EQ(mailbox.UnseenUids().value(), (Uids{1, 2, 3, 4, 5})) << "FetchMany must not set \\Seen";

  const std::vector<std::uint32_t> seen{2, 3, 5};
  ASSERT_TRUE(mailbox.MarkSeen(seen));
  EXPECT_EQ(mailbox.UnseenUids().value(), (Uids{1, 4}));
  EXPECT_EQ(mailbox.Unseen().value(),
            (std::vector<MailboxMessage>{{1, unseen->at(0).size}, {4, unseen->at(3).size}}));
  EXPECT_TRUE(mailbox.MarkSeen(std::vector<std::uint32_t>{})) << "nothing to mark is no command";
  EXPECT_EQ(mailbox.FetchMany(std::vector<std::uint32_t>{0}).error().code,
            core::ErrorCode::kInvalid);
}

TEST_F(CurlImapMailboxTest,
       AnEmptyMailboxHasNoUnseenMessagesAndMailArrivingLaterIsSeenOnTheSameConnection) {
  CurlImapMailbox mailbox(Settings(dovecot_->ImapUrl()));
  EXPECT_EQ(mailbox.UnseenUids().value(), Uids{});
  Deliver(Complaint(1));
  EXPECT_EQ(mailbox.UnseenUids().value(), (Uids{1}));
}

TEST_F(CurlImapMailboxTest, ReadsOverImapsWithoutVerifyingTheTestCertificate) {
  Deliver(Complaint(1));
  CurlImapMailbox mailbox(Settings(dovecot_->ImapsUrl()));
  EXPECT_EQ(mailbox.UnseenUids().value(), (Uids{1}));
  auto fetched = mailbox.Fetch(1);
  ASSERT_TRUE(fetched) << fetched.error().message;
  EXPECT_EQ(testing::HeaderValue(*fetched, "Message-ID"), "<q1@customer.example.test>");
}

TEST_F(CurlImapMailboxTest, RefusesTheSelfSignedCertificateWhenVerifying) {
  auto settings = Settings(dovecot_->ImapsUrl());
  settings.verify_peer = true;
  CurlImapMailbox mailbox(settings);
  const auto unseen = mailbox.UnseenUids();
  ASSERT_FALSE(unseen);
  EXPECT_EQ(unseen.error().code, core::ErrorCode::kUnavailable);
  EXPECT_NE(unseen.error().message.find(dovecot_->ImapsUrl()), std::string::npos)
      << unseen.error().message;
}

TEST_F(CurlImapMailboxTest, UpgradesThePlainPortWithStartTlsWhenRequired) {
  Deliver(Complaint(1));
  auto settings = Settings(dovecot_->ImapUrl());
  settings.tls = ImapSettings::Tls::kStartTlsRequired;
  CurlImapMailbox mailbox(settings);
  EXPECT_EQ(mailbox.UnseenUids().value(), (Uids{1}));
}

TEST_F(CurlImapMailboxTest, AWrongPasswordIsUnavailableAndTheMessageNeverShowsIt) {
  auto settings = Settings(dovecot_->ImapUrl());
  settings.password = "wrong-Passw0rd-xyz";
  CurlImapMailbox mailbox(settings);
  const auto unseen = mailbox.UnseenUids();
  ASSERT_FALSE(unseen);
  EXPECT_EQ(unseen.error().code, core::ErrorCode::kUnavailable);
  EXPECT_NE(unseen.error().message.find("refused the username or password"), std::string::npos)
      << unseen.error().message;
  EXPECT_EQ(unseen.error().message.find("wrong-Passw0rd-xyz"), std::string::npos);
}

TEST_F(CurlImapMailboxTest, NobodyListeningIsUnavailable) {
  const int port = caredesk::testing::mail_child::FreePort();
  CurlImapMailbox mailbox(Settings("imap://127.0.0.1:" + std::to_string(port) + "/INBOX"));
  const auto unseen = mailbox.UnseenUids();
  ASSERT_FALSE(unseen);
  EXPECT_EQ(unseen.error().code, core::ErrorCode::kUnavailable);
}

TEST_F(CurlImapMailboxTest, AMailboxThatDoesNotExistIsUnavailable) {
  CurlImapMailbox mailbox(Settings(dovecot_->ImapUrl("Complaints")));
  const auto unseen = mailbox.UnseenUids();
  ASSERT_FALSE(unseen);
  EXPECT_EQ(unseen.error().code, core::ErrorCode::kUnavailable);
  EXPECT_NE(unseen.error().message.find("would not open the mailbox"), std::string::npos)
      << unseen.error().message;
}

TEST_F(CurlImapMailboxTest, AUidNotInTheMailboxIsNotFound) {
  Deliver(Complaint(1));
  CurlImapMailbox mailbox(Settings(dovecot_->ImapUrl()));
  const auto fetched = mailbox.Fetch(7);
  ASSERT_FALSE(fetched);
  EXPECT_EQ(fetched.error().code, core::ErrorCode::kNotFound);
  EXPECT_TRUE(mailbox.Fetch(1));
}

TEST_F(CurlImapMailboxTest, AMessageOverTheSizeLimitIsInvalidUnreadAndTheNextFetchStillWorks) {
  Deliver(Complaint(1, std::string(20000, 'x') + "\n"));
  Deliver(Complaint(2));
  auto settings = Settings(dovecot_->ImapUrl());
  settings.max_message_bytes = 4096;
  CurlImapMailbox mailbox(settings);
  const auto big = mailbox.Fetch(1);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, core::ErrorCode::kInvalid);
  EXPECT_NE(big.error().message.find("over the limit"), std::string::npos) << big.error().message;
  auto small = mailbox.Fetch(2);
  ASSERT_TRUE(small) << small.error().message;
  EXPECT_EQ(testing::HeaderValue(*small, "Subject"), "Queja 2");
}

// The body is a literal: lines in it that look like IMAP replies (even with our next tag) are
// data, not protocol.
TEST_F(CurlImapMailboxTest, BodyLinesThatLookLikeImapRepliesComeBackAsData) {
  const std::string body =
      "cd3 OK Fetch completed.\n"
      "* 1 FETCH (UID 9 BODY[] {5}\n"
      "{12}\n"
      ")\n"
      "cd4 BAD nothing\n";
  Deliver(Complaint(1, body));
  Deliver(Complaint(2));
  CurlImapMailbox mailbox(Settings(dovecot_->ImapUrl()));
  // SELECT is cd1, NOOP cd2, UID SEARCH cd3: the fetch is cd4, the tag in the body.
  EXPECT_EQ(mailbox.UnseenUids().value(), (Uids{1, 2}));
  auto fetched = mailbox.Fetch(1);
  ASSERT_TRUE(fetched) << fetched.error().message;
  EXPECT_EQ(*fetched, testing::ToCrlf(Complaint(1, body)));
  auto next = mailbox.Fetch(2);
  ASSERT_TRUE(next) << next.error().message;
  EXPECT_EQ(testing::HeaderValue(*next, "Subject"), "Queja 2");
}

TEST_F(CurlImapMailboxTest, AConnectionTheServerClosedIsReopenedOnTheNextCall) {
  Deliver(Complaint(1));
  CurlImapMailbox mailbox(Settings(dovecot_->ImapUrl()));
  ASSERT_EQ(mailbox.UnseenUids().value(), (Uids{1}));
  std::string error;
  ASSERT_TRUE(dovecot_->Kick(kUser, error)) << error;
  auto unseen = mailbox.UnseenUids();
  ASSERT_TRUE(unseen) << unseen.error().message;
  EXPECT_EQ(*unseen, (Uids{1}));
}

}  // namespace
}  // namespace caredesk::mail
