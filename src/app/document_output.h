// What the commands that print a document share (`report annual`, `case file`): checking
// --format, rendering the Document as PDF or HTML and writing it to --out — or saying why not.
#pragma once

#include <cstddef>
#include <string>
#include <tl/expected.hpp>

#include "print/document.h"

namespace caredesk::app {

// Exit 2 naming --format unless `format` is pdf or html; 0 when it is.
int CheckDocumentFormat(const std::string& format);

// Writes `document` as `format` (pdf or html) to the file `out`: the bytes written, or the exit
// status after saying why not on stderr.
tl::expected<std::size_t, int> WriteDocument(const print::Document& document,
                                             const std::string& format, const std::string& out);

}  // namespace caredesk::app
