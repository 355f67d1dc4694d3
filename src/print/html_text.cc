#include "print/html_text.h"

#include "core/utf8.h"

namespace caredesk::print::html {

void AppendEscaped(std::string& out, std::string_view text) {
  const bool valid = core::IsValidUtf8(text);
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\0':
        break;
      default:
        if (!valid && static_cast<unsigned char>(c) >= 0x80) {
          out += "\xEF\xBF\xBD";
        } else {
          out.push_back(c);
        }
    }
  }
}

std::string Escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendEscaped(out, text);
  return out;
}

std::string Shortened(std::string_view text, std::size_t max) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (points++ == max) return std::string(text.substr(0, i)) + "…";
  }
  return std::string(text);
}

}  // namespace caredesk::print::html
