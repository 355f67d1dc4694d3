// Escaping text for HTML, shared by the sanitiser (inbound mail) and the template renderer
// (outgoing mail). NUL characters are dropped.
#pragma once

#include <string>
#include <string_view>

namespace caredesk::mail {

// Appends `text` with & < > escaped, and in an attribute value (`attribute`) quotes too.
void AppendHtmlEscaped(std::string& out, std::string_view text, bool attribute = true);

}  // namespace caredesk::mail
