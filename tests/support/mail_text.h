// Small readers for the raw messages the mail tests look at: a header's unfolded value, RFC 2047
// encoded words and quoted-printable decoded back to UTF-8, so a test checks what a mail client
// would show rather than one encoder's exact bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace caredesk::testing {

// The header block (up to the first empty line), with CRLF or LF line ends.
std::string HeaderBlock(std::string_view message);

// The unfolded value of the first header named `name` (any case), or "" if there is none.
std::string HeaderValue(std::string_view message, std::string_view name);

// Every header name in the header block, in order.
std::vector<std::string> HeaderNames(std::string_view message);

// `value` with each =?charset?B|Q?…?= word decoded (UTF-8 and US-ASCII only; ISO-8859-1 is
// widened to UTF-8); whitespace between adjacent encoded words dropped, as RFC 2047 says.
std::string DecodeWords(std::string_view value);

std::string DecodeBase64(std::string_view text);
std::string DecodeQuotedPrintable(std::string_view text);

// `text` with folded header lines joined (CRLF or LF then space or tab becomes one space).
std::string Unfold(std::string_view text);

// LF line ends to CRLF (a CRLF stays as it is).
std::string ToCrlf(std::string_view text);

}  // namespace caredesk::testing
