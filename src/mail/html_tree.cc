#include "mail/html_tree.h"

#include <array>
#include <initializer_list>

namespace caredesk::mail {
namespace {

void* ArenaAllocate(void* arena, std::size_t size) {
  return static_cast<Arena*>(arena)->Allocate(size);
}

void ArenaFree(void*, void*) {}

const std::array<TagRule, GUMBO_TAG_LAST + 1>& Rules() {
  static const auto rules = [] {
    std::array<TagRule, GUMBO_TAG_LAST + 1> table{};
    const auto set = [&table](std::initializer_list<GumboTag> tags, Action action, Break brk) {
      for (GumboTag tag : tags) table[tag] = TagRule{action, brk};
    };
    set({GUMBO_TAG_B, GUMBO_TAG_STRONG, GUMBO_TAG_I, GUMBO_TAG_EM, GUMBO_TAG_U, GUMBO_TAG_CODE,
         GUMBO_TAG_SPAN, GUMBO_TAG_A},
        Action::kKeep, Break::kNone);
    set({GUMBO_TAG_LI, GUMBO_TAG_DIV, GUMBO_TAG_TR, GUMBO_TAG_THEAD, GUMBO_TAG_TBODY},
        Action::kKeep, Break::kLine);
    set({GUMBO_TAG_P, GUMBO_TAG_UL, GUMBO_TAG_OL, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_PRE, GUMBO_TAG_H1,
         GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_TABLE},
        Action::kKeep, Break::kParagraph);
    set({GUMBO_TAG_TD, GUMBO_TAG_TH}, Action::kKeep, Break::kNone);
    set({GUMBO_TAG_BR, GUMBO_TAG_HR}, Action::kVoid, Break::kLine);
    set({GUMBO_TAG_ARTICLE,  GUMBO_TAG_SECTION, GUMBO_TAG_NAV,     GUMBO_TAG_ASIDE,
         GUMBO_TAG_HEADER,   GUMBO_TAG_FOOTER,  GUMBO_TAG_ADDRESS, GUMBO_TAG_DL,
         GUMBO_TAG_DT,       GUMBO_TAG_DD,      GUMBO_TAG_FIGURE,  GUMBO_TAG_FIGCAPTION,
         GUMBO_TAG_MAIN,     GUMBO_TAG_CAPTION, GUMBO_TAG_TFOOT,   GUMBO_TAG_CENTER,
         GUMBO_TAG_FIELDSET, GUMBO_TAG_DETAILS, GUMBO_TAG_SUMMARY, GUMBO_TAG_HGROUP,
         GUMBO_TAG_LISTING,  GUMBO_TAG_DIR,     GUMBO_TAG_MENU},
        Action::kUnwrap, Break::kLine);
    set({GUMBO_TAG_HEAD,     GUMBO_TAG_TITLE,    GUMBO_TAG_BASE,      GUMBO_TAG_LINK,
         GUMBO_TAG_META,     GUMBO_TAG_STYLE,    GUMBO_TAG_SCRIPT,    GUMBO_TAG_NOSCRIPT,
         GUMBO_TAG_TEMPLATE, GUMBO_TAG_IFRAME,   GUMBO_TAG_EMBED,     GUMBO_TAG_OBJECT,
         GUMBO_TAG_PARAM,    GUMBO_TAG_VIDEO,    GUMBO_TAG_AUDIO,     GUMBO_TAG_SOURCE,
         GUMBO_TAG_TRACK,    GUMBO_TAG_CANVAS,   GUMBO_TAG_MAP,       GUMBO_TAG_AREA,
         GUMBO_TAG_MATH,     GUMBO_TAG_SVG,      GUMBO_TAG_FORM,      GUMBO_TAG_INPUT,
         GUMBO_TAG_BUTTON,   GUMBO_TAG_SELECT,   GUMBO_TAG_DATALIST,  GUMBO_TAG_OPTGROUP,
         GUMBO_TAG_OPTION,   GUMBO_TAG_TEXTAREA, GUMBO_TAG_KEYGEN,    GUMBO_TAG_APPLET,
         GUMBO_TAG_BGSOUND,  GUMBO_TAG_FRAME,    GUMBO_TAG_FRAMESET,  GUMBO_TAG_NOFRAMES,
         GUMBO_TAG_NOEMBED,  GUMBO_TAG_XMP,      GUMBO_TAG_PLAINTEXT, GUMBO_TAG_ISINDEX,
         GUMBO_TAG_IMG,      GUMBO_TAG_IMAGE,    GUMBO_TAG_MARQUEE},
        Action::kDrop, Break::kNone);
    return table;
  }();
  return rules;
}

}  // namespace

TagRule RuleFor(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEMPLATE) return {Action::kDrop, Break::kNone};
  const GumboElement& element = node->v.element;
  if (element.tag_namespace != GUMBO_NAMESPACE_HTML) return {Action::kDrop, Break::kNone};
  if (element.tag > GUMBO_TAG_LAST) return {};
  return Rules()[element.tag];
}

void* Arena::Allocate(std::size_t size) {
  size = (size + 15) & ~std::size_t{15};
  if (size > left_) {
    const std::size_t block = size > kBlockBytes / 4 ? size : kBlockBytes;
    blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(block));
    if (block != kBlockBytes) return blocks_.back().get();  // a large piece of its own
    next_ = blocks_.back().get();
    left_ = block;
  }
  void* result = next_;
  next_ += size;
  left_ -= size;
  return result;
}

GumboOutput* ParseHtml(std::string_view html, Arena& arena) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = ArenaAllocate;
  options.deallocator = ArenaFree;
  options.userdata = &arena;
  options.max_errors = 0;  // the errors are of no use here and cost memory
  return gumbo_parse_with_options(&options, html.data(), html.size());
}

const GumboVector* Children(const GumboNode* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
    return &node->v.element.children;
  }
  return nullptr;
}

}  // namespace caredesk::mail
