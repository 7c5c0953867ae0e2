-- wrk script: POST /api/chat, one new conversation per request (no session id), the answers counted by status.
-- The message is CHAT_MESSAGE from the environment, by default the first turn of the seed's wedding journey.
-- RAMP_MS spreads the connections' first turns evenly at random over that many milliseconds (connections opened
-- in one instant would otherwise send their first turns in the same millisecond: a herd no shop sees, and with a
-- slow model it keeps returning as a wave). With RAMP_MS, set CONNS (and WRK_THREADS
-- unless 2) as on wrk's command line: each thread's first CONNS / WRK_THREADS delays are its connections' first turns.
-- Prints the status counts and the latency percentiles (ms) that bench/chat-*.sh read.
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end
function delay()
  if firsts > 0 then
    firsts = firsts - 1
    return math.random(0, ramp)
  end
  return 0
end
function init(args)
  statuses = {}
  ramp = tonumber(os.getenv("RAMP_MS") or "0")
  -- wrk opens CONNS / WRK_THREADS connections per thread; `id` is set by setup()
  firsts = math.ceil(tonumber(os.getenv("CONNS") or "0") / tonumber(os.getenv("WRK_THREADS") or "2"))
  math.randomseed(os.time() * 7 + id)
  local message = os.getenv("CHAT_MESSAGE") or "Ich suche einen Anzug für eine Hochzeit im Juni, Budget 2500 Euro"
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = '{"message":"' .. message:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"}'
end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("statuses")) do total[k] = (total[k] or 0) + v end
  end
  for k, v in pairs(total) do io.write(string.format("status %d: %d\n", k, v)) end
  for _, p in ipairs({50, 90, 95, 99, 99.9}) do
    io.write(string.format("pct p%s %.1f\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("pct mean %.1f\npct max %.1f\n", latency.mean / 1000, latency.max / 1000))
end
