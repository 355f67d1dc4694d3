#include "mail/html_sanitiser.h"

#include <gumbo.h>

#include <cstddef>
#include <cstring>
#include <vector>

#include "mail/html_bounds.h"
#include "mail/html_escape.h"
#include "mail/html_tree.h"
#include "mail/inbound_text.h"

namespace caredesk::mail {
namespace {

void AppendEscaped(std::string& out, std::string_view text, bool attribute) {
  AppendHtmlEscaped(out, text, attribute);
}

const char* Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute == nullptr ? nullptr : attribute->value;
}

// The link target when it is an absolute http, https or mailto URL, else empty. Browsers ignore
// tabs and newlines inside a URL (so "java\tscript:" is javascript:); they are removed first,
// and spaces are percent-encoded.
std::string SafeHref(std::string_view href) {
  std::string url;
  for (char c : href) {
    if (static_cast<unsigned char>(c) > 0x20) {
      url.push_back(c);
    } else if (c == ' ' && !url.empty()) {
      url += "%20";
    }
  }
  while (url.ends_with("%20")) url.resize(url.size() - 3);
  std::string lower = url.substr(0, 8);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  const bool allowed =
      lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:");
  return allowed ? url : std::string();
}

bool IsSmallNumber(const char* value) {
  const std::size_t length = std::strlen(value);
  if (length == 0 || length > 3) return false;
  for (std::size_t i = 0; i < length; ++i) {
    if (value[i] < '0' || value[i] > '9') return false;
  }
  return true;
}

class Sanitiser {
 public:
  bool Enter(const GumboNode* node, std::size_t depth) {
    switch (node->type) {
      case GUMBO_NODE_DOCUMENT:
        return true;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        AppendEscaped(out_, node->v.text.text, false);
        return false;
      case GUMBO_NODE_COMMENT:
        return false;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        break;
    }
    const TagRule rule = RuleFor(node);
    if (rule.action == Action::kDrop) return false;
    const GumboElement& element = node->v.element;
    const char* name = gumbo_normalized_tagname(element.tag);
    if (rule.action == Action::kVoid) {
      out_ += '<';
      out_ += name;
      out_ += '>';
      return false;
    }
    // Past this depth the structure is no longer kept, only the text (a bound on the output).
    const bool keep = rule.action == Action::kKeep && depth <= kMaxKeptDepth;
    if (keep && element.tag == GUMBO_TAG_A) {
      const char* href = Attribute(element, "href");
      const std::string safe = href == nullptr ? std::string() : SafeHref(href);
      if (safe.empty()) {
        closing_.push_back(nullptr);
        return true;
      }
      out_ += "<a href=\"";
      AppendEscaped(out_, safe, true);
      out_ += "\" rel=\"noopener noreferrer nofollow\">";
      closing_.push_back(name);
      return true;
    }
    if (keep) {
      out_ += '<';
      out_ += name;
      if (element.tag == GUMBO_TAG_TD || element.tag == GUMBO_TAG_TH) {
        for (const char* span : {"colspan", "rowspan"}) {
          const char* value = Attribute(element, span);
          if (value != nullptr && IsSmallNumber(value)) {
            out_ += ' ';
            out_ += span;
            out_ += "=\"";
            out_ += value;
            out_ += '"';
          }
        }
      }
      out_ += '>';
    }
    closing_.push_back(keep ? name : nullptr);
    return true;
  }

  void Leave(const GumboNode* node) {
    if (node->type == GUMBO_NODE_DOCUMENT) return;
    const char* name = closing_.back();
    closing_.pop_back();
    if (name == nullptr) return;
    out_ += "</";
    out_ += name;
    out_ += '>';
  }

  std::string Take() {
    const auto begin = out_.find_first_not_of(" \t\n\r\f");
    if (begin == std::string::npos) return {};
    const auto end = out_.find_last_not_of(" \t\n\r\f");
    return RepairUtf8(std::string_view(out_).substr(begin, end - begin + 1));
  }

