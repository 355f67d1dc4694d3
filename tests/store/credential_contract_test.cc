// The credential half of the store contract (schema 2), run unchanged against SQLite and a real
// PostgreSQL 15: staff and customer password hashes, API tokens, browser sessions and case
// tracking secrets — and an existing schema-1 database migrating to schema 2 with its data.
#include <gtest/gtest.h>

#include "core/sha256.h"
#include "store_fixture.h"

namespace caredesk::testing {
namespace {

using core::ErrorCode;
using core::Instant;
using std::chrono::hours;
using std::chrono::seconds;

Instant At(const char* text) { return *core::ParseInstant(text); }

// Stand-ins for what caredesk::auth makes; the store must treat them as opaque.
const std::string kHashA = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";
const std::string kHashB = "$argon2id$v=19$m=65536,t=2,p=1$b3RoZXJzYWx0$b3RoZXJoYXNo";
std::string Hash(const std::string& secret) { return core::Sha256Hex(secret); }

class CredentialContract : public FreshStoreTest {
 protected:
  void SetUp() override {
    FreshStoreTest::SetUp();
    if (HasFatalFailure()) return;
    auto staff = store_->SaveStaff(
        {0, "sam@example.org", "Sam Agent", "SA", core::Role::kAgent, std::nullopt, true});
    ASSERT_TRUE(staff) << staff.error().message;
    staff_ = *staff;
    core::CustomerRecord customer;
    customer.name = "Ann Customer";
    customer.email = "ann@example.org";
    auto saved = store_->SaveCustomer(customer);
    ASSERT_TRUE(saved) << saved.error().message;
    customer_ = *saved;
  }

  core::CaseRecord CreateCase(const std::string& subject) {
    if (!store_->ActivePolicy()) (void)store_->InstallPolicy("test-policy-v1", "# test", Now());
    core::NewCase new_case;
    new_case.record.kind = core::Kind::kComplaint;
    new_case.record.subject = subject;
    new_case.record.policy_version = "test-policy-v1";
    new_case.record.received_at = At("2026-11-23T10:00:00Z");
    new_case.record.logged_at = new_case.record.received_at;
    new_case.record.updated_at = new_case.record.received_at;
    core::event::Received received;
    received.kind = core::Kind::kComplaint;
    received.subject = subject;
    new_case.received = core::CaseEvent{new_case.record.received_at,
                                        core::Actor{"system", "caredesk", ""}, received};
    auto record = store_->CreateCase(new_case);
    EXPECT_TRUE(record) << record.error().message;
    return record.value_or(core::CaseRecord{});
  }

  core::SessionRecord StaffSession(const std::string& id, Instant expires) {
    core::SessionRecord session;
    session.session_hash = Hash(id);
    session.staff_id = staff_.id;
    session.csrf_hash = Hash("csrf-" + id);
    session.created_at = Now();
    session.expires_at = expires;
    return session;
  }

  Instant Now() const { return clock_.Now(); }

