// Secrets caredesk hands out — API tokens, browser session ids, CSRF tokens, case tracking
// secrets — and how they are kept. Each is 32 random bytes from an injected TokenSource (so
// tests are deterministic) in unpadded URL-safe base64 behind a prefix naming its kind; the
// prefix lets secret scanners and log filters recognise a leaked one. The store keeps only the
// SHA-256 of a secret: a copy of the database opens nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace caredesk::auth {

// Where random bytes come from.
class TokenSource {
 public:
  virtual ~TokenSource() = default;
  virtual void Fill(std::span<std::uint8_t> bytes) = 0;
};

// The operating system's CSPRNG through libsodium's randombytes_buf; one may be shared by every
// thread. Throws std::runtime_error from the constructor (at start-up) when libsodium cannot
// start.
class SodiumTokenSource final : public TokenSource {
 public:
  SodiumTokenSource();
  void Fill(std::span<std::uint8_t> bytes) override;
};

// Deterministic bytes from a seed (SHA-256 of seed and a counter), for tests only: the same
// seed gives the same tokens, different seeds different ones. Not for sharing between threads.
class SeededTokenSource final : public TokenSource {
 public:
  explicit SeededTokenSource(std::string seed) : seed_(std::move(seed)) {}
  void Fill(std::span<std::uint8_t> bytes) override;

 private:
  std::string seed_;
  std::uint64_t counter_ = 0;
};

enum class TokenKind {
  kApiToken,    // cdk_…  Authorization: Bearer
  kSession,     // cds_…  the session cookie
  kCsrf,        // cdc_…  the CSRF header of a browser session
  kCaseSecret,  // cdt_…  with a case reference, opens that case in the customer portal
};

inline constexpr std::size_t kTokenRandomBytes = 32;
// Prefix (4) + base64 of 32 bytes without padding (43).
inline constexpr std::size_t kTokenLength = 47;

std::string_view TokenPrefix(TokenKind kind);
// A new secret of `kind`.
std::string NewToken(TokenSource& source, TokenKind kind);
// Whether `text` has the shape of a secret of `kind` (prefix, length, alphabet): a cheap check
// before hashing and looking it up, so junk never reaches the store.
bool IsWellFormedToken(std::string_view text, TokenKind kind);
// What the store keeps of a secret: its SHA-256 in lowercase hex.
std::string TokenHash(std::string_view token);
// Equality whose time does not depend on where the inputs differ (lengths are not secret).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace caredesk::auth
