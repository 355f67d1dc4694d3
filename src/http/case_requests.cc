#include "http/case_requests.h"

#include <fmt/format.h>

#include "core/directory.h"
#include "store/common/event_codec.h"

namespace caredesk::http {
namespace {

constexpr std::size_t kMaxSubject = 500;
constexpr std::size_t kMaxBody = 100'000;

// Subject and body within their limits.
void CheckText(JsonReader& read, const std::string& subject, const std::string& body) {
  if (subject.empty()) read.Problem("subject", "must not be empty");
  if (subject.size() > kMaxSubject) {
    read.Problem("subject", fmt::format("is longer than {} bytes", kMaxSubject));
  }
  if (body.size() > kMaxBody)
    read.Problem("body", fmt::format("is longer than {} bytes", kMaxBody));
}

}  // namespace

std::optional<core::CustomerRecord> CustomerFromJson(JsonReader& read) {
  const nlohmann::json* object = read.Object("customer");
  if (!object) return std::nullopt;
  JsonReader customer(*object, read.where().empty() ? "customer" : read.where() + ".customer");
  core::CustomerRecord record;
  record.name = customer.Text("name", false);
  record.email = customer.Text("email", false);
  record.phone = customer.Text("phone", false);
  record.language = customer.Text("language", false);
  if (record.language.empty()) record.language = "en";
  if (!core::IsOneOf(core::kCustomerLanguages, record.language)) {
    customer.Problem("language", "must be \"en\" or \"es\"");
  }
  if (record.name.empty() && record.email.empty() && record.phone.empty()) {
    customer.Problem("", "needs a name, an email or a phone number");
  }
  if (!record.email.empty() && record.email.find('@') == std::string::npos) {
    customer.Problem("email", "is not an email address");
  }
  customer.RejectUnknown();
  if (auto done = customer.Done(); !done) {
    read.Adopt(done.error());
    return std::nullopt;
  }
  return record;
}

core::Result<ContactRequest> ContactRequestFromJson(const nlohmann::json& body) {
  JsonReader read(body, "");
  ContactRequest request;
  core::NewContact& c = request.contact;
  if (auto kind = read.Named<core::Kind>("kind", core::ParseKind)) c.kind = *kind;
  if (auto channel = read.Named<core::Channel>("channel", core::ParseChannel)) {
    c.channel = *channel;
  }
  c.received = read.Time("received_at", false);
  c.subject = read.Text("subject");
  c.body = read.Text("body", false);
  CheckText(read, c.subject, c.body);
  c.customer = CustomerFromJson(read);
  request.customer_id = read.Id("customer_id", false);
  if (c.customer && request.customer_id) {
    read.Problem("customer_id", "cannot be given with customer: name one or the other");
  }
  c.department_id = read.Id("department_id", false);
  c.service = read.Text("service", false);
  c.nature = read.Text("nature", false);
  c.points = read.Texts("points");
  request.acknowledged_verbally = read.Flag("acknowledged_verbally", false);
  if (request.acknowledged_verbally && c.channel != core::Channel::kPhone &&
      c.channel != core::Channel::kInPerson) {
    read.Problem("acknowledged_verbally", "applies to phone and in-person contacts only");
  }
  read.RejectUnknown();
  if (auto done = read.Done(); !done) return tl::unexpected(done.error());
  return request;
}

core::Result<core::NewContact> PortalContactFromJson(const nlohmann::json& body) {
  JsonReader read(body, "");
  core::NewContact c;
  c.channel = core::Channel::kWeb;
  if (auto kind = read.Named<core::Kind>("kind", core::ParseKind)) c.kind = *kind;
  c.subject = read.Text("subject");
  c.body = read.Text("body");
  CheckText(read, c.subject, c.body);
  const bool anonymous = read.Flag("anonymous", false);
  c.customer = CustomerFromJson(read);
  if (anonymous && c.customer) {
    read.Problem("customer", "must be left out of an anonymous contact");
  }
  if (!anonymous && !c.customer && read.Done()) {
    read.Problem("customer", "is missing (or set \"anonymous\": true)");
  }
  read.RejectUnknown();
  if (auto done = read.Done(); !done) return tl::unexpected(done.error());
  return c;
}

namespace {

// The first member of `given` (at any depth) that decoding ignored: `decoded` is the payload
// written back out, so a field it lacks was not one the event has. Null values are absences.
std::optional<std::string> UnknownField(const nlohmann::json& given, const nlohmann::json& decoded,
                                        const std::string& path) {
  if (given.is_object()) {
    for (const auto& [key, value] : given.items()) {
      if (value.is_null()) continue;
      const std::string at = path.empty() ? key : path + "." + key;
      if (!decoded.is_object() || !decoded.contains(key)) return at;
      if (auto unknown = UnknownField(value, decoded[key], at)) return unknown;
    }
  } else if (given.is_array() && decoded.is_array()) {
    for (std::size_t i = 0; i < given.size() && i < decoded.size(); ++i) {
      if (auto unknown = UnknownField(given[i], decoded[i], fmt::format("{}[{}]", path, i))) {
        return unknown;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<core::EventType> EventTypeOf(const nlohmann::json& body) {
  if (!body.is_object() || !body.contains("type") || !body["type"].is_string()) return std::nullopt;
  return core::ParseEventType(body["type"].get<std::string>());
}

core::Result<core::CaseEvent> EventRequestFromJson(const nlohmann::json& body,
                                                   const core::Actor& actor, core::Instant now) {
  JsonReader read(body, "");
  auto type = read.Named<core::EventType>("type", core::ParseEventType);
  auto at = read.Time("at", false);
  if (auto done = read.Done(); !done) return tl::unexpected(done.error());
  if (*type == core::EventType::kReceived) {
    return core::Fail(core::ErrorCode::kInvalid,
                      "type \"received\" starts a case: use POST /api/v1/contacts", "type");
  }
  if (at && *at > now) return core::Fail(core::ErrorCode::kInvalid, "at is in the future", "at");
  nlohmann::json fields = body;
  fields.erase("type");
  fields.erase("at");
  // Fields left out take their defaults (an acknowledgement is not verbal unless it says so);
  // a required field left out is then refused by the event's own checks, by name.
  nlohmann::json merged = store::DefaultPayloadJson(*type);
  for (const auto& [key, value] : fields.items()) {
    if (!value.is_null()) merged[key] = value;
  }
  auto payload = store::PayloadFromJson(*type, merged);
  if (!payload) return tl::unexpected(payload.error());
  if (auto unknown = UnknownField(fields, store::PayloadToJson(*payload), "")) {
    return core::Fail(
        core::ErrorCode::kInvalid,
        fmt::format("{} is not a field of a {} event", *unknown, core::ToString(*type)), *unknown);
  }
  return core::CaseEvent{at.value_or(now), actor, std::move(*payload)};
}

}  // namespace caredesk::http