  core::StaffRecord staff_;
  core::CustomerRecord customer_;
};

TEST_P(CredentialContract, AStaffPasswordHashIsSetReplacedAndFoundByEmail) {
  auto none = store_->StaffPasswordHash("sam@example.org");
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_EQ(none->staff, staff_);
  EXPECT_EQ(none->password_hash, "") << "no password yet: no password sign-in";
  ASSERT_TRUE(store_->SetStaffPassword(staff_.id, kHashA));
  EXPECT_EQ(store_->StaffPasswordHash("sam@example.org")->password_hash, kHashA);
  ASSERT_TRUE(store_->SetStaffPassword(staff_.id, kHashB));
  EXPECT_EQ(store_->StaffPasswordHash("sam@example.org")->password_hash, kHashB);
  EXPECT_EQ(store_->StaffPasswordHash("nobody@example.org").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->SetStaffPassword(staff_.id + 100, kHashA).error().code, ErrorCode::kNotFound);
  // Saving the staff member's other details keeps the password.
  auto renamed = staff_;
  renamed.name = "Sam Senior";
  ASSERT_TRUE(store_->SaveStaff(renamed));
  EXPECT_EQ(store_->StaffPasswordHash("sam@example.org")->password_hash, kHashB);
}

TEST_P(CredentialContract, OnlyHashesAreAccepted) {
  auto plain = store_->SetStaffPassword(staff_.id, "hunter2hunter2");
  ASSERT_FALSE(plain);
  EXPECT_EQ(plain.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(plain.error().field, "password_hash");
  auto token = store_->SaveApiToken({0, staff_.id, "cdk_rawtoken", "", Now(), {}, {}});
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().field, "token_hash");
  auto secret = store_->SaveCaseSecret(CreateCase("x").id, "ABC", Now());
  ASSERT_FALSE(secret);
  EXPECT_EQ(secret.error().field, "secret_hash");
  EXPECT_EQ(store_->StaffPasswordHash("sam@example.org")->password_hash, "");
}

TEST_P(CredentialContract, ACustomerPortalPasswordIsOptional) {
  auto none = store_->CustomerPasswordHash("ann@example.org");
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_EQ(none->customer.id, customer_.id);
  EXPECT_EQ(none->password_hash, "");
  ASSERT_TRUE(store_->SetCustomerPassword(customer_.id, kHashA));
  EXPECT_EQ(store_->CustomerPasswordHash("ann@example.org")->password_hash, kHashA);
  EXPECT_EQ(store_->CustomerPasswordHash("bob@example.org").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->SetCustomerPassword(customer_.id + 100, kHashA).error().code,
            ErrorCode::kNotFound);
}

TEST_P(CredentialContract, AnApiTokenFindsItsStaffMemberUntilRevoked) {
  auto saved = store_->SaveApiToken({0, staff_.id, Hash("cdk_one"), "nightly export", {}, {}, {}});
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_GT(saved->id, 0);
  EXPECT_EQ(saved->created_at, Now()) << "a token without a date is created now";
  EXPECT_EQ(saved->label, "nightly export");
  EXPECT_FALSE(saved->last_used_at);
  auto found = store_->FindApiToken(Hash("cdk_one"));
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->token, *saved);
  EXPECT_EQ(found->staff, staff_);
  EXPECT_EQ(store_->FindApiToken(Hash("cdk_two")).error().code, ErrorCode::kNotFound);

  ASSERT_TRUE(store_->TouchApiToken(saved->id, Now() + hours{1}));
  EXPECT_EQ(store_->FindApiToken(Hash("cdk_one"))->token.last_used_at, Now() + hours{1});

  ASSERT_TRUE(store_->RevokeApiToken(saved->id, Now() + hours{2}));
  ASSERT_TRUE(store_->RevokeApiToken(saved->id, Now() + hours{3})) << "revoking twice is fine";
  EXPECT_EQ(store_->FindApiToken(Hash("cdk_one")).error().code, ErrorCode::kNotFound);
  auto listed = store_->ApiTokens(staff_.id);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].revoked_at, Now() + hours{2}) << "the first revocation stands";
  EXPECT_EQ(store_->RevokeApiToken(saved->id + 100, Now()).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->TouchApiToken(saved->id + 100, Now()).error().code, ErrorCode::kNotFound);
}

TEST_P(CredentialContract, TokenHashesAreUniqueAndNeedAStaffMember) {
  ASSERT_TRUE(store_->SaveApiToken({0, staff_.id, Hash("a"), "", Now(), {}, {}}));
  auto duplicate = store_->SaveApiToken({0, staff_.id, Hash("a"), "", Now(), {}, {}});
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  auto orphan = store_->SaveApiToken({0, staff_.id + 100, Hash("b"), "", Now(), {}, {}});
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code, ErrorCode::kNotFound);
  auto long_label =
      store_->SaveApiToken({0, staff_.id, Hash("c"), std::string(201, 'x'), Now(), {}, {}});
  ASSERT_FALSE(long_label);
  EXPECT_EQ(long_label.error().field, "label");
  EXPECT_EQ(store_->ApiTokens(staff_.id)->size(), 1u);
}

