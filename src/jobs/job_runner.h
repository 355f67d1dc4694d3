// The jobs' own thread in a serving process: every tick it fires due timers and sends due
// outbox messages, and every poll interval it reads each mailbox. Several processes may run it on
// one PostgreSQL: the store's claims keep them from doing the same work twice. Errors are
// reported and retried on the next tick; the thread never dies of one.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "jobs/mail_ingest.h"
#include "jobs/outbox_sender.h"
#include "jobs/scheduler.h"
#include "mail/curl_imap_mailbox.h"

namespace caredesk::jobs {

struct JobParts {
  Scheduler* scheduler = nullptr;
  OutboxSender* sender = nullptr;                 // none: messages wait in the outbox
  std::vector<mail::CurlImapMailbox*> mailboxes;  // none: no mailbox is read
  MailIngest* ingest = nullptr;
  std::chrono::milliseconds tick{1000};
  std::chrono::seconds poll_every{30};
  // Hears what went wrong (and what was done, at info level), without secrets.
  std::function<void(bool error, const std::string& text)> log;
};

class JobRunner {
 public:
  explicit JobRunner(JobParts parts);
  ~JobRunner();  // stops and joins
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  // Asks for the next tick now (after a write that made work due at once).
  void Wake();
  void Stop();

 private:
  void Run();
  void Tick(bool poll);

  JobParts parts_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool woken_ = false;
  std::thread thread_;
};

}  // namespace caredesk::jobs
