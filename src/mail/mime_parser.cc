#include "mail/mime_parser.h"

#include <fmt/format.h>
#include <gmime/gmime.h>

#include <algorithm>
#include <bitset>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "mail/gmime_init.h"
#include "mail/html_sanitiser.h"
#include "mail/inbound_headers.h"
#include "mail/inbound_limits.h"
#include "mail/inbound_text.h"

namespace caredesk::mail {
namespace {

struct GObjectUnref {
  void operator()(void* object) const {
    if (object != nullptr) g_object_unref(object);
  }
};
template <class T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

struct ParserOptionsFree {
  void operator()(GMimeParserOptions* options) const { g_mime_parser_options_free(options); }
};

// A copy for GMime in which a lone CR (old Mac line ends, a mix of them) is a line end too;
// GMime itself only breaks lines at LF.
GByteArray* CopyForGMime(std::string_view raw) {
  GByteArray* bytes = g_byte_array_sized_new(static_cast<guint>(raw.size()));
  std::size_t start = 0;
  for (std::size_t i = raw.find('\r'); i != std::string_view::npos; i = raw.find('\r', i + 1)) {
    if (i + 1 < raw.size() && raw[i + 1] == '\n') continue;
    g_byte_array_append(bytes, reinterpret_cast<const guint8*>(raw.data() + start),
                        static_cast<guint>(i - start));
    g_byte_array_append(bytes, reinterpret_cast<const guint8*>("\n"), 1);
    start = i + 1;
  }
  g_byte_array_append(bytes, reinterpret_cast<const guint8*>(raw.data() + start),
                      static_cast<guint>(raw.size() - start));
  return bytes;
}

// GMime's own complaints about the structure, said once each in words staff can read.
struct Warnings {
  core::InboundMail* mail = nullptr;
  std::bitset<32> seen;
};

void OnParserWarning(gint64, GMimeParserWarning code, const gchar*, gpointer data) {
  auto& warnings = *static_cast<Warnings*>(data);
  const auto index = static_cast<std::size_t>(code) % warnings.seen.size();
  if (warnings.seen.test(index)) return;
  warnings.seen.set(index);
  const char* problem = nullptr;
  switch (code) {
    case GMIME_WARN_TRUNCATED_MESSAGE:
      problem = "the message ends early (it looks cut off)";
      break;
    case GMIME_WARN_MALFORMED_MULTIPART:
      problem = "a multipart part is malformed (a boundary is missing or never closed)";
      break;
    case GMIME_CRIT_NESTING_OVERFLOW:
      problem = "parts are nested too deep; the deepest were not read";
      break;
    case GMIME_CRIT_INVALID_HEADER_NAME:
      problem = "a line in the headers was not a header and was ignored";
      break;
    case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE:
      problem = "a header had badly encoded words; they were read as well as possible";
      break;
    default:
      break;
  }
  if (problem != nullptr) AddProblem(*warnings.mail, problem);
}

// The content of a leaf part with its transfer encoding (base64, quoted-printable) undone.
std::string DecodedContent(GMimePart* part) {
  GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
  if (wrapper == nullptr) return {};
  // Decoding never makes content longer, so the encoded length is room enough.
  GMimeStream* source = g_mime_data_wrapper_get_stream(wrapper);
  const gint64 encoded = source == nullptr ? -1 : g_mime_stream_length(source);
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_byte_array(
      g_byte_array_sized_new(encoded > 0 ? static_cast<guint>(encoded) : 0)));
  g_mime_data_wrapper_write_to_stream(wrapper, stream.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

// A text/plain or text/html body part, in UTF-8.
struct Segment {
  bool html = false;
  bool has_plain_alternative = false;  // inside a multipart/alternative that has a plain part
  std::string text;
};

// The body of one message (the top one, or one attached inside it), in document order.
struct MessageBody {
  std::string heading;  // empty for the top message
  std::vector<Segment> segments;
};

bool IsPlainBodyPart(GMimeObject* object) {
  if (!GMIME_IS_TEXT_PART(object)) return false;
  const char* disposition = g_mime_object_get_disposition(object);
  return g_mime_content_type_is_type(g_mime_object_get_content_type(object), "text", "plain") &&
         (disposition == nullptr || g_ascii_strcasecmp(disposition, "attachment") != 0);
}

// Whether a multipart/alternative offers a plain text part among its direct children.
bool OffersPlainText(GMimeMultipart* multipart) {
  if (!g_mime_content_type_is_type(g_mime_object_get_content_type(GMIME_OBJECT(multipart)),
                                   "multipart", "alternative")) {
    return false;
  }
  for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i) {
    if (IsPlainBodyPart(g_mime_multipart_get_part(multipart, i))) return true;
  }
  return false;
}

class PartWalker {
 public:
  PartWalker(const MailLimits& limits, GMimeParserOptions* options, core::InboundMail& mail)
      : limits_(limits), options_(options), mail_(mail) {}

