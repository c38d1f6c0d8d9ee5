#!/usr/bin/env bash
# Prints the gzip sizes of the built app in dist/: what the first visit downloads (the page's
# JS and CSS and the main wasm module), then every chunk that loads on first use, and the total.
set -euo pipefail
cd "$(dirname "$0")/.."
gz() { gzip -9 -c "$1" | wc -c; }
first=0
for f in dist/*.js dist/*.css dist/wasm-*/alur.js dist/wasm-*/alur_bg.wasm; do
  [ -f "$f" ] || continue
  [ "$(basename "$f")" = sw.js ] && continue
  n=$(gz "$f"); first=$((first + n))
  printf '%-56s %9d bytes  %8d gzip\n' "$f" "$(stat -c %s "$f")" "$n"
done
chunks=0; count=0
for f in dist/wasm-*/*.wasm; do
  [ "$(basename "$f")" = alur_bg.wasm ] && continue
  chunks=$((chunks + $(gz "$f"))); count=$((count + 1))
done
printf '%-56s %8d gzip (%d KB)\n' "first download (JS, CSS, main wasm)" "$first" $((first / 1024))
printf '%-56s %8d gzip (%d KB)\n' "$count chunks loaded on first use" "$chunks" $((chunks / 1024))
printf '%-56s %8d gzip (%d KB)\n' "everything" $((first + chunks)) $(((first + chunks) / 1024))
