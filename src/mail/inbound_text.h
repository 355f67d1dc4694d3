// Text from inbound mail made safe to keep: bytes in any declared (or mislabelled, or unknown)
// charset turned into valid UTF-8, line ends and control characters tidied, lengths cut on a
// character boundary, and attachment filenames made harmless. The MIME parser (mime_parser.h)
// passes every string it produces through here, so nothing it returns is invalid UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace caredesk::mail {

// Each byte read as Windows-1252 (the superset of Latin-1 that mail labelled Latin-1 really uses).
std::string Windows1252ToUtf8(std::string_view bytes);

// `bytes` unchanged when it is valid UTF-8; otherwise its valid sequences kept and every other
// byte read as Windows-1252.
std::string RepairUtf8(std::string_view bytes);

struct DecodedText {
  std::string text;     // valid UTF-8
  std::string problem;  // empty, or what was assumed or replaced, in words
};

// Converts a body in `charset` (a MIME label, possibly empty, wrong or unknown) to UTF-8.
// Unknown labels and bytes that are not valid in the label's charset fall back to UTF-8 when the
// bytes are valid UTF-8, else to Windows-1252, and say so in `problem`.
DecodedText DecodeToUtf8(std::string_view bytes, std::string_view charset);

// Body text tidied: CRLF and lone CR become LF; NUL and other control characters except tab and
// newline are dropped. Input must be valid UTF-8.
std::string CleanBodyText(std::string_view utf8);

// A header value on one line: repaired to UTF-8, control characters turned to spaces, runs of
// spaces collapsed, trimmed, and cut to at most `max_bytes`.
std::string CleanHeaderText(std::string_view text, std::size_t max_bytes = 998);

// The longest prefix of valid UTF-8 `utf8` that has at most `max_bytes` bytes and does not end
// inside a character.
std::string_view TruncateUtf8(std::string_view utf8, std::size_t max_bytes);

// A filename safe to show and to save: no directory part, no control or bidirectional-override
// characters, none of  \ / : * ? " < > |, no leading or trailing dots and spaces, at most 180
// bytes (the extension kept); "attachment" when nothing is left.
std::string SanitiseFilename(std::string_view name);

}  // namespace caredesk::mail
