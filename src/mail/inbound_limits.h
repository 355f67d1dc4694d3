// The limits on inbound mail, and the check of a raw message against them before GMime sees it.
// GMime builds every part and every header line in memory, a few hundred bytes each, so a small
// message of thousands of empty parts or of tiny header lines would cost a hundred times its
// size. One linear scan bounds that: it refuses a message or header section over the size
// or line limits, and cuts a message whose structure runs past the line limits (what follows the
// cut is not read, and a problem says so).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace caredesk::mail {

struct MailLimits {
  std::size_t max_message_bytes = 30 * 1024 * 1024;     // larger messages are refused
  std::size_t max_header_bytes = 256 * 1024;            // a larger header section is refused
  std::size_t max_header_lines = 10000;                 // so is one of more lines
  std::size_t max_attachment_bytes = 10 * 1024 * 1024;  // larger attachments are dropped
  std::size_t max_parts = 200;                          // parts past this are not read
  std::size_t max_depth = 8;                            // parts nested deeper are not read
  std::size_t max_text_bytes = 100000;                  // the body text is cut to this
  std::size_t max_html_bytes = 1024 * 1024;             // HTML past this is not read
  // Lines starting with "--" (each part starts with one), and lines of part headers: the
  // message is cut before the line that passes either.
  std::size_t max_boundary_lines = 2000;
  std::size_t max_part_header_lines = 10000;
};

struct MessageExtent {
  std::size_t bytes = 0;  // how much of the message to parse
  std::string problem;    // why not all of it; empty when all
};

// Refuses (kInvalid, field "message") a message or header section over the limits; else
// says how much of the message to parse.
core::Result<MessageExtent> MeasureMessage(std::string_view raw, const MailLimits& limits);

// "30 MiB", "256 KiB", "12.3 MiB", "10 bytes".
std::string FormatSize(std::size_t bytes);

}  // namespace caredesk::mail
