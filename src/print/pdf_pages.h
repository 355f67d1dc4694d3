// The page machinery under RenderPdf (document_pdf.h): owned cairo and Pango handles, the text
// styles, and Pages, which lays blocks down A4 pages first — recording what to draw on each — so
// that the page count is known when the pages are drawn ("Page 3 of 12"). Internal to src/print.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "print/cairo_handles.h"

namespace caredesk::print::pdf {

// A4 portrait in points, with margins of 20 mm at the top and sides and room for the footer.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.89;
constexpr double kMarginSide = 56.69;
constexpr double kMarginTop = 62.0;
constexpr double kMarginBottom = 70.0;
constexpr double kColumnWidth = kPageWidth - 2 * kMarginSide;
constexpr double kBodyBottom = kPageHeight - kMarginBottom;

struct TextStyle {
  double size = 9.5;  // points
  bool bold = false;
  bool italic = false;
  double grey = 0;  // 0 black … 1 white; text stays at 0.4 or darker
  PangoAlignment alignment = PANGO_ALIGN_LEFT;
};

namespace style {
inline constexpr TextStyle kBody{9.5};
inline constexpr TextStyle kNote{8, false, false, 0.3};
inline constexpr TextStyle kQuote{9.5, false, true, 0.15};
inline constexpr TextStyle kHeading{14, true};
inline constexpr TextStyle kSubheading{10.5, true};
inline constexpr TextStyle kCaption{9, true};
inline constexpr TextStyle kCell{8.5};
inline constexpr TextStyle kCellHeading{8.5, true};
inline constexpr TextStyle kSmall{7.5, false, false, 0.25};
}  // namespace style

// `text` laid out in `style`, wrapped at words to `width` points (inside a word only where a word
// is wider than the line); a width of 0 or less does not wrap.
LayoutPtr MakeLayout(PangoContext* context, std::string_view text, const TextStyle& style,
                     double width);
double WidthOf(PangoLayout* layout);
double HeightOf(PangoLayout* layout);

// One line of a layout: its top and height within the layout, and its baseline.
struct LineBox {
  PangoLayoutLine* line;
  double x, top, height, baseline;
};
std::vector<LineBox> LinesOf(PangoLayout* layout);

// Draws `layout` with its top left at (x, y) in its style's grey.
void ShowLayout(cairo_t* cr, PangoLayout* layout, double x, double y, double grey);

using DrawOp = std::function<void(cairo_t*)>;

// A heading to list in the PDF's outline (its bookmarks).
struct OutlineEntry {
  std::string text;
  std::size_t page;
  double y;
};

class Pages {
 public:
  explicit Pages(PangoContext* context) : context_(context), pages_(1) {}

  PangoContext* context() const { return context_; }
  // Keeps `layout` alive until the pages are drawn; returns it.
  PangoLayout* Keep(LayoutPtr layout);

  double Cursor() const { return y_; }
  double Room() const { return kBodyBottom - y_; }
  bool AtTop() const { return y_ <= kMarginTop; }
  void NewPage();
  void Advance(double points) { y_ += points; }
  // Starts a new page unless `height` points fit below the cursor (or the page is still empty).
  void KeepRoom(double height);
  // Adds `op` to the current page.
  void Draw(DrawOp op);

  // Flows `text` line by line from the cursor, `indent` points in, breaking across pages without
  // leaving a paragraph's first line alone at the foot of a page. `marker` (a bullet) is drawn in
  // the indent beside the first line; `rule` draws a grey bar down the indent (a quotation).
  void AddText(std::string_view text, const TextStyle& style, double indent, double space_after,
               std::string_view marker = {}, bool rule = false);
  void AddOutline(std::string text) { outline_.push_back({std::move(text), page_, y_}); }

  std::size_t Count() const { return pages_.size(); }
  const std::vector<DrawOp>& Page(std::size_t index) const { return pages_[index]; }
  const std::vector<OutlineEntry>& Outline() const { return outline_; }

 private:
  PangoContext* context_;
  std::vector<std::vector<DrawOp>> pages_;
  std::vector<LayoutPtr> layouts_;
  std::vector<OutlineEntry> outline_;
  std::size_t page_ = 0;
  double y_ = kMarginTop;
};

}  // namespace caredesk::print::pdf
