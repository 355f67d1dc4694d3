// Owned cairo and Pango handles (unique_ptr with the library's release function), for every
// PDF caredesk draws: the annual report (print/document_pdf.h) and letters (mail/letter_pdf.h).
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

namespace caredesk::print::pdf {

struct GObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
struct SurfaceDestroy {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct FontFree {
  void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};
struct IterFree {
  void operator()(PangoLayoutIter* iter) const { pango_layout_iter_free(iter); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectUnref>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;
using FontPtr = std::unique_ptr<PangoFontDescription, FontFree>;
using IterPtr = std::unique_ptr<PangoLayoutIter, IterFree>;

}  // namespace caredesk::print::pdf
