-- wrk script: each request places the prepared cart of the next unused member (POST /api/v1/orders with
-- its own Idempotency-Key). Threads take disjoint members. Set RATE_DELAY_MS to pace each connection
-- (used for the fixed-rate run); leave it unset for the peak run.
local members = {}
for line in io.lines(os.getenv("MEMBERS_FILE") or "members.txt") do
  local token, address = line:match("(%S+) (%S+)")
  members[#members + 1] = { token = token, address = address }
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  index = id
  delay_ms = tonumber(os.getenv("RATE_DELAY_MS") or "0")
  nthreads = tonumber(os.getenv("WRK_THREADS") or "2")
end

function request()
  local m = members[index]
  if m == nil then
    -- Out of prepared carts: a request that fails fast and shows up as an error.
    return wrk.format("GET", "/api/v1/out-of-members")
  end
  index = index + nthreads
  local body = '{"address_id":"' .. m.address .. '"}'
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. m.token,
    ["Idempotency-Key"] = "bench-" .. m.address,
  }
  return wrk.format("POST", "/api/v1/orders", headers, body)
end

function delay()
  return delay_ms
end

function done(summary, latency, requests)
  io.write(string.format("p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
