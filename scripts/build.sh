#!/usr/bin/env bash
# Builds the release app into dist/: trunk (offline, tools from setup.sh), then
# `ties ship`, which adds the Content-Security-Policy and writes dist/ties.html, the
# whole app in one file.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"
# `scripts/build.sh DIR` builds into DIR instead; with TIES_SEEDS=FOLDER, from another
# seeds folder (the end-to-end suite's hostile corpus).
dist="${1:-dist}"
trunk build --release --offline --dist "$dist"
cargo run -q --release -p ties-cli -- ship "$dist"
