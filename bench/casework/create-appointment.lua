-- wrk: POST /api/v1/appointments for a client drawn at random from a pool (one client id a line), with
-- the caller as the adviser, each request in a half-hour slot of its own so that none clashes.
--   CMA_TOKEN=<access token> CMA_POOL=client-ids.txt CMA_BLOCK=<n> wrk -s create-appointment.lua http://127.0.0.1:PORT
-- Slots start in 2031, after every generated appointment. Each wrk thread takes a block of 50,000
-- slots (about 2.9 years); CMA_BLOCK numbers this wrk run's first block, so that runs one after
-- another (the caller adds the thread count each time) never reuse a slot. The server checks the
-- adviser's diary for a clash and writes the appointment and its audit entry in one transaction.
local token = assert(os.getenv("CMA_TOKEN"), "CMA_TOKEN is not set")
local first_block = tonumber((assert(os.getenv("CMA_BLOCK"), "CMA_BLOCK is not set")))
local ids = {}
local pool = assert(os.getenv("CMA_POOL"), "CMA_POOL is not set")
for line in io.lines(pool) do
  if line ~= "" then ids[#ids + 1] = line end
end
assert(#ids > 0, "the client pool is empty")

local threads = 0
function setup(thread)
  thread:set("block", first_block + threads)
  threads = threads + 1
end

local SLOTS = 50000
local START = 1924992000  -- 2031-01-01T00:00:00Z
local headers, next_slot
function init(args)
  math.randomseed(os.time() * 1000 + (block or 0))
  headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  next_slot = 0
end

function request()
  assert(next_slot < SLOTS, "this thread has used its block of slots: run shorter")
  local at = START + (block * SLOTS + next_slot) * 1800
  next_slot = next_slot + 1
  local body = '{"clientId":"' .. ids[math.random(#ids)] .. '","start":"' .. os.date("!%Y-%m-%dT%H:%M:%SZ", at) ..
    '","durationMinutes":30,"mode":"phone"}'
  return wrk.format("POST", "/api/v1/appointments", headers, body)
end
