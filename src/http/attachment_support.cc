#include "http/attachment_support.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

#include "core/access.h"
#include "core/attachment.h"
#include "http/case_json.h"
#include "http/errors.h"
#include "http/json_writer.h"

namespace caredesk::http {
namespace {

bool CustomerMade(const core::StoredEvent& stored) {
  const auto type = stored.event.type();
  return stored.event.actor.id.starts_with("customer") ||
         (type == core::EventType::kReceived && stored.seq == 1);
}

// The event seqs whose attachments `audience` may see.
core::Result<std::set<std::int64_t>> VisibleEvents(const CaseApi& api,
                                                   const core::CaseRecord& record,
                                                   Audience audience) {
  auto events = api.store.Events(record.id);
  if (!events) return tl::unexpected(events.error());
  std::set<std::int64_t> seqs;
  for (const auto& stored : *events) {
    if (audience == Audience::kStaff || core::CustomerSees(stored.event)) {
      seqs.insert(stored.seq);
    }
  }
  return seqs;
}

// The event an upload goes with: `event=SEQ` or the newest one the caller may attach to.
core::Result<std::int64_t> TargetEvent(const CaseApi& api, const core::CaseRecord& record,
                                       const Request& request, Audience audience) {
  auto events = api.store.Events(record.id);
  if (!events) return tl::unexpected(events.error());
  auto allowed = [&](const core::StoredEvent& e) {
    return audience == Audience::kStaff || CustomerMade(e);
  };
  if (auto given = request.Query("event")) {
    std::int64_t seq = 0;
    auto [end, error] = std::from_chars(given->data(), given->data() + given->size(), seq);
    const bool number = error == std::errc() && end == given->data() + given->size();
    auto found = std::find_if(events->begin(), events->end(),
                              [&](const auto& e) { return number && e.seq == seq; });
    if (found == events->end() || !allowed(*found)) {
      return core::Fail(core::ErrorCode::kInvalid,
                        audience == Audience::kStaff ? "names no event of this case"
                                                     : "names no event of yours on this case",
                        "event");
    }
    return seq;
  }
  for (auto e = events->rbegin(); e != events->rend(); ++e) {
    if (allowed(*e)) return e->seq;
  }
  return core::Fail(core::ErrorCode::kInvalid, "there is no event of yours to attach a file to",
                    "event");
}

void WriteAttachment(JsonWriter& out, const core::AttachmentRecord& a) {
  out.BeginObject()
      .Field("sha256", a.sha256)
      .Field("filename", a.filename)
      .Field("content_type", a.content_type)
      .Field("size", a.size)
      .Field("event_seq", a.event_seq)
      .EndObject();
}

// RFC 6266/8187: an ASCII fallback name and the UTF-8 name percent-encoded.
std::string ContentDisposition(std::string_view filename) {
  std::string ascii, encoded;
  for (unsigned char c : filename) {
    ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      encoded += fmt::format("%{:02X}", c);
    }
  }
  return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", ascii, encoded);
}

}  // namespace

Response UploadAttachment(const CaseApi& api, const core::CaseRecord& record,
                          const Request& request, Audience audience) {
  const std::string filename(request.Query("filename").value_or(""));
  if (auto problem = core::AttachmentNameProblem(filename)) {
    return ErrorResponse(
        core::Error{core::ErrorCode::kInvalid, "filename " + *problem, "filename"});
  }
  std::string content_type(request.Header("content-type").value_or(""));
  content_type = content_type.substr(0, content_type.find(';'));
  if (!core::IsAcceptedAttachmentType(content_type)) {
    return ErrorResponse(
        415, "unsupported_media_type",
        fmt::format("Content-Type \"{}\" is not accepted: send a PDF, an image (PNG, JPEG, GIF, "
                    "WebP), plain text or an office document",
                    content_type),
        "content-type");
  }
  if (request.body.empty()) {
    return ErrorResponse(core::Error{core::ErrorCode::kInvalid, "the file is empty", "body"});
  }
  auto seq = TargetEvent(api, record, request, audience);
  if (!seq) return ErrorResponse(seq.error());
  auto stored = api.store.Attach(record.id, *seq, filename, content_type, request.body);
  if (!stored) return ErrorResponse(stored.error());
  JsonWriter out;
  WriteAttachment(out, *stored);
  return JsonTextResponse(201, out.Take());
}

Response ListAttachments(const CaseApi& api, const core::CaseRecord& record, Audience audience) {
  auto visible = VisibleEvents(api, record, audience);
  if (!visible) return ErrorResponse(visible.error());
  auto attachments = api.store.Attachments(record.id);
  if (!attachments) return ErrorResponse(attachments.error());
  JsonWriter out;
  out.BeginObject().Key("attachments").BeginArray();
  for (const auto& a : *attachments) {
    if (visible->contains(a.event_seq)) WriteAttachment(out, a);
  }
  return JsonTextResponse(200, out.EndArray().EndObject().Take());
}

Response DownloadAttachment(const CaseApi& api, const core::CaseRecord& record,
                            std::string_view sha256, Audience audience) {
  auto visible = VisibleEvents(api, record, audience);
  if (!visible) return ErrorResponse(visible.error());
  auto attachments = api.store.Attachments(record.id);
  if (!attachments) return ErrorResponse(attachments.error());
  auto found = std::find_if(attachments->begin(), attachments->end(), [&](const auto& a) {
    return a.sha256 == sha256 && visible->contains(a.event_seq);
  });
  if (found == attachments->end()) return NotFound("no such attachment on this case");
  auto bytes = api.store.AttachmentBytes(found->sha256);
  if (!bytes) return ErrorResponse(bytes.error());
  Response response = TextResponse(200, std::move(*bytes), found->content_type);
  // Always a download, never shown inline: a file from outside cannot run as this site's page.
  response.SetHeader("content-disposition", ContentDisposition(found->filename));
  response.SetHeader("x-content-type-options", "nosniff");
  response.SetHeader("content-security-policy", "sandbox; default-src 'none'");
  response.SetHeader("cache-control", "private, no-store");
  return response;
}

}  // namespace caredesk::http
