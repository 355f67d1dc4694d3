// A crash between commit and send neither loses nor doubles a message, and timers missed while
// caredesk was down fire when it starts, once. Real processes on one SQLite file: `caredesk
// serve` A runs the jobs with no SMTP server, so acknowledgements are committed to the outbox and
// wait; A is killed (SIGKILL); more contacts arrive while nothing runs; B starts with Postfix's
// smtp-sink and sends every acknowledgement; B is killed and C starts: nothing is sent again.
// Label `mail`.
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <thread>

#include "app/store_url.h"
#include "app/system_clock.h"
#include "mail_child.h"
#include "serve_jobs.h"
#include "serve_process.h"

namespace caredesk::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using mail_child::Slurp;

TEST(ServeRestart, ACrashBetweenCommitAndSendNeitherLosesNorDoublesAMessage) {
  std::string why;
  std::unique_ptr<SmtpSink> sink = SmtpSink::Start(why);
  ASSERT_TRUE(sink) << why;
  const fs::path dir =
      fs::temp_directory_path() / ("caredesk-serve-restart-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "caredesk.db").string();
  const std::string policy = std::string(CAREDESK_SOURCE_DIR) + "/policies/default.toml";
  const std::vector<std::string> sending = {"--smtp-url", sink->Url(), "--smtp-tls", "none"};
  auto serve = [&](const std::string& name, bool smtp) {
    std::vector<std::string> args = {"--db",     db,     "--listen",    "127.0.0.1:0",
                                     "--policy", policy, "--mail-from", "care@example.test"};
    if (smtp) args.insert(args.end(), sending.begin(), sending.end());
    auto process = std::make_unique<ServeProcess>(args, (dir / (name + ".err")).string());
    EXPECT_NE(process->WaitForPort(), 0) << Slurp(dir / (name + ".err"));
    return process;
  };

  auto a = serve("a", false);
  app::SystemClock clock;
  auto store = app::OpenStore(db, clock);
  ASSERT_TRUE(store) << store.error().message;
  core::CaseService cases(**store, clock);
  std::vector<std::string> references = LogWebComplaints(cases, 0, 20);
  // A acknowledges them: each acknowledgement is committed to the outbox with its event, and
  // waits there, since A has nowhere to send it.
  std::size_t pending = 0;
  for (int tries = 0; tries < 200 && pending < 20; ++tries) {
    auto page = (*store)->Outbox({{}, {}, {}, "", 500});
    ASSERT_TRUE(page) << page.error().message;
    pending = page->rows.size();
    if (pending < 20) std::this_thread::sleep_for(50ms);
  }
  ASSERT_EQ(pending, 20u) << Slurp(dir / "a.err");
  a->Signal(SIGKILL);
  a->Wait();

  // While nothing runs, more contacts arrive: their acknowledgement timers fall due unfired.
  const auto later = LogWebComplaints(cases, 20, 10);
  references.insert(references.end(), later.begin(), later.end());

  auto b = serve("b", true);
  ASSERT_TRUE(sink->WaitFor(references.size(), 60s)) << Slurp(dir / "b.err");
  std::this_thread::sleep_for(2s);  // time for a second copy, if one were sent
  b->Signal(SIGKILL);
  b->Wait();
  auto c = serve("c", true);
  std::this_thread::sleep_for(3s);  // C's jobs run every second: nothing is left to send
  ExpectEachAcknowledgedOnce(*sink, cases, references);
  const std::string logs = Slurp(dir / "a.err") + Slurp(dir / "b.err") + Slurp(dir / "c.err");
  EXPECT_EQ(logs.find("jobs: error"), std::string::npos) << logs;
  c.reset();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace caredesk::testing
