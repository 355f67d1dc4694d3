#include "store/common/rows.h"

#include <nlohmann/json.hpp>

#include "store/common/event_codec.h"

namespace caredesk::store {
namespace {

template <class Enum>
Enum Or(std::optional<Enum> parsed, Enum fallback) {
  return parsed.value_or(fallback);
}

}  // namespace

core::CaseRecord ReadCase(const RowView& row) {
  core::CaseRecord record;
  record.id = row.Int(0);
  record.reference = row.Text(1);
  record.kind = Or(core::ParseKind(row.Text(2)), core::Kind::kQuestion);
  record.channel = Or(core::ParseChannel(row.Text(3)), core::Channel::kWeb);
  if (!row.IsNull(4)) record.stage = core::ParseStage(row.Text(4));
  record.status = Or(core::ParseCaseStatus(row.Text(5)), core::CaseStatus::kOpen);
  record.anonymous = row.Int(6) != 0;
  record.customer_id = row.OptionalInt(7);
  record.department_id = row.OptionalInt(8);
  record.assignee_id = row.OptionalInt(9);
  record.subject = row.Text(10);
  record.nature = row.Text(11);
  record.service = row.Text(12);
  record.policy_version = row.Text(13);
  record.received_at = FromSeconds(row.Int(14));
  record.logged_at = FromSeconds(row.Int(15));
  record.updated_at = FromSeconds(row.Int(16));
  if (auto due = row.OptionalInt(17)) record.next_due = FromSeconds(*due);
  record.next_standard = row.Text(18);
  if (!row.IsNull(19)) record.next_status = core::ParseDeadlineStatus(row.Text(19));
  record.event_count = row.Int(20);
  return record;
}

core::CustomerRecord ReadCustomer(const RowView& row) {
  core::CustomerRecord customer;
  customer.id = row.Int(0);
  customer.name = row.Text(1);
  customer.email = row.Text(2);
  customer.phone = row.Text(3);
  customer.address = row.Text(4);
  customer.language = row.Text(5);
  customer.accessibility = row.Text(6);
  auto adjustments = nlohmann::json::parse(row.Text(7), nullptr, false);
  if (adjustments.is_array()) {
    for (const auto& a : adjustments) {
      if (a.is_string()) customer.adjustments.push_back(a.get<std::string>());
    }
  }
  customer.contact_preference = row.Text(8);
  customer.account_manager_id = row.OptionalInt(9);
  if (!row.IsNull(10)) {
    auto rep = nlohmann::json::parse(row.Text(10), nullptr, false);
    if (rep.is_object()) {
      core::Representative representative;
      representative.name = rep.value("name", "");
      representative.email = rep.value("email", "");
      representative.relationship = rep.value("relationship", "");
      if (rep.contains("consent_at") && rep["consent_at"].is_string()) {
        auto at = core::ParseInstant(rep["consent_at"].get<std::string>());
        if (at) representative.consent_at = *at;
      }
      customer.representative = representative;
    }
  }
  customer.created_at = FromSeconds(row.Int(11));
  return customer;
}

std::string AdjustmentsJson(const core::CustomerRecord& customer) {
  return nlohmann::json(customer.adjustments).dump();
}

std::optional<std::string> RepresentativeJson(const core::CustomerRecord& customer) {
  if (!customer.representative) return std::nullopt;
  const auto& rep = *customer.representative;
  nlohmann::json json = {
      {"name", rep.name}, {"email", rep.email}, {"relationship", rep.relationship}};
  if (rep.consent_at) json["consent_at"] = core::FormatUtc(*rep.consent_at);
  return json.dump();
}

core::StaffRecord ReadStaff(const RowView& row) {
  core::StaffRecord staff;
  staff.id = row.Int(0);
  staff.email = row.Text(1);
  staff.name = row.Text(2);
  staff.initials = row.Text(3);
  staff.role = Or(core::ParseRole(row.Text(4)), core::Role::kAgent);
  staff.department_id = row.OptionalInt(5);
  staff.active = row.Int(6) != 0;
  return staff;
}

core::DepartmentRecord ReadDepartment(const RowView& row) {
  return core::DepartmentRecord{row.Int(0), row.Text(1), row.OptionalInt(2)};
}

core::PolicyVersionRecord ReadPolicyVersion(const RowView& row) {
  return core::PolicyVersionRecord{row.Text(0), row.Text(1), FromSeconds(row.Int(2)),
                                   row.Int(3) != 0};
}

std::string ReadFirstText(const RowView& row) { return row.Text(0); }

core::SuggestionRecord ReadSuggestion(const RowView& row) {
  core::SuggestionRecord suggestion;
  suggestion.id = row.Int(0);
  suggestion.customer_id = row.OptionalInt(1);
  suggestion.channel = Or(core::ParseChannel(row.Text(2)), core::Channel::kWeb);
  suggestion.text = row.Text(3);
  suggestion.received_at = FromSeconds(row.Int(4));
  suggestion.status =
      Or(core::ParseSuggestionStatus(row.Text(5)), core::SuggestionStatus::kReceived);
  suggestion.response = row.Text(6);
  suggestion.published = row.Int(7) != 0;
  return suggestion;
}

core::Result<core::StoredEvent> ReadEvent(const RowView& row) {
  core::StoredEvent stored;
  stored.case_id = row.Int(0);
  stored.seq = row.Int(1);
  auto type = core::ParseEventType(row.Text(2));
  if (!type) {
    return core::Fail(core::ErrorCode::kInvalid,
                      "stored event has an unknown type \"" + row.Text(2) + "\"", "type");
  }
  auto payload = nlohmann::json::parse(row.Text(7), nullptr, false);
  auto decoded = PayloadFromJson(*type, payload);
  if (!decoded) return tl::unexpected(decoded.error());
  stored.event.at = FromSeconds(row.Int(3));
  stored.event.actor = core::Actor{row.Text(4), row.Text(5), row.Text(6)};
  stored.event.payload = std::move(*decoded);
  stored.recorded_at = FromSeconds(row.Int(8));
  stored.prev_hash = row.Text(9);
  stored.hash = row.Text(10);
  return stored;
}

std::int64_t QueueKey(const core::CaseRecord& record) {
  return record.next_due ? Seconds(*record.next_due) : kNoDue;
}

}  // namespace caredesk::store
