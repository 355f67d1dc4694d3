// Serves the embedded browser UI: "/" is the single page (every screen is a "#/" route of it),
// "/assets/…" the files it loads, named by their content's hash and so cached for a year.
#pragma once

#include <vector>

#include "http/router.h"
#include "http/web_assets.h"

namespace caredesk::http {

void AddWebRoutes(Router& router, const std::vector<WebAsset>& assets = WebAssets());

}  // namespace caredesk::http
