// What the correspondence routes do that a story cannot show: a letter prints as a PDF named for
// its case, an admin sees why an email failed and sends it again, an admin's template edit is
// what customers are then written with, and a signed-in customer's rating is kept as theirs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_fixture.h"

namespace caredesk::http {
namespace {

using nlohmann::json;
using testing::HeaderList;
using testing::HttpClient;

class CorrespondenceApiTest : public ::testing::Test {
 protected:
  HeaderList As(const std::string& who) const {
    return {{"Authorization", "Bearer " + server_.Token(who)}};
  }

  json Call(const std::string& who, const std::string& method, const std::string& path,
            const json& body = nullptr, int status = 200) {
    HeaderList headers = As(who);
    std::string text;
    if (!body.is_null()) {
      headers.emplace_back("Content-Type", "application/json");
      text = body.dump();
    }
    auto reply = client_.Send(method, path, headers, text);
    EXPECT_EQ(reply.status, status) << method << " " << path << "\n" << reply.body;
    return reply.body.empty() ? json() : json::parse(reply.body, nullptr, false);
  }

  // A phone contact for the Certificates department from a customer, returning the case.
  json Contact(const json& customer) {
    return Call("agent", "POST", "/api/v1/contacts",
                {{"kind", "complaint"},
                 {"channel", "phone"},
                 {"subject", "Certificate never came"},
                 {"customer", customer},
                 {"department_id", server_.DepartmentId("Certificates")}},
                201);
  }

  // The only outbox message, as an admin sees it.
  json OnlyMessage(const std::string& query = "") {
    json page = Call("admin", "GET", "/api/v1/outbox" + query);
    EXPECT_EQ(page["messages"].size(), 1u) << page;
    return page["messages"].empty() ? json::object() : page["messages"][0];
  }

