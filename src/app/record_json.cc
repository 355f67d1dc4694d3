#include "app/record_json.h"

#include <fmt/format.h>

#include "http/json_reader.h"

namespace caredesk::app {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

ordered_json Optional(const std::optional<core::Instant>& instant) {
  return instant ? ordered_json(core::FormatUtc(*instant)) : ordered_json(nullptr);
}

using Reader = http::JsonReader;

}  // namespace

ordered_json CaseJson(const core::CaseRecord& r) {
  return {{"reference", r.reference},
          {"kind", core::ToString(r.kind)},
          {"channel", core::ToString(r.channel)},
          {"stage", r.stage ? ordered_json(core::ToString(*r.stage)) : ordered_json(nullptr)},
          {"status", core::ToString(r.status)},
          {"anonymous", r.anonymous},
          {"subject", r.subject},
          {"nature", r.nature},
          {"service", r.service},
          {"policy_version", r.policy_version},
          {"received_at", core::FormatUtc(r.received_at)},
          {"logged_at", core::FormatUtc(r.logged_at)},
          {"updated_at", core::FormatUtc(r.updated_at)},
          {"next_due", Optional(r.next_due)},
          {"next_standard", r.next_standard},
          {"next_status",
           r.next_status ? ordered_json(core::ToString(*r.next_status)) : ordered_json(nullptr)}};
}

core::Result<core::CaseRecord> CaseFromJson(const json& j) {
  Reader read(j, "case");
  core::CaseRecord r;
  r.reference = read.Text("reference");
  r.kind = read.Named<core::Kind>("kind", core::ParseKind).value_or(core::Kind::kQuestion);
  r.channel =
      read.Named<core::Channel>("channel", core::ParseChannel).value_or(core::Channel::kWeb);
  r.stage = read.Named<core::Stage>("stage", core::ParseStage, false);
  r.status = read.Named<core::CaseStatus>("status", core::ParseCaseStatus)
                 .value_or(core::CaseStatus::kOpen);
  r.anonymous = read.Flag("anonymous");
  r.subject = read.Text("subject");
  r.nature = read.Text("nature");
  r.service = read.Text("service");
  r.policy_version = read.Text("policy_version");
  r.received_at = read.Time("received_at").value_or(core::Instant{});
  r.logged_at = read.Time("logged_at").value_or(core::Instant{});
  r.updated_at = read.Time("updated_at").value_or(core::Instant{});
  r.next_due = read.Time("next_due", false);
  r.next_standard = read.Text("next_standard");
  r.next_status = read.Named<core::DeadlineStatus>("next_status", core::ParseDeadlineStatus, false);
  if (auto done = read.Done(); !done) return tl::unexpected(done.error());
  return r;
}

ordered_json CustomerJson(const core::CustomerRecord& c) {
  ordered_json representative = nullptr;
  if (c.representative) {
    representative = {{"name", c.representative->name},
                      {"email", c.representative->email},
                      {"relationship", c.representative->relationship},
                      {"consent_at", Optional(c.representative->consent_at)}};
  }
  return {{"name", c.name},
          {"email", c.email},
          {"phone", c.phone},
          {"address", c.address},
          {"language", c.language},
          {"accessibility", c.accessibility},
          {"adjustments", c.adjustments},
          {"contact_preference", c.contact_preference},
          {"representative", representative},
          {"created_at", core::FormatUtc(c.created_at)}};
}

core::Result<core::CustomerRecord> CustomerFromJson(const json& j) {
  Reader read(j, "customer");
  core::CustomerRecord c;
  c.name = read.Text("name");
  c.email = read.Text("email");
  c.phone = read.Text("phone");
  c.address = read.Text("address");
  c.language = read.Text("language");
  c.accessibility = read.Text("accessibility");
  c.contact_preference = read.Text("contact_preference");
  c.created_at = read.Time("created_at").value_or(core::Instant{});
  if (j.is_object() && j.contains("adjustments")) {
    if (!j["adjustments"].is_array()) read.Problem("adjustments", "must be a list");
    for (const auto& a : j["adjustments"]) {
      if (a.is_string()) c.adjustments.push_back(a.get<std::string>());
    }
  }
  if (j.is_object() && j.contains("representative") && !j["representative"].is_null()) {
    Reader rep(j["representative"], "customer.representative");
    c.representative =
        core::Representative{rep.Text("name"), rep.Text("email"), rep.Text("relationship"),
                             rep.Time("consent_at", false)};
    if (auto done = rep.Done(); !done) return tl::unexpected(done.error());
  }
  if (auto done = read.Done(); !done) return tl::unexpected(done.error());
  return c;
}

ordered_json StaffJson(const core::StaffRecord& s) {
  return {{"email", s.email},
          {"name", s.name},
          {"initials", s.initials},
          {"role", core::ToString(s.role)},
          {"active", s.active}};
}

core::Result<core::StaffRecord> StaffFromJson(const json& j) {
  Reader read(j, "assignee");
  core::StaffRecord s;
  s.email = read.Text("email");
  s.name = read.Text("name");
  s.initials = read.Text("initials");
  s.role = read.Named<core::Role>("role", core::ParseRole).value_or(core::Role::kAgent);
  s.active = read.Flag("active");
  if (auto done = read.Done(); !done) return tl::unexpected(done.error());
  return s;
}

}  // namespace caredesk::app
