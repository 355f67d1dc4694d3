#include "core/access.h"

#include <algorithm>

namespace caredesk::core {
namespace {

// Which roles may do each staff action, in StaffAction order: agent, manager, auditor, admin.
struct RoleGrant {
  bool agent, manager, auditor, admin;
};
constexpr std::array<RoleGrant, kAllStaffActions.size()> kGrants = {{
    {true, true, false, false},   // log_contact: caseworkers put contacts on file
    {true, true, true, true},     // read_queue
    {true, true, true, true},     // search_cases
    {true, true, true, true},     // read_customers
    {true, true, false, true},    // edit_customers
    {true, true, true, true},     // read_staff
    {false, false, false, true},  // manage_users
    {false, false, false, true},  // manage_departments
    {true, true, true, true},     // read_policy
    {false, false, false, true},  // manage_policy
    {false, true, true, true},    // read_reports
    {false, true, true, true},    // read_audit_trail
    {false, true, false, true},   // manage_suggestions
    {false, false, false, true},  // manage_templates
    {false, false, false, true},  // manage_outbox
    {true, true, false, false},   // work_tasks: caseworkers print letters and make calls
    {false, true, false, true},   // manage_notices
    {false, true, false, false},  // recommend: managers write the annual report's recommendations
}};

bool Granted(const RoleGrant& grant, Role role) {
  switch (role) {
    case Role::kAgent:
      return grant.agent;
    case Role::kManager:
      return grant.manager;
    case Role::kAuditor:
      return grant.auditor;
    case Role::kAdmin:
      return grant.admin;
  }
  return false;
}

bool IsReviewStage(const CaseRecord& record) {
  return record.stage == Stage::kStage2 || record.stage == Stage::kExternal;
}

bool OwnCase(const Principal& principal, const CaseRecord& record) {
  switch (principal.kind) {
    case Principal::Kind::kCustomer:
      return record.customer_id.has_value() && *record.customer_id == principal.id;
    case Principal::Kind::kCaseHolder:
      return principal.case_id.has_value() && *principal.case_id == record.id;
    default:
      return false;
  }
}

}  // namespace

std::string_view ToString(StaffAction action) {
  return NameOf(kStaffActionNames, action, "log_contact");
}
std::optional<StaffAction> ParseStaffAction(std::string_view text) {
  return EnumNamed(kStaffActionNames, text);
}

Principal Principal::Staff(const StaffRecord& staff,
                           const std::vector<DepartmentRecord>& departments) {
  Principal principal;
  principal.kind = Kind::kStaff;
  principal.id = staff.id;
  principal.role = staff.role;
  if (staff.department_id) principal.department_ids.push_back(*staff.department_id);
  for (const auto& department : departments) {
    if (department.manager_id == staff.id &&
        std::find(principal.department_ids.begin(), principal.department_ids.end(),
                  department.id) == principal.department_ids.end()) {
      principal.department_ids.push_back(department.id);
    }
  }
  return principal;
}

Principal Principal::Customer(Id customer_id) {
  Principal principal;
  principal.kind = Kind::kCustomer;
  principal.id = customer_id;
  return principal;
}

Principal Principal::CaseHolder(Id case_id) {
  Principal principal;
  principal.kind = Kind::kCaseHolder;
  principal.case_id = case_id;
  return principal;
}

bool Can(const Principal& principal, StaffAction action) {
  if (!principal.IsStaff()) return false;
  const auto index = static_cast<std::size_t>(action);
  return index < kGrants.size() && Granted(kGrants[index], principal.role);
}

bool CanManageUsers(const Principal& principal) {
  return Can(principal, StaffAction::kManageUsers);
}
bool CanManageDepartments(const Principal& principal) {
  return Can(principal, StaffAction::kManageDepartments);
}
bool CanManagePolicy(const Principal& principal) {
  return Can(principal, StaffAction::kManagePolicy);
}

bool IsInStaffScope(const Principal& principal, const CaseRecord& record) {
  if (!principal.IsStaff()) return false;
  if (!record.department_id) return true;  // unrouted: must not be invisible to everyone
  if (record.assignee_id == principal.id) return true;
  return std::find(principal.department_ids.begin(), principal.department_ids.end(),
                   *record.department_id) != principal.department_ids.end();
}

bool CanReadCase(const Principal& principal, const CaseRecord& record) {
  switch (principal.kind) {
    case Principal::Kind::kAnonymous:
      return false;
    case Principal::Kind::kCustomer:
    case Principal::Kind::kCaseHolder:
      return OwnCase(principal, record);
    case Principal::Kind::kStaff:
      if (principal.role == Role::kAuditor || principal.role == Role::kAdmin) return true;
      return IsInStaffScope(principal, record);
  }
  return false;
}

bool CanReadInternalDetail(const Principal& principal, const CaseRecord& record) {
  return principal.IsStaff() && CanReadCase(principal, record);
}

bool CanActOnCase(const Principal& principal, const CaseRecord& record, EventType type) {
  // A case begins with its received event when it is logged (StaffAction::kLogContact or the
  // public portal); nobody records another.
  if (type == EventType::kReceived) return false;
  switch (principal.kind) {
    case Principal::Kind::kAnonymous:
      return false;
    case Principal::Kind::kCustomer:
    case Principal::Kind::kCaseHolder:
      return OwnCase(principal, record) &&
             (type == EventType::kNote || type == EventType::kSurveyAnswered ||
              type == EventType::kEscalated);
    case Principal::Kind::kStaff:
      break;
  }
  switch (principal.role) {
    case Role::kAuditor:
      return false;
    case Role::kAdmin:
      return type == EventType::kAssigned;
    case Role::kManager:
      return IsInStaffScope(principal, record);
    case Role::kAgent:
      if (!IsInStaffScope(principal, record)) return false;
      if (IsReviewStage(record)) return type == EventType::kNote || type == EventType::kCallLogged;
      return true;
  }
  return false;
}

bool CustomerSees(const CaseEvent& event) {
  switch (event.type()) {
    case EventType::kNote:
      return event.actor.id.starts_with("customer");
    case EventType::kCallLogged:
    case EventType::kPaused:
    case EventType::kResumed:
    case EventType::kPreventiveActionDone:
    case EventType::kPreventiveActionVerified:
    case EventType::kAssigned:
      return false;
    default:
      return true;
  }
}

}  // namespace caredesk::core
