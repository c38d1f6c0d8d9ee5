#!/usr/bin/env bash
# Installs what Alur's build and tests need, skipping whatever is already there at the right
# version. Safe to run again and again; `make run` and `make test` call it first.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

TRUNK_SERIES="0.21"
# The splitter of scripts/build-wasm.sh, at the version tested with the pinned wasm-bindgen
# and leptos's wasm_split_helpers (docs/wasm-split.md).
SPLIT_VERSION="0.2.3"
# The exact wasm-bindgen version pinned in Cargo.toml; the CLI must match it byte for byte.
WB_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
[ -n "$WB_VERSION" ] || { echo "wasm-bindgen is not pinned with = in Cargo.toml" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

# The two tools compile from source (about 18 minutes on 2 cores with their own release
# profiles). They are build tools, not shipped code: thin local LTO, parallel codegen and one
# shared target folder cut that to a fraction; the speed of the resulting binaries is not
# measurable against the cargo builds they drive.
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
export CARGO_TARGET_DIR="${ALUR_TOOLS_TARGET:-$HOME/.cache/alur-tools-target}"

if ! trunk --version 2>/dev/null | grep -q "^trunk $TRUNK_SERIES\."; then
  say "installing trunk $TRUNK_SERIES.x (several minutes)"
  # No default features: they are TLS (rustls) and an update check, which only serve downloads
  # and `trunk serve --tls`; Alur builds offline and serves dist/ with a plain static server.
  cargo install trunk --version "~$TRUNK_SERIES" --locked --no-default-features
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "^wasm-bindgen $WB_VERSION\b" \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WB_VERSION (about two minutes)"
  # Not --locked: one of its locked dependency releases is gone from the registry.
  # No default features: TLS, which the test runner does not need to talk to a local
  # ChromeDriver over plain HTTP.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force --no-default-features
fi

if ! cargo install --list | grep -q "^wasm_split_cli_support v$SPLIT_VERSION:"; then
  say "installing wasm-split-cli $SPLIT_VERSION (about a minute)"
  # Not --locked, like wasm-bindgen-cli; the binary sits behind the crate's build-binary feature.
  cargo install wasm_split_cli_support --version "$SPLIT_VERSION" --features build-binary --force
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Chromium and ChromeDriver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

# The team sync tests run two server instances sharing one Redis (sync-server/README.md).
if ! command -v redis-server >/dev/null; then
  say "installing redis-server"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server
fi

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (binaryen's wasm-opt, playwright-core)"
  npm ci --no-audit --no-fund
fi

say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $SPLIT_VERSION, $(node_modules/.bin/wasm-opt --version | cut -d' ' -f1-3), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