 private:
  static constexpr std::size_t kMaxKeptDepth = 64;
  std::string out_;
  std::vector<const char*> closing_;  // the end tag to write on leaving, or null for none
};

class TextExtractor {
 public:
  bool Enter(const GumboNode* node, std::size_t) {
    switch (node->type) {
      case GUMBO_NODE_DOCUMENT:
        return true;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        AppendText(node->v.text.text);
        return false;
      case GUMBO_NODE_COMMENT:
        return false;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        break;
    }
    const TagRule rule = RuleFor(node);
    if (rule.action == Action::kDrop) return false;
    const GumboTag tag = node->v.element.tag;
    if (rule.action == Action::kVoid) {  // br and hr: same decisions as the sanitiser's
      if (tag == GUMBO_TAG_BR) out_ += '\n';
      BreakLine(rule.brk);
      pending_space_ = false;
      return false;
    }
    BreakLine(rule.brk);
    if (tag == GUMBO_TAG_LI) out_ += "- ";
    if (tag == GUMBO_TAG_PRE) ++in_pre_;
    return true;
  }

  void Leave(const GumboNode* node) {
    if (node->type == GUMBO_NODE_DOCUMENT) return;
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_PRE && in_pre_ > 0) --in_pre_;
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) pending_space_ = !out_.empty();
    BreakLine(RuleFor(node).brk);
  }

  std::string Take() {
    // Trailing spaces off each line, at most one blank line in a row, no blank start or end.
    std::string text;
    text.reserve(out_.size());
    std::size_t newlines = 0;
    for (char c : out_) {
      if (c == '\n') {
        while (!text.empty() && text.back() == ' ') text.pop_back();
        if (text.empty() || ++newlines > 2) continue;
      } else {
        newlines = 0;
      }
      text.push_back(c);
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return RepairUtf8(text);
  }

 private:
  void AppendText(std::string_view text) {
    if (in_pre_ > 0) {
      for (char c : text) {
        if (c != '\r' && c != '\0') out_.push_back(c);
      }
      return;
    }
    for (char c : text) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\0') {
        pending_space_ = !out_.empty() && out_.back() != '\n';
        continue;
      }
      if (pending_space_) out_ += ' ';
      pending_space_ = false;
      out_.push_back(c);
    }
  }

  void BreakLine(Break brk) {
    if (brk == Break::kNone || out_.empty()) return;
    pending_space_ = false;
    if (out_.back() != '\n') out_ += '\n';
    if (brk == Break::kParagraph && (out_.size() < 2 || out_[out_.size() - 2] != '\n')) {
      out_ += '\n';
    }
  }

  std::string out_;
  bool pending_space_ = false;
  int in_pre_ = 0;
};

// Feeds one walk to both: their decisions to go inside a node are the same by construction.
class SanitiserAndExtractor {
 public:
  bool Enter(const GumboNode* node, std::size_t depth) {
    const bool inside = sanitiser_.Enter(node, depth);
    extractor_.Enter(node, depth);
    return inside;
  }
  void Leave(const GumboNode* node) {
    sanitiser_.Leave(node);
    extractor_.Leave(node);
  }
  Sanitiser& sanitiser() { return sanitiser_; }
  TextExtractor& extractor() { return extractor_; }

 private:
  Sanitiser sanitiser_;
  TextExtractor extractor_;
};

}  // namespace

SanitisedHtml Sanitise(std::string_view html) {
  BoundedHtml bounded = BoundHtml(html);
  Arena arena;
  GumboOutput* output = ParseHtml(bounded.html, arena);
  SanitiserAndExtractor both;
  Walk(output->document, both);
  return {both.sanitiser().Take(), both.extractor().Take(), bounded.cut};
}

std::string SanitiseHtml(std::string_view html) { return Sanitise(html).html; }

std::string HtmlToText(std::string_view html) { return Sanitise(html).text; }

}  // namespace caredesk::mail
