-- wrk script: GET /healthz on a kept-alive connection, the baseline every API figure in
-- docs/performance.md is reported against (a ratio measured in the same run).
--   wrk -t2 -c64 -d30s --latency -s bench/http/healthz.lua http://127.0.0.1:8080
wrk.method = "GET"
wrk.path = "/healthz"
wrk.headers["Accept"] = "application/json"

-- Counts answers other than 200, so a run that only measured errors is noticed.
local non_200 = 0
function response(status, headers, body)
  if status ~= 200 then
    non_200 = non_200 + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests: %d, p50 %.2f ms, p99 %.2f ms, errors: %d\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout))
end
