// The case file over the API, against a real server on a temporary SQLite file: staff who may read
// a case download its PDF (the regulator's copy by default, the customer's on asking), staff of
// another department are refused as they are for the case itself, and a customer gets their own
// case's customer copy from the portal — and, for anyone else's case, the answer a case that does
// not exist gets. The PDFs are read back with pdftotext.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_fixture.h"
#include "pdf_reader.h"

namespace caredesk::http {
namespace {

using nlohmann::json;
using testing::HeaderList;
using testing::HttpClient;
using testing::HttpReply;

constexpr std::string_view kStaffNote = "Internal: the certificate batch was lost in dispatch.";

class CaseFileApiTest : public ::testing::Test {
 protected:
  HeaderList As(const std::string& who) const {
    return {{"Authorization", "Bearer " + server_.Token(who)}};
  }

  json Send(const HeaderList& who, const std::string& path, const json& body) {
    HeaderList headers = who;
    headers.emplace_back("Content-Type", "application/json");
    auto reply = client_.Send("POST", path, headers, body.dump());
    EXPECT_EQ(reply.status / 100, 2) << path << "\n" << reply.body;
    return json::parse(reply.body, nullptr, false);
  }

  // A complaint Ann makes on the portal: its reference and tracking secret.
  json PortalContact(const std::string& name, const std::string& email) {
    return Send({}, "/api/v1/portal/contacts",
                {{"kind", "complaint"},
                 {"subject", name + "'s complaint"},
                 {"body", "My certificate never arrived."},
                 {"customer", {{"name", name}, {"email", email}}}});
  }

  static std::string Text(const HttpReply& reply) {
    return testing::Flattened(testing::PdfText(reply.body));
  }

  ApiServer server_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  HttpClient client_{server_.port()};
};

TEST_F(CaseFileApiTest, StaffDownloadTheRegulatorsCopyOrTheCustomers) {
  const json made = Send(As("agent"), "/api/v1/contacts",
                         {{"kind", "complaint"},
                          {"channel", "phone"},
                          {"subject", "Certificate never came"},
                          {"customer", {{"name", "Cy Caller"}, {"email", "cy@example.com"}}},
                          {"department_id", server_.DepartmentId("Certificates")}});
  const std::string reference = made["reference"];
  Send(As("agent"), "/api/v1/cases/" + reference + "/events",
       {{"type", "note"}, {"text", kStaffNote}});
  Send(As("agent"), "/api/v1/cases/" + reference + "/events", {{"type", "acknowledged"}});

  const std::string path = "/api/v1/cases/" + reference + "/file.pdf";
  auto full = client_.Get(path, As("agent"));
  ASSERT_EQ(full.status, 200) << full.body;
  EXPECT_EQ(full.Header("content-type"), "application/pdf");
  EXPECT_EQ(full.Header("content-disposition"), "attachment; filename=\"" + reference + ".pdf\"");
  const std::string regulator = Text(full);
  EXPECT_NE(regulator.find(kStaffNote), std::string::npos) << regulator;
  EXPECT_NE(regulator.find("Case file " + reference), std::string::npos);
  EXPECT_NE(regulator.find("AA (Alex Agent) · Internal note"), std::string::npos) << regulator;
  EXPECT_NE(regulator.find("AA (Alex Agent) · Acknowledged"), std::string::npos) << regulator;
  EXPECT_NE(regulator.find("Certificates"), std::string::npos);

  auto copy = client_.Get(path + "?for=customer", As("agent"));
  ASSERT_EQ(copy.status, 200) << copy.body;
  const std::string customer = Text(copy);
  EXPECT_EQ(customer.find(kStaffNote), std::string::npos) << customer;
  EXPECT_NE(customer.find("AA (Alex Agent) · Acknowledged"), std::string::npos) << customer;
  EXPECT_NE(customer.find("customer's copy"), std::string::npos);

  auto bad = client_.Get(path + "?for=everyone", As("agent"));
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(json::parse(bad.body)["error"]["field"], "for") << bad.body;

  // An agent of another department is refused as for the case itself; the auditor reads it.
  auto other = client_.Get(path, As("agent_billing"));
  EXPECT_EQ(other.status, 403) << other.body;
  EXPECT_EQ(other.status, client_.Get("/api/v1/cases/" + reference, As("agent_billing")).status);
  EXPECT_EQ(client_.Get(path, As("auditor")).status, 200);
  EXPECT_EQ(client_.Get(path).status, 401);
}

TEST_F(CaseFileApiTest, ACustomerGetsTheirOwnCopyAndNoOneElses) {
  const json ann = PortalContact("Ann Able", "ann@example.com");
  const json bob = PortalContact("Bob Brown", "bob@example.com");
  const std::string reference = ann["reference"];
  Send(As("agent"), "/api/v1/cases/" + reference + "/events",
       {{"type", "note"}, {"text", kStaffNote}});
  const HeaderList secret = {{"X-Tracking-Secret", ann["tracking_secret"]}};
  Send(secret, "/api/v1/portal/cases/" + reference + "/events",
       {{"type", "note"}, {"text", "The exam was on 3 February."}});

  auto own = client_.Get("/api/v1/portal/cases/" + reference + "/file.pdf", secret);
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.Header("content-type"), "application/pdf");
  EXPECT_EQ(own.Header("content-disposition"), "attachment; filename=\"" + reference + ".pdf\"");
  const std::string text = Text(own);
  EXPECT_NE(text.find("My certificate never arrived."), std::string::npos) << text;
  EXPECT_NE(text.find("customer (Ann Able) · Information from the customer"), std::string::npos)
      << text;
  EXPECT_NE(text.find("The exam was on 3 February."), std::string::npos);
  EXPECT_EQ(text.find(kStaffNote), std::string::npos) << text;
  // Asking for the regulator's copy changes nothing for a customer.
  auto asked = client_.Get("/api/v1/portal/cases/" + reference + "/file.pdf?for=regulator", secret);
  ASSERT_EQ(asked.status, 200);
  EXPECT_EQ(Text(asked).find(kStaffNote), std::string::npos);

  // Bob's case with Ann's secret is answered as a case that does not exist.
  const std::string bobs = bob["reference"];
  auto other = client_.Get("/api/v1/portal/cases/" + bobs + "/file.pdf", secret);
  auto none = client_.Get("/api/v1/portal/cases/CD-2026-999999/file.pdf", secret);
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(none.status, 404);
  json other_body = json::parse(other.body), none_body = json::parse(none.body);
  EXPECT_EQ(other_body["error"]["code"], none_body["error"]["code"]);
  EXPECT_EQ(other_body["error"]["message"], "no case " + bobs);
  EXPECT_EQ(none_body["error"]["message"], "no case CD-2026-999999");
}

}  // namespace
}  // namespace caredesk::http
