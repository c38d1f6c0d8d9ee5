#!/usr/bin/env bash
# Prints the raw and gzip sizes of the built wasm and JS in dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
total_raw=0; total_gz=0
for f in dist/*.wasm dist/*.js; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-48s %9d bytes  %8d gzip\n' "$f" "$raw" "$gz"
done
printf '%-48s %9d bytes  %8d gzip (%d KB)\n' "wasm + js" "$total_raw" "$total_gz" $((total_gz / 1024))
