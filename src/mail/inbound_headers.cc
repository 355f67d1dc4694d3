#include "mail/inbound_headers.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "mail/inbound_text.h"

namespace caredesk::mail {
namespace {

constexpr std::size_t kMaxProblems = 30;
constexpr std::size_t kMaxReferences = 100;
constexpr std::size_t kMaxRecipients = 100;
constexpr std::size_t kMaxIdBytes = 998;

struct GFree {
  void operator()(char* text) const { g_free(text); }
};
using OwnedChars = std::unique_ptr<char, GFree>;

struct ReferencesFree {
  void operator()(GMimeReferences* references) const { g_mime_references_free(references); }
};

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  return out;
}

// The first token of a header value, lower case: "auto-replied; owner=x" gives "auto-replied".
std::string FirstToken(const char* value) {
  if (value == nullptr) return {};
  std::string_view text(value);
  text = text.substr(0, text.find_first_of(";("));
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return AsciiLower(text.substr(begin, end - begin + 1));
}

const char* Header(GMimeMessage* message, const char* name) {
  return g_mime_object_get_header(GMIME_OBJECT(message), name);
}

std::string CleanId(const char* id) {
  if (id == nullptr) return {};
  std::string clean = CleanHeaderText(id, kMaxIdBytes);
  clean.erase(std::remove(clean.begin(), clean.end(), ' '), clean.end());
  if (clean.starts_with('<')) clean.erase(0, 1);
  if (clean.ends_with('>')) clean.pop_back();
  return clean;
}

std::vector<std::string> ParseIds(GMimeParserOptions* options, const char* value) {
  std::vector<std::string> ids;
  if (value == nullptr) return ids;
  std::unique_ptr<GMimeReferences, ReferencesFree> references(
      g_mime_references_parse(options, value));
  if (references == nullptr) return ids;
  const int count = g_mime_references_length(references.get());
  for (int i = 0; i < count; ++i) {
    std::string id = CleanId(g_mime_references_get_message_id(references.get(), i));
    if (!id.empty()) ids.push_back(std::move(id));
  }
  return ids;
}

// Every mailbox in `list`, groups opened (one level: RFC 5322 groups do not nest).
void Mailboxes(InternetAddressList* list, std::vector<InternetAddressMailbox*>& out, int level) {
  if (list == nullptr || level > 1) return;
  const int count = internet_address_list_length(list);
  for (int i = 0; i < count; ++i) {
    InternetAddress* address = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
      out.push_back(INTERNET_ADDRESS_MAILBOX(address));
    } else if (INTERNET_ADDRESS_IS_GROUP(address)) {
      Mailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), out,
                level + 1);
    }
  }
}

std::string CleanAddress(InternetAddressMailbox* mailbox) {
  const char* address = internet_address_mailbox_get_addr(mailbox);
  std::string clean = AsciiLower(CleanHeaderText(address == nullptr ? "" : address, 320));
  clean.erase(std::remove(clean.begin(), clean.end(), ' '), clean.end());
  return clean;
}

void ReadMessageId(GMimeMessage* message, core::InboundMail& mail) {
  GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
  const int count = g_mime_header_list_get_count(headers);
  int seen = 0;
  for (int i = 0; i < count; ++i) {
    GMimeHeader* header = g_mime_header_list_get_header_at(headers, i);
    if (g_ascii_strcasecmp(g_mime_header_get_name(header), "Message-Id") != 0) continue;
    if (seen++ > 0) continue;
    const char* raw = g_mime_header_get_raw_value(header);
    OwnedChars decoded(g_mime_utils_decode_message_id(raw));
    mail.message_id = CleanId(decoded != nullptr ? decoded.get() : raw);
  }
  if (seen > 1) {
    AddProblem(mail,
               fmt::format("the message has {} Message-ID headers; the first was kept", seen));
  }
}

void ReadReferences(GMimeMessage* message, GMimeParserOptions* options, core::InboundMail& mail) {
  const std::vector<std::string> in_reply_to = ParseIds(options, Header(message, "In-Reply-To"));
  if (!in_reply_to.empty()) mail.in_reply_to = in_reply_to.front();
  std::vector<std::string> references = ParseIds(options, Header(message, "References"));
  if (references.size() > kMaxReferences) {
    // Keep the thread's root and the most recent ones, which are what threading looks at.
    references.erase(references.begin() + 1, references.end() - (kMaxReferences - 1));
  }
  mail.references = std::move(references);
}

void ReadAddresses(GMimeMessage* message, core::InboundMail& mail) {
  std::vector<InternetAddressMailbox*> from;
  Mailboxes(g_mime_message_get_from(message), from, 0);
  if (!from.empty()) {
    mail.from_address = CleanAddress(from.front());
    const char* name = internet_address_get_name(INTERNET_ADDRESS(from.front()));
    mail.from_name = CleanHeaderText(name == nullptr ? "" : name, 200);
  } else if (Header(message, "From") == nullptr) {
    AddProblem(mail, "the message has no From header");
  }
  std::vector<InternetAddressMailbox*> to;
  Mailboxes(g_mime_message_get_to(message), to, 0);
  for (InternetAddressMailbox* mailbox : to) {
    if (mail.to.size() == kMaxRecipients) break;
    std::string address = CleanAddress(mailbox);
    if (!address.empty()) mail.to.push_back(std::move(address));
  }
}

