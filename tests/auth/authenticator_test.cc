// Signing in and recognising requests, over a real SQLite store and the real libsodium, with a
// simulated clock and a seeded token source.
#include "auth/authenticator.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "auth/password.h"
#include "store/sqlite/sqlite_store.h"

namespace caredesk::auth {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

class AuthenticatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_);
    auto store = store::SqliteStore::Open((dir_ / "care.db").string(), clock_);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    auto department = store_->SaveDepartment({0, "Certification", std::nullopt});
    ASSERT_TRUE(department);
    auto staff = store_->SaveStaff(
        {0, "sam@example.org", "Sam Agent", "SA", core::Role::kAgent, department->id, true});
    ASSERT_TRUE(staff) << staff.error().message;
    staff_ = *staff;
    auto hash = HashPassword("sam's long password");
    ASSERT_TRUE(hash);
    ASSERT_TRUE(store_->SetStaffPassword(staff_.id, *hash));
    auth_ = std::make_unique<Authenticator>(*store_, clock_, random_);
  }
  void TearDown() override {
    auth_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path dir_ = std::filesystem::temp_directory_path() /
                               ("caredesk-auth-" + std::to_string(::getpid()) + "-" +
                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
  core::FixedClock clock_{*core::ParseInstant("2026-11-23T09:00:00Z")};
  SeededTokenSource random_{"authenticator"};
  std::unique_ptr<store::SqliteStore> store_;
  core::StaffRecord staff_;
  std::unique_ptr<Authenticator> auth_;
};

TEST_F(AuthenticatorTest, StaffSignInNeedsTheRightPasswordAndAnActiveAccount) {
  auto signed_in = auth_->SignInStaff("sam@example.org", "sam's long password");
  ASSERT_TRUE(signed_in) << signed_in.error().message;
  ASSERT_TRUE(signed_in->has_value());
  const auto& principal = (*signed_in)->principal;
  EXPECT_EQ(principal.kind, core::Principal::Kind::kStaff);
  EXPECT_EQ(principal.id, staff_.id);
  EXPECT_EQ(principal.role, core::Role::kAgent);
  EXPECT_EQ(principal.department_ids, std::vector<core::Id>{*staff_.department_id});
  EXPECT_FALSE(auth_->SignInStaff("sam@example.org", "wrong password")->has_value());
  EXPECT_FALSE(auth_->SignInStaff("nobody@example.org", "sam's long password")->has_value());
  auto inactive = staff_;
  inactive.active = false;
  ASSERT_TRUE(store_->SaveStaff(inactive));
  EXPECT_FALSE(auth_->SignInStaff("sam@example.org", "sam's long password")->has_value());
}

TEST_F(AuthenticatorTest, ASessionCarriesItsCsrfTokenUntilItEndsOrExpires) {
  auto signed_in = auth_->SignInStaff("sam@example.org", "sam's long password");
  ASSERT_TRUE(signed_in && signed_in->has_value());
  auto session = auth_->StartSession((*signed_in)->principal);
  ASSERT_TRUE(session) << session.error().message;
  EXPECT_TRUE(IsWellFormedToken(session->session_id, TokenKind::kSession));
  EXPECT_NE(session->record.session_hash, session->session_id) << "only the hash is stored";

  auto found = auth_->AuthenticateSession(session->session_id);
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->principal.id, staff_.id);
  ASSERT_TRUE((*found)->session);
  EXPECT_TRUE(Authenticator::CsrfMatches(*(*found)->session, session->csrf_token));
  EXPECT_FALSE(Authenticator::CsrfMatches(*(*found)->session, session->session_id));
  EXPECT_FALSE(Authenticator::CsrfMatches(*(*found)->session, ""));

  clock_.Advance(hours{11});
  EXPECT_FALSE(auth_->AuthenticateSession(session->session_id)->has_value()) << "expired";
  clock_.Advance(-hours{11});
  ASSERT_TRUE(auth_->EndSession(session->session_id));
  EXPECT_FALSE(auth_->AuthenticateSession(session->session_id)->has_value()) << "signed out";
  EXPECT_TRUE(auth_->EndSession("cds_not-a-session")) << "already out";
  EXPECT_FALSE(auth_->AuthenticateSession("garbage")->has_value());
}

TEST_F(AuthenticatorTest, ADeactivatedStaffMembersSessionStopsWorking) {
  auto session = auth_->StartSession(core::Principal::Staff(staff_));
  ASSERT_TRUE(session);
  auto inactive = staff_;
  inactive.active = false;
  ASSERT_TRUE(store_->SaveStaff(inactive));
  EXPECT_FALSE(auth_->AuthenticateSession(session->session_id)->has_value());
}

