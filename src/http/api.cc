#include "http/api.h"

#include <fmt/format.h>

#include <array>

#include "http/admin_routes.h"
#include "http/correspondence_routes.h"
#include "http/openapi.h"
#include "jobs/correspondent.h"

namespace caredesk::http {
namespace {

// A correspondent with caredesk's default identity, its message ids 128 random bits in hex.
std::unique_ptr<jobs::Correspondent> DefaultCorrespondent(core::Store& store,
                                                          auth::TokenSource& random) {
  return std::make_unique<jobs::Correspondent>(store, jobs::MailIdentity{}, jobs::PublicSite{},
                                               [&random] {
                                                 std::array<std::uint8_t, 16> bytes{};
                                                 random.Fill(bytes);
                                                 std::string hex;
                                                 for (auto byte : bytes) {
                                                   hex += fmt::format("{:02x}", byte);
                                                 }
                                                 return hex;
                                               });
}

}  // namespace

Api::Api(core::Store& store, const core::Clock& clock, auth::TokenSource& random, ApiLimits limits,
         jobs::Correspondent* correspondent)
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
                limits.attachment_limit},
      own_correspondent_(correspondent ? nullptr : DefaultCorrespondent(store, random)),
      correspondent_(correspondent ? *correspondent : *own_correspondent_) {}

Api::~Api() = default;

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
  AddReportRoutes(router, case_api_);
  AddReportExportRoutes(router, case_api_);
  AddCalendarRoutes(router, case_api_);
  AddEventRoutes(router, case_api_);
  AddTemplateRoutes(router, case_api_);
  AddOutboxRoutes(router, case_api_);
  AddNoticeRoutes(router, case_api_, correspondent_);
  AddSatisfactionRoutes(router, case_api_);
  AddOpenApiRoute(router);
}

}  // namespace caredesk::http