bool IsNullSender(const char* value) {
  if (value == nullptr) return false;
  std::string_view text(value);
  const auto begin = text.find_first_not_of(" \t\r\n");
  const auto end = text.find_last_not_of(" \t\r\n");
  return begin != std::string_view::npos && text.substr(begin, end - begin + 1) == "<>";
}

core::Automated Classify(GMimeMessage* message, const core::InboundMail& mail) {
  GMimeObject* body = g_mime_message_get_mime_part(message);
  const bool report =
      body != nullptr && GMIME_IS_MULTIPART(body) &&
      g_mime_content_type_is_type(g_mime_object_get_content_type(body), "multipart", "report");
  const std::string local = AsciiLower(mail.from_address.substr(0, mail.from_address.find('@')));
  const bool null_sender =
      IsNullSender(Header(message, "Return-Path")) || IsNullSender(Header(message, "From"));
  if (report || null_sender || local == "mailer-daemon" || local == "postmaster") {
    return core::Automated::kBounce;
  }
  const std::string auto_submitted = FirstToken(Header(message, "Auto-Submitted"));
  const std::string precedence = FirstToken(Header(message, "Precedence"));
  if ((!auto_submitted.empty() && auto_submitted != "no") ||
      Header(message, "X-Autoreply") != nullptr || Header(message, "X-Autorespond") != nullptr ||
      precedence == "auto_reply") {
    return core::Automated::kAutoReply;
  }
  if (Header(message, "List-Id") != nullptr || Header(message, "List-Unsubscribe") != nullptr ||
      precedence == "bulk" || precedence == "list" || precedence == "junk") {
    return core::Automated::kMailingList;
  }
  return core::Automated::kNo;
}

bool IsTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (c != '\0' && std::strchr("!#$%&'*+-.^_`{|}~", c) != nullptr);
}

// Whether a Content-Type value starts with type/subtype.
bool IsMediaTypeSyntax(std::string_view value) {
  std::size_t at = value.find_first_not_of(" \t\r\n");
  if (at == std::string_view::npos) return false;
  const auto token = [&] {
    const std::size_t start = at;
    while (at < value.size() && IsTokenChar(value[at])) ++at;
    return at > start;
  };
  if (!token() || at >= value.size() || value[at] != '/') return false;
  ++at;
  return token() && (at == value.size() || std::strchr(" \t\r\n;(", value[at]) != nullptr);
}

}  // namespace

void AddProblem(core::InboundMail& mail, std::string problem) {
  if (mail.problems.size() >= kMaxProblems) return;
  if (std::find(mail.problems.begin(), mail.problems.end(), problem) != mail.problems.end()) {
    return;
  }
  mail.problems.push_back(std::move(problem));
  if (mail.problems.size() == kMaxProblems) {
    mail.problems.back() = "more problems were found and not listed";
  }
}

void ReadEnvelope(GMimeMessage* message, GMimeParserOptions* options, core::InboundMail& mail) {
  ReadMessageId(message, mail);
  ReadReferences(message, options, mail);
  ReadAddresses(message, mail);
  const char* subject = g_mime_message_get_subject(message);
  mail.subject = CleanHeaderText(subject == nullptr ? "" : subject, 1000);
  if (GDateTime* date = g_mime_message_get_date(message); date != nullptr) {
    mail.date = core::Instant{std::chrono::seconds{g_date_time_to_unix(date)}};
  }
  mail.automated = Classify(message, mail);
  // GMime files Content-* headers under the message's top part.
  const char* language = Header(message, "Content-Language");
  if (GMimeObject* part = g_mime_message_get_mime_part(message); !language && part != nullptr) {
    language = g_mime_object_get_header(part, "Content-Language");
  }
  if (language != nullptr) mail.content_language = AsciiLower(CleanHeaderText(language, 100));
}

std::string AttachedMessageHeading(GMimeMessage* message) {
  core::InboundMail envelope;
  ReadAddresses(message, envelope);
  const char* subject = g_mime_message_get_subject(message);
  const char* date = Header(message, "Date");
  std::string heading;
  if (!envelope.from_address.empty()) {
    heading += envelope.from_name.empty()
                   ? fmt::format("From: {}\n", envelope.from_address)
                   : fmt::format("From: {} <{}>\n", envelope.from_name, envelope.from_address);
  }
  if (date != nullptr) heading += fmt::format("Date: {}\n", CleanHeaderText(date, 100));
  if (subject != nullptr) heading += fmt::format("Subject: {}\n", CleanHeaderText(subject, 1000));
  return heading;
}

std::string PartMimeType(GMimeObject* object) {
  const char* header = g_mime_object_get_header(object, "Content-Type");
  if (header != nullptr && !IsMediaTypeSyntax(header)) return "text/plain";
  GMimeContentType* type = g_mime_object_get_content_type(object);
  const char* media = type == nullptr ? nullptr : g_mime_content_type_get_media_type(type);
  const char* sub = type == nullptr ? nullptr : g_mime_content_type_get_media_subtype(type);
  if (media == nullptr || sub == nullptr) return "application/octet-stream";
  std::string mime = fmt::format("{}/{}", media, sub);
  for (char& c : mime) {
    c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    const bool token =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || std::strchr("/!#$&^_.+-", c) != nullptr;
    if (!token || mime.size() > 100) return "application/octet-stream";
  }
  return mime;
}

}  // namespace caredesk::mail
