// The API's OpenAPI 3.1 description (src/http/openapi.json, embedded at build time), served at
// /api/v1/openapi.json. A test checks that it describes exactly the routes the server has.
#pragma once

#include <string_view>

#include "http/router.h"

namespace caredesk::http {

std::string_view OpenApiText();

// Registers GET /api/v1/openapi.json.
void AddOpenApiRoute(Router& router);

}  // namespace caredesk::http
