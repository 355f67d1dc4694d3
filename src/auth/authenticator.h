// Signing in and recognising who a request comes from, over the store's CredentialStore port:
// what the HTTP layer calls (on its worker pool — password hashing is slow by design). Every
// way in ends in a core::Principal that the access rules (core/access.h) judge.
//
// Rejections are values, not errors: a wrong email, a wrong password, an account without a
// password, a deactivated account, an unknown, revoked or expired token or session all give
// std::nullopt, alike, so a caller cannot tell them apart (answer 401). An error is only ever
// an outage of the store (answer 503).
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "auth/authenticated.h"
#include "auth/recent_tokens.h"
#include "auth/token.h"
#include "core/access.h"
#include "core/clock.h"
#include "core/store.h"

namespace caredesk::auth {

struct SessionPolicy {
  std::chrono::seconds staff_lifetime{std::chrono::hours{10}};  // a working day
  std::chrono::seconds customer_lifetime{std::chrono::hours{2}};
  // A token's last use is written at most this often, so busy scripts do not write per request.
  std::chrono::seconds touch_interval{std::chrono::minutes{5}};
  // How long a recognised API token is trusted without asking the store again (0: always ask).
  std::chrono::seconds token_recall{2};
};

// A browser sign-in as handed to the browser: the session id goes in an HttpOnly, Secure,
// SameSite=Strict cookie; the CSRF token goes to the page, which sends it back in a header on
// every state-changing request. Neither is stored; the record holds their hashes.
struct NewSession {
  std::string session_id;
  std::string csrf_token;
  core::SessionRecord record;
};

// The token of an `Authorization: Bearer <token>` header value, or nothing.
std::optional<std::string_view> BearerToken(std::string_view authorization);

// Holds no state of its own but the recently recognised API tokens (recent_tokens.h): one may
// serve every thread when its TokenSource may.
class Authenticator {
 public:
  Authenticator(core::Store& store, const core::Clock& clock, TokenSource& random,
                SessionPolicy policy = {})
      : store_(store),
        clock_(clock),
        random_(random),
        policy_(policy),
        recent_tokens_(std::make_unique<RecentTokens>(policy.token_recall)) {}

  // A staff member's email and password. Re-hashes a password made with older limits.
  core::Result<std::optional<Authenticated>> SignInStaff(const std::string& email,
                                                         std::string_view password);
  // A customer's portal account.
  core::Result<std::optional<Authenticated>> SignInCustomer(const std::string& email,
                                                            std::string_view password);
  // Starts a browser session for a signed-in staff member or customer (kInvalid for others).
  core::Result<NewSession> StartSession(const core::Principal& principal);
  // The session a cookie names, while it is open and its staff member active.
  core::Result<std::optional<Authenticated>> AuthenticateSession(std::string_view session_id);
  // Whether a state-changing request's CSRF token belongs to its session (constant time).
  static bool CsrfMatches(const core::SessionRecord& session, std::string_view csrf_token);
  // Signs the session out; an unknown session is already out.
  core::Result<void> EndSession(std::string_view session_id);

  // An API token from `Authorization: Bearer`; records its use now and then.
  core::Result<std::optional<Authenticated>> AuthenticateBearer(std::string_view token);

  // After this process changed a staff member or a department: API tokens are looked up again
  // at their next use, so a deactivation or a new role takes effect at once here (and within
  // SessionPolicy::token_recall in other processes).
  void StaffChanged() { recent_tokens_->Clear(); }

  // A new tracking secret for a case, replacing any earlier one; shown once to the customer.
  core::Result<std::string> IssueCaseSecret(core::Id case_id);
  // The case a reference and tracking secret open, and the principal that holds it.
  core::Result<std::optional<std::pair<core::Principal, core::CaseRecord>>> OpenCaseBySecret(
      std::string_view reference, std::string_view secret);

 private:
  core::Result<Authenticated> StaffPrincipal(const core::StaffRecord& staff);

  core::Store& store_;
  const core::Clock& clock_;
  TokenSource& random_;
  SessionPolicy policy_;
  std::unique_ptr<RecentTokens> recent_tokens_;
};

}  // namespace caredesk::auth
