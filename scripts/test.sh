#!/usr/bin/env bash
# Every test of the project: formatting, lints (native and wasm32), the Rust tests (golden files,
# the T-2 sweep, property tests), then the type check of the generated .d.ts, the golden files and
# malformed values through the built wasm package in node, then the widget and the pages in
# headless Chromium (tests/browser/), then the packed npm package in the consumer projects of
# tests/consumers/ (scripts/test-consumers.sh). (Fuzzing is separate: README, "Fuzzing".)
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check
step "clippy (native, all targets)"
cargo clippy --quiet --all-targets -- -D warnings
step "clippy (wasm32)"
cargo clippy --quiet --target wasm32-unknown-unknown --lib -- -D warnings
step "cargo test"
cargo test --quiet
step "build pkg/"
scripts/build.sh
step "tsc --noEmit: the generated pkg/*.d.ts and a caller's code (tests/types)"
./node_modules/.bin/tsc -p tests/types
step "node: the package, the golden files and malformed values through wasm"
for t in tests/node/*.mjs; do node "$t"; done
step "node: the README's example"
node examples/node.mjs >/dev/null
step "browser: the widget, the retailer page and the page in headless Chromium"
[ -x /usr/bin/chromium ] || { echo "chromium is missing: run scripts/ensure-tools.sh --browser (make test does)" >&2; exit 1; }
for t in tests/browser/*.mjs; do node "$t"; done
step "the npm package as users install it: tarball → tests/consumers/ (node, SSR, Vite, esbuild, webpack, tsc, React), publint, attw"
scripts/test-consumers.sh
step "all tests passed"
