-- wrk: GET /api/v1/cases/{id}, the id drawn at random from a pool (one id a line).
--   CMA_TOKEN=<access token> CMA_POOL=case-ids.txt wrk -s case-detail.lua http://127.0.0.1:PORT
local token = assert(os.getenv("CMA_TOKEN"), "CMA_TOKEN is not set")
local ids = {}
local pool = assert(os.getenv("CMA_POOL"), "CMA_POOL is not set")
for line in io.lines(pool) do
  if line ~= "" then ids[#ids + 1] = line end
end
assert(#ids > 0, "the case pool is empty")

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

local requests = {}
function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
  local headers = { ["Authorization"] = "Bearer " .. token }
  for i, id in ipairs(ids) do requests[i] = wrk.format("GET", "/api/v1/cases/" .. id, headers) end
end

function request()
  return requests[math.random(#requests)]
end
