// The PDF renderer's tables and bar charts, laid onto Pages (pdf_pages.h) at the cursor.
// Internal to src/print.
#pragma once

#include "print/document.h"
#include "print/pdf_pages.h"

namespace caredesk::print::pdf {

// Columns sized to their contents within the page's width (text columns wrap), the header row
// repeated on every page the table reaches, and a row moved whole to the next page rather than
// split (only a row taller than a page is split, between lines).
void AddTable(Pages& pages, const Table& table);

// Outlined, hatched bars in black and grey with each value printed beside its bar, and a dashed
// line at each bar's target; it reads in black and white, photocopied.
void AddBarChart(Pages& pages, const BarChart& chart);

}  // namespace caredesk::print::pdf
