#include "app/document_output.h"

#include <fstream>

#include "app/cli.h"
#include "app/command_support.h"
#include "print/document_html.h"
#include "print/document_pdf.h"

namespace caredesk::app {

int CheckDocumentFormat(const std::string& format) {
  if (format != "pdf" && format != "html") return BadArgument("--format", "must be pdf or html");
  return kExitOk;
}

tl::expected<std::size_t, int> WriteDocument(const print::Document& document,
                                             const std::string& format, const std::string& out) {
  std::string bytes;
  if (format == "html") {
    bytes = print::RenderHtml(document);
  } else {
    auto pdf = print::RenderPdf(document);
    if (!pdf) return tl::unexpected(StoreFailure(pdf.error()));
    bytes = std::move(*pdf);
  }
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) return tl::unexpected(BadArgument("--out", "cannot write " + out));
  return bytes.size();
}

}  // namespace caredesk::app
