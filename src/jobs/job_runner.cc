#include "jobs/job_runner.h"

#include <fmt/format.h>

#include "jobs/mailbox_poller.h"

namespace caredesk::jobs {

JobRunner::JobRunner(JobParts parts) : parts_(std::move(parts)) {
  thread_ = std::thread([this] { Run(); });
}

JobRunner::~JobRunner() { Stop(); }

void JobRunner::Wake() {
  std::lock_guard lock(mutex_);
  woken_ = true;
  wake_.notify_one();
}

void JobRunner::Stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    wake_.notify_one();
  }
  if (thread_.joinable()) thread_.join();
}

void JobRunner::Run() {
  auto next_poll = std::chrono::steady_clock::now();
  while (true) {
    const auto now = std::chrono::steady_clock::now();
    const bool poll = !parts_.mailboxes.empty() && now >= next_poll;
    if (poll) next_poll = now + parts_.poll_every;
    Tick(poll);
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, parts_.tick, [this] { return stop_ || woken_; });
    if (stop_) return;
    woken_ = false;
  }
}

void JobRunner::Tick(bool poll) {
  auto log = [this](bool error, const std::string& text) {
    if (parts_.log) parts_.log(error, text);
  };
  for (auto* mailbox : parts_.mailboxes) {
    if (!poll || !parts_.ingest) break;
    const std::string name = mailbox->display();
    auto report = PollMailbox(*mailbox, *parts_.ingest, [&](const std::string& text) {
      log(true, fmt::format("mailbox {}: {}", name, text));
    });
    if (!report) {
      log(true, fmt::format("reading the mailbox {}: {}", name, report.error().message));
    } else if (report->filed + report->duplicates + report->refused > 0) {
      log(false, fmt::format("mailbox {}: {} filed, {} duplicates, {} refused", name, report->filed,
                             report->duplicates, report->refused));
    }
  }
  if (parts_.scheduler) {
    // Drain what is due, a batch at a time, so a backlog after a restart clears promptly.
    for (int round = 0; round < 50; ++round) {
      auto fired = parts_.scheduler->RunDue();
      if (!fired) {
        log(true, fmt::format("firing timers: {}", fired.error().message));
        break;
      }
      if (!parts_.scheduler->last_error().empty()) log(true, parts_.scheduler->last_error());
      if (*fired == 0) break;
    }
  }
  if (parts_.scheduler) {
    if (auto told = parts_.scheduler->TellSuggesters(); !told) {
      log(true, fmt::format("telling suggesters: {}", told.error().message));
    }
  }
  if (parts_.sender) {
    for (int round = 0; round < 50; ++round) {
      auto sent = parts_.sender->SendDue();
      if (!sent) {
        log(true, fmt::format("sending the outbox: {}", sent.error().message));
        break;
      }
      if (*sent == 0) break;
    }
  }
}

}  // namespace caredesk::jobs
