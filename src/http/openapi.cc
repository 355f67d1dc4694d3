#include "http/openapi.h"

namespace caredesk::http {

void AddOpenApiRoute(Router& router) {
  router.Add("GET", "/api/v1/openapi.json", [](const Request&, const RouteParams&) {
    return TextResponse(200, std::string(OpenApiText()), "application/json");
  });
}

}  // namespace caredesk::http
