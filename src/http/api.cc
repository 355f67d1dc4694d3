#include "http/api.h"

#include "http/admin_routes.h"
#include "http/openapi.h"

namespace caredesk::http {

Api::Api(core::Store& store, const core::Clock& clock, auth::TokenSource& random, ApiLimits limits)
    : cases_(store, clock),
      authenticator_(store, clock, random),
      case_api_{store,
                cases_,
                authenticator_,
                clock,
                std::make_shared<RateLimiter>(
                    clock, RateLimit{limits.portal_per_minute, std::chrono::seconds(60)}),
                std::make_shared<RateLimiter>(
                    clock, RateLimit{limits.sign_in_per_minute, std::chrono::seconds(60)}),
                limits.attachment_limit} {}

void Api::AddRoutes(Router& router) {
  AddCaseRoutes(router, case_api_);
  AddPortalRoutes(router, case_api_);
  AddSessionRoutes(router, case_api_);
  AddDirectoryRoutes(router, case_api_);
  AddStaffRoutes(router, case_api_);
  AddCustomerRoutes(router, case_api_);
  AddSuggestionRoutes(router, case_api_);
  AddPublishedRoutes(router, case_api_);
  AddDashboardRoutes(router, case_api_);
  AddCalendarRoutes(router, case_api_);
  AddEventRoutes(router, case_api_);
  AddOpenApiRoute(router);
}

}  // namespace caredesk::http
