# The commands a newcomer needs. Everything else is in README.md and docs/.
.PHONY: run cluster test build web bench bootstrap clean asan format cost

JOBS ?= $(shell nproc)

bootstrap:
	@scripts/bootstrap

build: bootstrap
	@cmake --preset release >/dev/null
	@cmake --build build/release --target cma -j $(JOBS)

# The web app, built into client/dist (with .gz and .br copies) for `cma serve` and `cma web`.
web: bootstrap
	@cd client && npm run build

# Builds the server and the web app, then serves both (SQLite under ./var) with a demo network on
# http://127.0.0.1:5000, and prints that address and the demo logins.
run: build web
	@./build/release/bin/cma serve --demo --web-root client/dist

# Builds as `make run` does, then starts the deployed topology as processes on 127.0.0.1 (PostgreSQL,
# Redis, S3, two APIs, two workers, the web app, HAProxy as the load balancer) under var/cluster,
# and prints its address and the demo logins. Ctrl-C stops it all (docs/deploy.md).
cluster: build web
	@node deploy/cluster/cluster.mjs --binary build/release/bin/cma

# Every test: C++ unit tests in the `ci` build (-O1, -Werror), then unit and HTTP integration tests on
# SQLite and on a real PostgreSQL the harness starts under address/undefined sanitizers; the web
# app's lint, type check and Vitest, and its end-to-end tests in Chromium against `cma serve`.
test: bootstrap
	@scripts/test

# Same tests under address and undefined-behaviour sanitizers.
asan: bootstrap
	@cmake --preset asan >/dev/null
	@cmake --build build/asan -j $(JOBS)
	@ctest --preset asan

# Load scenarios with wrk; results go to docs/benchmarks.md by hand after review.
bench: build
	@bench/run.sh

# The monthly cost of each environment from the Terraform variables and the committed eu-west-2
# price table: the deployment guide's tables recomputed, and ours (docs/costs.md).
cost:
	@node deploy/cost/model.js

format:
	@find server -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf build client/dist
