#include "core/mustache_scan.h"

#include <fmt/format.h>

#include <algorithm>

namespace caredesk::core {
namespace {

// Deep enough for any message; shallow enough that a renderer's recursion stays small.
constexpr std::size_t kMaxSectionDepth = 16;

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

bool IsName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Shows a tag as the admin wrote it, cut short when long.
std::string Quote(std::string_view tag) {
  constexpr std::size_t kMax = 40;
  if (tag.size() <= kMax) return std::string(tag);
  return std::string(tag.substr(0, kMax)) + "…";
}

}  // namespace

Result<std::vector<MustacheTag>> ScanMustache(std::string_view text) {
  std::vector<MustacheTag> tags;
  std::vector<std::size_t> open_index;  // the sections open, innermost last
  std::size_t line = 1;
  std::size_t counted_to = 0;  // `line` counts the newlines before this offset
  std::size_t pos = 0;
  while ((pos = text.find("{{", pos)) != std::string_view::npos) {
    line +=
        static_cast<std::size_t>(std::count(text.begin() + counted_to, text.begin() + pos, '\n'));
    counted_to = pos;
    MustacheTag tag;
    tag.begin = pos;
    tag.line = line;
    const bool triple = pos + 2 < text.size() && text[pos + 2] == '{';
    const std::string_view closing = triple ? "}}}" : "}}";
    const std::size_t content_begin = pos + (triple ? 3 : 2);
    const std::size_t close = text.find(closing, content_begin);
    if (close == std::string_view::npos) {
      return Fail(ErrorCode::kInvalid,
                  fmt::format("line {}: the tag `{}` is never closed with `{}`", line,
                              Quote(text.substr(pos)), closing));
    }
    tag.end = close + closing.size();
    std::string_view content = text.substr(content_begin, close - content_begin);
    const std::string_view whole = text.substr(pos, tag.end - pos);
    if (triple) {
      tag.type = MustacheTagType::kUnescapedVariable;
    } else {
      const char sigil = content.empty() ? '\0' : content.front();
      switch (sigil) {
        case '&':
          tag.type = MustacheTagType::kUnescapedVariable;
          break;
        case '#':
          tag.type = MustacheTagType::kSection;
          break;
        case '^':
          tag.type = MustacheTagType::kInvertedSection;
          break;
        case '/':
          tag.type = MustacheTagType::kSectionEnd;
          break;
        case '!':
          tag.type = MustacheTagType::kComment;
          break;
        case '>':
          return Fail(ErrorCode::kInvalid,
                      fmt::format("line {}: `{}`: partials are not supported in message templates",
                                  line, Quote(whole)));
        case '=':
          return Fail(ErrorCode::kInvalid,
                      fmt::format("line {}: `{}`: changing the delimiters is not supported in "
                                  "message templates",
                                  line, Quote(whole)));
        default:
          tag.type = MustacheTagType::kVariable;
          break;
      }
      if (tag.type != MustacheTagType::kVariable) content.remove_prefix(1);
    }
    tag.name = std::string(Trim(content));
    if (tag.type != MustacheTagType::kComment && !IsName(tag.name)) {
      return Fail(ErrorCode::kInvalid,
                  fmt::format("line {}: `{}` does not name a variable (letters, digits and _ only)",
                              line, Quote(whole)));
    }
    if (tag.type == MustacheTagType::kSectionEnd) {
      if (open_index.empty()) {
        return Fail(
            ErrorCode::kInvalid,
            fmt::format("line {}: `{}` closes a section that is not open", line, Quote(whole)));
      }
      const MustacheTag& innermost = tags[open_index.back()];
      if (innermost.name != tag.name) {
        return Fail(ErrorCode::kInvalid,
                    fmt::format("line {}: `{}` closes `{}`, but the section `{}` opened on line {} "
                                "must be closed first",
                                line, Quote(whole), tag.name, innermost.name, innermost.line));
      }
      open_index.pop_back();
    }
    if (tag.type == MustacheTagType::kSection || tag.type == MustacheTagType::kInvertedSection) {
      if (open_index.size() == kMaxSectionDepth) {
        return Fail(ErrorCode::kInvalid,
                    fmt::format("line {}: `{}`: sections are nested more than {} deep", line,
                                Quote(whole), kMaxSectionDepth));
      }
      open_index.push_back(tags.size());
    }
    tags.push_back(std::move(tag));
    pos = tags.back().end;
  }
  if (!open_index.empty()) {
    const MustacheTag& innermost = tags[open_index.back()];
    return Fail(ErrorCode::kInvalid,
                fmt::format("line {}: the section `{}` is never closed with `{{{{/{}}}}}`",
                            innermost.line, innermost.name, innermost.name));
  }
  return tags;
}

}  // namespace caredesk::core
