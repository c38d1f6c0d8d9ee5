#!/usr/bin/env bash
# Builds the app's wasm, cut into the main module and the chunks loaded on first use (#21), into
# target/wasm-pkg/: alur.js, alur_bg.wasm, __wasm_split.js and one .wasm per chunk.
# `scripts/postbuild.mjs` puts them into dist/ under a directory named by the release.
#
# Trunk has no split step (trunk-rs/trunk#1022), so this is the pipeline of cargo-leptos
# (`src/compile/front.rs`): build with relocations kept, split, bind, optimise each module.
# Versions that work together: docs/wasm-split.md.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/wasm-pkg
split=target/wasm-split
# A target directory of its own: these flags differ from every other build's, and sharing one
# would rebuild everything each time `make lint` or `make test-wasm` ran in between.
export CARGO_TARGET_DIR=target/split
# RUSTFLAGS replaces .cargo/config.toml's flags, so `erase_components` is repeated here.
# `--emit-relocs` keeps the relocations wasm-split-cli needs to move functions between modules.
export RUSTFLAGS="--cfg erase_components -Clink-args=--emit-relocs"

cargo build --release --target wasm32-unknown-unknown --bin alur --features split

rm -rf "$split" "$out"
mkdir -p "$split" "$out"
wasm-split-cli --target web --out-name alur "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/alur.wasm" "$split"
# --keep-lld-exports: the chunks link against the main module's exports by their lld names.
wasm-bindgen --target web --keep-lld-exports --no-demangle --out-name alur --out-dir "$out" "$split/alur.wasm"
cp "$split"/__wasm_split.js "$out"/
shopt -s nullglob
for chunk in "$split"/*.wasm; do
  [ "$(basename "$chunk")" = alur.wasm ] || cp "$chunk" "$out"/
done

# Every module through wasm-opt, several at a time.
ls "$out"/*.wasm | xargs -P "$(nproc)" -I{} wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types {} -o {}
rm -f "$out"/*.d.ts
echo "build-wasm: $(ls "$out" | wc -l) files in $out"