  // Reads every part of `message` within the limits, depth first in document order.
  void Walk(GMimeMessage* message) {
    bodies_.push_back({});
    struct Node {
      GMimeObject* object;
      std::size_t depth;
      std::size_t body;
      bool plain_alternative;  // below a multipart/alternative that offers plain text
    };
    std::vector<Node> stack;
    if (GMimeObject* top = g_mime_message_get_mime_part(message)) {
      stack.push_back({top, 0, 0, false});
    }
    std::size_t parts = 0;
    while (!stack.empty()) {
      const Node node = stack.back();
      stack.pop_back();
      if (node.depth > limits_.max_depth) {
        AddProblem(mail_,
                   fmt::format("parts nested more than {} deep were not read", limits_.max_depth));
        continue;
      }
      if (++parts > limits_.max_parts) {
        AddProblem(mail_, fmt::format("the message has more than {} parts; the rest were not read",
                                      limits_.max_parts));
        break;
      }
      if (GMIME_IS_MULTIPART(node.object)) {
        auto* multipart = GMIME_MULTIPART(node.object);
        if (g_mime_multipart_get_count(multipart) == 0) {
          if (GMimeObject* repaired = Repair(multipart, bodies_[node.body])) {
            stack.push_back({repaired, node.depth + 1, node.body, node.plain_alternative});
          }
          continue;
        }
        const bool plain_alternative = node.plain_alternative || OffersPlainText(multipart);
        for (int i = g_mime_multipart_get_count(multipart) - 1; i >= 0; --i) {
          stack.push_back({g_mime_multipart_get_part(multipart, i), node.depth + 1, node.body,
                           plain_alternative});
        }
      } else if (GMIME_IS_MESSAGE_PART(node.object)) {
        GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(node.object));
        GMimeObject* inner_top = inner == nullptr ? nullptr : g_mime_message_get_mime_part(inner);
        if (inner_top == nullptr) continue;
        bodies_.push_back({AttachedMessageHeading(inner), {}});
        stack.push_back({inner_top, node.depth + 1, bodies_.size() - 1, false});
      } else if (GMIME_IS_PART(node.object)) {
        Leaf(GMIME_PART(node.object), node.plain_alternative, bodies_[node.body]);
      }
    }
  }

  std::vector<MessageBody>& bodies() { return bodies_; }

 private:
  // A multipart without a boundary parameter has its whole content in the prologue. When that
  // starts with a delimiter line, the content is parsed again with that boundary; otherwise it
  // is read as plain text.
  GMimeObject* Repair(GMimeMultipart* multipart, MessageBody& body) {
    const char* prologue = g_mime_multipart_get_prologue(multipart);
    if (prologue == nullptr || prologue[0] == '\0') return nullptr;
    // One repair per message: each parses a copy of what is left of the message.
    const std::string_view content(prologue);
    const std::size_t start = content.find_first_not_of("\r\n");
    std::string_view first = content.substr(start == std::string_view::npos ? 0 : start);
    first = first.substr(0, first.find_first_of("\r\n"));
    while (!first.empty() && (first.back() == ' ' || first.back() == '\t')) first.remove_suffix(1);
    const std::string_view boundary = first.starts_with("--") ? first.substr(2) : "";
    const bool usable = !boundary.empty() && boundary.size() <= 70 &&
                        boundary.find_first_of("\"\\") == std::string_view::npos &&
                        !boundary.ends_with("--");
    if (usable && repaired_.empty()) {
      const std::string rebuilt =
          fmt::format("Content-Type: multipart/mixed; boundary=\"{}\"\n\n{}", boundary, content);
      GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(rebuilt.data(), rebuilt.size()));
      GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
      GMimeObject* part = g_mime_parser_construct_part(parser.get(), options_);
      if (part != nullptr) {
        repaired_.emplace_back(part);
        AddProblem(mail_, "a multipart part had no boundary; it was taken from its first line");
        return part;
      }
    }
    AddProblem(mail_, "a multipart part had no boundary; its content was read as text");
    body.segments.push_back({false, false, DecodeToUtf8(content, "").text});
    return nullptr;
  }

  void Leaf(GMimePart* part, bool plain_alternative, MessageBody& body) {
    GMimeObject* object = GMIME_OBJECT(part);
    const std::string type = PartMimeType(object);
    const char* filename = g_mime_part_get_filename(part);
    const char* disposition = g_mime_object_get_disposition(object);
    const bool attached =
        disposition != nullptr && g_ascii_strcasecmp(disposition, "attachment") == 0;
    const bool named = filename != nullptr && filename[0] != '\0';
    if ((type == "text/plain" || type == "text/html") && !attached && !named) {
      DecodedText decoded =
          DecodeToUtf8(DecodedContent(part),
                       NullToEmpty(g_mime_object_get_content_type_parameter(object, "charset")));
      if (!decoded.problem.empty()) AddProblem(mail_, std::move(decoded.problem));
      body.segments.push_back({type == "text/html", plain_alternative, std::move(decoded.text)});
      return;
    }
    std::string bytes = DecodedContent(part);
    const std::string name = SanitiseFilename(named ? filename : "");
    if (bytes.size() > limits_.max_attachment_bytes) {
      AddProblem(mail_,
                 fmt::format("the attachment \"{}\" ({}) is larger than {} and was not kept", name,
                             FormatSize(bytes.size()), FormatSize(limits_.max_attachment_bytes)));
      return;
    }
    mail_.attachments.push_back({name, type, std::move(bytes)});
  }

