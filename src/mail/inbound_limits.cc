#include "mail/inbound_limits.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace caredesk::mail {
namespace {

// One line as GMime will see it: the parser makes a lone CR a line end too (mime_parser.cc).
struct Line {
  std::string_view text;  // without its line end
  std::size_t next;       // where the following line starts
};

Line LineAt(std::string_view raw, std::size_t at) {
  std::size_t end = at;
  while (end < raw.size() && raw[end] != '\n' && raw[end] != '\r') ++end;
  std::size_t next = end + 1;
  if (end + 1 < raw.size() && raw[end] == '\r' && raw[end + 1] == '\n') ++next;
  return {raw.substr(at, end - at), std::min(next, raw.size())};
}

struct HeaderSection {
  std::size_t bytes;       // before the empty line that ends it (or all of the message)
  std::size_t lines;       // counting continuation lines
  std::size_t body_start;  // after that empty line
};

HeaderSection Headers(std::string_view raw) {
  std::size_t lines = 0;
  for (std::size_t at = 0; at < raw.size(); ++lines) {
    const Line line = LineAt(raw, at);
    if (line.text.empty()) return {at, lines, line.next};
    at = line.next;
  }
  return {raw.size(), lines, raw.size()};
}

bool MentionsMessageType(std::string_view block) {
  constexpr std::string_view kType = "message/";
  const auto found = std::search(block.begin(), block.end(), kType.begin(), kType.end(),
                                 [](char a, char b) { return std::tolower(a) == b; });
  return found != block.end();
}

// Where the part structure passes the line limits, or npos. Header context: the lines after a
// line starting with "--" up to an empty line, and after that the next block too when the part
// holds a message (it names a message/ type, or has no headers at all, as in a digest).
std::size_t StructureCut(std::string_view raw, std::size_t body_start, const MailLimits& limits,
                         std::string& problem) {
  std::size_t boundary_lines = 0;
  std::size_t header_lines = 0;
  bool in_headers = false;
  std::size_t block_start = 0;
  for (std::size_t at = body_start; at < raw.size();) {
    const Line line = LineAt(raw, at);
    if (in_headers) {
      if (line.text.empty()) {
        const std::string_view block = raw.substr(block_start, at - block_start);
        in_headers = block.empty() || MentionsMessageType(block);
        block_start = line.next;
      } else if (++header_lines > limits.max_part_header_lines) {
        problem =
            fmt::format("the message has more than {} lines of part headers; the rest was not read",
                        limits.max_part_header_lines);
        return at;
      }
    } else if (line.text.starts_with("--")) {
      if (++boundary_lines > limits.max_boundary_lines) {
        problem = fmt::format("the message has more than {} parts; the rest was not read",
                              limits.max_boundary_lines);
        return at;
      }
      in_headers = true;
      block_start = line.next;
    }
    at = line.next;
  }
  return std::string_view::npos;
}

}  // namespace

core::Result<MessageExtent> MeasureMessage(std::string_view raw, const MailLimits& limits) {
  if (raw.size() > limits.max_message_bytes) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("the message is {}, larger than the limit of {}",
                                  FormatSize(raw.size()), FormatSize(limits.max_message_bytes)),
                      "message");
  }
  const HeaderSection header = Headers(raw);
  if (header.bytes > limits.max_header_bytes) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("the message headers are {}, larger than the limit of {}",
                                  FormatSize(header.bytes), FormatSize(limits.max_header_bytes)),
                      "message");
  }
  if (header.lines > limits.max_header_lines) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("the message headers have {} lines, more than the limit of {}",
                                  header.lines, limits.max_header_lines),
                      "message");
  }
  MessageExtent extent{raw.size(), {}};
  if (const std::size_t cut = StructureCut(raw, header.body_start, limits, extent.problem);
      cut != std::string_view::npos) {
    extent.bytes = cut;
  }
  return extent;
}

std::string FormatSize(std::size_t bytes) {
  constexpr std::size_t kMiB = 1024 * 1024;
  if (bytes >= kMiB && bytes % kMiB == 0) return fmt::format("{} MiB", bytes / kMiB);
  if (bytes >= kMiB) return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / kMiB);
  if (bytes >= 1024 && bytes % 1024 == 0) return fmt::format("{} KiB", bytes / 1024);
  return fmt::format("{} bytes", bytes);
}

}  // namespace caredesk::mail
