#!/usr/bin/env bash
# Builds what `make bench` measures beside dist/: the minimal Leptos app (bench/hello/dist) and
# the bench's wasm exports of Alur's code (bench/page/pkg), both with Alur's release profile
# and wasm-opt level, into bench/target. Cargo and Trunk skip what is up to date.
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TARGET_DIR="$PWD/target"
# binaryen's wasm-opt and the cargo-installed tools, as `make` puts them on PATH (for running
# this script on its own).
export PATH="$PWD/../node_modules/.bin:$HOME/.cargo/bin:$PATH"

# The bench's npm packages (Chart.js, axe-core, Lighthouse, playwright-core) live here, not in
# the root package.json, so `make test` stays light. npm ci only when missing or out of date.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[bench] installing the bench's npm packages"
  npm ci --no-audit --no-fund
fi

echo "[bench] building the minimal Leptos app (bench/hello)"
(cd hello && trunk build --release --offline >/dev/null && node ../../scripts/postbuild.mjs dist >/dev/null)

echo "[bench] building the chart and import exports (bench/charts)"
(cd charts && cargo build --release --offline --target wasm32-unknown-unknown --quiet)
wasm-bindgen --target web --no-typescript --out-dir page/pkg --out-name bench \
  target/wasm32-unknown-unknown/release/alur_bench_charts.wasm
# As Trunk runs it for data-wasm-opt="z".
wasm-opt -Oz page/pkg/bench_bg.wasm --output=page/pkg/bench_bg.wasm
