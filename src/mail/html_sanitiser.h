// HTML from inbound mail, made safe to show to staff and reduced to text. Email HTML is hostile
// input: it may carry scripts, frames, forms, tracking images, event handlers and javascript:
// links. The sanitiser parses it the way a browser would (gumbo, HTML5) and writes back only an
// allow-listed subset of elements and attributes, so what it returns can be placed in a page
// as is. Hostile documents are first bounded (html_bounds.h) so gumbo's worst cases stay cheap;
// the tree is walked iteratively and gumbo's memory lives in an arena freed in one go.
#pragma once

#include <string>
#include <string_view>

namespace caredesk::mail {

// Keeps p, br, b, strong, i, em, u, ul, ol, li, blockquote, pre, code, h1-h6, table, thead,
// tbody, tr, td, th, span, div, hr and a (href only when http, https or mailto; given
// rel="noopener noreferrer nofollow"). Other elements are unwrapped (their text is kept); script,
// style, head, iframe, object, embed, form, input, svg, math, link, meta, base and the like are
// dropped with their content, as are comments and every other attribute. Valid UTF-8 out.
std::string SanitiseHtml(std::string_view html);

// The readable text of `html`: block elements end lines, list items start with "- ", runs of
// white space collapse (except inside pre), link text is kept, dropped elements give no text.
std::string HtmlToText(std::string_view html);

struct SanitisedHtml {
  std::string html;  // as SanitiseHtml
  std::string text;  // as HtmlToText
  bool cut = false;  // the document had more tags than HtmlBounds allows; only its start was read
};

// Both at the cost of one parse (SanitiseHtml and HtmlToText each cost the same).
SanitisedHtml Sanitise(std::string_view html);

}  // namespace caredesk::mail
