// How ComposeMail builds the message: a GMime object tree, written once with CRLF line ends.
// GLib objects are held in unique_ptr with g_object_unref; containers take their own reference.
#include "mail/mail_composer.h"

#include <gmime/gmime.h>

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "mail/gmime_init.h"

namespace caredesk::mail {
namespace {

struct ObjectUnref {
  void operator()(gpointer object) const {
    if (object != nullptr) g_object_unref(object);
  }
};
template <class T>
using GPtr = std::unique_ptr<T, ObjectUnref>;

struct DateUnref {
  void operator()(GDateTime* date) const { g_date_time_unref(date); }
};
struct FormatFree {
  void operator()(GMimeFormatOptions* options) const { g_mime_format_options_free(options); }
};
struct GFree {
  void operator()(char* text) const { g_free(text); }
};

// Display text for a header: control characters (CR, LF, tab, NUL …) become spaces, so nothing
// a customer typed can end the header early. Non-ASCII stays; GMime encodes it (RFC 2047).
std::string HeaderText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    out.push_back(byte < 0x20 || byte == 0x7f ? ' ' : c);
  }
  return out;
}

// A msg-id without its angle brackets: printable ASCII, no space or brackets, one '@'.
bool IsPlainMessageId(std::string_view id) {
  if (id.empty() || id.size() > 250) return false;
  std::size_t at = 0;
  for (const char c : id) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f || c == '<' || c == '>' || c == '"' || c == '\\') {
      return false;
    }
    if (c == '@') ++at;
  }
  return at == 1 && id.front() != '@' && id.back() != '@';
}

// type/subtype made of token characters (RFC 2045), lower case; else application/octet-stream.
std::pair<std::string, std::string> SplitContentType(std::string_view type) {
  const auto token = [](std::string_view part) {
    if (part.empty() || part.size() > 100) return false;
    for (const char c : part) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte <= 0x20 || byte >= 0x7f ||
          std::string_view("()<>@,;:\\\"/[]?=").find(c) != std::string_view::npos) {
        return false;
      }
    }
    return true;
  };
  const auto slash = type.find('/');
  if (slash != std::string_view::npos && token(type.substr(0, slash)) &&
      token(type.substr(slash + 1))) {
    std::string lower(type);
    for (char& c : lower) c = static_cast<char>(g_ascii_tolower(c));
    return {lower.substr(0, slash), lower.substr(slash + 1)};
  }
  return {"application", "octet-stream"};
}

// The bytes as given, labelled UTF-8. (g_mime_text_part_set_text would re-encode the text to
// the narrowest charset that holds it, e.g. Latin-1, which we would then mislabel.)
GPtr<GMimeObject> TextPart(const char* subtype, const std::string& text) {
  GPtr<GMimeTextPart> part(g_mime_text_part_new_with_subtype(subtype));
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(text.data(), text.size()));
  GPtr<GMimeDataWrapper> content(
      g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(GMIME_PART(part.get()), content.get());
  g_mime_object_set_content_type_parameter(GMIME_OBJECT(part.get()), "charset", "utf-8");
  g_mime_part_set_content_encoding(GMIME_PART(part.get()), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  return GPtr<GMimeObject>(GMIME_OBJECT(part.release()));
}

GPtr<GMimeObject> AttachmentPart(const core::MailAttachment& attachment) {
  const auto [type, subtype] = SplitContentType(attachment.content_type);
  GPtr<GMimePart> part(g_mime_part_new_with_type(type.c_str(), subtype.c_str()));
  GPtr<GMimeStream> stream(
      g_mime_stream_mem_new_with_buffer(attachment.bytes.data(), attachment.bytes.size()));
  GPtr<GMimeDataWrapper> content(
      g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(part.get(), content.get());
  g_mime_part_set_content_encoding(part.get(), GMIME_CONTENT_ENCODING_BASE64);
  g_mime_object_set_disposition(GMIME_OBJECT(part.get()), GMIME_DISPOSITION_ATTACHMENT);
  std::string filename = HeaderText(attachment.filename);
  if (filename.empty()) filename = "attachment";
  g_mime_part_set_filename(part.get(), filename.c_str());
  return GPtr<GMimeObject>(GMIME_OBJECT(part.release()));
}

GPtr<GMimeObject> Body(const core::OutgoingMail& mail) {
  GPtr<GMimeObject> body = TextPart("plain", mail.text);
  if (!mail.html.empty()) {
    GPtr<GMimeMultipart> alternative(g_mime_multipart_new_with_subtype("alternative"));
    g_mime_multipart_add(alternative.get(), body.get());
    g_mime_multipart_add(alternative.get(), TextPart("html", mail.html).get());
    body.reset(GMIME_OBJECT(alternative.release()));
  }
  if (!mail.attachments.empty()) {
    GPtr<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
    g_mime_multipart_add(mixed.get(), body.get());
    for (const auto& attachment : mail.attachments) {
      g_mime_multipart_add(mixed.get(), AttachmentPart(attachment).get());
    }
    body.reset(GMIME_OBJECT(mixed.release()));
  }
  return body;
}

core::Result<void> CheckAddresses(const std::vector<std::string>& addresses, const char* field) {
  for (const auto& address : addresses) {
    if (!IsPlainAddress(address)) {
      return core::Fail(core::ErrorCode::kInvalid,
                        std::string("not a plain email address (local@domain) in ") + field, field);
    }
  }
  return {};
}

// "<a@x> <b@y>" from the ids that can be written safely.
std::string IdList(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    if (!IsPlainMessageId(id)) continue;
    if (!out.empty()) out.push_back(' ');
    out.append("<").append(id).append(">");
  }
  return out;
}

}  // namespace

