#include "http/markdown.h"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace caredesk::http {

std::string MarkdownToHtml(std::string_view markdown) {
  std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_SAFE | CMARK_OPT_SMART),
      &std::free);
  return html ? std::string(html.get()) : std::string();
}

}  // namespace caredesk::http
