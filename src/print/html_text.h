// Text into HTML for the print renderers: escaped for element content and attribute values
// alike, and well-formed UTF-8 whatever arrives. Internal to src/print.
#pragma once

#include <string>
#include <string_view>

namespace caredesk::print::html {

// Appends `text` with & < > " ' escaped and NUL dropped; text that is not valid UTF-8 has each
// byte beyond ASCII replaced by U+FFFD.
void AppendEscaped(std::string& out, std::string_view text);
std::string Escaped(std::string_view text);

// The first `max` code points of `text`, and "…" after them when it was longer.
std::string Shortened(std::string_view text, std::size_t max);

}  // namespace caredesk::print::html
