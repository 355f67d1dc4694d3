#include "mail/letter_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <string_view>

#include "core/utf8.h"
#include "print/cairo_handles.h"

namespace caredesk::mail {
namespace {

// A4 in points, with margins of about 25 mm at the sides and room for the page number below.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.89;
constexpr double kMarginSide = 70.87;
constexpr double kMarginTop = 56.69;
constexpr double kMarginBottom = 85.0;
constexpr double kFooterBaseline = kPageHeight - 42.0;
constexpr double kColumnWidth = kPageWidth - 2 * kMarginSide;
// Where a DL window envelope shows the address (about 50 mm from the top).
constexpr double kAddressTop = 141.7;

constexpr std::size_t kMaxTextBytes = 200'000;
constexpr std::size_t kMaxFieldBytes = 2'000;
constexpr std::size_t kMaxAddressLines = 12;

using print::pdf::CairoPtr;
using print::pdf::ContextPtr;
using print::pdf::FontPtr;
using print::pdf::IterPtr;
using print::pdf::LayoutPtr;
using print::pdf::SurfacePtr;

struct Style {
  const char* family;
  double size;  // points
  bool bold = false;
  PangoAlignment alignment = PANGO_ALIGN_LEFT;
};

// The faces and sizes of one letter: a serif body for normal print, a plain sans-serif at 16 pt
// and more for large print.
struct Styles {
  Style letterhead, from_address, body, subject, small;
};

Styles StylesFor(bool large_print) {
  if (large_print) {
    return {{"DejaVu Sans", 22, true},
            {"DejaVu Sans", 16},
            {"DejaVu Sans", 16},
            {"DejaVu Sans", 17, true},
            {"DejaVu Sans", 16}};
  }
  return {{"DejaVu Sans", 17, true},
          {"DejaVu Sans", 9},
          {"Liberation Serif", 11.5},
          {"Liberation Serif", 12, true},
          {"DejaVu Sans", 8.5}};
}

struct Labels {
  std::string_view our_reference;  // "{}" is the reference
  std::string_view page;           // "{}" this page, "{}" the number of pages
};

Labels LabelsFor(std::string_view language) {
  if (language == "es" || language.starts_with("es-")) {
    return {"Nuestra referencia: {}", "Página {} de {}"};
  }
  return {"Our reference: {}", "Page {} of {}"};
}

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// One laid-out line, placed on a page.
struct PlacedLine {
  std::size_t page;
  double x;
  double baseline;
  PangoLayoutLine* line;  // owned by one of the Composer's layouts
};

// `text` laid out in `style` to `width` points, wrapping at words (inside a word only when a
// word is wider than the line).
LayoutPtr MakeLayout(PangoContext* context, std::string_view text, const Style& style,
                     double width) {
  LayoutPtr layout(pango_layout_new(context));
  FontPtr font(pango_font_description_new());
  pango_font_description_set_family(font.get(), style.family);
  pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
  pango_font_description_set_weight(font.get(),
                                    style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), font.get());
  pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), style.alignment);
  pango_layout_set_line_spacing(layout.get(), style.size >= 16 ? 1.3f : 1.2f);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

// Lays the letter out line by line down the pages (first, so the page count is known when the
// page numbers are drawn), then draws it.
class Composer {
 public:
  Composer(PangoContext* context, double continuation_top)
      : context_(context), continuation_top_(continuation_top) {}

  // Adds `text` at the cursor, starting a new page where a line does not fit. A paragraph does
  // not leave its first line alone at the foot of a page; `keep_together` moves the whole block.
  void Add(std::string_view text, const Style& style, double space_after,
           bool keep_together = false) {
    LayoutPtr layout = MakeLayout(context_, text, style, kColumnWidth);
    struct Metrics {
      PangoLayoutLine* line;
      double x, top, height, baseline;
    };
    std::vector<Metrics> lines;
    IterPtr iter(pango_layout_get_iter(layout.get()));
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
      lines.push_back(
          {pango_layout_iter_get_line_readonly(iter.get()),
           static_cast<double>(logical.x) / PANGO_SCALE,
           static_cast<double>(logical.y) / PANGO_SCALE,
           static_cast<double>(logical.height) / PANGO_SCALE,
           static_cast<double>(pango_layout_iter_get_baseline(iter.get())) / PANGO_SCALE});
    } while (pango_layout_iter_next_line(iter.get()));
    int width = 0, height = 0;
    pango_layout_get_size(layout.get(), &width, &height);
    const double total = static_cast<double>(height) / PANGO_SCALE;

