#include "mail/default_templates.h"

#include <fmt/format.h>

#include "core/utf8.h"

namespace caredesk::mail {
namespace {

std::string WithoutCarriageReturns(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

}  // namespace

core::Result<core::MessageTemplate> ParseTemplateFile(std::string_view language,
                                                      std::string_view kind,
                                                      std::string_view content) {
  const auto parsed_kind = core::ParseTemplateKind(kind);
  if (!parsed_kind) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("\"{}\" is not a kind of message template", kind), "kind");
  }
  if (!core::IsValidUtf8(content)) {
    return core::Fail(core::ErrorCode::kInvalid, "the template is not valid UTF-8", "text");
  }
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (content.starts_with(kBom)) content.remove_prefix(kBom.size());
  const std::string text = WithoutCarriageReturns(content);
  constexpr std::string_view kSubject = "Subject:";
  if (!std::string_view(text).starts_with(kSubject)) {
    return core::Fail(core::ErrorCode::kInvalid, "the first line must be the subject: `Subject: …`",
                      "subject");
  }
  const std::size_t line_end = text.find('\n');
  if (line_end == std::string::npos || text.compare(line_end + 1, 1, "\n") != 0) {
    return core::Fail(core::ErrorCode::kInvalid,
                      "the subject line must be followed by a blank line, then the text", "text");
  }
  std::string subject = text.substr(kSubject.size(), line_end - kSubject.size());
  const auto first = subject.find_first_not_of(" \t");
  subject.erase(0, first == std::string::npos ? subject.size() : first);
  while (!subject.empty() && (subject.back() == ' ' || subject.back() == '\t')) subject.pop_back();
  return core::MessageTemplate{*parsed_kind, std::string(language), std::move(subject),
                               text.substr(line_end + 2)};
}

std::string FormatTemplateFile(const core::MessageTemplate& tmpl) {
  std::string file = "Subject: " + tmpl.subject + "\n\n" + tmpl.text;
  if (!file.ends_with('\n')) file += '\n';
  return file;
}

std::vector<core::MessageTemplate> DefaultTemplates() {
  std::vector<core::MessageTemplate> templates;
  for (const auto& file : DefaultTemplateFiles()) {
    if (auto parsed = ParseTemplateFile(file.language, file.kind, file.content)) {
      templates.push_back(std::move(*parsed));
    }
  }
  return templates;
}

}  // namespace caredesk::mail
