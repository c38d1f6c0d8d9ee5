# Alur: `make run` serves the app on http://127.0.0.1:8080; `make test` runs every test layer.
# Both install whatever is missing first (scripts/setup.sh) and skip what is already there.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

WASM_TARGET := wasm32-unknown-unknown
WASM_TEST_ENV := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120

.PHONY: setup run dist test test-native test-wasm test-e2e test-sync-server sync-server lint fmt clean fuzz bench

setup:
	@./scripts/setup.sh

# Serves exactly what the tests test: the release build in dist/, from a plain static server.
run: dist
	@echo "Alur is on http://127.0.0.1:8080 (Ctrl+C stops it)"
	python3 -m http.server 8080 --bind 127.0.0.1 --directory dist

dist: setup
	./scripts/build-wasm.sh
	trunk build --release --offline
	cargo run --quiet --example prerender > target/boot-shell.html
	cargo run --quiet --example prerender -- parts > target/route-chunks.json
	node scripts/postbuild.mjs dist target/boot-shell.html target/wasm-pkg target/route-chunks.json
	@./scripts/size.sh

test: setup lint test-native test-wasm test-sync-server dist test-e2e
	@echo "make test: all layers passed"

# Team sync (#22): the Hocuspocus server's configuration in sync-server/, tested against real
# server processes, real clients and a real redis-server (sync-server/README.md); the native
# tests start it too (tests/sync_server.rs).
SYNC_DEPS := sync-server/node_modules/.package-lock.json
$(SYNC_DEPS): sync-server/package.json sync-server/package-lock.json
	npm ci --prefix sync-server --no-audit --no-fund

test-native: $(SYNC_DEPS)
	cargo test --all-targets

test-wasm:
	$(WASM_TEST_ENV) cargo test --target $(WASM_TARGET) --test web

test-e2e: $(SYNC_DEPS)
	node --test --test-concurrency=1 tests/e2e/

# The team sync server on ws://127.0.0.1:1234, with the team file sync-server/team.json.
# SYNC_ARGS passes flags: make sync-server SYNC_ARGS="--port 1235 --redis redis://127.0.0.1:6379"
sync-server: $(SYNC_DEPS)
	node sync-server/server.mjs $(SYNC_ARGS)

test-sync-server: $(SYNC_DEPS)
	node --test sync-server/test/

# Every input parser (plan files, CSV importers, numbers, dates) under property tests with many
# more cases than `cargo test` runs; the runner prints how many ran. FUZZ_SECONDS bounds the time.
fuzz:
	PROPTEST_CASES=$${PROPTEST_CASES:-20000} cargo test --release --test import_fuzz
	FUZZ_SECONDS=$${FUZZ_SECONDS:-60} cargo test --release --test import_fuzz -- --ignored --nocapture timed_fuzz

# Measures the release build against the performance budgets (README, "Performance"): builds
# dist/, the minimal Leptos app and the bench's wasm exports, then drives them in headless
# Chromium. Prints a table and writes bench/results.json; a missed budget says MISS, exit 0.
bench: dist
	./bench/build.sh
	node bench/run.mjs

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target $(WASM_TARGET) -- -D warnings
	cargo clippy --lib --bins --target $(WASM_TARGET) --features split -- -D warnings

fmt:
	cargo fmt

clean:
	cargo clean
	rm -rf dist