    const double bottom = kPageHeight - kMarginBottom;
    const double first_two = lines.size() >= 2 ? lines[1].top + lines[1].height : total;
    const bool fits_on_fresh_page = total <= bottom - continuation_top_;
    const bool at_page_top = y_ <= (page_ == 0 ? kMarginTop : continuation_top_);
    if (!at_page_top && ((keep_together && fits_on_fresh_page && y_ + total > bottom) ||
                         (lines.size() >= 2 && y_ + first_two > bottom))) {
      NewPage();
    }
    double offset = 0;  // layout y at the top of the current page's part of the block
    double start = y_;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto& m = lines[i];
      if (start + (m.top - offset) + m.height > bottom && m.top > offset) {
        NewPage();
        offset = m.top;
        start = y_;
      }
      placed_.push_back({page_, kMarginSide + m.x, start + (m.baseline - offset), m.line});
    }
    y_ = start + (total - offset) + space_after;
    layouts_.push_back(std::move(layout));
  }

  // Moves the cursor down to `y` on the current page, if it is above it.
  void MoveTo(double y) { y_ = std::max(y_, y); }
  double Cursor() const { return y_; }
  std::size_t Pages() const { return page_ + 1; }
  const std::vector<PlacedLine>& Lines() const { return placed_; }

 private:
  void NewPage() {
    ++page_;
    y_ = continuation_top_;
  }

  PangoContext* context_;
  double continuation_top_;
  double y_ = kMarginTop;
  std::size_t page_ = 0;
  std::vector<PlacedLine> placed_;
  std::vector<LayoutPtr> layouts_;
};

// Draws every line of `layout` with its top left at (x, y).
void DrawLayout(cairo_t* cr, PangoLayout* layout, double x, double y) {
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
}

void DrawRule(cairo_t* cr, double y) {
  cairo_set_line_width(cr, 0.75);
  cairo_move_to(cr, kMarginSide, y);
  cairo_line_to(cr, kPageWidth - kMarginSide, y);
  cairo_stroke(cr);
}

std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string current;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      if (!current.empty()) paragraphs.push_back(std::move(current));
      current.clear();
    } else {
      if (!current.empty()) current += '\n';
      current += line;
    }
    pos = end + 1;
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  return paragraphs;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string joined;
  for (const auto& line : lines) {
    if (line.empty()) continue;
    if (!joined.empty()) joined += '\n';
    joined += line;
  }
  return joined;
}

core::Result<void> Validate(const Letter& letter) {
  auto check = [](std::string_view field, std::string_view value,
                  std::size_t limit) -> core::Result<void> {
    if (value.size() > limit) {
      return core::Fail(core::ErrorCode::kInvalid,
                        fmt::format("the {} is longer than {} bytes", field, limit),
                        std::string(field));
    }
    if (!core::IsValidUtf8(value)) {
      return core::Fail(core::ErrorCode::kInvalid, fmt::format("the {} is not valid UTF-8", field),
                        std::string(field));
    }
    return {};
  };
  for (const auto& [field, lines] : {std::pair{"from_address_lines", &letter.from_address_lines},
                                     std::pair{"to_address_lines", &letter.to_address_lines}}) {
    if (lines->size() > kMaxAddressLines) {
      return core::Fail(core::ErrorCode::kInvalid,
                        fmt::format("an address has at most {} lines", kMaxAddressLines), field);
    }
    for (const auto& line : *lines) {
      if (auto ok = check(field, line, kMaxFieldBytes); !ok) return ok;
    }
  }
  for (const auto& [field, value] :
       {std::pair{"organisation", &letter.organisation}, std::pair{"date_text", &letter.date_text},
        std::pair{"reference", &letter.reference}, std::pair{"subject", &letter.subject},
        std::pair{"language", &letter.language}}) {
    if (auto ok = check(field, *value, kMaxFieldBytes); !ok) return ok;
  }
  if (auto ok = check("text", letter.text, kMaxTextBytes); !ok) return ok;
  if (letter.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return core::Fail(core::ErrorCode::kInvalid, "the letter has no text", "text");
  }
  return {};
}

}  // namespace

