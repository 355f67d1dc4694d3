#include "print/document_html.h"

#include <fmt/format.h>

#include "print/html_blocks.h"
#include "print/html_text.h"

namespace caredesk::print {
namespace html {
namespace {

// Black on white, greys for asides; A4 when printed, with rows, figures and headings kept whole.
constexpr std::string_view kStyle = R"css(
body { font-family: "DejaVu Sans", Verdana, sans-serif; color: #000; background: #fff;
       max-width: 48rem; margin: 0 auto; padding: 1rem; line-height: 1.45; }
header { border-bottom: 2px solid #000; margin-bottom: 1.5rem; }
.organisation { font-weight: bold; color: #333; margin: 0; }
h1 { font-size: 1.8rem; margin: 0.3rem 0; }
h2 { font-size: 1.35rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; }
.note, .produced { color: #444; font-size: 0.85rem; }
blockquote { margin: 0.5rem 0 0.5rem 0.5rem; padding-left: 0.8rem; border-left: 3px solid #777;
             font-style: italic; }
.scroll { overflow-x: auto; }
.scroll:focus { outline: 2px solid #000; }
table { border-collapse: collapse; margin: 0.5rem 0 1.2rem; width: 100%; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
th, td { border-bottom: 1px solid #999; padding: 0.25rem 0.4rem; vertical-align: top;
         text-align: left; }
thead th { border-bottom: 2px solid #000; background: #eee; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 0.5rem 0 1.5rem; }
figcaption { font-weight: bold; }
summary { cursor: pointer; }
a { color: #000; }
@media print {
  @page { size: A4; margin: 18mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav, summary { display: none; }
  h2, h3, caption { break-after: avoid; }
  tr, figure, blockquote { break-inside: avoid; }
  thead { display: table-header-group; }
  .page-break { break-before: page; }
}
)css";

// Escaped text with its line breaks kept.
std::string Lines(std::string_view text) {
  std::string escaped = Escaped(text);
  std::string out;
  for (const char c : escaped) {
    if (c == '\n') {
      out += "<br>";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

struct BlockWriter {
  std::string& out;
  int& charts;

  void operator()(const Paragraph& paragraph) const {
    switch (paragraph.style) {
      case ParagraphStyle::kBody:
        out += fmt::format("<p>{}</p>\n", Lines(paragraph.text));
        break;
      case ParagraphStyle::kSubheading:
        out += fmt::format("<h3>{}</h3>\n", Lines(paragraph.text));
        break;
      case ParagraphStyle::kQuote:
        out += fmt::format("<blockquote><p>{}</p></blockquote>\n", Lines(paragraph.text));
        break;
      case ParagraphStyle::kNote:
        out += fmt::format("<p class=\"note\">{}</p>\n", Lines(paragraph.text));
        break;
    }
  }
  void operator()(const List& list) const {
    out += "<ul>\n";
    for (const auto& item : list.items) out += fmt::format("<li>{}</li>\n", Lines(item));
    out += "</ul>\n";
  }
  void operator()(const Table& table) const { AppendTable(out, table); }
  void operator()(const BarChart& chart) const { AppendBarChart(out, chart, ++charts); }
  void operator()(const PageBreak&) const { out += "<div class=\"page-break\"></div>\n"; }
};

}  // namespace

void AppendTable(std::string& out, const Table& table) {
  auto num = [&](std::size_t column) {
    return column < table.numeric.size() && table.numeric[column] ? " class=\"num\"" : "";
  };
  out += fmt::format("<div class=\"scroll\" role=\"region\" aria-label=\"{}\" tabindex=\"0\">\n",
                     Escaped(table.caption));
  out += fmt::format("<table>\n<caption>{}</caption>\n<thead><tr>", Lines(table.caption));
  for (std::size_t c = 0; c < table.headings.size(); ++c) {
    out += fmt::format("<th scope=\"col\"{}>{}</th>", num(c), Lines(table.headings[c]));
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    out += "<tr>";
    for (std::size_t c = 0; c < row.size(); ++c) {
      const bool heads_row = c == 0 && table.row_headings;
      if (heads_row) {
        out += fmt::format("<th scope=\"row\"{}>{}</th>", num(c), Lines(row[c]));
      } else {
        out += fmt::format("<td{}>{}</td>", num(c), Lines(row[c]));
      }
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n";
}

}  // namespace html

std::string RenderHtml(const Document& document) {
  using html::Escaped;
  std::string out = "<!DOCTYPE html>\n";
  out += fmt::format("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
                     Escaped(document.language.empty() ? "en" : document.language));
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format(
      "<title>{}</title>\n",
      Escaped(document.organisation.empty() ? document.title
                                            : document.title + " — " + document.organisation));
  out += fmt::format("<style>{}</style>\n</head>\n<body>\n<header>\n", html::kStyle);
  if (!document.organisation.empty()) {
    out += fmt::format("<p class=\"organisation\">{}</p>\n", Escaped(document.organisation));
  }
  out += fmt::format("<h1>{}</h1>\n", Escaped(document.title));
  if (!document.subtitle.empty()) out += fmt::format("<p>{}</p>\n", Escaped(document.subtitle));
  if (!document.generated_at.empty()) {
    out += fmt::format("<p class=\"produced\">Produced {}</p>\n", Escaped(document.generated_at));
  }
  out += "</header>\n<main>\n";
  if (document.sections.size() > 1) {
    out += "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n";
    for (std::size_t s = 0; s < document.sections.size(); ++s) {
      out += fmt::format("<li><a href=\"#section-{}\">{}</a></li>\n", s + 1,
                         Escaped(document.sections[s].heading));
    }
    out += "</ol>\n</nav>\n";
  }
  int charts = 0;
  for (std::size_t s = 0; s < document.sections.size(); ++s) {
    const Section& section = document.sections[s];
    out +=
        fmt::format("<section aria-labelledby=\"section-{0}\">\n<h2 id=\"section-{0}\">{1}</h2>\n",
                    s + 1, Escaped(section.heading));
    for (const Block& block : section.blocks) std::visit(html::BlockWriter{out, charts}, block);
    out += "</section>\n";
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace caredesk::print
