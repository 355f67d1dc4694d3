// Who may do what: the role × action matrix of issue 4, written as tables a reader can check
// against DESIGN.md without reading the rules' code.
#include "core/access.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace caredesk::core {
namespace {

constexpr Id kCertification = 1;
constexpr Id kFees = 2;

const std::map<std::string, Principal>& Principals() {
  static const std::map<std::string, Principal> principals = [] {
    const std::vector<DepartmentRecord> departments = {{kCertification, "Certification", 20},
                                                       {kFees, "Fees", std::nullopt}};
    std::map<std::string, Principal> p;
    p["agent"] = Principal::Staff({10, "a@x", "Agent", "AA", Role::kAgent, kCertification, true},
                                  departments);
    // Manages Certification without being a member of it.
    p["manager"] = Principal::Staff(
        {20, "m@x", "Manager", "MM", Role::kManager, std::nullopt, true}, departments);
    p["auditor"] = Principal::Staff({30, "u@x", "Auditor", "UU", Role::kAuditor, kFees, true});
    p["admin"] = Principal::Staff({40, "d@x", "Admin", "DD", Role::kAdmin, std::nullopt, true});
    p["customer"] = Principal::Customer(100);
    p["holder"] = Principal::CaseHolder(1);  // holds the tracking secret of case "cert"
    p["anonymous"] = Principal::Anonymous();
    return p;
  }();
  return principals;
}

const std::map<std::string, CaseRecord>& Cases() {
  static const std::map<std::string, CaseRecord> cases = [] {
    auto make = [](Id id, std::optional<Id> department, std::optional<Id> customer,
                   std::optional<Stage> stage, std::optional<Id> assignee = std::nullopt) {
      CaseRecord record;
      record.id = id;
      record.reference = "CD-2026-00000" + std::to_string(id);
      record.kind = Kind::kComplaint;
      record.department_id = department;
      record.customer_id = customer;
      record.stage = stage;
      record.assignee_id = assignee;
      return record;
    };
    std::map<std::string, CaseRecord> c;
    c["cert"] = make(1, kCertification, 100, Stage::kStage1);      // customer 100's
    c["fees"] = make(2, kFees, 200, Stage::kStage1);               // someone else's
    c["unrouted"] = make(3, std::nullopt, 200, Stage::kInformal);  // no department yet
    c["cert_review"] = make(4, kCertification, 100, Stage::kStage2);
    c["fees_assigned"] = make(5, kFees, 200, Stage::kStage1, 10);  // assigned to the agent
    return c;
  }();
  return cases;
}

// Columns: read, internal detail, then acting with each event type below. Y allowed, . denied.
constexpr std::array kActs = {EventType::kNote,           EventType::kCallLogged,
                              EventType::kAcknowledged,   EventType::kResolved,
                              EventType::kEscalated,      EventType::kAssigned,
                              EventType::kSurveyAnswered, EventType::kReceived};

struct CaseRow {
  const char* principal;
  const char* case_name;
  const char* allowed;  // "RI" + one per kActs
};

//                                          read internal note call ack resolve escalate assign
//                                          survey received
constexpr CaseRow kCaseMatrix[] = {
    {"agent", "cert", "YY YYYYYYY ."},
    {"agent", "fees", ".. ....... ."},
    {"agent", "unrouted", "YY YYYYYYY ."},
    {"agent", "cert_review", "YY YY..... ."},  // stage 2 is a manager's; the agent keeps the file
    {"agent", "fees_assigned", "YY YYYYYYY ."},
    {"manager", "cert", "YY YYYYYYY ."},
    {"manager", "fees", ".. ....... ."},
    {"manager", "unrouted", "YY YYYYYYY ."},
    {"manager", "cert_review", "YY YYYYYYY ."},
    {"auditor", "cert", "YY ....... ."},
    {"auditor", "fees", "YY ....... ."},
    {"auditor", "cert_review", "YY ....... ."},
    {"admin", "cert", "YY .....Y. ."},  // routes cases, does not handle them
    {"admin", "fees", "YY .....Y. ."},
    {"customer", "cert", "Y. Y...Y.Y ."},
    {"customer", "cert_review", "Y. Y...Y.Y ."},
    {"customer", "fees", ".. ....... ."},  // another customer's case
    {"customer", "unrouted", ".. ....... ."},
    {"holder", "cert", "Y. Y...Y.Y ."},
    {"holder", "cert_review", ".. ....... ."},  // the same customer's other case: not by secret
    {"anonymous", "cert", ".. ....... ."},
    {"anonymous", "unrouted", ".. ....... ."},
};

TEST(Access, EveryPrincipalAndCaseGetsWhatTheMatrixSays) {
  for (const auto& row : kCaseMatrix) {
    std::string flags;
    for (const char* c = row.allowed; *c; ++c) {
      if (*c != ' ') flags += *c;
    }
    ASSERT_EQ(flags.size(), 2 + kActs.size()) << row.principal << " " << row.case_name;
    const auto& principal = Principals().at(row.principal);
    const auto& record = Cases().at(row.case_name);
    const std::string where = std::string(row.principal) + " on " + row.case_name;
    EXPECT_EQ(CanReadCase(principal, record), flags[0] == 'Y') << where << ": read";
    EXPECT_EQ(CanReadInternalDetail(principal, record), flags[1] == 'Y') << where << ": internal";
    for (std::size_t i = 0; i < kActs.size(); ++i) {
      EXPECT_EQ(CanActOnCase(principal, record, kActs[i]), flags[2 + i] == 'Y')
          << where << ": " << ToString(kActs[i]);
    }
  }
}

TEST(Access, NobodyActsOnACaseTheyCannotRead) {
  for (const auto& [principal_name, principal] : Principals()) {
    for (const auto& [case_name, record] : Cases()) {
      for (const auto type : kAllEventTypes) {
        if (CanActOnCase(principal, record, type)) {
          EXPECT_TRUE(CanReadCase(principal, record))
              << principal_name << " may " << ToString(type) << " on " << case_name;
        }
      }
    }
  }
}

TEST(Access, AuditorsChangeNothingWhateverTheEvent) {
  const auto& auditor = Principals().at("auditor");
  for (const auto& [case_name, record] : Cases()) {
    for (const auto type : kAllEventTypes) {
      EXPECT_FALSE(CanActOnCase(auditor, record, type)) << ToString(type) << " on " << case_name;
    }
  }
}

TEST(Access, ACustomerReachesOnlyTheirOwnCasesWhateverTheReference) {
  // However many references a customer tries, only the cases carrying their id open.
  const auto customer = Principal::Customer(100);
  for (Id id = 1; id <= 50; ++id) {
    CaseRecord record;
    record.id = id;
    record.customer_id = id % 2 == 0 ? std::optional<Id>(100) : std::optional<Id>(id + 1000);
    EXPECT_EQ(CanReadCase(customer, record), id % 2 == 0) << id;
    EXPECT_FALSE(CanReadInternalDetail(customer, record)) << id;
  }
  CaseRecord anonymous_case;
  anonymous_case.anonymous = true;
  EXPECT_FALSE(CanReadCase(customer, anonymous_case)) << "a case with no customer is nobody's";
}

// Rows: action, then Y/. for agent, manager, auditor, admin.
struct ActionRow {
  StaffAction action;
  const char* roles;
};
constexpr ActionRow kActionMatrix[] = {
    {StaffAction::kLogContact, "YY.."},        {StaffAction::kReadQueue, "YYYY"},
    {StaffAction::kSearchCases, "YYYY"},       {StaffAction::kReadCustomers, "YYYY"},
    {StaffAction::kEditCustomers, "YY.Y"},     {StaffAction::kReadStaff, "YYYY"},
    {StaffAction::kManageUsers, "...Y"},       {StaffAction::kManageDepartments, "...Y"},
    {StaffAction::kReadPolicy, "YYYY"},        {StaffAction::kManagePolicy, "...Y"},
    {StaffAction::kReadReports, ".YYY"},       {StaffAction::kReadAuditTrail, ".YYY"},
    {StaffAction::kManageSuggestions, ".Y.Y"}, {StaffAction::kManageTemplates, "...Y"},
    {StaffAction::kManageOutbox, "...Y"},      {StaffAction::kWorkTasks, "YY.."},
    {StaffAction::kManageNotices, ".Y.Y"},     {StaffAction::kRecommend, ".Y.."},
};

TEST(Access, EveryRoleAndStaffActionGetsWhatTheMatrixSays) {
  ASSERT_EQ(std::size(kActionMatrix), kAllStaffActions.size()) << "every action has a row";
  const char* roles[] = {"agent", "manager", "auditor", "admin"};
  for (const auto& row : kActionMatrix) {
    for (int r = 0; r < 4; ++r) {
      EXPECT_EQ(Can(Principals().at(roles[r]), row.action), row.roles[r] == 'Y')
          << roles[r] << " " << ToString(row.action);
    }
    for (const char* outsider : {"customer", "holder", "anonymous"}) {
      EXPECT_FALSE(Can(Principals().at(outsider), row.action))
          << outsider << " " << ToString(row.action);
    }
  }
  EXPECT_TRUE(CanManageUsers(Principals().at("admin")));
  EXPECT_FALSE(CanManagePolicy(Principals().at("manager")));
  EXPECT_FALSE(CanManageDepartments(Principals().at("auditor")));
}

TEST(Access, AStaffMembersDepartmentsAreTheirOwnAndThoseTheyManage) {
  const auto manager = Principals().at("manager");
  EXPECT_EQ(manager.department_ids, std::vector<Id>{kCertification});
  const auto agent = Principals().at("agent");
  EXPECT_EQ(agent.department_ids, std::vector<Id>{kCertification});
  EXPECT_EQ(ParseStaffAction("manage_users"), StaffAction::kManageUsers);
  EXPECT_FALSE(ParseStaffAction("manage_everything"));
}

}  // namespace
}  // namespace caredesk::core
