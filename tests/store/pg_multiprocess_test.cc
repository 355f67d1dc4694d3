// Several caredesk processes writing to one PostgreSQL at once (issue 3: references unique and
// increasing per year "also across several processes writing to one PostgreSQL"; concurrent
// writers never lose or duplicate an event). Forked children each open their own PgStore, wait
// at a common start line, then create cases in two years and append notes to a few cases they
// all share, reporting every acknowledged write on a pipe. The parent then checks the database
// against the reports: nothing acknowledged is missing, nothing is there twice, nothing is there
// that was not acknowledged, and the hash chains hold.
#ifdef CAREDESK_HAVE_POSTGRES_STORE

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/case_event.h"
#include "pg_server.h"
#include "store/common/reference.h"
#include "store/postgres/pg_store.h"

namespace caredesk::testing {
namespace {

using core::Instant;

constexpr int kProcesses = 6;
constexpr int kCasesEach = 60;  // per process, alternating between the two years
constexpr int kSharedCases = 3;
const Instant kReceived2025{std::chrono::seconds{1750000000}};  // June 2025
const Instant kReceived2026{std::chrono::seconds{1780000000}};  // May 2026
const core::Actor kWriter{"1", "Writer", "W"};

core::NewCase Contact(const std::string& subject, Instant received) {
  core::NewCase new_case;
  auto& r = new_case.record;
  r.kind = core::Kind::kComplaint;
  r.channel = core::Channel::kWeb;
  r.subject = subject;
  r.policy_version = "multiprocess";
  r.received_at = received;
  r.logged_at = received;
  r.updated_at = received;
  core::event::Received payload;
  payload.subject = subject;
  new_case.received = core::CaseEvent{received, kWriter, payload};
  return new_case;
}

// Writes one report line; each is far below PIPE_BUF, so lines from several processes sharing
// the pipe never interleave.
void Report(int fd, const std::string& line) {
  const std::string text = line + "\n";
  (void)!write(fd, text.data(), text.size());
}

// Appends `text` to the case `reference`, retrying while other processes get in first (the
// store answers kConflict when the case moved on since it was read). The event's seq.
core::Result<std::int64_t> AppendNote(core::Store& store, const std::string& reference,
                                      const std::string& text) {
  for (;;) {
    auto record = store.FindCase(reference);
    if (!record) return tl::unexpected(record.error());
    auto stored = store.AppendEvent(
        record->id, record->event_count,
        core::CaseEvent{record->updated_at, kWriter, core::event::Note{text}}, *record);
    if (stored) return stored->seq;
    if (stored.error().code != core::ErrorCode::kConflict) return tl::unexpected(stored.error());
  }
}

// The child process `writer`: never returns. Reports "W C reference" for each case it created
// (in creation order) and "W E reference seq text" for each note the store acknowledged, W being
// its number; "W X message" and exit status 1 when a write fails.
[[noreturn]] void Write(const std::string& url, int writer, int start_line, int report,
                        const std::vector<std::string>& shared) {
  const std::string tag = std::to_string(writer) + " ";
  core::FixedClock clock(kReceived2026);
  auto store = store::PgStore::Open(url, clock, 1);
  if (!store) {
    Report(report, tag + "X " + store.error().message);
    _exit(1);
  }
  char go = 0;
  (void)!read(start_line, &go, 1);  // end of file: every writer is ready
  auto fail = [&](const core::Error& error) {
    Report(report, tag + "X " + error.message);
    _exit(1);
  };
  for (int i = 0; i < kCasesEach; ++i) {
    const std::string name = "p" + std::to_string(writer) + "-" + std::to_string(i);
    auto created =
        (*store)->CreateCase(Contact("case " + name, i % 2 ? kReceived2025 : kReceived2026));
    if (!created) fail(created.error());
    Report(report, tag + "C " + created->reference);
    for (const auto& reference : {shared[i % shared.size()], created->reference}) {
      auto seq = AppendNote(**store, reference, "note " + name);
      if (!seq) fail(seq.error());
      Report(report, tag + "E " + reference + " " + std::to_string(*seq) + " note " + name);
    }
  }
  _exit(0);
}

struct Acknowledged {
  std::map<int, std::vector<std::string>> created;  // per process, in creation order
  std::map<std::string, std::map<std::int64_t, std::string>> notes;  // reference → seq → text
  std::vector<std::string> duplicates;  // the same (case, seq) acknowledged twice
  std::vector<std::string> failures;
};

Acknowledged ReadReports(const std::string& all) {
  Acknowledged acknowledged;
  std::istringstream lines(all);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    int writer = 0;
    std::string what;
    fields >> writer >> what;
    if (what == "C") {
      std::string reference;
      fields >> reference;
      acknowledged.created[writer].push_back(reference);
    } else if (what == "E") {
      std::string reference;
      std::int64_t seq = 0;
      fields >> reference >> seq;
      std::string text;
      std::getline(fields >> std::ws, text);
      if (!acknowledged.notes[reference].emplace(seq, text).second) {
        acknowledged.duplicates.push_back(reference + " " + std::to_string(seq));
      }
    } else {
      acknowledged.failures.push_back(line);
    }
  }
  return acknowledged;
}

TEST(PgMultiProcess, ReferencesAndEventsStayUniqueAcrossWritingProcesses) {
  std::string why;
  PgServer* server = PgServer::Shared(why);
  ASSERT_TRUE(server) << why;
  const std::string url = server->CreateDatabase("multiprocess");
  core::FixedClock clock(kReceived2026);
  std::vector<std::string> shared;
  {
    auto store = store::PgStore::Open(url, clock);
    ASSERT_TRUE(store) << store.error().message;
    ASSERT_TRUE((*store)->InstallPolicy("multiprocess", "# multiprocess", kReceived2025));
    for (int i = 0; i < kSharedCases; ++i) {
      auto created = (*store)->CreateCase(Contact("shared " + std::to_string(i), kReceived2026));
      ASSERT_TRUE(created) << created.error().message;
      shared.push_back(created->reference);
    }
  }  // closed: no connection of the parent's is inherited by the children

  int start_line[2];
  int report[2];
  ASSERT_EQ(pipe(start_line), 0);
  ASSERT_EQ(pipe(report), 0);
  std::vector<pid_t> children;
  for (int writer = 0; writer < kProcesses; ++writer) {
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(start_line[1]);
      close(report[0]);
      Write(url, writer, start_line[0], report[1], shared);
    }
    children.push_back(child);
  }
  close(start_line[0]);
  close(report[1]);
  close(start_line[1]);  // the start: every waiting writer reads end of file
  std::string reports;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = read(report[0], buffer, sizeof buffer)) > 0) {
    reports.append(buffer, static_cast<std::size_t>(n));
  }
  close(report[0]);
  for (pid_t child : children) {
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "writer status " << status;
  }

  const Acknowledged acknowledged = ReadReports(reports);
  EXPECT_TRUE(acknowledged.failures.empty()) << acknowledged.failures.front();
  EXPECT_TRUE(acknowledged.duplicates.empty())
      << "acknowledged twice: " << acknowledged.duplicates.front();
  ASSERT_EQ(acknowledged.created.size(), std::size_t{kProcesses});

  // References: distinct, and within one process increasing per year in creation order.
  std::map<int, std::set<std::int64_t>> numbers;  // year → numbers handed out
  std::size_t total = 0;
  for (const auto& [writer, references] : acknowledged.created) {
    EXPECT_EQ(references.size(), std::size_t{kCasesEach}) << "writer " << writer;
    std::map<int, std::int64_t> last;  // year → this writer's last number
    for (const auto& reference : references) {
      const auto parts = store::ParseReference(reference);
      ASSERT_TRUE(parts) << reference;
      EXPECT_TRUE(numbers[parts->year].insert(parts->number).second)
          << reference << " was handed out twice";
      EXPECT_GT(parts->number, last[parts->year])
          << "writer " << writer << " got " << reference << " after a higher number";
      last[parts->year] = parts->number;
      ++total;
    }
  }
  EXPECT_EQ(total, std::size_t{kProcesses * kCasesEach});
  // No write failed here, so no number was taken and left unused: each year's are 1..N.
  ASSERT_EQ(numbers.size(), 2u);
  EXPECT_EQ(numbers[2025].size(), std::size_t{kProcesses * kCasesEach / 2});
  EXPECT_EQ(*numbers[2025].rbegin(), std::int64_t(numbers[2025].size()));
  EXPECT_EQ(*numbers[2026].rbegin(), std::int64_t(numbers[2026].size() + kSharedCases));

  // Events: every case holds its received event and exactly the notes acknowledged for it.
  auto store = store::PgStore::Open(url, clock);
  ASSERT_TRUE(store) << store.error().message;
  std::set<std::string> all_cases(shared.begin(), shared.end());
  for (const auto& [writer, references] : acknowledged.created) {
    all_cases.insert(references.begin(), references.end());
  }
  std::size_t notes = 0;
  for (const auto& reference : all_cases) {
    auto record = (*store)->FindCase(reference);
    ASSERT_TRUE(record) << reference << " was acknowledged but is missing";
    auto events = (*store)->Events(record->id);
    ASSERT_TRUE(events) << events.error().message;
    const auto found = acknowledged.notes.find(reference);
    const std::size_t expected = found == acknowledged.notes.end() ? 0 : found->second.size();
    ASSERT_EQ(events->size(), expected + 1) << reference << ": events stored vs acknowledged";
    EXPECT_EQ(record->event_count, std::int64_t(events->size())) << reference;
    for (std::size_t i = 1; i < events->size(); ++i) {
      const auto& event = (*events)[i];
      const auto* note = std::get_if<core::event::Note>(&event.event.payload);
      ASSERT_TRUE(note) << reference << " event " << event.seq;
      const auto ack = found->second.find(event.seq);
      ASSERT_NE(ack, found->second.end()) << reference << " holds unacknowledged " << note->text;
      EXPECT_EQ(note->text, ack->second) << reference << " event " << event.seq;
      ++notes;
    }
  }
  EXPECT_EQ(notes, std::size_t{kProcesses * kCasesEach * 2});
  auto broken = (*store)->VerifyChain();
  ASSERT_TRUE(broken) << broken.error().message;
  EXPECT_FALSE(broken->has_value()) << (*broken)->reason;
}

}  // namespace
}  // namespace caredesk::testing

#endif  // CAREDESK_HAVE_POSTGRES_STORE
