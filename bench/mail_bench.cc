// Email in and out (issue 6: ingest at least 500 messages/s from a local mailbox; send at least
// 200 messages/s to the local Postfix). Real components only: a Dovecot and a Postfix smtp-sink
// on loopback, started here (tests/support/mail_servers.h), libcurl's IMAP and SMTP clients,
// GMime and gumbo, and a SQLite store file with the shipped default policy. Run (the exact
// command of the recorded figures is in docs/performance.md):
//   build/bench/caredesk_mail_bench --benchmark_repetitions=5
// BM_IngestFromMailbox and BM_SendToSmtp are the two targets; BM_IngestWithoutImap and
// BM_ReadMailboxWithoutIngest take the ingest apart (the store's side, the mailbox's side).
// Each iteration starts from a fresh store and Arg new messages in the mailbox (or the outbox);
// only the poll (or the sending) is timed. The counters split the time: the CPU this process
// used per message (parsing, the store and its writer thread, curl), the servers' CPU per
// message, and the bytes this process wrote per message (the store's WAL and checkpoints).
#include <benchmark/benchmark.h>

#include <functional>
#include <mutex>
#include <span>
#include <thread>

#include "jobs/correspondent.h"
#include "jobs/mail_ingest.h"
#include "jobs/mailbox_poller.h"
#include "jobs/outbox_sender.h"
#include "mail/curl_smtp_sender.h"
#include "mail_bench_fixture.h"
#include "mail_text.h"

