// A real SQLite store with the shipped default policy, the case service, and the jobs over them,
// on a simulated clock (Monday 23 November 2026, 10:00 UTC).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/case_service.h"
#include "jobs/correspondent.h"
#include "jobs/scheduler.h"
#include "mail/curl_imap_mailbox.h"
#include "mail_servers.h"
#include "store_fixture.h"

namespace caredesk::testing {

class JobsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = MakeSqliteEngine();
    auto store = engine_->OpenFresh(clock_);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    std::ifstream in(std::string(CAREDESK_SOURCE_DIR) + "/policies/default.toml");
    std::stringstream text;
    text << in.rdbuf();
    auto policy = core::ParsePolicy(text.str());
    ASSERT_TRUE(policy);
    ASSERT_TRUE(store_->InstallPolicy(policy->version, text.str(), clock_.Now()));
    cases_ = std::make_unique<core::CaseService>(*store_, clock_);
    correspondent_ = std::make_unique<jobs::Correspondent>(
        *store_, jobs::MailIdentity{"care@example.org", "Example care", "example.org"},
        jobs::PublicSite{"https://care.example.org"},
        [this] { return "m" + std::to_string(++ids_); });
    scheduler_ = std::make_unique<jobs::Scheduler>(*store_, *cases_, clock_, *correspondent_);
  }

  core::CustomerRecord Customer(const std::string& email, const std::string& language = "en") {
    core::CustomerRecord customer;
    customer.name = "Sam Jones";
    customer.email = email;
    customer.language = language;
    return customer;
  }

  core::CaseView Log(core::Kind kind, core::Channel channel,
                     std::optional<core::CustomerRecord> customer) {
    core::NewContact contact;
    contact.kind = kind;
    contact.channel = channel;
    contact.subject = "Certificate never arrived";
    contact.body = "I passed in October and still have no certificate.";
    contact.customer = std::move(customer);
    auto logged = cases_->Log(contact);
    EXPECT_TRUE(logged) << logged.error().message;
    return logged ? logged->view : core::CaseView{};
  }

  std::vector<core::OutboxMessage> Outbox() {
    auto page = store_->Outbox({{}, {}, {}, "", 500});
    EXPECT_TRUE(page) << page.error().message;
    auto rows = page ? page->rows : std::vector<core::OutboxMessage>{};
    std::reverse(rows.begin(), rows.end());  // oldest first
    return rows;
  }

  int RunDue() {
    auto fired = scheduler_->RunDue();
    EXPECT_TRUE(fired) << fired.error().message;
    return fired.value_or(-1);
  }

  core::FixedClock clock_{*core::ParseInstant("2026-11-23T10:00:00Z")};
  std::unique_ptr<StoreEngine> engine_;
  std::unique_ptr<core::Store> store_;
  std::unique_ptr<core::CaseService> cases_;
  std::unique_ptr<jobs::Correspondent> correspondent_;
  std::unique_ptr<jobs::Scheduler> scheduler_;
  int ids_ = 0;
};

// JobsTest with a test Dovecot (tests/support/mail_servers.h) started for it, and the settings
// of caredesk's mailbox there: plain IMAP on loopback.
class MailboxJobsTest : public JobsTest {
 protected:
  void SetUp() override {
    JobsTest::SetUp();
    if (HasFatalFailure()) return;
    std::string error;
    dovecot_ = DovecotServer::Start(DovecotServer::DefaultUsers(), error);
    ASSERT_TRUE(dovecot_) << error;
  }

  mail::ImapSettings CaredeskImap() const {
    mail::ImapSettings imap;
    imap.url = dovecot_->ImapUrl();
    imap.username = "caredesk@example.test";
    imap.password = DovecotServer::DefaultUsers().front().password;
    imap.tls = mail::ImapSettings::Tls::kNone;
    return imap;
  }

  std::unique_ptr<DovecotServer> dovecot_;
};

}  // namespace caredesk::testing
