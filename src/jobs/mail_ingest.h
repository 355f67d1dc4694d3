// Filing inbound email: each message, from an IMAP mailbox or piped in by the MTA
// (`caredesk ingest-mail`), is parsed (mail/mime_parser.h) and
// - threaded onto its case, as a note from its sender, when its subject carries a case
//   reference or it answers (In-Reply-To, References) a message a case sent or filed;
// - otherwise opened as a new contact on the email channel for the sender's customer record,
//   created when new, and acknowledged by the scheduler like any written contact;
// - when a machine sent it (auto-reply, bounce, list traffic) and it belongs to no case, only
//   recorded: never opened, never answered, so caredesk takes no part in a mail loop.
// The raw message is kept as an attachment of the event, never as the case's text. A message is
// filed once, by its Message-ID (or, without one, by its bytes' SHA-256).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/case_service.h"
#include "core/clock.h"
#include "mail/inbound_limits.h"

namespace caredesk::jobs {

enum class IngestOutcome { kOpened, kThreaded, kDuplicate, kRecorded };
std::string_view ToString(IngestOutcome outcome);

struct Ingested {
  IngestOutcome outcome = IngestOutcome::kOpened;
  std::string reference;  // the case opened or threaded onto; empty otherwise
  std::string message_id;
  std::vector<std::string> problems;  // what the parser dropped or repaired
};

class MailIngest {
 public:
  MailIngest(core::Store& store, core::CaseService& cases, const core::Clock& clock,
             mail::MailLimits limits = {})
      : store_(store), cases_(cases), clock_(clock), limits_(limits) {}

  // Files one message. kInvalid (field "message") when it is refused outright (over the size
  // limits); kUnavailable when the store could not be reached (try again).
  core::Result<Ingested> Ingest(std::string_view raw);

  // Ingest in two steps, for filing many at once (jobs/mail_batch.h): parsing touches nothing
  // and may run on any thread; filing writes the parsed message with its raw bytes.
  core::Result<core::InboundMail> Parse(std::string_view raw) const;
  core::Result<Ingested> File(const core::InboundMail& mail, std::string_view raw);

 private:
  core::Result<Ingested> Thread(const core::InboundMail& mail, const std::string& reference,
                                std::string_view raw);
  core::Result<Ingested> Open(const core::InboundMail& mail, std::string_view raw);
  // The case the message answers: by its subject's reference, then by the ids it replies to.
  core::Result<std::optional<std::string>> CaseOf(const core::InboundMail& mail);

  core::Store& store_;
  core::CaseService& cases_;
  const core::Clock& clock_;
  mail::MailLimits limits_;
};

}  // namespace caredesk::jobs
