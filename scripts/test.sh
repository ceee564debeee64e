#!/usr/bin/env bash
# Runs every test: the native unit and snapshot tests of the core and the CLI, then the
# release build driven in headless Chromium over WebDriver. Installs what is missing
# (build tools, Debian's chromium and chromium-driver) first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "test: installing Debian's chromium and chromium-driver" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# axe-core for the accessibility scan (a registry package, installed into .tools/).
if [ ! -f "$root/.tools/node_modules/axe-core/axe.min.js" ]; then
  npm install --prefix "$root/.tools" --no-audit --no-fund axe-core@4 >&2
fi

echo "== native tests (core, CLI, snapshots)" >&2
cargo test -p ties-core -p ties-cli --features ties-core/input

echo "== release build" >&2
bash "$root/scripts/build.sh"

echo "== end-to-end tests in headless Chromium" >&2
TIES_BROWSER=chromium cargo test -p ties-e2e -- --test-threads=2

"$root/scripts/size-report.sh"
