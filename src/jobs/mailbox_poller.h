// Reading a mailbox: every unseen message is fetched without marking it (a peek), filed by the
// mail ingest, and only then marked seen, so a crash between the two reads it again and the
// ingest's Message-ID check files it once. A message refused for good (over the size limits) is
// marked seen too, with the reason reported; one the store could not take stays unseen for the
// next poll. Messages are fetched, filed (jobs/mail_batch.h) and marked seen in batches: a
// command per batch, not per message, and the store commits a batch's writes together.
#pragma once

#include <functional>
#include <string>

#include "jobs/mail_ingest.h"
#include "mail/curl_imap_mailbox.h"

namespace caredesk::jobs {

struct PollReport {
  int filed = 0;       // opened, threaded or recorded
  int duplicates = 0;  // filed before
  int refused = 0;     // refused for good (each reported through `warn`)
};

// Files every unseen message of `mailbox`, with up to `filers` threads. `warn` hears each
// refusal, in words (no secrets).
core::Result<PollReport> PollMailbox(mail::CurlImapMailbox& mailbox, MailIngest& ingest,
                                     const std::function<void(const std::string&)>& warn,
                                     int filers = 4);

}  // namespace caredesk::jobs
