#!/usr/bin/env bash
# Builds pkg/: the optimised .wasm, its ES-module glue, TypeScript types, package.json.
#
# Order: cargo → wasm-opt → wasm-bindgen. Debian's binaryen (wasm-opt 108) rewrites the export of
# the externref table that wasm-bindgen adds to point at the function table, which breaks
# initialisation ("function-typed object must be null"); optimising rustc's output *before*
# wasm-bindgen adds that table avoids the bug and gives the same size.
set -euo pipefail
cd "$(dirname "$0")/.."

release=target/wasm32-unknown-unknown/release
# optimise DIR [LEVEL]: wasm-opt at -O3 (speed) or the level given.
optimise() {
  wasm-opt "${2:--O3}" --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types \
    "$1/coverage_calc.wasm" -o "$1/coverage_calc.opt.wasm"
}
cargo build --quiet --target wasm32-unknown-unknown --release
optimise "$release"
# A second module with the Care Refresh rules alone (cargo features; about 70 KB gzip smaller),
# optimised for size, for product pages that sell DJI Care Refresh only: the widget picks it by
# itself, and the API entry `coverage-calc/care-refresh` loads it. Its own target dir, so neither
# build undoes the other's.
cr_target=target/care-refresh
CARGO_TARGET_DIR=$cr_target cargo build --quiet --target wasm32-unknown-unknown --profile release-size \
  --no-default-features --features care-refresh
optimise "$cr_target/wasm32-unknown-unknown/release-size" -Oz
rm -rf pkg
# --experimental-reset-state-function: the glue exports __wbg_reset_state, which js/index.js calls
# before the next call when a JS exception (a host page's throwing setter, the JS stack limit)
# unwound through wasm: nothing half-done (the shadow stack, a borrowed cell, leaked memory)
# reaches a later answer. (wasm-bindgen's own --force-enable-abort-handler would do it in the
# glue, but its catch wrappers need wasm GC types, which node 20 and Safari before 18.2 lack.)
wasm-bindgen --target web --experimental-reset-state-function \
  --out-dir pkg --out-name coverage_calc "$release/coverage_calc.opt.wasm"
# The Care Refresh module has the same exports (checked here) and imports a subset of what the full
# glue provides, so the full glue loads it too (`init({ module_or_path })`, tests/node/
# care-refresh-module.mjs). Its own glue, coverage_calc_care_refresh.js (the one wasm-bindgen
# writes for it, loading that .wasm by default), is a module of its own, so that both modules can
# be instantiated on one page.
cr_pkg=$cr_target/pkg
rm -rf "$cr_pkg"
wasm-bindgen --target web --experimental-reset-state-function \
  --out-dir "$cr_pkg" --out-name coverage_calc "$cr_target/wasm32-unknown-unknown/release-size/coverage_calc.opt.wasm"
exports() { grep -oE '^export (async )?function [A-Za-z_0-9]+|^export \{[^}]*\}' "$1"; }
cmp -s <(exports pkg/coverage_calc.js) <(exports "$cr_pkg/coverage_calc.js") \
  || { echo "the Care Refresh module's glue exports other functions than the full one's" >&2; exit 1; }
cp "$cr_pkg/coverage_calc_bg.wasm" pkg/coverage_calc_care_refresh_bg.wasm
grep -c "'coverage_calc_bg.wasm'" "$cr_pkg/coverage_calc.js" | grep -qx 1 \
  || { echo "the glue no longer names its .wasm once as 'coverage_calc_bg.wasm'" >&2; exit 1; }
sed "s/'coverage_calc_bg.wasm'/'coverage_calc_care_refresh_bg.wasm'/" "$cr_pkg/coverage_calc.js" > pkg/coverage_calc_care_refresh.js
# The raw wasm exports take externrefs, which wasm-bindgen types as `any`; they are opaque.
sed -i 's/(a: any)/(a: unknown)/g' pkg/coverage_calc.d.ts pkg/coverage_calc_bg.wasm.d.ts
# The npm package around it: the API entries (js/), the widget <coverage-calc> (widget/, built with
# esbuild and minified with terser from node_modules: scripts/ensure-tools.sh installs them, make
# build runs that), types, README, licences and pkg/package.json (scripts/package.mjs).
node scripts/package.mjs
printf '[build] pkg/ ready: %s bytes of wasm, widget %s bytes of JS and CSS (coverage-calc.js)\n' "$(wc -c < pkg/coverage_calc_bg.wasm)" \
  "$(wc -c < pkg/coverage-calc.js)"
