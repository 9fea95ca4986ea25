-- wrk: POST /api/v1/clients with a realistic body; names vary so the list index sees spread keys.
--   CMA_TOKEN=<access token> wrk -s create-client.lua http://127.0.0.1:PORT
-- The body matches what bench/casework/pgbench/create-client.sql inserts.
local token = assert(os.getenv("CMA_TOKEN"), "CMA_TOKEN is not set")
local first = { "Olivia", "Amelia", "Isla", "Noah", "Oliver", "George", "Aisha", "Priya", "Tomasz", "Siobhan",
                "Callum", "Fatima" }
local last = { "Smith", "Jones", "Taylor", "Brown", "Williams", "Patel", "Khan", "Nowak", "Okafor", "Hughes",
               "Walker", "Evans" }

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

local headers
function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
  headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
end

function request()
  local body = '{"title":"Ms","firstName":"' .. first[math.random(#first)] .. '","lastName":"' ..
    last[math.random(#last)] .. '","dateOfBirth":"1980-04-12","mobile":"07700 900123",' ..
    '"addressLine1":"1 Station Road","town":"Manchester","postcode":"M14 5AB","adults":1,' ..
    '"housingTenure":"private_rent","preferredContact":"mobile","dataSharingConsent":true}'
  return wrk.format("POST", "/api/v1/clients", headers, body)
end
