-- wrk: POST /api/v1/cases for a client drawn at random from a pool (one client id a line).
--   CMA_TOKEN=<access token> CMA_POOL=client-ids.txt wrk -s create-case.lua http://127.0.0.1:PORT
-- The case is opened by the caller for their own centre's client, so it is assigned to them; the
-- server writes the case, the centre's next case reference and the audit entry in one transaction.
local token = assert(os.getenv("CMA_TOKEN"), "CMA_TOKEN is not set")
local ids = {}
local pool = assert(os.getenv("CMA_POOL"), "CMA_POOL is not set")
for line in io.lines(pool) do
  if line ~= "" then ids[#ids + 1] = line end
end
assert(#ids > 0, "the client pool is empty")

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

local requests = {}
function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
  local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  for i, id in ipairs(ids) do
    requests[i] = wrk.format("POST", "/api/v1/cases", headers,
      '{"clientId":"' .. id .. '","summary":"Rent and council tax arrears","priority":"normal"}')
  end
end

function request()
  return requests[math.random(#requests)]
end
