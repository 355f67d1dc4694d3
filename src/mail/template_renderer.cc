#include "mail/template_renderer.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <mstch/mstch.hpp>
#include <vector>

#include "core/mustache_scan.h"
#include "core/utf8.h"
#include "mail/html_escape.h"

namespace caredesk::mail {
namespace {

constexpr std::size_t kMaxSubjectBytes = 2'000;
constexpr std::size_t kMaxTextBytes = 100'000;
constexpr std::size_t kMaxValueBytes = 200'000;
constexpr std::size_t kMaxUrlBytes = 2'000;

// The values caredesk makes itself that become links in the HTML; nothing else is linked.
constexpr std::string_view kLinkVariables[] = {"track_url", "survey_url", "case_url"};

// The template with every escaped variable {{name}} written {{&name}}, so that mstch puts values
// in as they are: the text is plain text, and the HTML escapes the rendered text itself.
std::string WithoutEscaping(std::string_view text, const std::vector<core::MustacheTag>& tags) {
  std::string out;
  out.reserve(text.size() + tags.size());
  std::size_t copied = 0;
  for (const auto& tag : tags) {
    if (tag.type != core::MustacheTagType::kVariable) continue;
    out.append(text.substr(copied, tag.begin - copied));
    out += "{{&";
    out += tag.name;
    out += "}}";
    copied = tag.end;
  }
  out.append(text.substr(copied));
  return out;
}

core::Result<std::string> RenderField(std::string_view field, std::string_view text,
                                      std::size_t max_bytes, const mstch::map& context) {
  if (text.size() > max_bytes) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("the {} is longer than {} bytes", field, max_bytes),
                      std::string(field));
  }
  auto tags = core::ScanMustache(text);
  if (!tags) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("the {} does not render: {}", field, tags.error().message),
                      std::string(field));
  }
  try {
    return mstch::render(WithoutEscaping(text, *tags), context);
  } catch (const std::exception& e) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("the {} does not render: {}", field, e.what()),
                      std::string(field));
  }
}

bool IsControl(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u < 0x20 && c != '\n' && c != '\t') || u == 0x7F;
}

