// The HTML renderer's tables and bar charts (document_html.h). Internal to src/print.
#pragma once

#include <string>

#include "print/document.h"

namespace caredesk::print::html {

// A <table> with its <caption>, column headings scoped to their columns and, when the table says
// so, each row's first cell as its row heading; figures right-aligned.
void AppendTable(std::string& out, const Table& table);

// A <figure> holding the chart as inline SVG (role img, named by its <title>, described by its
// <desc>; bars outlined and hatched, targets dashed, each figure printed beside its bar), its
// caption, and the same figures as a table in a <details> element. `number` makes its ids unique
// in the page.
void AppendBarChart(std::string& out, const BarChart& chart, int number);

}  // namespace caredesk::print::html
