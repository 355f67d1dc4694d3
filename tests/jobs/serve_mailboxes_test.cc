// A `caredesk serve` process reads every mailbox it is given: the first from imap_url, another
// account's from a [[mailbox]] table of its config file, both on a real Dovecot on loopback, into
// an SQLite store. Each email opens a case, and the start-up log names both mailboxes (without
// their passwords). Label `mail`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "app/store_url.h"
#include "app/system_clock.h"
#include "mail_child.h"
#include "mail_servers.h"
#include "serve_process.h"

namespace caredesk::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

using mail_child::Slurp;

std::string Email(const std::string& from, const std::string& to, const std::string& id) {
  return "From: <" + from + ">\nTo: " + to + "\nSubject: My bin was not emptied\nMessage-ID: <" +
         id + ">\n\nThree weeks now.\n";
}

TEST(ServeMailboxes, ReadsTheImapUrlMailboxAndEveryMailboxTable) {
  std::string error;
  auto dovecot = DovecotServer::Start(DovecotServer::DefaultUsers(), error);
  ASSERT_TRUE(dovecot) << error;
  const fs::path dir =
      fs::temp_directory_path() / ("caredesk-serve-mailboxes-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string password = DovecotServer::DefaultUsers().front().password;
  std::ofstream(dir / "first.secret") << password << "\n";
  std::ofstream(dir / "second.secret") << password << "\n";
  std::ofstream(dir / "caredesk.toml")
      << "imap_url = \"" << dovecot->ImapUrl() << "\"\nimap_user = \"caredesk@example.test\"\n"
      << "imap_password_file = \"" << (dir / "first.secret").string() << "\"\n"
      << "imap_tls = \"none\"\nimap_poll = 1\n"
      << "[[mailbox]]\nurl = \"" << dovecot->ImapUrl() << "\"\nuser = \"customer@example.test\"\n"
      << "password_file = \"" << (dir / "second.secret").string() << "\"\ntls = \"none\"\n";
  ASSERT_TRUE(dovecot->Deliver("caredesk@example.test",
                               Email("ana@example.es", "caredesk@example.test", "one@example.es"),
                               error))
      << error;
  ASSERT_TRUE(dovecot->Deliver("customer@example.test",
                               Email("ben@example.es", "customer@example.test", "two@example.es"),
                               error))
      << error;

  const std::string db = (dir / "caredesk.db").string();
  const std::string policy = std::string(CAREDESK_SOURCE_DIR) + "/policies/default.toml";
  ServeProcess serve({"--db", db, "--listen", "127.0.0.1:0", "--policy", policy, "--config",
                      (dir / "caredesk.toml").string()},
                     (dir / "serve.err").string());
  ASSERT_NE(serve.WaitForPort(), 0) << Slurp(dir / "serve.err");

  app::SystemClock clock;
  auto store = app::OpenStore(db, clock);
  ASSERT_TRUE(store) << store.error().message;
  bool both = false;
  for (int tries = 0; tries < 100 && !both; ++tries) {
    auto one = (*store)->CaseOfMessageId("one@example.es");
    auto two = (*store)->CaseOfMessageId("two@example.es");
    both = one && *one && two && *two;
    if (!both) std::this_thread::sleep_for(100ms);
  }
  const std::string log = Slurp(dir / "serve.err");
  EXPECT_TRUE(both) << "each mailbox's email opens a case\n" << log;
  const std::string reading = "reading " + dovecot->ImapUrl();
  const auto first = log.find(reading);
  ASSERT_NE(first, std::string::npos) << log;
  EXPECT_NE(log.find(reading, first + 1), std::string::npos) << "both mailboxes named\n" << log;
  EXPECT_EQ(log.find(password), std::string::npos) << "no password in the log";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace caredesk::testing
