// The policy's published text (Markdown written by the organisation) as HTML for the portal.
#pragma once

#include <string>
#include <string_view>

namespace caredesk::http {

// CommonMark to HTML with cmark's safe mode: raw HTML is dropped and javascript:, vbscript:,
// file: and data: (except images) links are emptied, so the text cannot carry a script.
std::string MarkdownToHtml(std::string_view markdown);

}  // namespace caredesk::http
