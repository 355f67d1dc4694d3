// Bar charts in the PDF, drawn with cairo in black and greys only: each bar outlined and hatched,
// its figure printed beside it, a target as a dashed black line. Labels sit beside the bars when
// they are short, above them when they are long (a standard's published wording).
#include <algorithm>
#include <array>

#include "print/pdf_blocks.h"

namespace caredesk::print::pdf {
namespace {

constexpr double kBarHeight = 10;
constexpr double kRowGap = 6;
constexpr double kHatchStep = 3;
constexpr double kLegendHeight = 14;
constexpr double kLabelsBesideShare = 0.3;  // of the column: wider labels go above the bars
constexpr std::array<double, 4> kGridShares = {0.25, 0.5, 0.75, 1.0};

struct Geometry {
  double label_width = 0;   // 0: labels above the bars
  double x0 = kMarginSide;  // where bars start
  double width = 0;         // the length of a full bar
  double max = 1;           // the value a full bar stands for
};

double Widest(PangoContext* context, const BarChart& chart, bool labels) {
  LayoutPtr measure = MakeLayout(context, "", style::kCell, 0);
  double widest = 0;
  for (const Bar& bar : chart.bars) {
    const std::string& text = labels ? bar.label : bar.value_text;
    pango_layout_set_text(measure.get(), text.data(), static_cast<int>(text.size()));
    widest = std::max(widest, WidthOf(measure.get()));
  }
  return widest;
}

Geometry GeometryOf(PangoContext* context, const BarChart& chart) {
  Geometry g;
  const double labels = Widest(context, chart, true) + 8;
  if (labels <= kLabelsBesideShare * kColumnWidth) g.label_width = labels;
  g.x0 = kMarginSide + g.label_width;
  g.width = kColumnWidth - g.label_width - (Widest(context, chart, false) + 8);
  if (chart.scale == ChartScale::kCount) {
    for (const Bar& bar : chart.bars) g.max = std::max(g.max, bar.value);
  }
  return g;
}

void DrawBar(cairo_t* cr, double x, double y, double length) {
  if (length <= 0) return;
  cairo_save(cr);
  cairo_rectangle(cr, x, y, length, kBarHeight);
  cairo_clip(cr);
  cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
  cairo_set_line_width(cr, 0.6);
  for (double d = -kBarHeight; d < length; d += kHatchStep) {
    cairo_move_to(cr, x + d, y + kBarHeight);
    cairo_line_to(cr, x + d + kBarHeight, y);
  }
  cairo_stroke(cr);
  cairo_restore(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.7);
  cairo_rectangle(cr, x, y, length, kBarHeight);
  cairo_stroke(cr);
}

void DrawTarget(cairo_t* cr, double x, double top, double bottom) {
  static constexpr std::array<double, 2> kDash = {2.5, 1.5};
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 1.2);
  cairo_set_dash(cr, kDash.data(), static_cast<int>(kDash.size()), 0);
  cairo_move_to(cr, x, top);
  cairo_line_to(cr, x, bottom);
  cairo_stroke(cr);
  cairo_restore(cr);
}

// The grid of a share chart and the axis the bars start from, over [top, bottom].
void DrawGrid(cairo_t* cr, const Geometry& g, bool shares, double top, double bottom) {
  cairo_set_line_width(cr, 0.4);
  cairo_set_source_rgb(cr, 0.82, 0.82, 0.82);
  if (shares) {
    for (const double share : kGridShares) {
      cairo_move_to(cr, g.x0 + share * g.width, top);
      cairo_line_to(cr, g.x0 + share * g.width, bottom);
    }
    cairo_stroke(cr);
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.6);
  cairo_move_to(cr, g.x0, top);
  cairo_line_to(cr, g.x0, bottom);
  cairo_stroke(cr);
}

void AddAxisLabels(Pages& pages, const Geometry& g) {
  double height = 0;
  for (const double share : std::array{0.0, 0.25, 0.5, 0.75, 1.0}) {
    TextStyle style = style::kSmall;
    style.alignment = PANGO_ALIGN_CENTER;
    PangoLayout* tick = pages.Keep(MakeLayout(
        pages.context(), std::to_string(static_cast<int>(share * 100)) + "%", style, 40));
    height = std::max(height, HeightOf(tick));
    pages.Draw([tick, x = g.x0 + share * g.width - 20, y = pages.Cursor()](cairo_t* cr) {
      ShowLayout(cr, tick, x, y, style::kSmall.grey);
    });
  }
  pages.Advance(height + 2);
}

void AddLegend(Pages& pages) {
  const double y = pages.Cursor();
  pages.Draw([y](cairo_t* cr) { DrawTarget(cr, kMarginSide + 4, y, y + 9); });
  PangoLayout* text = pages.Keep(MakeLayout(
      pages.context(), "Dashed line: the target. The figure beside each bar is its value.",
      style::kSmall, kColumnWidth - 14));
  pages.Draw([text, y](cairo_t* cr) { ShowLayout(cr, text, kMarginSide + 12, y, 0.25); });
  pages.Advance(std::max(kLegendHeight - 4, HeightOf(text)) + 4);
}

}  // namespace

