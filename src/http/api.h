// The whole /api/v1 over one store: the case service, sign-in and the rate limits, built once
// and shared by every route. `caredesk serve` and the API tests wire it the same way.
#pragma once

#include "auth/authenticator.h"
#include "auth/token.h"
#include "core/case_service.h"
#include "http/case_routes.h"
#include "http/rate_limiter.h"
#include "http/router.h"

namespace caredesk::http {

struct ApiLimits {
  int portal_per_minute = 60;                           // portal submissions per minute per address
  int sign_in_per_minute = 10;                          // sign-in attempts per minute per address
  std::size_t attachment_limit = kAttachmentBodyLimit;  // the largest attachment, in bytes
};

class Api {
 public:
  // `store`, `clock` and `random` must outlive the Api, and the Api the router it fills.
  Api(core::Store& store, const core::Clock& clock, auth::TokenSource& random,
      ApiLimits limits = {});

  void AddRoutes(Router& router);

  core::CaseService& cases() { return cases_; }
  auth::Authenticator& authenticator() { return authenticator_; }

 private:
  core::CaseService cases_;
  auth::Authenticator authenticator_;
  CaseApi case_api_;
};

}  // namespace caredesk::http