TEST_P(CredentialContract, ADeactivatedStaffMembersTokensStopWorking) {
  ASSERT_TRUE(store_->SaveApiToken({0, staff_.id, Hash("cdk_x"), "", Now(), {}, {}}));
  auto inactive = staff_;
  inactive.active = false;
  ASSERT_TRUE(store_->SaveStaff(inactive));
  EXPECT_EQ(store_->FindApiToken(Hash("cdk_x")).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store_->SaveStaff(staff_));
  EXPECT_TRUE(store_->FindApiToken(Hash("cdk_x")));
}

TEST_P(CredentialContract, ASessionLastsUntilItExpiresOrIsRevoked) {
  auto created = store_->CreateSession(StaffSession("s1", Now() + hours{8}));
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_GT(created->id, 0);
  auto found = store_->FindSession(Hash("s1"), Now() + hours{7});
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(*found, *created);
  EXPECT_EQ(found->csrf_hash, Hash("csrf-s1"));
  EXPECT_EQ(store_->FindSession(Hash("s1"), Now() + hours{8}).error().code, ErrorCode::kNotFound)
      << "expired at its expiry instant";
  ASSERT_TRUE(store_->RevokeSession(Hash("s1")));
  EXPECT_EQ(store_->FindSession(Hash("s1"), Now()).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->RevokeSession(Hash("never")).error().code, ErrorCode::kNotFound);
}

TEST_P(CredentialContract, ASessionBelongsToExactlyOneStaffMemberOrCustomer) {
  auto both = StaffSession("s", Now() + hours{1});
  both.customer_id = customer_.id;
  EXPECT_EQ(store_->CreateSession(both).error().code, ErrorCode::kInvalid);
  auto neither = StaffSession("s", Now() + hours{1});
  neither.staff_id.reset();
  EXPECT_EQ(store_->CreateSession(neither).error().code, ErrorCode::kInvalid);
  auto backwards = StaffSession("s", Now() - hours{1});
  EXPECT_EQ(store_->CreateSession(backwards).error().field, "expires_at");
  auto customer = StaffSession("c", Now() + hours{1});
  customer.staff_id.reset();
  customer.customer_id = customer_.id;
  auto saved = store_->CreateSession(customer);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(store_->FindSession(Hash("c"), Now())->customer_id, customer_.id);
  EXPECT_FALSE(store_->FindSession(Hash("c"), Now())->staff_id);
  EXPECT_EQ(store_->CreateSession(customer).error().code, ErrorCode::kConflict)
      << "session ids are unique";
}

TEST_P(CredentialContract, SigningOutEverywhereRevokesOnlyThatPersonsSessions) {
  ASSERT_TRUE(store_->CreateSession(StaffSession("s1", Now() + hours{8})));
  ASSERT_TRUE(store_->CreateSession(StaffSession("s2", Now() + hours{8})));
  auto customer = StaffSession("c1", Now() + hours{8});
  customer.staff_id.reset();
  customer.customer_id = customer_.id;
  ASSERT_TRUE(store_->CreateSession(customer));
  EXPECT_EQ(store_->RevokeStaffSessions(staff_.id).value_or(-1), 2);
  EXPECT_EQ(store_->RevokeStaffSessions(staff_.id).value_or(-1), 0);
  EXPECT_FALSE(store_->FindSession(Hash("s2"), Now()));
  EXPECT_TRUE(store_->FindSession(Hash("c1"), Now()));
  EXPECT_EQ(store_->RevokeCustomerSessions(customer_.id).value_or(-1), 1);
  EXPECT_FALSE(store_->FindSession(Hash("c1"), Now()));
}

TEST_P(CredentialContract, ExpiredSessionsAreDeleted) {
  ASSERT_TRUE(store_->CreateSession(StaffSession("short", Now() + hours{1})));
  ASSERT_TRUE(store_->CreateSession(StaffSession("long", Now() + hours{9})));
  EXPECT_EQ(store_->DeleteExpiredSessions(Now() + hours{2}).value_or(-1), 1);
  EXPECT_TRUE(store_->FindSession(Hash("long"), Now()));
  EXPECT_FALSE(store_->FindSession(Hash("short"), Now()));
}

