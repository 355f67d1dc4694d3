// Who may do what (DESIGN.md "Who uses it", issue 4 "Sign-in and roles"). Pure rules over a
// Principal — whoever a request acts as — and the records it touches; the HTTP layer asks them
// before every read and write, and answers 403 (or 404 for a customer, so a guessed reference
// reveals nothing) when they say no.
//
// The rules:
// - agent: reads and acts on the cases of their departments, cases assigned to them, and
//   unrouted cases (no department yet: someone must acknowledge them in time, so every agent
//   sees them). At stage 2 and beyond (review, ombudsman) an agent may still keep the file —
//   notes and logged calls — but the handling is a manager's.
// - manager: the same cases as an agent (their own department, the departments they manage,
//   their assigned and unrouted cases) at every stage, including stage 2.
// - auditor: reads every case and every report; changes nothing.
// - admin: manages users, departments and policy; reads every case (to route and support) and
//   may assign a case to someone, but does not handle cases (acknowledge, reply, resolve …):
//   the record then always shows a caseworker's name on the handling. An organisation whose
//   admin also handles cases gives that person a second, manager account.
// - customer (signed in): reads their own cases only, and on them may add information (a note),
//   answer the satisfaction survey and ask for a stage-2 review (escalate).
// - case holder (reference + tracking secret): the same, for that one case.
// - anonymous: nothing but the public portal (submitting a contact or a suggestion, reading the
//   published suggestions), which needs no rule here.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "core/case_event.h"
#include "core/store_records.h"

namespace caredesk::core {

struct Principal {
  enum class Kind { kAnonymous, kStaff, kCustomer, kCaseHolder };
  Kind kind = Kind::kAnonymous;
  Id id = 0;                       // the staff member's or the customer's id
  Role role = Role::kAgent;        // staff only
  std::vector<Id> department_ids;  // staff only: their department and those they manage
  std::optional<Id> case_id;       // case holder only: the one case the secret opens

  static Principal Anonymous() { return {}; }
  // A staff member with their department and every department they manage (from
  // `departments`, by manager_id).
  static Principal Staff(const StaffRecord& staff,
                         const std::vector<DepartmentRecord>& departments = {});
  static Principal Customer(Id customer_id);
  static Principal CaseHolder(Id case_id);

  bool IsStaff() const { return kind == Kind::kStaff; }
  bool IsCustomerSide() const { return kind == Kind::kCustomer || kind == Kind::kCaseHolder; }
};

// What staff do outside a single case.
enum class StaffAction {
  kLogContact,         // POST /contacts, /suggestions: put a call, letter or visit on file
  kReadQueue,          // GET /cases (filtered by CanReadCase), GET /suggestions
  kSearchCases,        // full text over cases
  kReadCustomers,      // customer records
  kEditCustomers,      // create and correct customer records
  kReadStaff,          // the staff list (names and roles, no secrets)
  kManageUsers,        // add, change, deactivate staff; their passwords and tokens
  kManageDepartments,  // add and change departments and their managers
  kReadPolicy,         // the active policy and its versions
  kManagePolicy,       // install a new policy version
  kReadReports,        // statistics, performance against standards, the annual audit report
  kReadAuditTrail,     // every event of every case, `audit verify`
  kManageSuggestions,  // respond to and publish suggestions
  kManageTemplates,    // edit the message templates and go back to the shipped ones
  kManageOutbox,       // read every outgoing message; send a failed one again, cancel one
  kWorkTasks,          // the to-do list: print and post letters, make the calls asked for
  kManageNotices,      // announce a problem affecting service (portal banner, email) and end it
  kRecommend,          // write recommendations for the annual audit report
};
inline constexpr auto kStaffActionNames = std::to_array<NamedValue<StaffAction>>({
    {StaffAction::kLogContact, "log_contact"},
    {StaffAction::kReadQueue, "read_queue"},
    {StaffAction::kSearchCases, "search_cases"},
    {StaffAction::kReadCustomers, "read_customers"},
    {StaffAction::kEditCustomers, "edit_customers"},
    {StaffAction::kReadStaff, "read_staff"},
    {StaffAction::kManageUsers, "manage_users"},
    {StaffAction::kManageDepartments, "manage_departments"},
    {StaffAction::kReadPolicy, "read_policy"},
    {StaffAction::kManagePolicy, "manage_policy"},
    {StaffAction::kReadReports, "read_reports"},
    {StaffAction::kReadAuditTrail, "read_audit_trail"},
    {StaffAction::kManageSuggestions, "manage_suggestions"},
    {StaffAction::kManageTemplates, "manage_templates"},
    {StaffAction::kManageOutbox, "manage_outbox"},
    {StaffAction::kWorkTasks, "work_tasks"},
    {StaffAction::kManageNotices, "manage_notices"},
    {StaffAction::kRecommend, "recommend"},
});
static_assert(IsOrderedNameTable(kStaffActionNames));
inline constexpr std::array kAllStaffActions = ValuesOf(kStaffActionNames);
std::string_view ToString(StaffAction action);
std::optional<StaffAction> ParseStaffAction(std::string_view text);

// Whether the principal may do `action` (only staff may do any; by role).
bool Can(const Principal& principal, StaffAction action);
bool CanManageUsers(const Principal& principal);
bool CanManageDepartments(const Principal& principal);
bool CanManagePolicy(const Principal& principal);

// Whether the case is one of the staff member's: in one of their departments, assigned to
// them, or not yet routed to any department.
bool IsInStaffScope(const Principal& principal, const CaseRecord& record);
// Whether the principal may see the case at all (customers: their own only).
bool CanReadCase(const Principal& principal, const CaseRecord& record);
// Whether the principal may see what staff see of a case (internal notes, staff-only fields);
// customers get the customer view.
bool CanReadInternalDetail(const Principal& principal, const CaseRecord& record);
// Whether the principal may record an event of `type` on the case. Says nothing about whether
// the case's state allows the event (the case transitions decide that, with a 409).
bool CanActOnCase(const Principal& principal, const CaseRecord& record, EventType type);

// What a customer is shown of their own case, wherever they read it (the portal's JSON, its list
// of files, the printed case file): the events they see at all — their own notes, yes; staff
// notes, logged calls, pauses, assignments and preventive-action progress, no.
bool CustomerSees(const CaseEvent& event);
// The payload fields (as the event codec names them) a customer is not shown even on an event
// they see: the nature, and a resolution's root cause, service failure and preventive actions.
inline constexpr std::array<std::string_view, 4> kStaffOnlyEventFields = {
    "root_cause", "service_failure", "preventive_actions", "nature"};

}  // namespace caredesk::core
