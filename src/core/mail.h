// Messages in and out, as the core sees them: an inbound email already parsed from its MIME
// (src/mail), and an outgoing email ready to hand to a sender. The core decides what to do with
// them (thread onto a case, open a new one, never answer an automatic message); the mail
// adapters do the parsing, composing and the wire.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/instant.h"

namespace caredesk::core {

// Whether a message was sent by a machine rather than a person (RFC 3834 Auto-Submitted,
// Precedence, mailing-list headers, delivery reports, a null sender). Such messages are kept on
// file but never answered, so caredesk never takes part in a mail loop.
enum class Automated { kNo, kAutoReply, kBounce, kMailingList };

struct MailAttachment {
  std::string filename;      // as the sender named it, sanitised (no path, no control characters)
  std::string content_type;  // type/subtype, lower case
  std::string bytes;
};

// An email as parsed: every header decoded to UTF-8, the body as text (the text/plain part, or
// the text of the sanitised HTML part when there is no plain one) and as sanitised HTML.
struct InboundMail {
  std::string message_id;  // without angle brackets; empty when the message has none
  std::string in_reply_to;
  std::vector<std::string> references;  // oldest first
  std::string from_address;             // lower case; empty for a null sender (<>)
  std::string from_name;
  std::vector<std::string> to;
  std::string subject;
  std::optional<Instant> date;   // the Date header, when it parses
  std::string content_language;  // the Content-Language header, lower case ("es-es, en")
  std::string text;
  std::string html;  // sanitised to a safe subset; empty when the message has no HTML part
  std::vector<MailAttachment> attachments;
  Automated automated = Automated::kNo;
  // What the parser dropped or repaired (an attachment over the size limit, an unknown charset
  // read as Latin-1, parts beyond the limit), in words a member of staff can read.
  std::vector<std::string> problems;
};

// An email to send. The message id is fixed when the message is put in the outbox, so a retry
// after a failure is the same message to the receiving side.
struct OutgoingMail {
  std::string message_id;  // without angle brackets
  std::string from_address;
  std::string from_name;
  std::vector<std::string> to;
  std::vector<std::string> cc;  // e.g. the customer's advocate
  std::string subject;
  std::string text;
  std::string html;  // empty: a plain-text message (the customer asked for plain text only)
  std::string in_reply_to;
  std::vector<std::string> references;
  std::vector<MailAttachment> attachments;
  // Sent by caredesk itself (an acknowledgement, a holding reply, an alert), not written by a
  // person: marked Auto-Submitted so that other auto-responders do not answer it.
  bool automatic = false;
};

// Hands messages to a mail server. kUnavailable: try again later (the server could not be
// reached, or answered 4xx); kInvalid: the server refused the message for good (5xx), and a
// retry would be refused the same way.
class MailSender {
 public:
  virtual ~MailSender() = default;
  virtual Result<void> Send(const OutgoingMail& mail) = 0;
};

}  // namespace caredesk::core
