// A plain scan of mustache template text: where its tags are, what kind each is and whether its
// sections are balanced. The core uses it to check the templates an admin edits (unknown
// variables, a section left open) without a mustache engine; src/mail uses the same scan before
// rendering with mstch, which accepts broken templates silently.
//
// Supported: {{name}}, {{{name}}}, {{&name}}, {{#name}}…{{/name}}, {{^name}}…{{/name}} and
// {{! comments }}. Partials ({{>name}}) and delimiter changes ({{=<% %>=}}) are refused: a
// message template is one self-contained text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace caredesk::core {

enum class MustacheTagType {
  kVariable,           // {{name}}: HTML-escaped by a mustache engine
  kUnescapedVariable,  // {{{name}}} or {{&name}}
  kSection,            // {{#name}}
  kInvertedSection,    // {{^name}}
  kSectionEnd,         // {{/name}}
  kComment,            // {{! … }}
};

struct MustacheTag {
  MustacheTagType type = MustacheTagType::kVariable;
  std::string name;       // trimmed of spaces; the comment's text for a comment
  std::size_t begin = 0;  // offset of the first `{`
  std::size_t end = 0;    // offset just past the last `}`
  std::size_t line = 1;   // 1-based line of `begin`
};

// Every tag of `text` in order, or kInvalid naming the first fault and its line: a tag never
// closed, a tag with no name, a section closed that is not the innermost open one, a section
// never closed, sections nested more than 16 deep, a partial or a delimiter change.
Result<std::vector<MustacheTag>> ScanMustache(std::string_view text);

}  // namespace caredesk::core
