#include "auth/password.h"

#include <fmt/format.h>
#include <sodium.h>

#include "auth/sodium.h"

namespace caredesk::auth {

bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

core::Result<void> CheckNewPassword(std::string_view password) {
  if (password.empty()) {
    return core::Fail(core::ErrorCode::kInvalid, "a password is required", "password");
  }
  if (password.size() < kMinPasswordBytes) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("a password needs at least {} characters", kMinPasswordBytes),
                      "password");
  }
  if (password.size() > kMaxPasswordBytes) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("a password is at most {} bytes", kMaxPasswordBytes), "password");
  }
  return {};
}

core::Result<std::string> HashPassword(std::string_view password) {
  if (auto valid = CheckNewPassword(password); !valid) return tl::unexpected(valid.error());
  if (!SodiumReady()) {
    return core::Fail(core::ErrorCode::kUnavailable, "libsodium could not start");
  }
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return core::Fail(core::ErrorCode::kUnavailable,
                      "not enough memory to hash the password; try again");
  }
  return std::string(hash);
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  if (!SodiumReady() || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  if (!hash.starts_with("$argon2id$") || password.size() > kMaxPasswordBytes) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool PasswordNeedsRehash(const std::string& hash) {
  if (!SodiumReady()) return false;
  return crypto_pwhash_str_needs_rehash(hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

const std::string& DecoyPasswordHash() {
  static const std::string decoy = [] {
    if (!SodiumReady()) return std::string();
    unsigned char random[24];
    randombytes_buf(random, sizeof random);
    char hex[sizeof random * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, random, sizeof random);
    return HashPassword(hex).value_or(std::string());
  }();
  return decoy;
}

}  // namespace caredesk::auth
