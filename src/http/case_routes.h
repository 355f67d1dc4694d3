// The case endpoints of /api/v1: staff log contacts, work the queue, read a case and record
// every action on it; the public portal takes contacts without an account and lets a customer
// follow their case with its reference and tracking secret. Handlers stay thin: they check who
// asks (request_auth.h, core/access.h), read the request strictly (case_requests.h) and call
// the CaseService.
#pragma once

#include <memory>

#include "auth/authenticator.h"
#include "core/case_service.h"
#include "http/rate_limiter.h"
#include "http/router.h"

namespace caredesk::http {

struct CaseApi {
  core::Store& store;
  core::CaseService& cases;
  auth::Authenticator& authenticator;
  const core::Clock& clock;
  std::shared_ptr<RateLimiter> portal_limiter;          // per address, on POST /portal/contacts
  std::shared_ptr<RateLimiter> sign_in_limiter;         // per address, on the sign-in routes
  std::size_t attachment_limit = kAttachmentBodyLimit;  // body limit of attachment uploads
};

// Registers the staff case routes; `api`'s references must outlive the router.
void AddCaseRoutes(Router& router, const CaseApi& api);
// Registers the public portal's routes (portal_routes.cc).
void AddPortalRoutes(Router& router, const CaseApi& api);
// Registers what the organisation publishes, for the portal (published_routes.cc).
void AddPublishedRoutes(Router& router, const CaseApi& api);
// Registers the policy and departments routes (directory_routes.cc).
void AddDirectoryRoutes(Router& router, const CaseApi& api);
// Registers the staff list and staff management (staff_routes.cc).
void AddStaffRoutes(Router& router, const CaseApi& api);
// Registers customer records: read, find by email, correct (customer_routes.cc).
void AddCustomerRoutes(Router& router, const CaseApi& api);
// Registers suggestions, staff-side and on the portal (suggestion_routes.cc).
void AddSuggestionRoutes(Router& router, const CaseApi& api);
// Registers sign-in, sign-out and /me (session_routes.cc).
void AddSessionRoutes(Router& router, const CaseApi& api);
// Registers the live updates stream, GET /api/v1/events (event_routes.cc).
void AddEventRoutes(Router& router, const CaseApi& api);

}  // namespace caredesk::http
