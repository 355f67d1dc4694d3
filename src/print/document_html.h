// A Document (document.h) as one self-contained, accessible HTML5 page: the document's language,
// a heading structure, a contents list, tables with captions and header cells scoped to their
// column or row, bar charts as inline SVG (named by <title>, described by <desc>, hatched in
// black and grey) with the same figures in a table beside them, and print styles for A4. Every
// text is escaped; the page loads nothing from elsewhere and runs no script.
#pragma once

#include <string>

#include "print/document.h"

namespace caredesk::print {

// The page's UTF-8 text. Text that is not valid UTF-8 (which Validate refuses) prints with U+FFFD
// in place of its bytes beyond ASCII, so the page stays well-formed whatever it is handed.
std::string RenderHtml(const Document& document);

}  // namespace caredesk::print