TEST_F(AuthenticatorTest, CustomersSignInToThePortalWithTheirOwnAccount) {
  core::CustomerRecord customer;
  customer.email = "ann@example.org";
  auto saved = store_->SaveCustomer(customer);
  ASSERT_TRUE(saved);
  EXPECT_FALSE(auth_->SignInCustomer("ann@example.org", "anything at all")->has_value())
      << "no portal account yet";
  ASSERT_TRUE(store_->SetCustomerPassword(saved->id, *HashPassword("ann's password!")));
  auto signed_in = auth_->SignInCustomer("ann@example.org", "ann's password!");
  ASSERT_TRUE(signed_in && signed_in->has_value());
  EXPECT_EQ((*signed_in)->principal.kind, core::Principal::Kind::kCustomer);
  EXPECT_EQ((*signed_in)->principal.id, saved->id);
  auto session = auth_->StartSession((*signed_in)->principal);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->record.expires_at, clock_.Now() + hours{2});
  EXPECT_EQ((*auth_->AuthenticateSession(session->session_id))->principal.id, saved->id);
  EXPECT_FALSE(auth_->StartSession(core::Principal::Anonymous()));
}

TEST_F(AuthenticatorTest, ABearerTokenActsAsItsStaffMemberAndRecordsUseSparingly) {
  const auto token = NewToken(random_, TokenKind::kApiToken);
  auto saved = store_->SaveApiToken({0, staff_.id, TokenHash(token), "", clock_.Now(), {}, {}});
  ASSERT_TRUE(saved);
  auto found = auth_->AuthenticateBearer(token);
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->principal.id, staff_.id);
  EXPECT_EQ(store_->ApiTokens(staff_.id)->front().last_used_at, clock_.Now());
  const auto first_use = clock_.Now();
  clock_.Advance(minutes{1});
  ASSERT_TRUE(auth_->AuthenticateBearer(token)->has_value());
  EXPECT_EQ(store_->ApiTokens(staff_.id)->front().last_used_at, first_use) << "not every request";
  clock_.Advance(minutes{5});
  ASSERT_TRUE(auth_->AuthenticateBearer(token)->has_value());
  EXPECT_EQ(store_->ApiTokens(staff_.id)->front().last_used_at, clock_.Now());

  ASSERT_TRUE(store_->RevokeApiToken(saved->id, clock_.Now()));
  // Recognised tokens are recalled for two seconds without a store read (recent_tokens.h),
  // so a revocation takes effect in every process within that window.
  EXPECT_TRUE(auth_->AuthenticateBearer(token)->has_value()) << "recalled";
  clock_.Advance(std::chrono::seconds{2});
  EXPECT_FALSE(auth_->AuthenticateBearer(token)->has_value()) << "revoked";
  EXPECT_FALSE(auth_->AuthenticateBearer("cdk_guess")->has_value());
  EXPECT_FALSE(auth_->AuthenticateBearer(std::string(100000, 'x'))->has_value());
}

TEST_F(AuthenticatorTest, BearerHeadersAreParsedStrictly) {
  EXPECT_EQ(BearerToken("Bearer cdk_abc"), "cdk_abc");
  EXPECT_EQ(BearerToken("bearer  cdk_abc "), "cdk_abc");
  EXPECT_FALSE(BearerToken("Basic dXNlcjpwYXNz"));
  EXPECT_FALSE(BearerToken("Bearer "));
  EXPECT_FALSE(BearerToken(""));
}

TEST_F(AuthenticatorTest, ATrackingSecretOpensItsCaseAndNoOther) {
  ASSERT_TRUE(store_->InstallPolicy("v1", "# test", clock_.Now()));
  auto make = [&](const std::string& subject) {
    core::NewCase new_case;
    new_case.record.subject = subject;
    new_case.record.policy_version = "v1";
    new_case.record.received_at = new_case.record.logged_at = new_case.record.updated_at =
        clock_.Now();
    new_case.received = core::CaseEvent{clock_.Now(), {"system", "caredesk", ""}, {}};
    return *store_->CreateCase(new_case);
  };
  const auto mine = make("mine");
  const auto other = make("other");
  auto secret = auth_->IssueCaseSecret(mine.id);
  ASSERT_TRUE(secret) << secret.error().message;
  EXPECT_TRUE(IsWellFormedToken(*secret, TokenKind::kCaseSecret));
  auto opened = auth_->OpenCaseBySecret(mine.reference, *secret);
  ASSERT_TRUE(opened && opened->has_value());
  EXPECT_EQ((*opened)->second.id, mine.id);
  EXPECT_TRUE(core::CanReadCase((*opened)->first, mine));
  EXPECT_FALSE(core::CanReadCase((*opened)->first, other));
  EXPECT_FALSE(auth_->OpenCaseBySecret(other.reference, *secret)->has_value());
  EXPECT_FALSE(auth_->OpenCaseBySecret(mine.reference, "cdt_wrong")->has_value());
  EXPECT_FALSE(auth_->OpenCaseBySecret(std::string(10000, 'C'), *secret)->has_value());
}

}  // namespace
}  // namespace caredesk::auth