namespace {

using namespace caredesk::bench;
using caredesk::testing::SmtpSink;

const caredesk::core::Instant kNow = *caredesk::core::ParseInstant("2026-11-23T10:00:00Z");

// Args: messages (new, unseen), already_seen (messages the poller left in the folder before),
// filers (PollMailbox's; 4 in caredesk). Times jobs::PollMailbox filing the new ones, over an IMAP
// connection opened before the timing (the job runner keeps its connection open between polls).
void BM_IngestFromMailbox(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  const int already_seen = static_cast<int>(state.range(1));
  const int filers = static_cast<int>(state.range(2));
  std::string error;
  SharedMailbox* shared = TheMailbox(error);
  if (!shared) return state.SkipWithError(error.c_str());
  const pid_t dovecot = shared->dovecot->Pid();
  const caredesk::core::FixedClock clock{kNow};

  double own_cpu = 0, server_cpu = 0, written = 0;
  std::size_t bytes = 0;
  int iteration = 0;
  IngestRound round;
  std::unique_ptr<caredesk::mail::CurlImapMailbox> mailbox;
  for (auto _ : state) {
    state.PauseTiming();
    mailbox.reset();
    if (!PrepareRound(clock, count, 1234u + unsigned(iteration++), round, error)) {
      state.SkipWithError(error.c_str());
      break;
    }
    for (const auto& message : round.corpus) bytes += message.raw.size();
    const std::string folder = NextTag();
    if (!FillFolder(*shared, folder, already_seen, round.corpus, error)) {
      state.SkipWithError(error.c_str());
      break;
    }
    mailbox = std::make_unique<caredesk::mail::CurlImapMailbox>(shared->Settings(folder));
    // Connects, and Dovecot indexes the new files, untimed (dovecot-lda would, at delivery).
    auto unseen = mailbox->UnseenUids();
    if (!unseen || int(unseen->size()) != count) {
      error = unseen ? "Dovecot sees " + std::to_string(unseen->size()) + " unseen messages, not " +
                           std::to_string(count)
                     : unseen.error().message;
      state.SkipWithError(error.c_str());
      break;
    }
    caredesk::jobs::MailIngest ingest(round.world->store(), round.world->cases(), clock);
    std::vector<std::string> warnings;
    const double own_before = OwnCpuSeconds();
    const double server_before = GroupCpuSeconds(dovecot);
    const double written_before = BytesWritten();
    state.ResumeTiming();

    auto report = caredesk::jobs::PollMailbox(
        *mailbox, ingest, [&](const std::string& warning) { warnings.push_back(warning); }, filers);

    state.PauseTiming();
    own_cpu += OwnCpuSeconds() - own_before;
    server_cpu += GroupCpuSeconds(dovecot) - server_before;
    written += BytesWritten() - written_before;
    if (!report) {
      state.SkipWithError(report.error().message.c_str());
      break;
    }
    if (report->filed != count || report->duplicates != 0 || report->refused != 0) {
      error = "filed " + std::to_string(report->filed) + " of " + std::to_string(count) + " (" +
              std::to_string(report->duplicates) + " duplicates, " +
              std::to_string(report->refused) + " refused)" +
              (warnings.empty() ? "" : ": " + warnings.front());
      state.SkipWithError(error.c_str());
      break;
    }
    if (error = CheckFiling(round.world->store(), round.corpus); !error.empty()) {
      state.SkipWithError(error.c_str());
      break;
    }
    state.ResumeTiming();
  }
  if (state.error_occurred()) return;
  const double messages = double(iteration) * count;
  state.SetItemsProcessed(static_cast<std::int64_t>(messages));
  state.counters["bytes_per_msg"] = double(bytes) / messages;
  state.counters["own_cpu_us_per_msg"] = own_cpu * 1e6 / messages;
  state.counters["dovecot_cpu_us_per_msg"] = server_cpu * 1e6 / messages;
  state.counters["written_kb_per_msg"] = written / 1024 / messages;
}
BENCHMARK(BM_IngestFromMailbox)
    ->ArgNames({"messages", "already_seen", "filers"})
    ->Args({2000, 0, 4})
    ->Args({2000, 10000, 4})
    ->Args({2000, 0, 1})
    ->Args({2000, 0, 8})
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// For the breakdown only: the same corpus filed by jobs::MailIngest straight from memory (with
// the CRLF line ends IMAP hands over), without Dovecot; its distance from BM_IngestFromMailbox is
// what reading the mailbox costs. Args: messages, filers. With one filer the messages are filed
// one after another, as `caredesk ingest-mail` runs do; with more, each filer thread takes the
// messages of its share of the senders, in order (so a reply is never filed before the message it
// answers), and the store's group committer commits their writes together, close to what
// PollMailbox's batches (jobs/mail_batch.h, 4 filers) do.
void BM_IngestWithoutImap(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  const int filers = static_cast<int>(state.range(1));
  const caredesk::core::FixedClock clock{kNow};
  std::string error;
  double own_cpu = 0, written = 0;
  int iteration = 0;
  IngestRound round;
  for (auto _ : state) {
    state.PauseTiming();
    if (!PrepareRound(clock, count, 1234u + unsigned(iteration++), round, error)) {
      state.SkipWithError(error.c_str());
      break;
    }
    std::vector<std::vector<std::string>> shares(static_cast<std::size_t>(filers));
    for (const auto& message : round.corpus) {
      const std::size_t share =
          std::hash<std::string>{}(caredesk::testing::HeaderValue(message.raw, "From")) %
          shares.size();
      shares[share].push_back(caredesk::testing::ToCrlf(message.raw));
    }
    caredesk::jobs::MailIngest ingest(round.world->store(), round.world->cases(), clock);
    std::mutex failure_mutex;
    auto file_share = [&](const std::vector<std::string>& raws) {
      for (const auto& raw : raws) {
        auto filed = ingest.Ingest(raw);
        if (!filed) {
          std::lock_guard lock(failure_mutex);
          error = filed.error().message;
          return;
        }
      }
    };
    const double own_before = OwnCpuSeconds();
    const double written_before = BytesWritten();
    state.ResumeTiming();

    if (filers == 1) {
      file_share(shares.front());
    } else {
      std::vector<std::thread> threads;
      for (const auto& share : shares) threads.emplace_back(file_share, std::cref(share));
      for (auto& thread : threads) thread.join();
    }

    state.PauseTiming();
    own_cpu += OwnCpuSeconds() - own_before;
    written += BytesWritten() - written_before;
    if (!error.empty() || !(error = CheckFiling(round.world->store(), round.corpus)).empty()) {
      state.SkipWithError(error.c_str());
      break;
    }
    state.ResumeTiming();
  }
  if (state.error_occurred()) return;
  const double messages = double(iteration) * count;
  state.SetItemsProcessed(static_cast<std::int64_t>(messages));
  state.counters["own_cpu_us_per_msg"] = own_cpu * 1e6 / messages;
  state.counters["written_kb_per_msg"] = written / 1024 / messages;
}
BENCHMARK(BM_IngestWithoutImap)
    ->ArgNames({"messages", "filers"})
    ->Args({2000, 1})
    ->Args({2000, 4})
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// The UIDs of the unseen messages listed with their sizes.
caredesk::core::Result<std::vector<std::uint32_t>> UidsOf(
    const caredesk::core::Result<std::vector<caredesk::mail::MailboxMessage>>& unseen) {
  if (!unseen) return tl::unexpected(unseen.error());
  std::vector<std::uint32_t> uids;
  for (const auto& message : *unseen) uids.push_back(message.uid);
  return uids;
}

// For the breakdown only: reading the mailbox without filing anything. With batch:64, as
// PollMailbox does: the unseen messages and their sizes, then for each batch of 64 one fetch (a
// peek) and one command marking them seen. With batch:1, as PollMailbox did before it read in
// batches: each message fetched and marked seen on its own.
// Args: messages, batch, already_seen (as for BM_IngestFromMailbox).
void BM_ReadMailboxWithoutIngest(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  const auto batch = static_cast<std::size_t>(state.range(1));
  const int already_seen = static_cast<int>(state.range(2));
  std::string error;
  SharedMailbox* shared = TheMailbox(error);
  if (!shared) return state.SkipWithError(error.c_str());
  const pid_t dovecot = shared->dovecot->Pid();
  const std::vector<ExistingCase> existing = {
      {"CD-2026-000001", Customer(0).email, Customer(0).name}};

  double own_cpu = 0, server_cpu = 0;
  int iteration = 0;
  std::unique_ptr<caredesk::mail::CurlImapMailbox> mailbox;
  for (auto _ : state) {
    state.PauseTiming();
    mailbox.reset();
    ++iteration;
    const std::string folder = NextTag();
    if (!FillFolder(*shared, folder, already_seen, CustomerMail(count, existing, 99u, folder),
                    error)) {
      state.SkipWithError(error.c_str());
      break;
    }
    mailbox = std::make_unique<caredesk::mail::CurlImapMailbox>(shared->Settings(folder));
    auto unseen = mailbox->UnseenUids();
    if (!unseen || int(unseen->size()) != count) {
      state.SkipWithError(unseen ? "Dovecot does not see the new messages"
                                 : unseen.error().message.c_str());
      break;
    }
    const double own_before = OwnCpuSeconds();
    const double server_before = GroupCpuSeconds(dovecot);
    state.ResumeTiming();

    auto uids = batch == 1 ? mailbox->UnseenUids() : UidsOf(mailbox->Unseen());
    const std::vector<std::uint32_t> all = uids ? *uids : std::vector<std::uint32_t>{};
    for (std::size_t first = 0; first < all.size() && error.empty(); first += batch) {
      const std::span<const std::uint32_t> some(all.data() + first,
                                                std::min(batch, all.size() - first));
      if (batch == 1) {
        auto raw = mailbox->Fetch(some.front());
        if (!raw) error = raw.error().message;
      } else {
        auto raws = mailbox->FetchMany(some);
        if (!raws || raws->size() != some.size()) {
          error = raws ? "a batch came back short" : raws.error().message;
        }
      }
      if (auto seen = mailbox->MarkSeen(some); error.empty() && !seen) {
        error = seen.error().message;
      }
    }

    state.PauseTiming();
    own_cpu += OwnCpuSeconds() - own_before;
    server_cpu += GroupCpuSeconds(dovecot) - server_before;
    if (!uids || !error.empty()) {
      state.SkipWithError(uids ? error.c_str() : uids.error().message.c_str());
      break;
    }
    state.ResumeTiming();
  }
  if (state.error_occurred()) return;
  const double messages = double(iteration) * count;
  state.SetItemsProcessed(static_cast<std::int64_t>(messages));
  state.counters["own_cpu_us_per_msg"] = own_cpu * 1e6 / messages;
  state.counters["dovecot_cpu_us_per_msg"] = server_cpu * 1e6 / messages;
}
BENCHMARK(BM_ReadMailboxWithoutIngest)
    ->ArgNames({"messages", "batch", "already_seen"})
    ->Args({2000, 1, 0})
    ->Args({2000, 64, 0})
    ->Args({2000, 64, 10000})
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// Arg: acknowledgements in the outbox. Times jobs::OutboxSender::SendDue, 100 at a time, until
// the server has accepted them all, over one SMTP connection kept open (as the job runner does).
void BM_SendToSmtp(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  std::string error;
  auto sink = SmtpSink::Start(error);
  if (!sink) return state.SkipWithError(error.c_str());
  const caredesk::core::FixedClock clock{kNow};
  caredesk::mail::SmtpSettings settings;
  settings.url = sink->Url();
  settings.tls = caredesk::mail::SmtpSettings::Tls::kNone;
  caredesk::mail::CurlSmtpSender smtp(settings, clock);
  const caredesk::jobs::MailIdentity identity{"care@example.org", "Example care", "example.org"};

  double own_cpu = 0, server_cpu = 0, written = 0;
  int iteration = 0;
  std::size_t received = 0;
  std::unique_ptr<World> world;
  for (auto _ : state) {
    state.PauseTiming();
    world.reset();
    world = std::make_unique<World>(clock, error);
    if (!world->ok()) {
      state.SkipWithError(error.c_str());
      break;
    }
    // One acknowledgement as the scheduler writes it (the shipped template, text and HTML),
    // copied to `count` customers.
    int ids = 0;
    caredesk::jobs::Correspondent correspondent(
        world->store(), identity, caredesk::jobs::PublicSite{"https://care.example.org"},
        [&] { return "a" + std::to_string(++ids); });
    auto logged = world->LogComplaint(0);
    if (!logged) {
      state.SkipWithError(logged.error().message.c_str());
      break;
    }
    auto acknowledgement = correspondent.ToCustomer(caredesk::core::TemplateKind::kAcknowledgement,
                                                    logged->view, logged->customer);
    if (!acknowledgement || !*acknowledgement) {
      state.SkipWithError(acknowledgement ? "no acknowledgement"
                                          : acknowledgement.error().message.c_str());
      break;
    }
    std::vector<caredesk::core::OutboxMessage> batch;
    bool enqueued = true;
    for (int i = 0; i < count && enqueued; ++i) {
      caredesk::core::OutboxMessage message = **acknowledgement;
      message.message_id =
          "ack." + std::to_string(iteration) + "." + std::to_string(i) + "@example.org";
      message.recipient = Customer(1000 + i).email;
      batch.push_back(std::move(message));
      if (batch.size() == 500 || i + 1 == count) {
        auto put = world->store().Enqueue(batch);
        if (!put) {
          error = put.error().message;
          enqueued = false;
        }
        batch.clear();
      }
    }
    if (!enqueued) {
      state.SkipWithError(error.c_str());
      break;
    }
    ++iteration;
    caredesk::jobs::OutboxSender sender(world->store(), smtp, clock, identity);
    const double own_before = OwnCpuSeconds();
    const double server_before = GroupCpuSeconds(sink->Pid());
    const double written_before = BytesWritten();
    state.ResumeTiming();

    int sent = 0;
    while (sent < count) {
      auto done = sender.SendDue(100);
      if (!done) error = done.error().message;
      if (!done || *done == 0) break;
      sent += *done;
    }

    state.PauseTiming();
    own_cpu += OwnCpuSeconds() - own_before;
    server_cpu += GroupCpuSeconds(sink->Pid()) - server_before;
    written += BytesWritten() - written_before;
    received += std::size_t(count);
    if (sent != count) {
      error = "sent " + std::to_string(sent) + " of " + std::to_string(count) + " " + error;
      state.SkipWithError(error.c_str());
      break;
    }
    if (!sink->WaitFor(received, std::chrono::seconds{30}) || sink->Received().size() != received) {
      error = "the sink has " + std::to_string(sink->Received().size()) + " messages, not " +
              std::to_string(received);
      state.SkipWithError(error.c_str());
      break;
    }
    state.ResumeTiming();
  }
  if (state.error_occurred()) return;
  const double messages = double(iteration) * count;
  state.SetItemsProcessed(static_cast<std::int64_t>(messages));
  state.counters["own_cpu_us_per_msg"] = own_cpu * 1e6 / messages;
  state.counters["sink_cpu_us_per_msg"] = server_cpu * 1e6 / messages;
  state.counters["written_kb_per_msg"] = written / 1024 / messages;
}
BENCHMARK(BM_SendToSmtp)->Arg(2000)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
