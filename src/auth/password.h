// Staff and customer passwords: argon2id (libsodium crypto_pwhash_str, interactive limits, a
// random salt per hash). The store keeps only the resulting string, which carries its own
// algorithm, parameters and salt, so limits can be raised later and old hashes still verify.
// Hashing is deliberately slow (tens of milliseconds, 64 MiB): call it on a worker thread,
// never on an I/O thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace caredesk::auth {

// NIST SP 800-63B's minimum; the maximum bounds the work one request can cause.
inline constexpr std::size_t kMinPasswordBytes = 8;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// Checks a new password's length: kInvalid naming "password" when empty, too short or too long.
core::Result<void> CheckNewPassword(std::string_view password);
// The argon2id hash string of a new password (checked first). kUnavailable when libsodium
// cannot start or the memory the hash needs cannot be had.
core::Result<std::string> HashPassword(std::string_view password);
// Whether `password` matches `hash`; false for an empty, malformed or non-argon2id hash and for
// an over-long password (never throws, never an error).
bool VerifyPassword(std::string_view password, const std::string& hash);
// Whether `hash` was made with weaker limits than today's (re-hash at the next sign-in).
bool PasswordNeedsRehash(const std::string& hash);
// A hash of a random password: verify against it when the account does not exist, so that
// signing in as nobody takes as long as signing in with a wrong password.
const std::string& DecoyPasswordHash();

}  // namespace caredesk::auth
