// The operational endpoints every deployment needs: `/` (a plain page naming the service until
// the web UI exists), `/healthz` (the process is alive), `/readyz` (the store answers and its
// schema is current) and `/metrics` (Prometheus text).
#pragma once

#include "core/clock.h"
#include "core/store.h"
#include "http/case_counts.h"
#include "http/metrics.h"
#include "http/router.h"

namespace caredesk::http {

struct OpsContext {
  core::Store& store;
  const core::Clock& clock;
  Metrics& metrics;
  CachedCaseCounts& case_counts;
  int expected_schema_version;  // the newest migration this build knows
};

// Handlers, for tests without a server.
Response HealthPage();
Response ReadinessPage(core::Store& store, int expected_schema_version);
Response MetricsPage(Metrics& metrics, CachedCaseCounts& case_counts);

// Registers the three routes; `context`'s references must outlive the router.
void AddOpsRoutes(Router& router, const OpsContext& context);

}  // namespace caredesk::http
