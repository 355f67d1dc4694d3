#include "print/pdf_pages.h"

#include <algorithm>

namespace caredesk::print::pdf {

LayoutPtr MakeLayout(PangoContext* context, std::string_view text, const TextStyle& style,
                     double width) {
  LayoutPtr layout(pango_layout_new(context));
  FontPtr font(pango_font_description_from_string("DejaVu Sans, Sans"));
  pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
  pango_font_description_set_weight(font.get(),
                                    style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font.get(),
                                   style.italic ? PANGO_STYLE_OBLIQUE : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout.get(), font.get());
  if (width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_alignment(layout.get(), style.alignment);
  pango_layout_set_line_spacing(layout.get(), 1.2f);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

double WidthOf(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return static_cast<double>(logical.x + logical.width) / PANGO_SCALE;
}

double HeightOf(PangoLayout* layout) {
  int width = 0, height = 0;
  pango_layout_get_size(layout, &width, &height);
  return static_cast<double>(height) / PANGO_SCALE;
}

std::vector<LineBox> LinesOf(PangoLayout* layout) {
  std::vector<LineBox> lines;
  IterPtr iter(pango_layout_get_iter(layout));
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
    lines.push_back(
        {pango_layout_iter_get_line_readonly(iter.get()),
         static_cast<double>(logical.x) / PANGO_SCALE, static_cast<double>(logical.y) / PANGO_SCALE,
         static_cast<double>(logical.height) / PANGO_SCALE,
         static_cast<double>(pango_layout_iter_get_baseline(iter.get())) / PANGO_SCALE});
  } while (pango_layout_iter_next_line(iter.get()));
  return lines;
}

void ShowLayout(cairo_t* cr, PangoLayout* layout, double x, double y, double grey) {
  cairo_set_source_rgb(cr, grey, grey, grey);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
}

PangoLayout* Pages::Keep(LayoutPtr layout) {
  layouts_.push_back(std::move(layout));
  return layouts_.back().get();
}

void Pages::NewPage() {
  pages_.emplace_back();
  ++page_;
  y_ = kMarginTop;
}

void Pages::KeepRoom(double height) {
  if (!AtTop() && height > Room()) NewPage();
}

void Pages::Draw(DrawOp op) { pages_[page_].push_back(std::move(op)); }

void Pages::AddText(std::string_view text, const TextStyle& style, double indent,
                    double space_after, std::string_view marker, bool rule) {
  PangoLayout* layout = Keep(MakeLayout(context_, text, style, kColumnWidth - indent));
  const std::vector<LineBox> lines = LinesOf(layout);
  const double total = HeightOf(layout);
  const double first_two = lines.size() >= 2 ? lines[1].top + lines[1].height : total;
  if (!AtTop() && y_ + first_two > kBodyBottom) NewPage();

  const double grey = style.grey;
  double offset = 0;  // the layout's y at the top of this page's part of the text
  double start = y_;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const LineBox& line = lines[i];
    if (start + (line.top - offset) + line.height > kBodyBottom && line.top > offset) {
      NewPage();
      offset = line.top;
      start = y_;
    }
    const double x = kMarginSide + indent + line.x;
    const double baseline = start + (line.baseline - offset);
    Draw([grey, x, baseline, l = line.line](cairo_t* cr) {
      cairo_set_source_rgb(cr, grey, grey, grey);
      cairo_move_to(cr, x, baseline);
      pango_cairo_show_layout_line(cr, l);
    });
    if (rule) {
      const double top = start + (line.top - offset);
      Draw([top, height = line.height, rule_x = kMarginSide + indent / 2](cairo_t* cr) {
        cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
        cairo_set_line_width(cr, 2);
        cairo_move_to(cr, rule_x, top);
        cairo_line_to(cr, rule_x, top + height);
        cairo_stroke(cr);
      });
    }
    if (i == 0 && !marker.empty()) {
      PangoLayout* bullet = Keep(MakeLayout(context_, marker, style, 0));
      const double bullet_baseline =
          static_cast<double>(pango_layout_get_baseline(bullet)) / PANGO_SCALE;
      const double bx = kMarginSide + indent - 10;
      Draw([bullet, grey, bx, top = baseline - bullet_baseline](cairo_t* cr) {
        ShowLayout(cr, bullet, bx, top, grey);
      });
    }
  }
  y_ = start + (total - offset) + space_after;
}

}  // namespace caredesk::print::pdf