bool IsPlainAddress(std::string_view address) {
  if (address.size() < 3 || address.size() > 254) return false;
  const auto at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return false;
  for (const char c : address) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f) return false;
    if (std::string_view("<>()[],;:\"\\").find(c) != std::string_view::npos) return false;
  }
  return address.find('@') == at;
}

core::Result<std::string> ComposeMail(const core::OutgoingMail& mail, core::Instant date) {
  if (!IsPlainAddress(mail.from_address)) {
    return core::Fail(core::ErrorCode::kInvalid, "not a plain email address (local@domain)",
                      "from_address");
  }
  if (mail.to.empty() && mail.cc.empty()) {
    return core::Fail(core::ErrorCode::kInvalid, "a message needs at least one recipient", "to");
  }
  if (auto checked = CheckAddresses(mail.to, "to"); !checked)
    return tl::unexpected(checked.error());
  if (auto checked = CheckAddresses(mail.cc, "cc"); !checked)
    return tl::unexpected(checked.error());
  if (!IsPlainMessageId(mail.message_id)) {
    return core::Fail(core::ErrorCode::kInvalid, "not a message id of the form left@right",
                      "message_id");
  }
  EnsureGMime();

  GPtr<GMimeMessage> message(g_mime_message_new(TRUE));
  // Our own InternetAddress, so the name is encoded as UTF-8 like the subject (GMime would
  // otherwise pick the narrowest charset, e.g. ISO-8859-1).
  GPtr<InternetAddress> from(
      internet_address_mailbox_new(HeaderText(mail.from_name).c_str(), mail.from_address.c_str()));
  internet_address_set_charset(from.get(), "utf-8");
  internet_address_list_add(g_mime_message_get_from(message.get()), from.get());
  for (const auto& to : mail.to) {
    g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, nullptr, to.c_str());
  }
  for (const auto& cc : mail.cc) {
    g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_CC, nullptr, cc.c_str());
  }
  g_mime_message_set_subject(message.get(), HeaderText(mail.subject).c_str(), "utf-8");
  const std::unique_ptr<GDateTime, DateUnref> when(
      g_date_time_new_from_unix_utc(date.time_since_epoch().count()));
  g_mime_message_set_date(message.get(), when.get());
  g_mime_message_set_message_id(message.get(), mail.message_id.c_str());

  auto* object = GMIME_OBJECT(message.get());
  if (IsPlainMessageId(mail.in_reply_to)) {
    g_mime_object_set_header(object, "In-Reply-To", ("<" + mail.in_reply_to + ">").c_str(),
                             nullptr);
  }
  if (const std::string references = IdList(mail.references); !references.empty()) {
    g_mime_object_set_header(object, "References", references.c_str(), nullptr);
  }
  if (mail.automatic) {
    // RFC 3834: an automatic answer, which other responders must not answer in turn.
    g_mime_object_set_header(object, "Auto-Submitted", "auto-replied", nullptr);
  }
  g_mime_message_set_mime_part(message.get(), Body(mail).get());

  const std::unique_ptr<GMimeFormatOptions, FormatFree> options(g_mime_format_options_new());
  g_mime_format_options_set_newline_format(options.get(), GMIME_NEWLINE_FORMAT_DOS);
  g_mime_format_options_set_param_encoding_method(options.get(),
                                                  GMIME_PARAM_ENCODING_METHOD_RFC2231);
  const std::unique_ptr<char, GFree> text(g_mime_object_to_string(object, options.get()));
  if (text == nullptr) {
    return core::Fail(core::ErrorCode::kInvalid, "the message could not be written");
  }
  return std::string(text.get());
}

}  // namespace caredesk::mail
