// Inbound email, from the raw bytes an IMAP fetch or a pipe hands over to the core's
// InboundMail (core/mail.h). Mail is hostile input: it may be truncated, mislabelled, built to
// exhaust memory (a message nested in a message a thousand times, thousands of parts, a huge
// header) or to attack whoever reads it (scripts in HTML, paths in filenames). The parser uses
// GMime, decodes every header and body to valid UTF-8, sanitises HTML, keeps attachments within
// limits and writes down, in `problems`, whatever it had to drop, repair or guess. It never
// throws, and costs time and memory in proportion to the message.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/error.h"
#include "core/mail.h"

namespace caredesk::mail {

struct MailLimits {
  std::size_t max_message_bytes = 30 * 1024 * 1024;     // larger messages are refused
  std::size_t max_header_bytes = 256 * 1024;            // a larger header section is refused
  std::size_t max_attachment_bytes = 10 * 1024 * 1024;  // larger attachments are dropped
  std::size_t max_parts = 200;                          // parts past this are not read
  std::size_t max_depth = 8;                            // parts nested deeper are not read
  std::size_t max_text_bytes = 100000;                  // the body text is cut to this
  std::size_t max_html_bytes = 1024 * 1024;             // HTML past this is not read
};

// Parses one message. Refuses (kInvalid, field "message") only a message or header section over
// the limits; anything else gives an InboundMail, even a message GMime cannot make sense of (its
// text empty and a problem saying it was kept as raw, so the caller keeps the bytes). Safe to
// call from several threads at once.
core::Result<core::InboundMail> ParseMail(std::string_view raw, const MailLimits& limits = {});

}  // namespace caredesk::mail
