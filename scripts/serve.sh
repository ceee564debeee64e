#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:${PORT:-8080}/ (installs
# what is missing first). Everything is offline: no download host is needed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"
echo "Ties: building and serving on http://127.0.0.1:${PORT:-8080}/" >&2
exec trunk serve --release --offline --address 127.0.0.1 --port "${PORT:-8080}"
