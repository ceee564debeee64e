#!/usr/bin/env bash
# Prints the release build's size, raw and gzipped (-9), part by part and in total.
set -euo pipefail
dist="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/dist"
[ -f "$dist/index.html" ] || { echo "size-report: no build in dist/: run trunk build --release --offline" >&2; exit 1; }
total=0; total_gz=0
printf '%-12s %10s %10s  %s\n' part bytes gzipped file
for f in "$dist"/index.html "$dist"/*.js "$dist"/*.wasm "$dist"/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c%s "$f"); gz=$(gzip -9c "$f" | wc -c)
  case "$f" in *.html) part=html;; *.js) part=js;; *.wasm) part="wasm+corpus";; *.css) part=css;; esac
  printf '%-12s %10d %10d  %s\n' "$part" "$raw" "$gz" "$(basename "$f")"
  total=$((total + raw)); total_gz=$((total_gz + gz))
done
printf '%-12s %10d %10d\n' total "$total" "$total_gz"
budget=250000
if [ "$total_gz" -le "$budget" ]; then
  echo "budget: $total_gz of $budget gzipped bytes: met"
else
  echo "budget: $total_gz of $budget gzipped bytes: over by $((total_gz - budget))"
fi
if [ -f "$dist/ties.html" ]; then
  printf 'single file  %10d %10d  ties.html (a separate download, not part of the page load)\n' "$(stat -c%s "$dist/ties.html")" "$(gzip -9c "$dist/ties.html" | wc -c)"
fi