TEST_P(CredentialContract, ATrackingSecretOpensItsOwnCaseOnly) {
  auto first = CreateCase("first");
  auto second = CreateCase("second");
  ASSERT_TRUE(store_->SaveCaseSecret(first.id, Hash("secret-1"), Now()));
  ASSERT_TRUE(store_->SaveCaseSecret(second.id, Hash("secret-2"), Now()));
  auto found = store_->FindCaseBySecret(first.reference, Hash("secret-1"));
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->id, first.id);
  EXPECT_EQ(found->subject, "first");
  // Another case's secret, a wrong secret and a wrong reference look the same.
  EXPECT_EQ(store_->FindCaseBySecret(first.reference, Hash("secret-2")).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(store_->FindCaseBySecret(first.reference, Hash("guess")).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(store_->FindCaseBySecret("CD-2026-999999", Hash("secret-1")).error().code,
            ErrorCode::kNotFound);
  // A new secret replaces the old one.
  ASSERT_TRUE(store_->SaveCaseSecret(first.id, Hash("secret-1b"), Now()));
  EXPECT_FALSE(store_->FindCaseBySecret(first.reference, Hash("secret-1")));
  EXPECT_TRUE(store_->FindCaseBySecret(first.reference, Hash("secret-1b")));
  EXPECT_EQ(store_->SaveCaseSecret(second.id + 100, Hash("x"), Now()).error().code,
            ErrorCode::kNotFound);
}

// Undoes 0007_case_timers.sql (the timers' old table is dropped with 0003), 0006_figures_state.sql,
// 0005_case_figures.sql, 0004_notices_and_satisfaction.sql,
// 0003_correspondence.sql and 0002_credentials.sql by hand, leaving the database as schema 1 left
// it.
constexpr const char* kBackToSchema1 =
    "DROP TABLE case_timers; DROP TABLE figures_state;"
    "DROP TABLE recommendations; DROP TABLE case_figures; DROP INDEX suggestions_received;"
    "DROP INDEX cases_service_status; DROP TABLE satisfaction_responses;"
    "DROP TABLE service_notices;"
    "ALTER TABLE suggestions DROP COLUMN outcome_told_at;"
    "DROP TABLE message_templates; DROP TABLE inbound_mail;"
    "DROP TABLE outbox;"
    "DROP TABLE case_secrets; DROP TABLE sessions; DROP TABLE api_tokens;"
    "ALTER TABLE staff DROP COLUMN password_hash;"
    "ALTER TABLE customers DROP COLUMN password_hash;"
    "DELETE FROM schema_migrations WHERE version >= 2;";

TEST_P(CredentialContract, AStoreAtSchemaOneMigratesToTheLatestKeepingItsData) {
  auto record = CreateCase("kept");
  store_.reset();
  ASSERT_TRUE(engine_->RawExec(kBackToSchema1));
  auto reopened = engine_->Reopen(clock_);
  ASSERT_TRUE(reopened) << reopened.error().message;
  store_ = std::move(*reopened);
  EXPECT_EQ(store_->SchemaVersion(), 7);
  EXPECT_EQ(store_->FindStaff(staff_.id).value_or(core::StaffRecord{}), staff_);
  // The case written before reports kept figures is found, to be given its figures.
  EXPECT_EQ(store_->CasesWithoutFigures(10).value_or(std::vector<std::string>{}),
            std::vector<std::string>{record.reference});
  EXPECT_EQ(store_->FindCase(record.reference)->subject, "kept");
  EXPECT_EQ(store_->StaffPasswordHash("sam@example.org")->password_hash, "");
  ASSERT_TRUE(store_->SetStaffPassword(staff_.id, kHashA));
  ASSERT_TRUE(store_->SaveCaseSecret(record.id, Hash("s"), Now()));
  EXPECT_TRUE(store_->FindCaseBySecret(record.reference, Hash("s")));
}

INSTANTIATE_TEST_SUITE_P(Engines, CredentialContract, ::testing::ValuesIn(EngineNames()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace caredesk::testing
