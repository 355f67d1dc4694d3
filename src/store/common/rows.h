// Rows of the caredesk schema, engine-neutral: the column lists both dialects select and the
// conversions between records and columns, written once against RowView, which the SQLite
// statement and the PostgreSQL result row both implement.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/store_records.h"

namespace caredesk::store {

// Read access to the current row of a query, by column position.
class RowView {
 public:
  virtual ~RowView() = default;
  virtual std::int64_t Int(int column) const = 0;
  virtual std::string Text(int column) const = 0;
  // The same without a copy: valid until the query moves to its next row.
  virtual std::string_view TextView(int column) const = 0;
  virtual bool IsNull(int column) const = 0;
  std::optional<std::int64_t> OptionalInt(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Int(column);
  }
};

inline constexpr const char* kCaseColumns =
    "id, reference, kind, channel, stage, status, anonymous, customer_id, department_id, "
    "assignee_id, subject, nature, service, policy_version, received_at, logged_at, updated_at, "
    "next_due, next_standard, next_status, event_count";
core::CaseRecord ReadCase(const RowView& row);

inline constexpr const char* kCustomerColumns =
    "id, name, email, phone, address, language, accessibility, adjustments, contact_preference, "
    "account_manager_id, representative, created_at";
core::CustomerRecord ReadCustomer(const RowView& row);
std::string AdjustmentsJson(const core::CustomerRecord& customer);
std::optional<std::string> RepresentativeJson(const core::CustomerRecord& customer);

inline constexpr const char* kStaffColumns =
    "id, email, name, initials, role, department_id, active";
core::StaffRecord ReadStaff(const RowView& row);

inline constexpr const char* kDepartmentColumns = "id, name, manager_id";
core::DepartmentRecord ReadDepartment(const RowView& row);

inline constexpr const char* kPolicyColumns = "version, text, installed_at, active";
core::PolicyVersionRecord ReadPolicyVersion(const RowView& row);
// A row's first column as text.
std::string ReadFirstText(const RowView& row);

inline constexpr const char* kSuggestionColumns =
    "id, customer_id, channel, text, received_at, status, response, published";
core::SuggestionRecord ReadSuggestion(const RowView& row);

inline constexpr const char* kEventColumns =
    "case_id, seq, type, at, actor_id, actor_name, actor_initials, payload, recorded_at, "
    "prev_hash, hash";
core::Result<core::StoredEvent> ReadEvent(const RowView& row);

// The queue key of a case: its next due instant, or the largest integer so that cases without
// an open deadline sort last.
inline constexpr std::int64_t kNoDue = INT64_MAX;
std::int64_t QueueKey(const core::CaseRecord& record);

inline std::int64_t Seconds(core::Instant instant) { return instant.time_since_epoch().count(); }
inline core::Instant FromSeconds(std::int64_t seconds) {
  return core::Instant{std::chrono::seconds{seconds}};
}

}  // namespace caredesk::store