core::Result<std::string> RenderLetterPdf(const Letter& letter) {
  if (auto valid = Validate(letter); !valid) return tl::unexpected(valid.error());
  const Styles styles = StylesFor(letter.large_print);
  const Labels labels = LabelsFor(letter.language);
  std::string subject = letter.subject;
  if (const std::string tag = "[" + letter.reference + "]";
      !letter.reference.empty() && subject.starts_with(tag)) {
    subject.erase(0, subject.find_first_not_of(' ', tag.size()));
  }
  const std::string our_reference =
      letter.reference.empty() ? ""
                               : fmt::format(fmt::runtime(labels.our_reference), letter.reference);

  std::string pdf;
  SurfacePtr surface(
      cairo_pdf_surface_create_for_stream(AppendToString, &pdf, kPageWidth, kPageHeight));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return core::Fail(core::ErrorCode::kUnavailable, "cairo could not start a PDF");
  }
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, subject.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "caredesk");
  {
    CairoPtr cr(cairo_create(surface.get()));
    ContextPtr context(pango_cairo_create_context(cr.get()));
    if (!letter.language.empty()) {
      pango_context_set_language(context.get(),
                                 pango_language_from_string(letter.language.c_str()));
    }
    // Continuation pages carry a one-line header: the organisation and our reference.
    std::string header_text = letter.organisation;
    if (!header_text.empty() && !our_reference.empty()) header_text += "  ·  ";
    header_text += our_reference;
    LayoutPtr header = MakeLayout(context.get(), header_text, styles.small, kColumnWidth);
    int header_w = 0, header_h = 0;
    pango_layout_get_size(header.get(), &header_w, &header_h);
    const double header_height = static_cast<double>(header_h) / PANGO_SCALE;
    const double continuation_top = kMarginTop + header_height + 18.0;

    Composer page(context.get(), continuation_top);
    if (!letter.organisation.empty()) page.Add(letter.organisation, styles.letterhead, 4);
    if (const auto from = Joined(letter.from_address_lines); !from.empty()) {
      page.Add(from, styles.from_address, 0, true);
    }
    const bool has_letterhead = page.Cursor() > kMarginTop;
    const double rule_y = page.Cursor() + 8;
    page.MoveTo(std::max(rule_y + 24, kAddressTop));
    const double body_size = styles.body.size;
    if (const auto to = Joined(letter.to_address_lines); !to.empty()) {
      page.Add(to, styles.body, body_size * 2, true);
    }
    if (!letter.date_text.empty()) page.Add(letter.date_text, styles.body, body_size * 0.4);
    if (!our_reference.empty()) page.Add(our_reference, styles.body, body_size * 1.5);
    if (!subject.empty()) page.Add(subject, styles.subject, body_size, true);
    for (const auto& paragraph : Paragraphs(letter.text)) {
      page.Add(paragraph, styles.body, body_size * 0.8);
    }

    cairo_t* c = cr.get();
    cairo_set_source_rgb(c, 0, 0, 0);
    const std::size_t pages = page.Pages();
    const auto& lines = page.Lines();
    auto next = lines.begin();
    for (std::size_t p = 0; p < pages; ++p) {
      if (p == 0) {
        if (has_letterhead) DrawRule(c, rule_y);
      } else {
        DrawLayout(c, header.get(), kMarginSide, kMarginTop);
        DrawRule(c, kMarginTop + header_height + 6);
      }
      for (; next != lines.end() && next->page == p; ++next) {
        cairo_move_to(c, next->x, next->baseline);
        pango_cairo_show_layout_line(c, next->line);
      }
      Style footer_style = styles.small;
      footer_style.alignment = PANGO_ALIGN_CENTER;
      LayoutPtr footer =
          MakeLayout(context.get(), fmt::format(fmt::runtime(labels.page), p + 1, pages),
                     footer_style, kColumnWidth);
      const double footer_baseline =
          static_cast<double>(pango_layout_get_baseline(footer.get())) / PANGO_SCALE;
      DrawLayout(c, footer.get(), kMarginSide, kFooterBaseline - footer_baseline);
      cairo_show_page(c);
    }
    if (cairo_status(c) != CAIRO_STATUS_SUCCESS) {
      return core::Fail(core::ErrorCode::kUnavailable,
                        fmt::format("cairo could not draw the letter: {}",
                                    cairo_status_to_string(cairo_status(c))));
    }
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return core::Fail(core::ErrorCode::kUnavailable,
                      fmt::format("cairo could not write the PDF: {}",
                                  cairo_status_to_string(cairo_surface_status(surface.get()))));
  }
  return pdf;
}

}  // namespace caredesk::mail