void AddBarChart(Pages& pages, const BarChart& chart) {
  PangoContext* context = pages.context();
  const Geometry g = GeometryOf(context, chart);
  const bool shares = chart.scale == ChartScale::kShare;

  struct Row {
    PangoLayout* label;
    PangoLayout* value;
    double label_height;
    double height;
  };
  std::vector<Row> rows;
  for (const Bar& bar : chart.bars) {
    PangoLayout* label = pages.Keep(MakeLayout(
        context, bar.label, style::kCell, g.label_width > 0 ? g.label_width - 8 : kColumnWidth));
    PangoLayout* value = pages.Keep(MakeLayout(context, bar.value_text, style::kCell, 0));
    const double label_height = HeightOf(label);
    const double height =
        g.label_width > 0 ? std::max(label_height, kBarHeight) : label_height + 2 + kBarHeight;
    rows.push_back({label, value, label_height, height + kRowGap});
  }

  LayoutPtr title = MakeLayout(context, chart.title, style::kCaption, kColumnWidth);
  LayoutPtr description = MakeLayout(context, chart.description, style::kNote, kColumnWidth);
  double lead = HeightOf(title.get()) + 2 + (shares ? 12 : 0);
  if (!chart.description.empty()) lead += HeightOf(description.get()) + 6;
  // The whole chart on one page when a page holds it; otherwise at least its first rows.
  double all_rows = 0, first_rows = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    all_rows += rows[i].height;
    if (i < 3) first_rows += rows[i].height;
  }
  const bool fits_a_page = lead + all_rows + kLegendHeight <= kBodyBottom - kMarginTop;
  pages.KeepRoom(lead + (fits_a_page ? all_rows + kLegendHeight : first_rows));
  pages.AddText(chart.title, style::kCaption, 0, 2);
  if (!chart.description.empty()) pages.AddText(chart.description, style::kNote, 0, 6);
  if (shares) AddAxisLabels(pages, g);

  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const Bar& bar = chart.bars[i];
    pages.KeepRoom(row.height);
    if (pages.AtTop() && i > 0) {
      TextStyle continued = style::kCaption;
      continued.grey = 0.35;
      pages.AddText(chart.title + " (continued)", continued, 0, 4);
    }
    const double top = pages.Cursor();
    const double bar_top = g.label_width > 0 ? top + (row.height - kRowGap - kBarHeight) / 2
                                             : top + row.label_height + 2;
    const double label_top =
        g.label_width > 0 ? top + (row.height - kRowGap - row.label_height) / 2 : top;
    const double length = std::min(bar.value / g.max, 1.0) * g.width;
    const double target_x = bar.target ? std::min(*bar.target, 1.0) * g.width : 0;
    pages.Draw([=](cairo_t* cr) {
      ShowLayout(cr, row.label, kMarginSide, label_top, 0);
      DrawGrid(cr, g, shares, bar_top - kRowGap / 2, bar_top + kBarHeight + kRowGap / 2);
      DrawBar(cr, g.x0, bar_top, length);
      if (bar.target) DrawTarget(cr, g.x0 + target_x, bar_top - 3, bar_top + kBarHeight + 3);
      const double value_top = bar_top + (kBarHeight - HeightOf(row.value)) / 2;
      ShowLayout(cr, row.value, g.x0 + std::max(length, target_x) + 4, value_top, 0);
    });
    pages.Advance(row.height);
  }
  const bool any_target =
      std::any_of(chart.bars.begin(), chart.bars.end(), [](const Bar& b) { return b.target; });
  if (any_target) AddLegend(pages);
  pages.Advance(8);
}

}  // namespace caredesk::print::pdf
