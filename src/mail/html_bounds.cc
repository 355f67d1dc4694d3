#include "mail/html_bounds.h"

#include <algorithm>
#include <array>
#include <vector>

namespace caredesk::mail {
namespace {

// How a start tag changes the nesting, as far as this rough pass needs to know.
enum class Kind {
  kContainer,   // nests until its end tag (div, span, ul, table, unknown names ...)
  kFormatting,  // nests, and gumbo re-opens it for each paragraph until its end tag
  kFlat,        // ended implicitly by its next sibling (p, li, td ...), or never has content
  kRawText,     // its content is text up to its end tag (script, style ...)
  kPlainText,   // everything after it is text
};

constexpr std::array<std::string_view, 14> kFormatting = {
    "a",    "b", "big",   "code",   "em",     "font", "i",
    "nobr", "s", "small", "strike", "strong", "tt",   "u"};

Kind KindOf(std::string_view name) {
  static constexpr std::string_view kFlatNames[] = {
      "area",  "base",    "br",       "col",    "embed", "hr",    "img",     "input",    "keygen",
      "link",  "meta",    "param",    "source", "track", "wbr",   "image",   "basefont", "bgsound",
      "frame", "isindex", "menuitem", "p",      "li",    "dd",    "dt",      "option",   "optgroup",
      "td",    "th",      "tr",       "tbody",  "thead", "tfoot", "caption", "colgroup", "rb",
      "rt",    "rtc",     "rp",       "html",   "head",  "body"};
  static constexpr std::string_view kRawTextNames[] = {"script",  "style",    "xmp",      "iframe",
                                                       "noembed", "noframes", "textarea", "title"};
  if (std::find(kFormatting.begin(), kFormatting.end(), name) != kFormatting.end()) {
    return Kind::kFormatting;
  }
  if (std::find(std::begin(kFlatNames), std::end(kFlatNames), name) != std::end(kFlatNames)) {
    return Kind::kFlat;
  }
  if (std::find(std::begin(kRawTextNames), std::end(kRawTextNames), name) !=
      std::end(kRawTextNames)) {
    return Kind::kRawText;
  }
  return name == "plaintext" ? Kind::kPlainText : Kind::kContainer;
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char Lower(char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c); }

// Just past the '>' that ends a tag whose attributes start at `at`; quoted attribute values may
// hold a '>'. The end of the document when the tag is never closed.
std::size_t TagEnd(std::string_view html, std::size_t at) {
  bool after_equals = false;
  while (at < html.size()) {
    const char c = html[at];
    if (c == '>') return at + 1;
    if (after_equals && (c == '"' || c == '\'')) {
      const std::size_t close = html.find(c, at + 1);
      if (close == std::string_view::npos) return html.size();
      at = close + 1;
      after_equals = false;
      continue;
    }
    if (c == '=') {
      after_equals = true;
    } else if (!IsSpace(c)) {
      after_equals = false;
    }
    ++at;
  }
  return html.size();
}

// Where "</name" (any letter case) next starts at or after `at`, or the end of the document.
std::size_t RawTextEnd(std::string_view html, std::size_t at, std::string_view name) {
  while ((at = html.find("</", at)) != std::string_view::npos) {
    const std::string_view candidate = html.substr(at + 2, name.size());
    if (candidate.size() == name.size() &&
        std::equal(candidate.begin(), candidate.end(), name.begin(),
                   [](char a, char b) { return Lower(a) == b; })) {
      return at;
    }
    at += 2;
  }
  return html.size();
}

}  // namespace

BoundedHtml BoundHtml(std::string_view html, const HtmlBounds& bounds) {
  BoundedHtml out;
  out.html.reserve(html.size());
  std::vector<std::string> open;  // counted containers, innermost last
  std::array<std::size_t, kFormatting.size()> formatting{};
  std::size_t open_formatting = 0;
  std::size_t tags = 0;
  std::size_t copied = 0;  // html before this is in out.html (or dropped)
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string_view::npos && at + 1 < html.size()) {
    if (html.substr(at, 4) == "<!--") {  // dropped: the sanitiser would drop it
      const std::size_t end = html.find("-->", at + 4);
      out.html.append(html.substr(copied, at - copied));
      at = copied = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (html[at + 1] == '!' || html[at + 1] == '?') {
      const std::size_t end = html.find('>', at + 2);
      at = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    const bool closing = html[at + 1] == '/';
    const std::size_t name_at = at + (closing ? 2 : 1);
    if (name_at >= html.size() || !IsAsciiAlpha(html[name_at])) {
      ++at;
      continue;
    }
    std::size_t name_end = name_at;
    while (name_end < html.size() && !IsSpace(html[name_end]) && html[name_end] != '/' &&
           html[name_end] != '>') {
      ++name_end;
    }
    std::string name(html.substr(name_at, std::min<std::size_t>(name_end - name_at, 32)));
    std::transform(name.begin(), name.end(), name.begin(), Lower);
    const std::size_t end = TagEnd(html, name_end);
    if (++tags > bounds.max_tags) {
      out.html.append(html.substr(copied, at - copied));
      out.cut = true;
      return out;
    }
    const Kind kind = KindOf(name);
    const auto format_index = static_cast<std::size_t>(
        std::find(kFormatting.begin(), kFormatting.end(), name) - kFormatting.begin());
    bool drop = false;
    if (closing) {
      if (kind == Kind::kFormatting && formatting[format_index] > 0) {
        --formatting[format_index];
        --open_formatting;
      } else if (kind == Kind::kContainer) {
        const auto match = std::find(open.rbegin(), open.rend(), name);
        if (match != open.rend()) open.erase(std::next(match).base(), open.end());
      }
    } else if (kind == Kind::kFormatting) {
      drop = open_formatting >= bounds.max_open_formatting;
      if (!drop) {
        ++formatting[format_index];
        ++open_formatting;
      }
    } else if (kind == Kind::kContainer) {
      drop = open.size() >= bounds.max_depth;
      if (!drop) open.push_back(name);
    } else if (kind == Kind::kPlainText) {
      break;
    }
    if (drop) {
      out.html.append(html.substr(copied, at - copied));
      copied = end;
      ++out.dropped_tags;
    }
    at = end;
    if (!closing && kind == Kind::kRawText) {  // its content dropped, as the sanitiser would
      out.html.append(html.substr(copied, at - copied));
      at = copied = RawTextEnd(html, at, name);
    }
  }
  out.html.append(html.substr(copied));
  return out;
}

}  // namespace caredesk::mail
