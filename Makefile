# The commands a newcomer needs. Everything else is in README.md and docs/.
.PHONY: run test build bench bootstrap clean asan format

JOBS ?= $(shell nproc)

bootstrap:
	@scripts/bootstrap

build: bootstrap
	@cmake --preset release >/dev/null
	@cmake --build build/release --target cma -j $(JOBS)

# Builds, then serves the embedded default (SQLite under ./var) with a demo network on http://127.0.0.1:5000.
run: build
	@./build/release/bin/cma serve --demo

# Every test: C++ unit tests, HTTP integration tests on SQLite and on a real PostgreSQL the harness
# starts, once in the release build (-Werror) and once under address/undefined sanitizers.
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

format:
	@find server -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf build
