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

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "expect.lua").answers(201)
