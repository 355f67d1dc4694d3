// Printable letters: when a contact came by post or fax, caredesk answers on that channel with a
// letter made from the same rendered template text as the email (mail/template_renderer.h). The
// letter is an A4 PDF in black and white: the organisation's letterhead, the addresses (the
// customer's where a window envelope shows it), the date, "Our reference", the subject in bold,
// the body wrapped and broken across pages, and page numbers. Large print (a reasonable
// adjustment) sets every line at 16 pt or more in a plain sans-serif face.
//
// Rendering is CPU work (Pango shaping, PDF writing): call it on the worker pool, never on an I/O
// thread.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"

namespace caredesk::mail {

struct Letter {
  std::string organisation;
  std::vector<std::string> from_address_lines;  // the organisation's address, in the letterhead
  std::vector<std::string> to_address_lines;    // the customer's name and address
  std::string date_text;                        // formatted for the reader, e.g. "2 March 2026"
  std::string reference;                        // the case reference
  std::string subject;  // a leading "[reference] " is dropped: the reference has its own line
  std::string text;     // the body; paragraphs separated by blank lines
  bool large_print = false;
  std::string language;  // "es" labels the letter in Spanish; anything else in English
};

// The letter as PDF bytes. kInvalid (naming the field) when a field is not valid UTF-8, the text
// is empty or a field is over its size limit; kUnavailable when cairo cannot write the PDF.
core::Result<std::string> RenderLetterPdf(const Letter& letter);

}  // namespace caredesk::mail
