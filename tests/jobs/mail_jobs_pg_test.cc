// Each acknowledgement is sent exactly once by two `caredesk serve` processes on one real
// PostgreSQL, both running the jobs against Postfix's smtp-sink on loopback: the timers are
// claimed with FOR UPDATE SKIP LOCKED and fired by the write that marks them fired, the outbox
// is claimed the same way. Label `mail`.
#ifdef CAREDESK_HAVE_POSTGRES_STORE

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "app/store_url.h"
#include "app/system_clock.h"
#include "core/case_service.h"
#include "mail_child.h"
#include "mail_servers.h"
#include "pg_server.h"
#include "serve_jobs.h"
#include "serve_process.h"

namespace caredesk::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

using mail_child::Slurp;

TEST(MailJobsAcrossProcesses, TwoProcessesSendEachAcknowledgementExactlyOnce) {
  std::string why;
  PgServer* pg = PgServer::Shared(why);
  ASSERT_NE(pg, nullptr) << "cannot start PostgreSQL: " << why;
  std::unique_ptr<SmtpSink> sink = SmtpSink::Start(why);
  ASSERT_TRUE(sink) << why;
  const std::string url = pg->CreateDatabase("mail_jobs_two_processes");
  const fs::path dir =
      fs::temp_directory_path() / ("caredesk-mail-pg-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string policy = std::string(CAREDESK_SOURCE_DIR) + "/policies/default.toml";
  const std::vector<std::string> mail = {"--smtp-url", sink->Url(),   "--smtp-tls",
                                         "none",       "--mail-from", "care@example.test"};
  auto args = [&](std::vector<std::string> more) {
    more.insert(more.end(), mail.begin(), mail.end());
    return more;
  };
  ServeProcess a(args({"--db", url, "--listen", "127.0.0.1:0", "--policy", policy}),
                 (dir / "a.err").string());
  ASSERT_NE(a.WaitForPort(), 0) << Slurp(dir / "a.err");
  ServeProcess b(args({"--db", url, "--listen", "127.0.0.1:0"}), (dir / "b.err").string());
  ASSERT_NE(b.WaitForPort(), 0) << Slurp(dir / "b.err");

  // Contacts arrive while both processes run their jobs.
  constexpr int kCases = 60;
  app::SystemClock clock;
  auto store = app::OpenStore(url, clock);
  ASSERT_TRUE(store) << store.error().message;
  core::CaseService cases(**store, clock);
  const std::vector<std::string> references = LogWebComplaints(cases, 0, kCases);
  ASSERT_TRUE(sink->WaitFor(kCases, 60s)) << "A:\n"
                                          << Slurp(dir / "a.err") << "\nB:\n"
                                          << Slurp(dir / "b.err");
  std::this_thread::sleep_for(3s);  // time for a second copy to arrive, if one were sent
  ExpectEachAcknowledgedOnce(*sink, cases, references);
  const std::string logs = Slurp(dir / "a.err") + Slurp(dir / "b.err");
  EXPECT_EQ(logs.find("jobs: error"), std::string::npos) << logs;
}

}  // namespace
}  // namespace caredesk::testing

#endif  // CAREDESK_HAVE_POSTGRES_STORE
