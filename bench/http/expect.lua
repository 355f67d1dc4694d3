-- What the API scripts share: every answer other than `status` is counted and the first one is
-- shown on stderr, and `done` prints the requests, p50, p99 and wrk's count of non-2xx answers
-- (the line bench/http/run.sh reads). Loaded from the calling script's own directory:
--   dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "expect.lua").answers(201)
local expect = {}

function expect.answers(status)
  local unexpected = 0
  response = function(got, headers, body)
    if got ~= status then
      if unexpected == 0 then io.stderr:write("first unexpected answer: " .. got .. " " .. body .. "\n") end
      unexpected = unexpected + 1
    end
  end
  done = function(summary, latency, requests)
    io.write(string.format("requests: %d, p50 %.2f ms, p99 %.2f ms, non-2xx answers: %d\n",
      summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      summary.errors.status))
  end
end

return expect
