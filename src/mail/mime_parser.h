// Inbound email, from the raw bytes an IMAP fetch or a pipe hands over to the core's
// InboundMail (core/mail.h). Mail is hostile input: it may be truncated, mislabelled, built to
// exhaust memory (a message nested in a message a thousand times, thousands of parts, a huge
// header) or to attack whoever reads it (scripts in HTML, paths in filenames). The parser uses
// GMime, decodes every header and body to valid UTF-8, sanitises HTML, keeps attachments within
// limits (MailLimits, inbound_limits.h) and writes down, in `problems`, whatever it had to drop,
// repair or guess. It never throws, and costs time and memory in proportion to the message.
#pragma once

#include <string_view>

#include "core/error.h"
#include "core/mail.h"
#include "mail/inbound_limits.h"

namespace caredesk::mail {

// Parses one message. Refuses (kInvalid, field "message") only a message or header section over
// the limits; anything else gives an InboundMail, even a message GMime cannot make sense of (its
// text empty and a problem saying it was kept as raw, so the caller keeps the bytes). Safe to
// call from several threads at once.
core::Result<core::InboundMail> ParseMail(std::string_view raw, const MailLimits& limits = {});

}  // namespace caredesk::mail
