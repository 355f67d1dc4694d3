-- GET /api/v1/cases/{reference}: reading cases (every event and deadline) at random from the
-- first CAREDESK_CASES references of the year CAREDESK_YEAR (default 2026, 1000 cases), e.g.
-- after a run of post_contacts.lua:
--   CAREDESK_TOKEN=... CAREDESK_CASES=5000 wrk -t2 -c64 -d30s --latency \
--     -s bench/http/get_case.lua http://127.0.0.1:8080
local token = os.getenv("CAREDESK_TOKEN") or ""
local cases = tonumber(os.getenv("CAREDESK_CASES") or "1000")
local year = os.getenv("CAREDESK_YEAR") or "2026"

request = function()
  local reference = string.format("CD-%s-%06d", year, math.random(1, cases))
  return wrk.format("GET", "/api/v1/cases/" .. reference, {
    ["Authorization"] = "Bearer " .. token,
  })
end

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "expect.lua").answers(200)
