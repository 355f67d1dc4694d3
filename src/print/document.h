// Printable documents: a plain model of a document — a title block and sections of paragraphs,
// lists, tables and bar charts — that knows nothing of pages, fonts or markup. A report (the
// annual audit report, annual_report.h) or a case's complete file is built as a Document, and the
// renderers turn the same Document into a PDF (document_pdf.h) or an accessible HTML page
// (document_html.h), so the two never disagree about what a document says.
//
// Every text is plain UTF-8, never markup: renderers escape or lay it out as it is.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/error.h"

namespace caredesk::print {

enum class ParagraphStyle {
  kBody,
  kSubheading,  // a heading inside a section, kept with what follows it
  kQuote,       // words someone else wrote (a customer's comment), set apart
  kNote,        // a smaller aside: how a figure was counted, what a table leaves out
};

struct Paragraph {
  std::string text;
  ParagraphStyle style = ParagraphStyle::kBody;
};

// A bulleted list of short items.
struct List {
  std::vector<std::string> items;
};

// A table with one header row. Rows are never split across pages (unless one is taller than a
// page); the header row is repeated on every page the table reaches.
struct Table {
  std::string caption;
  std::vector<std::string> headings;
  std::vector<std::vector<std::string>> rows;  // each as many cells as there are headings
  std::vector<bool> numeric;  // per column: right-aligned figures; missing entries are text
  bool row_headings = true;   // the first cell of each row names the row
};

enum class ChartScale {
  kShare,  // values are shares from 0 to 1, drawn against a 0 % – 100 % axis
  kCount,  // values are counts, drawn against the largest of them
};

// One bar: `value` is a share (0..1) or a count, per the chart's scale; `value_text` is printed
// beside the bar, so the chart reads without colour and without measuring.
struct Bar {
  std::string label;
  double value = 0;
  std::string value_text;
  std::optional<double> target;  // a share (kShare charts only), marked with a dashed line
};

struct BarChart {
  std::string title;
  std::string description;  // what the chart shows, in words (also the SVG's <desc>)
  ChartScale scale = ChartScale::kShare;
  std::vector<Bar> bars;
};

// A hint that what follows should start on a new page when printed.
struct PageBreak {};

using Block = std::variant<Paragraph, List, Table, BarChart, PageBreak>;

struct Section {
  std::string heading;
  std::vector<Block> blocks;
};

struct Document {
  std::string title;
  std::string subtitle;  // e.g. the period the document covers
  std::string organisation;
  std::string generated_at;     // when it was produced, formatted for the reader
  std::string language = "en";  // BCP 47, for the HTML page and the PDF's text shaping
  std::vector<Section> sections;
  // Names the document in each page's footer ("Case file CD-2026-000123 — page 2 of 5"), so a
  // page that comes loose says where it belongs; empty: "Page 2 of 5". (Initialised, so a
  // document written out field by field need not name it.)
  std::string page_label{};
};

// kInvalid (naming the part) when a text is not valid UTF-8, a table row has not one cell per
// heading, a bar's value is negative or not finite, or the document is over its size limits.
// Both renderers accept only a valid document.
core::Result<void> Validate(const Document& document);

}  // namespace caredesk::print
