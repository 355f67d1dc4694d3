// HTML trimmed so that parsing it stays cheap. An HTML5 tree builder (gumbo, like a browser)
// does work in proportion to the depth of the open elements for every tag, and re-opens every
// unclosed formatting element (b, i, font ...) for every paragraph: 37 KB of "<p><b id=N>x</p>"
// becomes two million nodes, and 50 KB of nested divs takes a second. This pass runs before the
// parser, in one linear scan with a rough tokenizer, and drops the start tags that would nest
// past a depth or leave too many formatting elements open, and cuts the document after a number
// of tags. Legitimate mail is never that deep; what is dropped is structure, never text.
// It also drops comments and the content of script, style and the other raw-text elements,
// which the sanitiser drops anyway: gumbo reads text at a few MB/s, and mail HTML often
// carries kilobytes of CSS and conditional comments.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace caredesk::mail {

struct HtmlBounds {
  std::size_t max_tags = 20000;         // the document is cut before the next tag
  std::size_t max_depth = 128;          // of counted containers (div, ul, table, span ...)
  std::size_t max_open_formatting = 8;  // start tags of b, i, font ... not yet ended
};

struct BoundedHtml {
  std::string html;
  bool cut = false;              // the document had more than max_tags tags
  std::size_t dropped_tags = 0;  // start tags dropped for depth or open formatting
};

BoundedHtml BoundHtml(std::string_view html, const HtmlBounds& bounds = {});

}  // namespace caredesk::mail