// The subject on one line: runs of white space (line breaks included) become one space, control
// characters go, and the ends are trimmed.
std::string OneLine(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (IsControl(c)) continue;
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The body as sent: LF line ends, no trailing spaces, no control characters, at most one blank
// line in a row (a section left out leaves none behind), no blank lines at either end.
std::string NormaliseText(std::string_view text) {
  std::string out;
  std::size_t blank_lines = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line;
    for (const char c : text.substr(pos, end - pos)) {
      if (!IsControl(c) && c != '\r') line += c;
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    if (line.empty()) {
      ++blank_lines;
    } else {
      if (!out.empty()) out += blank_lines > 0 ? "\n\n" : "\n";
      out += line;
      blank_lines = 0;
    }
    pos = end + 1;
  }
  if (!out.empty()) out += '\n';
  return out;
}

void AppendEscaped(std::string& out, std::string_view text) { AppendHtmlEscaped(out, text); }

bool IsLinkable(std::string_view url) {
  if (!url.starts_with("https://") && !url.starts_with("http://")) return false;
  if (url.size() > kMaxUrlBytes) return false;
  return std::none_of(url.begin(), url.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`';
  });
}

// One line of the text as HTML: escaped, with each occurrence of a link value made a link.
void AppendLine(std::string& out, std::string_view line, const std::vector<std::string>& links) {
  std::size_t i = 0;
  std::size_t plain_from = 0;
  while (i < line.size()) {
    const auto link = std::find_if(links.begin(), links.end(), [&](const std::string& url) {
      return line.compare(i, url.size(), url) == 0;
    });
    if (link == links.end()) {
      ++i;
      continue;
    }
    AppendEscaped(out, line.substr(plain_from, i - plain_from));
    out += "<a href=\"";
    AppendEscaped(out, *link);
    out += "\" style=\"color:#0645ad;text-decoration:underline;\">";
    AppendEscaped(out, *link);
    out += "</a>";
    i += link->size();
    plain_from = i;
  }
  AppendEscaped(out, line.substr(plain_from));
}

// A BCP 47 tag that is safe to write as the lang attribute, or "und" (undetermined).
std::string LangAttribute(std::string_view language) {
  const bool ok = !language.empty() && language.size() <= 35 &&
                  std::isalpha(static_cast<unsigned char>(language.front())) &&
                  std::all_of(language.begin(), language.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
                  });
  return ok ? std::string(language) : "und";
}

std::string HtmlDocument(std::string_view language, std::string_view subject, std::string_view text,
                         const MessageValues& values, bool large_print) {
  std::vector<std::string> links;
  for (const auto name : kLinkVariables) {
    const auto found = values.find(std::string(name));
    if (found != values.end() && IsLinkable(found->second)) links.push_back(found->second);
  }
  // The longest first, so a link that extends another is linked whole.
  std::sort(links.begin(), links.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });

  std::string html = "<!DOCTYPE html>\n<html lang=\"" + LangAttribute(language) + "\">\n<head>\n";
  html += "<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  AppendEscaped(html, subject);
  html += "</title>\n</head>\n<body style=\"margin:0;padding:0;background-color:#ffffff;\">\n";
  html += fmt::format(
      "<div style=\"max-width:40em;margin:0 auto;padding:16px;font-family:Arial,Helvetica,"
      "sans-serif;font-size:{};line-height:1.5;color:#1a1a1a;\">\n",
      large_print ? "150%" : "100%");
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find("\n\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(pos, end - pos);
    while (!paragraph.empty() && paragraph.back() == '\n') paragraph.remove_suffix(1);
    if (!paragraph.empty()) {
      html += "<p style=\"margin:0 0 1em 0;\">";
      std::size_t line_start = 0;
      while (line_start <= paragraph.size()) {
        std::size_t line_end = paragraph.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = paragraph.size();
        if (line_start > 0) html += "<br>\n";
        AppendLine(html, paragraph.substr(line_start, line_end - line_start), links);
        line_start = line_end + 1;
      }
      html += "</p>\n";
    }
    pos = end + 2;
  }
  html += "</div>\n</body>\n</html>\n";
  return html;
}

}  // namespace

core::Result<RenderedMessage> Render(const core::MessageTemplate& tmpl, const MessageValues& values,
                                     const RenderOptions& options) {
  mstch::map context;
  for (const auto& [name, value] : values) {
    if (value.size() > kMaxValueBytes) {
      return core::Fail(
          core::ErrorCode::kInvalid,
          fmt::format("the value of {} is longer than {} bytes", name, kMaxValueBytes), name);
    }
    if (!core::IsValidUtf8(value)) {
      return core::Fail(core::ErrorCode::kInvalid,
                        fmt::format("the value of {} is not valid UTF-8", name), name);
    }
    context.emplace(name, value);
  }
  auto subject = RenderField("subject", tmpl.subject, kMaxSubjectBytes, context);
  if (!subject) return tl::unexpected(subject.error());
  auto text = RenderField("text", tmpl.text, kMaxTextBytes, context);
  if (!text) return tl::unexpected(text.error());

  RenderedMessage message;
  message.subject = OneLine(*subject);
  message.text = NormaliseText(*text);
  if (!options.plain_text_only) {
    message.html =
        HtmlDocument(tmpl.language, message.subject, message.text, values, options.large_print);
  }
  return message;
}

core::Result<RenderedMessage> Preview(const core::MessageTemplate& tmpl, std::string_view language,
                                      const RenderOptions& options) {
  return Render(tmpl, SampleValues(tmpl.kind, language.empty() ? tmpl.language : language),
                options);
}

}  // namespace caredesk::mail
