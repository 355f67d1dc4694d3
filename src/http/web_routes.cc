#include "http/web_routes.h"

namespace caredesk::http {
namespace {

// Whether the request's Accept-Encoding admits gzip (a "gzip;q=0" refusal counts as no).
bool AcceptsGzip(const Request& request) {
  auto accepted = request.Header("accept-encoding");
  if (!accepted) return false;
  const std::string lower = ToLower(*accepted);
  const auto at = lower.find("gzip");
  if (at == std::string::npos) return false;
  const auto end = lower.find(',', at);
  const std::string_view entry =
      std::string_view(lower).substr(at, end == std::string::npos ? std::string::npos : end - at);
  return entry.find("q=0") == std::string_view::npos ||
         entry.find("q=0.") != std::string_view::npos;
}

Response AssetResponse(const WebAsset& asset, const Request& request, bool immutable) {
  Response response;
  response.SetHeader("content-type", std::string(asset.content_type));
  response.SetHeader("vary", "Accept-Encoding");
  response.SetHeader("x-content-type-options", "nosniff");
  response.SetHeader("cache-control",
                     immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (!asset.gzip.empty() && AcceptsGzip(request)) {
    response.SetHeader("content-encoding", "gzip");
    response.body = std::string(asset.gzip);
  } else {
    response.body = std::string(asset.bytes);
  }
  return response;
}

// The page itself: scripts and styles only from this server, no framing by other sites, no
// referrer sent elsewhere (a tracking page's URL carries a case reference).
Response PageResponse(const WebAsset& page, const Request& request) {
  Response response = AssetResponse(page, request, false);
  response.SetHeader("content-security-policy",
                     "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                     "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  response.SetHeader("referrer-policy", "no-referrer");
  response.SetHeader("x-frame-options", "DENY");
  return response;
}

}  // namespace

void AddWebRoutes(Router& router, const std::vector<WebAsset>& assets) {
  for (const WebAsset& asset : assets) {
    if (asset.path == "/index.html") {
      for (const char* path : {"/", "/index.html"}) {
        router.Add(
            "GET", path,
            [&asset](const Request& request, const RouteParams&) {
              return PageResponse(asset, request);
            },
            RouteOptions().OnIoThread());
      }
      continue;
    }
    const bool hashed = asset.path.starts_with("/assets/");
    router.Add(
        "GET", std::string(asset.path),
        [&asset, hashed](const Request& request, const RouteParams&) {
          return AssetResponse(asset, request, hashed);
        },
        RouteOptions().OnIoThread());  // never blocks: answered without the pool
  }
}

}  // namespace caredesk::http
