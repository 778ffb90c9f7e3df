#!/usr/bin/env bash
# Installs what the build and the tests need, when it is missing: the wasm32 target, the
# wasm-bindgen CLI at exactly the crate's pinned version, binaryen's wasm-opt, and (with
# --browser) Debian's chromium; and the npm development tools of package.json. Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }

apt_updated=0
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ "$apt_updated" -eq 0 ]; then
    $sudo apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

wb_version=$(sed -n 's/^wasm-bindgen = .*"=\([0-9.]*\)".*$/\1/p' Cargo.toml)
[ -n "$wb_version" ] || { echo "Cargo.toml must pin wasm-bindgen at \"=X.Y.Z\"" >&2; exit 1; }
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

if ! command -v wasm-opt >/dev/null 2>&1; then
  say "installing binaryen (wasm-opt)"
  apt_install binaryen
fi

if ! command -v node >/dev/null 2>&1; then
  say "installing node"
  apt_install nodejs
fi

# The development tools from npm, exactly as locked: esbuild and terser (scripts/build-widget.mjs
# bundles and minifies the widget with them, so the build needs them too, not only the tests),
# typescript, playwright-core, axe-core, publint, @arethetypeswrong/cli. (The consumer projects of
# tests/consumers/ are installed by scripts/test-consumers.sh.)
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing the npm development tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  say "installing chromium"
  apt_install chromium
fi
exit 0
