// The whole /api/v1 over one store: the case service, sign-in and the rate limits, built once
// and shared by every route. `caredesk serve` and the API tests wire it the same way.
#pragma once

#include <memory>

#include "auth/authenticator.h"
#include "auth/token.h"
#include "core/case_service.h"
#include "http/case_routes.h"
#include "http/rate_limiter.h"
#include "http/router.h"

namespace caredesk::jobs {
class Correspondent;
}

namespace caredesk::http {

struct ApiLimits {
  int portal_per_minute = 60;                           // portal submissions per minute per address
  int sign_in_per_minute = 10;                          // sign-in attempts per minute per address
  std::size_t attachment_limit = kAttachmentBodyLimit;  // the largest attachment, in bytes
};

class Api {
 public:
  // `store`, `clock` and `random` must outlive the Api, and the Api the router it fills.
  // `correspondent` writes what the API sends itself (a service notice to the customers it
  // concerns): `caredesk serve` passes the one its jobs write with, so every message has the same
  // sender, domain and links; without one the Api makes its own, with the default identity and no
  // links, its message ids from `random`.
  Api(core::Store& store, const core::Clock& clock, auth::TokenSource& random,
      ApiLimits limits = {}, jobs::Correspondent* correspondent = nullptr);
  ~Api();

  void AddRoutes(Router& router);

  core::CaseService& cases() { return cases_; }
  auth::Authenticator& authenticator() { return authenticator_; }

 private:
  core::CaseService cases_;
  auth::Authenticator authenticator_;
  CaseApi case_api_;
  std::unique_ptr<jobs::Correspondent> own_correspondent_;  // when none was given
  jobs::Correspondent& correspondent_;
};

}  // namespace caredesk::http
