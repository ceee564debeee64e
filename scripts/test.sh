#!/usr/bin/env bash
# Runs every test: the native unit and snapshot tests of the core and the CLI, then the
# release build driven in headless Chromium over WebDriver. Installs what is missing
# (build tools, Debian's chromium and chromium-driver) first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v firefox-esr >/dev/null; then
  echo "test: installing Debian's chromium, chromium-driver and firefox-esr" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver firefox-esr >/dev/null
fi
GECKODRIVER_VERSION=0.37.1
if ! geckodriver --version 2>/dev/null | grep -q "$GECKODRIVER_VERSION"; then
  echo "test: installing geckodriver $GECKODRIVER_VERSION from crates.io" >&2
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked || cargo install geckodriver --version "$GECKODRIVER_VERSION"
fi

# axe-core for the accessibility scan (a registry package, installed into .tools/).
if [ ! -f "$root/.tools/node_modules/axe-core/axe.min.js" ]; then
  npm install --prefix "$root/.tools" --no-audit --no-fund axe-core@4 >&2
fi

echo "== native tests (core, CLI, snapshots)" >&2
cargo test -p ties-core -p ties-cli --features ties-core/input
# The criterion benchmarks and the size tools are not run here, but must keep compiling.
cargo check -q -p ties-cli --benches --examples

echo "== release build of the hostile fixture corpus (markup everywhere, for the XSS test)" >&2
TIES_SEEDS=crates/ties-e2e/fixtures/hostile-seeds bash "$root/scripts/build.sh" target/hostile-dist

echo "== release build" >&2
bash "$root/scripts/build.sh"

echo "== end-to-end tests in headless Chromium" >&2
TIES_BROWSER=chromium cargo test -p ties-e2e -- --test-threads=2

echo "== end-to-end tests in headless Firefox ESR" >&2
TIES_BROWSER=firefox cargo test -p ties-e2e -- --test-threads=2

"$root/scripts/size-report.sh"
