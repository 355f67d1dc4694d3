// A Document (document.h) as an A4 PDF in black and white: a title block on the first page,
// numbered pages ("Page 2 of 9") with the document's title at their head, section headings kept
// with what follows them and listed in the PDF's outline, wrapped paragraphs, tables whose header
// row repeats on each page, and bar charts that read without colour.
//
// Rendering is CPU work (Pango shaping, PDF writing): call it on the worker pool, never on an I/O
// thread. A year's report renders in well under a second.
#pragma once

#include <string>

#include "core/error.h"
#include "print/document.h"

namespace caredesk::print {

// The document as PDF bytes. kInvalid when the document is not valid (Validate in document.h);
// kUnavailable when cairo cannot write the PDF.
core::Result<std::string> RenderPdf(const Document& document);

}  // namespace caredesk::print
