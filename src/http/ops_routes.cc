#include "http/ops_routes.h"

#include <fmt/format.h>

#include "http/errors.h"

namespace caredesk::http {

// Asked by load balancers every few seconds: a fixed answer, built without a JSON document.
Response HealthPage() { return JsonTextResponse(200, R"({"status":"ok"})"); }

Response ReadinessPage(core::Store& store, int expected_schema_version) {
  const int schema = store.SchemaVersion();
  if (schema != expected_schema_version) {
    return JsonResponse(
        503, {{"status", "unavailable"},
              {"reason", fmt::format("the database schema is at version {}, this build needs {}",
                                     schema, expected_schema_version)}});
  }
  auto policy = store.ActivePolicy();
  if (!policy) {
    return JsonResponse(503, {{"status", "unavailable"},
                              {"reason", "the store does not answer: " + policy.error().message}});
  }
  return JsonResponse(200, {{"status", "ready"}, {"schema_version", schema}});
}

Response MetricsPage(Metrics& metrics, CachedCaseCounts& case_counts) {
  // A store outage leaves the case gauges at their last values; the request metrics still
  // matter most then.
  if (auto counts = case_counts.Get()) metrics.SetCaseCounts(*counts);
  return TextResponse(200, metrics.Serialize(), "text/plain; version=0.0.4; charset=utf-8");
}

void AddOpsRoutes(Router& router, const OpsContext& context) {
  router.Add(
      "GET", "/healthz", [](const Request&, const RouteParams&) { return HealthPage(); },
      RouteOptions().OnIoThread());
  core::Store* store = &context.store;
  const int expected = context.expected_schema_version;
  router.Add("GET", "/readyz", [store, expected](const Request&, const RouteParams&) {
    return ReadinessPage(*store, expected);
  });
  Metrics* metrics = &context.metrics;
  CachedCaseCounts* counts = &context.case_counts;
  router.Add("GET", "/metrics", [metrics, counts](const Request&, const RouteParams&) {
    return MetricsPage(*metrics, *counts);
  });
}

}  // namespace caredesk::http
