#include "auth/authenticator.h"

#include "auth/password.h"

namespace caredesk::auth {
namespace {

using core::Result;
using Rejected = std::optional<Authenticated>;

bool IsNotFound(const core::Error& error) { return error.code == core::ErrorCode::kNotFound; }

}  // namespace

std::optional<std::string_view> BearerToken(std::string_view authorization) {
  constexpr std::string_view kScheme = "bearer ";
  if (authorization.size() <= kScheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    const char c = authorization[i];
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != kScheme[i]) return std::nullopt;
  }
  auto token = authorization.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  if (token.empty()) return std::nullopt;
  return token;
}

Result<Authenticated> Authenticator::StaffPrincipal(const core::StaffRecord& staff) {
  auto departments = store_.ListDepartments();
  if (!departments) return tl::unexpected(departments.error());
  return Authenticated{core::Principal::Staff(staff, *departments), staff, std::nullopt};
}

Result<std::optional<Authenticated>> Authenticator::SignInStaff(const std::string& email,
                                                                std::string_view password) {
  auto credential = store_.StaffPasswordHash(email);
  if (!credential && !IsNotFound(credential.error())) return tl::unexpected(credential.error());
  // No account, or no password: verify against a decoy anyway, so the answer takes as long as
  // a wrong password's and does not tell which emails have accounts.
  const bool usable = credential && !credential->password_hash.empty();
  const bool matches =
      VerifyPassword(password, usable ? credential->password_hash : DecoyPasswordHash());
  if (!usable || !matches || !credential->staff.active) return Rejected();
  if (PasswordNeedsRehash(credential->password_hash)) {
    if (auto hash = HashPassword(password)) {
      (void)store_.SetStaffPassword(credential->staff.id, *hash);  // best effort; retried later
    }
  }
  auto principal = StaffPrincipal(credential->staff);
  if (!principal) return tl::unexpected(principal.error());
  return Rejected(std::move(*principal));
}

Result<std::optional<Authenticated>> Authenticator::SignInCustomer(const std::string& email,
                                                                   std::string_view password) {
  auto credential = store_.CustomerPasswordHash(email);
  if (!credential && !IsNotFound(credential.error())) return tl::unexpected(credential.error());
  const bool usable = credential && !credential->password_hash.empty();
  const bool matches =
      VerifyPassword(password, usable ? credential->password_hash : DecoyPasswordHash());
  if (!usable || !matches) return Rejected();
  return Rejected(Authenticated{core::Principal::Customer(credential->customer.id), std::nullopt,
                                std::nullopt});
}

Result<NewSession> Authenticator::StartSession(const core::Principal& principal) {
  NewSession session;
  session.session_id = NewToken(random_, TokenKind::kSession);
  session.csrf_token = NewToken(random_, TokenKind::kCsrf);
  auto& record = session.record;
  record.session_hash = TokenHash(session.session_id);
  record.csrf_hash = TokenHash(session.csrf_token);
  record.created_at = clock_.Now();
  if (principal.kind == core::Principal::Kind::kStaff) {
    record.staff_id = principal.id;
    record.expires_at = record.created_at + policy_.staff_lifetime;
  } else if (principal.kind == core::Principal::Kind::kCustomer) {
    record.customer_id = principal.id;
    record.expires_at = record.created_at + policy_.customer_lifetime;
  } else {
    return core::Fail(core::ErrorCode::kInvalid,
                      "only a signed-in staff member or customer has a session", "principal");
  }
  auto stored = store_.CreateSession(record);
  if (!stored) return tl::unexpected(stored.error());
  record = *stored;
  return session;
}

Result<std::optional<Authenticated>> Authenticator::AuthenticateSession(
    std::string_view session_id) {
  if (!IsWellFormedToken(session_id, TokenKind::kSession)) return Rejected();
  auto session = store_.FindSession(TokenHash(session_id), clock_.Now());
  if (!session) {
    if (IsNotFound(session.error())) return Rejected();
    return tl::unexpected(session.error());
  }
  if (session->customer_id) {
    return Rejected(
        Authenticated{core::Principal::Customer(*session->customer_id), std::nullopt, *session});
  }
  auto staff = store_.FindStaff(*session->staff_id);
  if (!staff) {
    if (IsNotFound(staff.error())) return Rejected();
    return tl::unexpected(staff.error());
  }
  if (!staff->active) return Rejected();
  auto principal = StaffPrincipal(*staff);
  if (!principal) return tl::unexpected(principal.error());
  principal->session = *session;
  return Rejected(std::move(*principal));
}

bool Authenticator::CsrfMatches(const core::SessionRecord& session, std::string_view csrf_token) {
  if (!IsWellFormedToken(csrf_token, TokenKind::kCsrf)) return false;
  return ConstantTimeEquals(TokenHash(csrf_token), session.csrf_hash);
}

Result<void> Authenticator::EndSession(std::string_view session_id) {
  if (!IsWellFormedToken(session_id, TokenKind::kSession)) return {};
  auto revoked = store_.RevokeSession(TokenHash(session_id));
  if (!revoked && !IsNotFound(revoked.error())) return revoked;
  return {};
}

Result<std::optional<Authenticated>> Authenticator::AuthenticateBearer(std::string_view token) {
  if (!IsWellFormedToken(token, TokenKind::kApiToken)) return Rejected();
  const std::string hash = TokenHash(token);
  const auto now = clock_.Now();
  if (auto recent = recent_tokens_->Find(hash, now)) return Rejected(std::move(*recent));
  auto match = store_.FindApiToken(hash);
  if (!match) {
    if (IsNotFound(match.error())) return Rejected();
    return tl::unexpected(match.error());
  }
  const auto& used = match->token.last_used_at;
  if (!used || now - *used >= policy_.touch_interval) {
    // Best effort: a failed bookkeeping write must not refuse an authentic request.
    (void)store_.TouchApiToken(match->token.id, now);
  }
  auto principal = StaffPrincipal(match->staff);
  if (!principal) return tl::unexpected(principal.error());
  recent_tokens_->Remember(hash, *principal, now);
  return Rejected(std::move(*principal));
}

Result<std::string> Authenticator::IssueCaseSecret(core::Id case_id) {
  std::string secret = NewToken(random_, TokenKind::kCaseSecret);
  auto saved = store_.SaveCaseSecret(case_id, TokenHash(secret), clock_.Now());
  if (!saved) return tl::unexpected(saved.error());
  return secret;
}

Result<std::optional<std::pair<core::Principal, core::CaseRecord>>> Authenticator::OpenCaseBySecret(
    std::string_view reference, std::string_view secret) {
  using Opened = std::optional<std::pair<core::Principal, core::CaseRecord>>;
  if (!IsWellFormedToken(secret, TokenKind::kCaseSecret) || reference.size() > 32) {
    return Opened();
  }
  auto record = store_.FindCaseBySecret(reference, TokenHash(secret));
  if (!record) {
    if (IsNotFound(record.error())) return Opened();
    return tl::unexpected(record.error());
  }
  return Opened(std::pair{core::Principal::CaseHolder(record->id), *record});
}

}  // namespace caredesk::auth
