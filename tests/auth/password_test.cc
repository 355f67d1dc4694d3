// argon2id password hashing through libsodium: real hashes, real verification.
#include "auth/password.h"

#include <gtest/gtest.h>

namespace caredesk::auth {
namespace {

TEST(Password, AHashVerifiesItsPasswordAndNoOther) {
  auto hash = HashPassword("correct horse battery staple");
  ASSERT_TRUE(hash) << hash.error().message;
  EXPECT_TRUE(hash->starts_with("$argon2id$")) << *hash;
  EXPECT_EQ(hash->find("correct horse"), std::string::npos);
  EXPECT_TRUE(VerifyPassword("correct horse battery staple", *hash));
  EXPECT_FALSE(VerifyPassword("correct horse battery stapler", *hash));
  EXPECT_FALSE(VerifyPassword("", *hash));
  EXPECT_FALSE(PasswordNeedsRehash(*hash));
}

TEST(Password, TheSamePasswordHashesDifferentlyEachTime) {
  auto first = HashPassword("same password");
  auto second = HashPassword("same password");
  ASSERT_TRUE(first && second);
  EXPECT_NE(*first, *second) << "each hash has its own salt";
  EXPECT_TRUE(VerifyPassword("same password", *second));
}

TEST(Password, EmptyShortAndOverlongPasswordsAreRefusedNamingTheField) {
  for (const std::string& bad :
       {std::string(), std::string("short"), std::string(kMaxPasswordBytes + 1, 'x')}) {
    auto hash = HashPassword(bad);
    ASSERT_FALSE(hash) << bad.size();
    EXPECT_EQ(hash.error().code, core::ErrorCode::kInvalid);
    EXPECT_EQ(hash.error().field, "password");
  }
  EXPECT_NE(HashPassword("").error().message.find("required"), std::string::npos);
  EXPECT_TRUE(HashPassword(std::string(kMaxPasswordBytes, 'x')));
  EXPECT_TRUE(HashPassword(std::string(kMinPasswordBytes, 'x')));
}

TEST(Password, MalformedHashesNeverVerify) {
  EXPECT_FALSE(VerifyPassword("anything", ""));
  EXPECT_FALSE(VerifyPassword("anything", "anything"));
  EXPECT_FALSE(VerifyPassword("anything", "$argon2id$v=19$m=65536,t=2,p=1$garbage"));
  EXPECT_FALSE(VerifyPassword("anything", std::string(500, '$')));
  // A bcrypt or MD5-crypt string is not argon2id: refused, never interpreted.
  EXPECT_FALSE(VerifyPassword("anything", "$2b$12$abcdefghijklmnopqrstuv"));
}

TEST(Password, TheDecoyHashMatchesNoTypicalPassword) {
  const auto& decoy = DecoyPasswordHash();
  ASSERT_TRUE(decoy.starts_with("$argon2id$"));
  EXPECT_EQ(&decoy, &DecoyPasswordHash()) << "made once";
  EXPECT_FALSE(VerifyPassword("password", decoy));
}

}  // namespace
}  // namespace caredesk::auth
