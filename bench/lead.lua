-- wrk script: POST /api/crm/lead as the sales team, a new customer email per request (no flood limit, no duplicates)
local counter = 0
local thread_id = 0
local threads = {}
function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end
function init(args)
  token = os.getenv("TOKEN")
  math.randomseed(os.time() + tid)
  run = math.random(100000000)
end
function request()
  counter = counter + 1
  local body = string.format(
    '{"name":"Bench Kunde %d","email":"bench-%d-%d-%d@example.com","deal_title":"Hochzeitsanzug","deal_value":2500}',
    counter, run, tid, counter)
  return wrk.format("POST", "/api/crm/lead",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
