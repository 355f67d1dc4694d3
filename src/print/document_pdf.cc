#include "print/document_pdf.h"

#include <cairo-pdf.h>
#include <fmt/format.h>

#include "print/pdf_blocks.h"
#include "print/pdf_pages.h"

namespace caredesk::print::pdf {
namespace {

constexpr double kHeadingRoom = 90;  // a heading is not left without this much below it
constexpr double kSubheadingRoom = 50;
constexpr double kListIndent = 16;
constexpr double kQuoteIndent = 18;
constexpr double kFooterTop = kPageHeight - 44;
constexpr double kHeaderTop = 30;

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void AddTitleBlock(Pages& pages, const Document& document) {
  if (!document.organisation.empty()) {
    pages.AddText(document.organisation, {12, true, false, 0.25}, 0, 6);
  }
  pages.AddText(document.title, {22, true}, 0, 6);
  if (!document.subtitle.empty()) pages.AddText(document.subtitle, {12}, 0, 4);
  if (!document.generated_at.empty()) {
    pages.AddText("Produced " + document.generated_at, style::kNote, 0, 0);
  }
  pages.Advance(8);
  pages.Draw([y = pages.Cursor()](cairo_t* cr) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 1.2);
    cairo_move_to(cr, kMarginSide, y);
    cairo_line_to(cr, kMarginSide + kColumnWidth, y);
    cairo_stroke(cr);
  });
  pages.Advance(14);
}

void AddHeading(Pages& pages, const std::string& text, const TextStyle& style, double room,
                double space_before, bool outline) {
  pages.Advance(pages.AtTop() ? 0 : space_before);
  pages.KeepRoom(room);
  if (outline) pages.AddOutline(text);
  pages.AddText(text, style, 0, style.size * 0.5);
}

// Lays one block at the cursor.
struct BlockLayer {
  Pages& pages;

  void operator()(const Paragraph& paragraph) const {
    switch (paragraph.style) {
      case ParagraphStyle::kBody:
        pages.AddText(paragraph.text, style::kBody, 0, 7);
        break;
      case ParagraphStyle::kSubheading:
        AddHeading(pages, paragraph.text, style::kSubheading, kSubheadingRoom, 6, false);
        break;
      case ParagraphStyle::kQuote:
        pages.AddText(paragraph.text, style::kQuote, kQuoteIndent, 7, {}, true);
        break;
      case ParagraphStyle::kNote:
        pages.AddText(paragraph.text, style::kNote, 0, 7);
        break;
    }
  }
  void operator()(const List& list) const {
    for (const auto& item : list.items) pages.AddText(item, style::kBody, kListIndent, 3, "•");
    pages.Advance(5);
  }
  void operator()(const Table& table) const { AddTable(pages, table); }
  void operator()(const BarChart& chart) const { AddBarChart(pages, chart); }
  void operator()(const PageBreak&) const {
    if (!pages.AtTop()) pages.NewPage();
  }
};

// The running head (from the second page) and the footer of page `index`.
void DrawPageFrame(cairo_t* cr, PangoContext* context, const Document& document, std::size_t index,
                   std::size_t count) {
  if (index > 0) {
    std::string head = document.title;
    if (!document.organisation.empty()) head = document.organisation + " · " + head;
    LayoutPtr layout = MakeLayout(context, head, style::kSmall, kColumnWidth);
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    ShowLayout(cr, layout.get(), kMarginSide, kHeaderTop, style::kSmall.grey);
  }
  TextStyle footer = style::kSmall;
  footer.alignment = PANGO_ALIGN_RIGHT;
  const std::string number =
      document.page_label.empty()
          ? fmt::format("Page {} of {}", index + 1, count)
          : fmt::format("{} — page {} of {}", document.page_label, index + 1, count);
  LayoutPtr page = MakeLayout(context, number, footer, kColumnWidth);
  cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
  cairo_set_line_width(cr, 0.4);
  cairo_move_to(cr, kMarginSide, kFooterTop - 4);
  cairo_line_to(cr, kMarginSide + kColumnWidth, kFooterTop - 4);
  cairo_stroke(cr);
  ShowLayout(cr, page.get(), kMarginSide, kFooterTop, footer.grey);
  if (!document.generated_at.empty()) {
    LayoutPtr produced = MakeLayout(context, "Produced " + document.generated_at, style::kSmall,
                                    kColumnWidth * (document.page_label.empty() ? 0.7 : 0.5));
    pango_layout_set_ellipsize(produced.get(), PANGO_ELLIPSIZE_END);
    ShowLayout(cr, produced.get(), kMarginSide, kFooterTop, style::kSmall.grey);
  }
}

// Lays the whole document down the pages.
void LayOut(Pages& pages, const Document& document) {
  AddTitleBlock(pages, document);
  for (const auto& section : document.sections) {
    std::size_t block = 0;
    // A page break hint before the heading takes the heading with it.
    if (!section.blocks.empty() && std::holds_alternative<PageBreak>(section.blocks[0])) {
      BlockLayer{pages}(PageBreak{});
      block = 1;
    }
    AddHeading(pages, section.heading, style::kHeading, kHeadingRoom, 16, true);
    for (; block < section.blocks.size(); ++block) {
      std::visit(BlockLayer{pages}, section.blocks[block]);
    }
  }
}

// Draws the laid-out pages with their running heads, footers and outline entries.
void DrawPages(cairo_surface_t* surface, cairo_t* cr, PangoContext* context, const Pages& pages,
               const Document& document) {
  auto next = pages.Outline().begin();
  for (std::size_t p = 0; p < pages.Count(); ++p) {
    for (const DrawOp& op : pages.Page(p)) op(cr);
    DrawPageFrame(cr, context, document, p, pages.Count());
    for (; next != pages.Outline().end() && next->page == p; ++next) {
      const std::string link =
          fmt::format("page={} pos=[{:.1f} {:.1f}]", p + 1, kMarginSide, next->y);
      cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, next->text.c_str(),
                                    link.c_str(), static_cast<cairo_pdf_outline_flags_t>(0));
    }
    cairo_show_page(cr);
  }
}

}  // namespace
}  // namespace caredesk::print::pdf

namespace caredesk::print {

core::Result<std::string> RenderPdf(const Document& document) {
  if (auto valid = Validate(document); !valid) return tl::unexpected(valid.error());
  std::string bytes;
  pdf::SurfacePtr surface(cairo_pdf_surface_create_for_stream(pdf::AppendToString, &bytes,
                                                              pdf::kPageWidth, pdf::kPageHeight));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return core::Fail(core::ErrorCode::kUnavailable, "cairo could not start a PDF");
  }
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, document.title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                 document.organisation.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "caredesk");
  {
    pdf::CairoPtr cr(cairo_create(surface.get()));
    pdf::ContextPtr context(pango_cairo_create_context(cr.get()));
    if (!document.language.empty()) {
      pango_context_set_language(context.get(),
                                 pango_language_from_string(document.language.c_str()));
    }
    pdf::Pages pages(context.get());
    pdf::LayOut(pages, document);
    pdf::DrawPages(surface.get(), cr.get(), context.get(), pages, document);
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
      return core::Fail(core::ErrorCode::kUnavailable,
                        fmt::format("cairo could not draw the document: {}",
                                    cairo_status_to_string(cairo_status(cr.get()))));
    }
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return core::Fail(core::ErrorCode::kUnavailable,
                      fmt::format("cairo could not write the PDF: {}",
                                  cairo_status_to_string(cairo_surface_status(surface.get()))));
  }
  return bytes;
}

}  // namespace caredesk::print