  static const char* NullToEmpty(const char* text) { return text == nullptr ? "" : text; }

  const MailLimits& limits_;
  GMimeParserOptions* options_;
  core::InboundMail& mail_;
  std::vector<MessageBody> bodies_;
  std::vector<GPtr<GMimeObject>> repaired_;  // parts parsed again, alive until the walk ends
};

void Append(std::string& text, std::string_view more) {
  if (more.empty()) return;
  if (!text.empty()) text += '\n';
  text += more;
}

// One message's text and, for the top message, its sanitised HTML. The text is the plain parts
// and the text of the HTML parts that have no plain alternative (an HTML-only message, or HTML
// beside a plain footer), in document order. HTML past max_html_bytes is not read.
std::string MessageText(const MessageBody& body, bool top, const MailLimits& limits,
                        core::InboundMail& mail) {
  const bool has_plain = std::any_of(body.segments.begin(), body.segments.end(),
                                     [](const Segment& segment) { return !segment.html; });
  std::string text;
  std::size_t html_budget = limits.max_html_bytes;
  for (const Segment& segment : body.segments) {
    if (!segment.html) {
      Append(text, segment.text);
      continue;
    }
    const bool wanted_text = !has_plain || !segment.has_plain_alternative;
    if (!top && !wanted_text) continue;
    std::string_view html = segment.text;
    if (html.size() > html_budget) {
      AddProblem(mail,
                 fmt::format("the HTML was larger than {}; only the first {} was read",
                             FormatSize(limits.max_html_bytes), FormatSize(limits.max_html_bytes)));
      html = TruncateUtf8(html, html_budget);
    }
    html_budget -= html.size();
    const SanitisedHtml sanitised = Sanitise(html);
    if (sanitised.cut) AddProblem(mail, "the HTML had too many tags; only its start was read");
    if (top) mail.html += sanitised.html;
    if (wanted_text) Append(text, sanitised.text);
  }
  return text;
}

// text: the top message's text, then each attached message's under a heading; html: the top
// message's sanitised HTML.
void AssembleBody(const std::vector<MessageBody>& bodies, const MailLimits& limits,
                  core::InboundMail& mail) {
  std::string text;
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    const std::string own = MessageText(bodies[i], i == 0, limits, mail);
    if (i == 0) {
      text = own;
    } else {
      if (!text.empty()) text += "\n\n";
      text += "---------- Attached message ----------\n" + bodies[i].heading + "\n" + own;
    }
    if (text.size() > 2 * limits.max_text_bytes + 1024) break;  // the rest would be cut anyway
  }
  mail.text = CleanBodyText(text);
  mail.text.erase(mail.text.find_last_not_of(" \t\n") + 1);  // npos + 1 == 0: all blank
  mail.text.erase(0, mail.text.find_first_not_of('\n'));
  if (mail.text.size() > limits.max_text_bytes) {
    mail.text.resize(TruncateUtf8(mail.text, limits.max_text_bytes).size());
    AddProblem(mail, fmt::format("the text was longer than {} bytes; only the first {} were kept",
                                 limits.max_text_bytes, limits.max_text_bytes));
  }
}

}  // namespace

core::Result<core::InboundMail> ParseMail(std::string_view raw, const MailLimits& limits) {
  const core::Result<MessageExtent> extent = MeasureMessage(raw, limits);
  if (!extent) return tl::unexpected(extent.error());
  EnsureGMime();
  core::InboundMail mail;
  Warnings warnings{&mail, {}};
  // The options outlive the message: GMime decodes some headers lazily through them.
  std::unique_ptr<GMimeParserOptions, ParserOptionsFree> options(g_mime_parser_options_new());
  static const char* kFallbackCharsets[] = {"utf-8", "windows-1252", nullptr};
  g_mime_parser_options_set_fallback_charsets(options.get(), kFallbackCharsets);
  g_mime_parser_options_set_warning_callback(options.get(), OnParserWarning, &warnings);
  if (!extent->problem.empty()) AddProblem(mail, extent->problem);
  GPtr<GMimeStream> stream(
      g_mime_stream_mem_new_with_byte_array(CopyForGMime(raw.substr(0, extent->bytes))));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.get()));
  if (message == nullptr) {
    mail.problems.insert(mail.problems.begin(), "the message could not be parsed; kept as raw");
    return mail;
  }
  if (g_mime_header_list_get_count(g_mime_object_get_header_list(GMIME_OBJECT(message.get()))) ==
      0) {
    AddProblem(mail, "the message has no headers");
  }
  ReadEnvelope(message.get(), options.get(), mail);
  PartWalker walker(limits, options.get(), mail);
  walker.Walk(message.get());
  AssembleBody(walker.bodies(), limits, mail);
  return mail;
}

}  // namespace caredesk::mail
