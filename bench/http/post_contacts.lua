-- POST /api/v1/contacts: staff logging phone calls, as fast as the server commits them (each
-- answer is a durable write). The token comes from the environment:
--   CAREDESK_TOKEN=$(caredesk token create --db /tmp/bench.db --email agent@example.org) \
--     wrk -t2 -c64 -d30s --latency -s bench/http/post_contacts.lua http://127.0.0.1:8080
local token = os.getenv("CAREDESK_TOKEN") or ""
local counter = 0

request = function()
  counter = counter + 1
  local body = string.format(
    '{"kind":"complaint","channel":"phone","subject":"Certificate not received %d",' ..
    '"body":"I passed my exam in October and nothing has arrived.",' ..
    '"customer":{"name":"Caller %d","email":"caller%d@example.com"},"points":["late"]}',
    counter, counter % 5000, counter % 5000)
  return wrk.format("POST", "/api/v1/contacts", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, body)
end

local unexpected = 0
response = function(status, headers, body)
  if status ~= 201 then
    if unexpected == 0 then io.stderr:write("first unexpected answer: " .. status .. " " .. body .. "\n") end
    unexpected = unexpected + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("requests: %d, p50 %.2f ms, p99 %.2f ms, non-2xx answers: %d\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
