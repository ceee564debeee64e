#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:${PORT:-8080}/ (installs what
# is missing first). Everything is offline: no download host is needed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/build.sh"
source "$root/scripts/setup.sh"
cd "$root"
exec cargo run -q --release -p ties-e2e --bin serve -- "${PORT:-8080}"
