// Tables in the PDF: column widths from the cells' natural widths, rows laid out whole, the
// caption and header row repeated at the top of each page the table continues on.
#include <algorithm>
#include <numeric>

#include "print/pdf_blocks.h"

namespace caredesk::print::pdf {
namespace {

constexpr double kPad = 3.5;           // inside each cell, points
constexpr double kMinTextColumn = 56;  // a text column squeezed narrower wraps too much
constexpr double kCaptionGap = 3;
constexpr double kSpaceAfter = 12;
constexpr double kSplitRowStart = 60;  // room for the first lines of a row split across pages

bool IsNumeric(const Table& table, std::size_t column) {
  return column < table.numeric.size() && table.numeric[column];
}

// The widest word of `text`: a heading may wrap between words, but never inside one.
double WidestWord(PangoLayout* measure, std::string_view text) {
  double widest = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    pango_layout_set_text(measure, text.data() + pos, static_cast<int>(end - pos));
    widest = std::max(widest, WidthOf(measure));
    pos = end + 1;
  }
  return widest;
}

std::vector<double> ColumnWidths(PangoContext* context, const Table& table) {
  const std::size_t n = table.headings.size();
  LayoutPtr cell = MakeLayout(context, "", style::kCell, 0);
  LayoutPtr heading = MakeLayout(context, "", style::kCellHeading, 0);
  std::vector<double> natural(n, 0);
  for (std::size_t c = 0; c < n; ++c) {
    natural[c] = WidestWord(heading.get(), table.headings[c]);
    for (const auto& row : table.rows) {
      pango_layout_set_text(cell.get(), row[c].data(), static_cast<int>(row[c].size()));
      natural[c] = std::max(natural[c], WidthOf(cell.get()));
    }
    natural[c] += 2 * kPad;
  }
  double text_natural = 0, numeric_natural = 0;
  std::size_t text_columns = 0;
  for (std::size_t c = 0; c < n; ++c) {
    (IsNumeric(table, c) ? numeric_natural : text_natural) += natural[c];
    if (!IsNumeric(table, c)) ++text_columns;
  }
  const double total = text_natural + numeric_natural;
  std::vector<double> widths = natural;
  if (total <= kColumnWidth) {
    // Full width: the spare room goes to the text columns (to every column when all are figures).
    const double spare = kColumnWidth - total;
    for (std::size_t c = 0; c < n; ++c) {
      if (text_columns == 0) {
        widths[c] += spare * natural[c] / total;
      } else if (!IsNumeric(table, c)) {
        widths[c] += spare * natural[c] / text_natural;
      }
    }
  } else if (numeric_natural + kMinTextColumn * static_cast<double>(text_columns) <= kColumnWidth) {
    // Figures keep their width. Text columns narrower than a fair share of the rest keep theirs
    // too; the wider ones share what is left in proportion, and wrap.
    double room = kColumnWidth - numeric_natural;
    std::vector<bool> settled(n, false);
    for (std::size_t c = 0; c < n; ++c) settled[c] = IsNumeric(table, c);
    for (bool changed = true; changed;) {
      changed = false;
      std::size_t open = 0;
      for (std::size_t c = 0; c < n; ++c) open += settled[c] ? 0 : 1;
      if (open == 0) break;
      const double fair = room / static_cast<double>(open);
      for (std::size_t c = 0; c < n; ++c) {
        if (settled[c] || natural[c] > fair) continue;
        settled[c] = changed = true;
        room -= natural[c];
      }
    }
    double open_natural = 0, open_width = 0;
    for (std::size_t c = 0; c < n; ++c) open_natural += settled[c] ? 0 : natural[c];
    for (std::size_t c = 0; c < n; ++c) {
      if (settled[c]) continue;
      widths[c] = std::max(kMinTextColumn, room * natural[c] / open_natural);
      open_width += widths[c];
    }
    for (std::size_t c = 0; c < n; ++c) {
      if (!settled[c]) widths[c] *= room / open_width;
    }
  } else {
    for (auto& width : widths) width *= kColumnWidth / total;
  }
  return widths;
}

struct Cell {
  PangoLayout* layout;
  double x;  // the cell's left edge
  std::vector<LineBox> lines;
};

struct Row {
  std::vector<Cell> cells;
  double height = 0;  // with the padding
};

Row LayRow(Pages& pages, const Table& table, const std::vector<std::string>& texts,
           const std::vector<double>& widths, const TextStyle& base) {
  Row row;
  double x = kMarginSide;
  double content = 0;
  for (std::size_t c = 0; c < texts.size(); ++c) {
    TextStyle style = base;
    style.alignment = IsNumeric(table, c) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
    PangoLayout* layout =
        pages.Keep(MakeLayout(pages.context(), texts[c], style, widths[c] - 2 * kPad));
    content = std::max(content, HeightOf(layout));
    row.cells.push_back({layout, x, LinesOf(layout)});
    x += widths[c];
  }
  row.height = content + 2 * kPad;
  return row;
}

void Rule(Pages& pages, double width, double grey) {
  pages.Draw([y = pages.Cursor(), width, grey](cairo_t* cr) {
    cairo_set_source_rgb(cr, grey, grey, grey);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, kMarginSide, y);
    cairo_line_to(cr, kMarginSide + kColumnWidth, y);
    cairo_stroke(cr);
  });
}

