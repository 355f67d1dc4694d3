// What the store keeps for sign-in: API tokens, browser sessions and the password hashes of
// staff and customer accounts. The store only ever sees hashes (argon2id strings for
// passwords, SHA-256 hex for tokens, session ids, CSRF tokens and tracking secrets); the
// secrets themselves are made and checked by caredesk::auth and shown once to their owner.
#pragma once

#include <optional>
#include <string>

#include "core/store_records.h"

namespace caredesk::core {

// A bearer token for scripts and other systems, acting as one staff member.
struct ApiTokenRecord {
  Id id = 0;
  Id staff_id = 0;
  std::string token_hash;  // SHA-256 hex of the token; unique
  std::string label;       // what the token is for ("nightly export")
  Instant created_at;
  std::optional<Instant> last_used_at;
  std::optional<Instant> revoked_at;

  friend bool operator==(const ApiTokenRecord&, const ApiTokenRecord&) = default;
};

// A token that authenticates: the token and the active staff member it acts as.
struct ApiTokenMatch {
  ApiTokenRecord token;
  StaffRecord staff;
};

// A browser sign-in, a staff member's or a customer's (exactly one of the two ids is set).
struct SessionRecord {
  Id id = 0;
  std::string session_hash;  // SHA-256 hex of the session id in the cookie; unique
  std::optional<Id> staff_id;
  std::optional<Id> customer_id;
  std::string csrf_hash;  // SHA-256 hex of the CSRF token state-changing requests must carry
  Instant created_at;
  Instant expires_at;
  bool revoked = false;

  friend bool operator==(const SessionRecord&, const SessionRecord&) = default;
};

// A staff member and their password hash (empty when none is set: no password sign-in).
struct StaffCredential {
  StaffRecord staff;
  std::string password_hash;
};

// A customer and their portal password hash (empty when they have no portal account).
struct CustomerCredential {
  CustomerRecord customer;
  std::string password_hash;
};

}  // namespace caredesk::core
