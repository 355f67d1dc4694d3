// Secrets handed out by caredesk: their shape, their randomness source, what is stored of them.
#include "auth/token.h"

#include <gtest/gtest.h>

#include <set>

#include "core/sha256.h"

namespace caredesk::auth {
namespace {

constexpr TokenKind kKinds[] = {TokenKind::kApiToken, TokenKind::kSession, TokenKind::kCsrf,
                                TokenKind::kCaseSecret};

TEST(Token, ASecretIsItsPrefixAnd43UrlSafeCharacters) {
  SodiumTokenSource random;
  for (const auto kind : kKinds) {
    const auto token = NewToken(random, kind);
    EXPECT_EQ(token.size(), kTokenLength) << token;
    EXPECT_TRUE(token.starts_with(TokenPrefix(kind))) << token;
    EXPECT_EQ(token.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 4),
              std::string::npos)
        << token;
    EXPECT_TRUE(IsWellFormedToken(token, kind));
  }
  EXPECT_EQ(TokenPrefix(TokenKind::kApiToken), "cdk_");
}

TEST(Token, TheSystemSourceNeverRepeats) {
  SodiumTokenSource random;
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(NewToken(random, TokenKind::kApiToken));
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(Token, ASeededSourceIsDeterministicPerSeed) {
  SeededTokenSource a("seed"), b("seed"), c("other");
  const auto first = NewToken(a, TokenKind::kSession);
  EXPECT_EQ(first, NewToken(b, TokenKind::kSession));
  EXPECT_NE(first, NewToken(c, TokenKind::kSession));
  EXPECT_NE(first, NewToken(a, TokenKind::kSession)) << "the next token differs";
}

TEST(Token, ShapeChecksRefuseTheWrongKindAndJunk) {
  SeededTokenSource random("shape");
  const auto api = NewToken(random, TokenKind::kApiToken);
  EXPECT_FALSE(IsWellFormedToken(api, TokenKind::kSession));
  EXPECT_FALSE(IsWellFormedToken(api.substr(0, 46), TokenKind::kApiToken));
  EXPECT_FALSE(IsWellFormedToken(api + "A", TokenKind::kApiToken));
  EXPECT_FALSE(IsWellFormedToken("cdk_" + std::string(43, '='), TokenKind::kApiToken));
  EXPECT_FALSE(IsWellFormedToken("", TokenKind::kApiToken));
  EXPECT_FALSE(IsWellFormedToken(std::string(1 << 20, 'x'), TokenKind::kApiToken));
}

TEST(Token, OnlyTheSha256OfASecretIsKept) {
  SeededTokenSource random("hash");
  const auto token = NewToken(random, TokenKind::kApiToken);
  const auto hash = TokenHash(token);
  EXPECT_EQ(hash, core::Sha256Hex(token));
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find(token.substr(4, 8)), std::string::npos);
}

TEST(Token, ConstantTimeEqualsIsEquality) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
  EXPECT_FALSE(ConstantTimeEquals("xbc", "abc"));
}

}  // namespace
}  // namespace caredesk::auth
