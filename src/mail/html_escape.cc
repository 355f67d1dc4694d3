#include "mail/html_escape.h"

namespace caredesk::mail {

void AppendHtmlEscaped(std::string& out, std::string_view text, bool attribute) {
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
        out += attribute ? "&quot;" : "\"";
        break;
      case '\'':
        out += attribute ? "&#39;" : "'";
        break;
      case '\0':
        break;
      default:
        out.push_back(c);
    }
  }
}

}  // namespace caredesk::mail
