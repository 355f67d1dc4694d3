// Durability under a crash: a child process appends events as fast as it can from several
// threads and reports each one the store acknowledged; it is killed with SIGKILL at a random
// moment. On reopening, every acknowledged event is there and the hash chains hold.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include "core/case_event.h"
#include "store_fixture.h"

namespace caredesk::testing {
namespace {

using core::Instant;

const Instant kReceived{std::chrono::seconds{1790000000}};

core::NewCase CrashCase(int n) {
  core::NewCase new_case;
  new_case.record.kind = core::Kind::kComplaint;
  new_case.record.channel = core::Channel::kPhone;
  new_case.record.subject = "crash case " + std::to_string(n);
  new_case.record.policy_version = "crash";
  new_case.record.received_at = kReceived;
  new_case.record.logged_at = kReceived;
  new_case.record.updated_at = kReceived;
  core::event::Received payload;
  payload.subject = new_case.record.subject;
  new_case.received = core::CaseEvent{kReceived, {"1", "Crash", "C"}, payload};
  return new_case;
}

// The child: never returns. Writes "reference seq" lines to `report` after each acknowledged
// write (the case's first event is seq 1).
[[noreturn]] void AppendUntilKilled(StoreEngine& engine, int report) {
  core::FixedClock clock(kReceived);
  auto store = engine.Reopen(clock);
  if (!store) _exit(3);
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      auto record = (*store)->CreateCase(CrashCase(w));
      if (!record) _exit(4);
      std::int64_t count = 1;
      std::string line = record->reference + " 1\n";
      (void)!write(report, line.data(), line.size());
      for (int i = 0;; ++i) {
        core::CaseEvent note{
            kReceived, {"1", "Crash", "C"}, core::event::Note{"note " + std::to_string(i)}};
        auto stored = (*store)->AppendEvent(record->id, count, note, *record);
        if (!stored) _exit(5);
        ++count;
        line = record->reference + " " + std::to_string(stored->seq) + "\n";
        (void)!write(report, line.data(), line.size());
      }
    });
  }
  for (auto& t : writers) t.join();
  _exit(0);
}

class CrashRecovery : public ::testing::TestWithParam<std::string> {};

TEST_P(CrashRecovery, EveryAcknowledgedEventSurvivesSigkill) {
  std::string why;
  auto engine = MakeEngine(GetParam(), why);
  ASSERT_TRUE(engine) << why;
  core::FixedClock clock(kReceived);
  {
    auto store = engine->OpenFresh(clock);
    ASSERT_TRUE(store) << store.error().message;
    ASSERT_TRUE((*store)->InstallPolicy("crash", "# crash", kReceived));
  }
  std::mt19937 random(std::random_device{}());
  for (int round = 0; round < 3; ++round) {
    int pipe_fds[2];
    ASSERT_EQ(pipe(pipe_fds), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(pipe_fds[0]);
      AppendUntilKilled(*engine, pipe_fds[1]);
    }
    close(pipe_fds[1]);
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<int>(300, 1200)(random)));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped by itself, status " << status;
    std::string reported;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = read(pipe_fds[0], buffer, sizeof buffer)) > 0) reported.append(buffer, n);
    close(pipe_fds[0]);
    std::map<std::string, std::int64_t> acknowledged;  // highest acknowledged seq per case
    std::istringstream lines(reported);
    std::string reference;
    std::int64_t seq = 0;
    while (lines >> reference >> seq) {
      acknowledged[reference] = std::max(acknowledged[reference], seq);
    }
    ASSERT_FALSE(acknowledged.empty()) << "the writer acknowledged nothing before it was killed";
    auto store = engine->Reopen(clock);
    ASSERT_TRUE(store) << store.error().message;
    for (const auto& [ref, highest] : acknowledged) {
      auto record = (*store)->FindCase(ref);
      ASSERT_TRUE(record) << ref << " was acknowledged but is missing";
      auto events = (*store)->Events(record->id);
      ASSERT_TRUE(events);
      EXPECT_GE(static_cast<std::int64_t>(events->size()), highest)
          << ref << ": acknowledged up to event " << highest;
    }
    auto broken = (*store)->VerifyChain();
    ASSERT_TRUE(broken) << broken.error().message;
    EXPECT_FALSE(broken->has_value()) << (*broken)->reason;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, CrashRecovery, ::testing::ValuesIn(EngineNames()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace caredesk::testing
