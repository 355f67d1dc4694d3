// The jobs of a serving process, wired from its settings: the scheduler always (unless jobs are
// off), the outbox sender when an SMTP server is configured, a mailbox reader for each IMAP
// mailbox configured, all on the job runner's thread (jobs/job_runner.h).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "app/mail_settings.h"
#include "auth/token.h"
#include "core/case_service.h"
#include "jobs/correspondent.h"
#include "jobs/job_runner.h"
#include "mail/curl_imap_mailbox.h"
#include "mail/curl_smtp_sender.h"

namespace caredesk::app {

// The domain of `address` ("care@example.org" → "example.org"), for message ids.
std::string DomainOf(const std::string& address);

// A new random message-id token from `random` (shared by every thread).
std::function<std::string()> MessageIdTokens(auth::TokenSource& random);

// The writer of every message this process sends: its From, its site and its message ids come
// from `settings`. One is shared by the API (service notices) and the jobs.
std::unique_ptr<jobs::Correspondent> CorrespondentFor(core::Store& store,
                                                      const MailSettings& settings,
                                                      auth::TokenSource& random);

class MailJobs {
 public:
  // Starts the job runner; `log(error, text)` hears what it did and what went wrong.
  MailJobs(core::Store& store, const core::Clock& clock, const MailSettings& settings,
           jobs::Correspondent& correspondent, std::function<void(bool, const std::string&)> log);
  ~MailJobs();

  // Describes what runs, for the start-up log ("jobs: scheduler, SMTP smtp://…, IMAP imap://…").
  std::string Describe() const;

 private:
  core::CaseService cases_;
  jobs::Correspondent& correspondent_;
  jobs::Scheduler scheduler_;
  std::unique_ptr<mail::CurlSmtpSender> smtp_;
  std::unique_ptr<jobs::OutboxSender> sender_;
  std::vector<std::unique_ptr<mail::CurlImapMailbox>> mailboxes_;
  jobs::MailIngest ingest_;
  std::string description_;
  std::unique_ptr<jobs::JobRunner> runner_;  // last: stopped first
};

}  // namespace caredesk::app