// Draws the lines of `row` whose tops lie in [from, to) of the cells' content, at the cursor, and
// moves the cursor below them.
void DrawRowPart(Pages& pages, const Row& row, double from, double to) {
  const double top = pages.Cursor() + kPad;
  for (const Cell& cell : row.cells) {
    for (const LineBox& line : cell.lines) {
      if (line.top < from || line.top >= to) continue;
      pages.Draw(
          [x = cell.x + kPad + line.x, y = top + line.baseline - from, l = line.line](cairo_t* cr) {
            cairo_set_source_rgb(cr, 0, 0, 0);
            cairo_move_to(cr, x, y);
            pango_cairo_show_layout_line(cr, l);
          });
    }
  }
  pages.Advance(std::min(to, row.height - 2 * kPad) - from + 2 * kPad);
}

// The first content offset after `from` at which `row` must be cut to fit `room` points: the top
// of the first line that would cross the foot.
double CutBefore(const Row& row, double from, double room) {
  const double limit = from + room;
  double cut = row.height - 2 * kPad;
  if (cut <= limit) return cut;
  cut = limit;
  for (const Cell& cell : row.cells) {
    for (const LineBox& line : cell.lines) {
      if (line.top >= from && line.top + line.height > limit) cut = std::min(cut, line.top);
    }
  }
  return cut > from ? cut : limit;  // a single line taller than a page is cut through
}

}  // namespace

void AddTable(Pages& pages, const Table& table) {
  const std::vector<double> widths = ColumnWidths(pages.context(), table);
  const Row header = LayRow(pages, table, table.headings, widths, style::kCellHeading);
  std::vector<Row> rows;
  rows.reserve(table.rows.size());
  for (const auto& cells : table.rows) {
    rows.push_back(LayRow(pages, table, cells, widths, style::kCell));
  }
  LayoutPtr caption = MakeLayout(pages.context(), table.caption, style::kCaption, kColumnWidth);
  const double caption_height = table.caption.empty() ? 0 : HeightOf(caption.get()) + kCaptionGap;

  auto draw_header = [&](bool continued) {
    if (!table.caption.empty()) {
      TextStyle style = style::kCaption;
      if (continued) style.grey = 0.35;
      pages.AddText(continued ? table.caption + " (continued)" : table.caption, style, 0,
                    kCaptionGap);
    }
    pages.Draw([y = pages.Cursor(), h = header.height](cairo_t* cr) {
      cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
      cairo_rectangle(cr, kMarginSide, y, kColumnWidth, h);
      cairo_fill(cr);
    });
    DrawRowPart(pages, header, 0, header.height);
    Rule(pages, 0.8, 0);
  };

  // The caption and header stay with the first row, or with the start of a row too tall for any
  // page (which will be split anyway).
  const double fresh_page_room = kBodyBottom - kMarginTop - caption_height - header.height;
  double first_row = rows.empty() ? 0 : rows.front().height;
  if (first_row > fresh_page_room) first_row = kSplitRowStart;
  pages.KeepRoom(caption_height + header.height + first_row);
  draw_header(false);
  for (const Row& row : rows) {
    if (row.height > pages.Room() && row.height <= fresh_page_room) {
      pages.NewPage();
      draw_header(true);
    }
    // Normally one pass; a row taller than a page continues on the next, between lines.
    const double end = row.height - 2 * kPad;
    double from = 0;
    while (true) {
      const double to = CutBefore(row, from, pages.Room() - 2 * kPad);
      if (to > from) {
        DrawRowPart(pages, row, from, to);
        from = to;
      }
      if (from >= end) break;
      pages.NewPage();
      draw_header(true);
    }
    Rule(pages, 0.4, 0.6);
  }
  if (!rows.empty()) Rule(pages, 0.8, 0);
  pages.Advance(kSpaceAfter);
}

}  // namespace caredesk::print::pdf
