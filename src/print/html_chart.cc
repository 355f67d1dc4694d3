// Bar charts as inline SVG, drawn in black and greys like the PDF's (pdf_chart.cc): a reader
// without colour, or with the page printed, reads the same figures. SVG text does not wrap, so
// labels go above their bars when any is long, cut short if longer still (the figures table below
// the chart holds them whole).
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "print/html_blocks.h"
#include "print/html_text.h"

namespace caredesk::print::html {
namespace {

constexpr double kWidth = 640;
constexpr double kValueWidth = 140;        // room for the figure beside a full bar
constexpr double kLabelWidth = 200;        // the label column when labels sit beside the bars
constexpr std::size_t kLabelsBeside = 28;  // code points: longer labels go above the bars
constexpr std::size_t kLabelMax = 90;      // code points shown above a bar
constexpr double kBarHeight = 14;
constexpr double kAxisHeight = 18;
constexpr std::array<double, 5> kTicks = {0, 0.25, 0.5, 0.75, 1.0};

std::size_t CodePoints(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

void AppendFiguresTable(std::string& out, const BarChart& chart) {
  const bool targets =
      std::any_of(chart.bars.begin(), chart.bars.end(), [](const Bar& b) { return b.target; });
  Table table{chart.title, {"Item", "Value"}, {}, {false, true}};
  if (targets) {
    table.headings.push_back("Target");
    table.numeric.push_back(true);
  }
  for (const Bar& bar : chart.bars) {
    table.rows.push_back({bar.label, bar.value_text});
    if (targets) {
      table.rows.back().push_back(bar.target ? fmt::format("{:.0f}%", *bar.target * 100) : "–");
    }
  }
  out += "<details><summary>The figures of this chart</summary>\n";
  AppendTable(out, table);
  out += "</details>\n";
}

}  // namespace

void AppendBarChart(std::string& out, const BarChart& chart, int number) {
  const std::string id = fmt::format("chart-{}", number);
  const bool shares = chart.scale == ChartScale::kShare;
  std::size_t longest = 0;
  for (const Bar& bar : chart.bars) longest = std::max(longest, CodePoints(bar.label));
  const bool beside = longest <= kLabelsBeside;
  const double x0 = beside ? kLabelWidth : 2;
  const double length = kWidth - x0 - kValueWidth;
  const double row_height = beside ? kBarHeight + 10 : kBarHeight + 26;
  double max = 1;
  if (!shares) {
    for (const Bar& bar : chart.bars) max = std::max(max, bar.value);
  }
  const double top = shares ? kAxisHeight : 4;
  const double height = top + row_height * static_cast<double>(chart.bars.size()) + 4;

  out +=
      fmt::format("<figure class=\"chart\" id=\"{}\">\n<figcaption>{}", id, Escaped(chart.title));
  if (std::any_of(chart.bars.begin(), chart.bars.end(), [](const Bar& b) { return b.target; })) {
    out += " <span class=\"note\">(dashed line: the target)</span>";
  }
  out += "</figcaption>\n";
  if (!chart.description.empty()) {
    out += fmt::format("<p class=\"note\">{}</p>\n", Escaped(chart.description));
  }
  out += fmt::format(
      "<svg role=\"img\" aria-labelledby=\"{0}-title\" aria-describedby=\"{0}-desc\" "
      "viewBox=\"0 0 {1:.0f} {2:.0f}\" width=\"100%\" style=\"max-width:{1:.0f}px\" "
      "font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"12\">\n",
      id, kWidth, height);
  out += fmt::format("<title id=\"{}-title\">{}</title>\n", id, Escaped(chart.title));
  out += fmt::format("<desc id=\"{}-desc\">{}</desc>\n", id, Escaped(chart.description));
  out += fmt::format(
      "<defs><pattern id=\"{}-hatch\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" fill=\"#fff\"/>"
      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"#555\" stroke-width=\"1.4\"/>"
      "</pattern></defs>\n",
      id);
  const double bottom = height - 4;
  if (shares) {
    for (const double tick : kTicks) {
      const double x = x0 + tick * length;
      out += fmt::format(
          "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#ccc\" "
          "stroke-width=\"0.6\"/><text x=\"{0:.1f}\" y=\"12\" text-anchor=\"{3}\" "
          "font-size=\"10\" fill=\"#444\">{4:.0f}%</text>\n",
          x, top, bottom, tick == 0 ? "start" : "middle", tick * 100);
    }
  }
  out += fmt::format(
      "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#000\"/>\n", x0,
      top, bottom);
  double y = top;
  for (const Bar& bar : chart.bars) {
    const double bar_y = beside ? y + 5 : y + 20;
    const double label_y = beside ? bar_y + kBarHeight - 3 : y + 14;
    const double bar_length = std::min(bar.value / max, 1.0) * length;
    out += fmt::format("<g><text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>", beside ? 2.0 : x0 + 3,
                       label_y, Escaped(Shortened(bar.label, beside ? kLabelsBeside : kLabelMax)));
    if (bar_length > 0) {
      out += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.0f}\" "
          "fill=\"url(#{}-hatch)\" stroke=\"#000\" stroke-width=\"1\"/>",
          x0, bar_y, bar_length, kBarHeight, id);
    }
    double text_x = x0 + bar_length + 5;
    if (bar.target) {
      const double target_x = x0 + std::min(*bar.target, 1.0) * length;
      out += fmt::format(
          "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#000\" "
          "stroke-width=\"2\" stroke-dasharray=\"4 2\"/>",
          target_x, bar_y - 3, bar_y + kBarHeight + 3);
      text_x = std::max(text_x, target_x + 5);
    }
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text></g>\n", text_x,
                       bar_y + kBarHeight - 3, Escaped(bar.value_text));
    y += row_height;
  }
  out += "</svg>\n";
  AppendFiguresTable(out, chart);
  out += "</figure>\n";
}

}  // namespace caredesk::print::html