  ApiServer server_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  HttpClient client_{server_.port()};
};

TEST_F(CorrespondenceApiTest, ALetterPrintsAsAPdfNamedForItsCase) {
  json made = Contact({{"name", "Dee Post"}, {"email", "dee@example.com"}});
  Call("agent", "PATCH", "/api/v1/customers/" + made["customer"]["id"].dump(),
       {{"contact_preference", "post"}, {"address", "3 Mill Lane\nLeeds LS1 1AA"}});
  Call("manager", "POST", "/api/v1/notices",
       {{"title", "Post delayed"}, {"text", "Letters may take a week."}, {"notify", true}}, 201);
  const json letter = OnlyMessage("?delivery=letter");
  auto reply = client_.Get("/api/v1/outbox/" + letter["id"].dump() + "/letter.pdf", As("agent"));
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Header("content-type"), "application/pdf");
  EXPECT_EQ(reply.body.substr(0, 5), "%PDF-");
  EXPECT_GT(reply.body.size(), 1000u);
  EXPECT_EQ(reply.Header("content-disposition"),
            "attachment; filename=\"letter-" + made["reference"].get<std::string>() + ".pdf\"");
}

TEST_F(CorrespondenceApiTest, AnAdminSeesWhyAnEmailFailedAndSendsItAgain) {
  core::OutboxMessage m;
  m.kind = "breach_alert";
  m.recipient = "manager@example.org";
  m.language = "en";
  m.subject = "A deadline was missed";
  m.text = "See the case.";
  m.message_id = "alert-1@caredesk.test";
  auto queued = server_.store().Enqueue(std::vector{m});
  ASSERT_TRUE(queued) << queued.error().message;
  const core::Id id = queued->front().id;
  ASSERT_TRUE(server_.store().MarkFailed(id, "550 mailbox unavailable", std::nullopt));

  const json failed = OnlyMessage("?status=failed");
  EXPECT_EQ(failed["id"], id);
  EXPECT_EQ(failed["last_error"], "550 mailbox unavailable");
  EXPECT_EQ(failed["attempts"], 1);
  EXPECT_EQ(failed["reference"], nullptr);
  EXPECT_EQ(Call("agent", "GET", "/api/v1/outbox?status=failed")["messages"], json::array())
      << "an email about no case is on no caseworker's to-do list";

  const json again = Call("admin", "POST", "/api/v1/outbox/" + std::to_string(id) + "/retry");
  EXPECT_EQ(again["status"], "pending");
  EXPECT_EQ(again["attempts"], 0);
  auto claimed = server_.store().ClaimOutbox(server_.store().FindOutboxMessage(id)->next_attempt_at,
                                             std::chrono::seconds(60), 10);
  ASSERT_TRUE(claimed);
  ASSERT_EQ(claimed->size(), 1u) << "the sender takes it up again";
}

TEST_F(CorrespondenceApiTest, AnAdminsTemplateEditIsWhatCustomersAreWrittenWith) {
  Contact({{"name", "Eve Mail"}, {"email", "eve@example.com"}});
  Call("admin", "PUT", "/api/v1/templates/service_notice/en",
       {{"subject", "NOTICE: {{notice_title}}"},
        {"text", "{{notice_title}}\n\n{{notice_text}}\n\nRef {{reference}}, {{staff_name}}"}});
  Call("manager", "POST", "/api/v1/notices",
       {{"title", "Phones down"}, {"text", "Email us instead."}, {"notify", true}}, 201);
  const json email = OnlyMessage("?delivery=email");
  EXPECT_EQ(email["subject"], "NOTICE: Phones down");
  const std::string text = email["text"];
  EXPECT_NE(text.find("Email us instead."), std::string::npos) << text;
  EXPECT_NE(text.find("Mo Manager"), std::string::npos) << "signed by who announced it: " << text;
  EXPECT_EQ(email["recipient"], "eve@example.com");
}

TEST_F(CorrespondenceApiTest, ASignedInCustomersRatingIsKeptAsTheirs) {
  Contact({{"name", "Ann Able"}, {"email", "ann@example.com"}});
  server_.SetCustomerPassword("ann@example.com", "Ann's long portal password");
  auto signed_in = client_.PostJson(
      "/api/v1/portal/sessions",
      json{{"email", "ann@example.com"}, {"password", "Ann's long portal password"}}.dump());
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  const std::string cookie = signed_in.Header("set-cookie");
  const HeaderList session = {
      {"Cookie", cookie.substr(0, cookie.find(';'))},
      {"X-CSRF-Token", json::parse(signed_in.body)["csrf_token"].get<std::string>()}};
  auto rated = client_.PostJson("/api/v1/portal/satisfaction",
                                json{{"rating", 4}, {"comment", "Kind"}}.dump(), session);
  ASSERT_EQ(rated.status, 201) << rated.body;
  auto anonymous = client_.PostJson("/api/v1/portal/satisfaction",
                                    json{{"rating", 2}, {"comment", "Slow"}}.dump());
  ASSERT_EQ(anonymous.status, 201) << anonymous.body;
  const json read = Call("manager", "GET", "/api/v1/satisfaction");
  ASSERT_EQ(read["comments"].size(), 2u) << read;
  EXPECT_EQ(read["comments"][0]["customer_id"], nullptr);
  EXPECT_TRUE(read["comments"][1]["customer_id"].is_number_integer()) << read;
}

TEST_F(CorrespondenceApiTest, ACommentMayHaveTwoThousandCharactersAndNoMore) {
  std::string comment;
  for (int i = 0; i < 2000; ++i) comment += "ñ";  // two bytes each: characters are counted
  auto fits = client_.PostJson("/api/v1/portal/satisfaction",
                               json{{"rating", 3}, {"comment", comment}}.dump());
  EXPECT_EQ(fits.status, 201) << fits.body;
  auto over = client_.PostJson("/api/v1/portal/satisfaction",
                               json{{"rating", 3}, {"comment", comment + "!"}}.dump());
  ASSERT_EQ(over.status, 422);
  EXPECT_EQ(json::parse(over.body)["error"]["field"], "comment");
}

}  // namespace
}  // namespace caredesk::http
