-- wrk: one authenticated GET, the same request every time (wrk builds it once).
--   CMA_TOKEN=<access token> CMA_PATH='/api/v1/cases?status=open&limit=50' wrk -s get.lua http://127.0.0.1:PORT
wrk.method = "GET"
wrk.path = assert(os.getenv("CMA_PATH"), "CMA_PATH is not set")
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("CMA_TOKEN"), "CMA_TOKEN is not set")
