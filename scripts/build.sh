#!/usr/bin/env bash
# Builds pkg/: the optimised .wasm, its ES-module glue, TypeScript types, package.json.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --quiet --target wasm32-unknown-unknown --release
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name coverage_calc \
  target/wasm32-unknown-unknown/release/coverage_calc.wasm
wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue \
  pkg/coverage_calc_bg.wasm -o pkg/coverage_calc_bg.wasm
# The raw wasm exports take externrefs, which wasm-bindgen types as `any`; they are opaque.
sed -i 's/(a: any)/(a: unknown)/g' pkg/coverage_calc.d.ts pkg/coverage_calc_bg.wasm.d.ts
cp pkg.json pkg/package.json
cp LICENSE-MIT pkg/ 2>/dev/null || true
printf '[build] pkg/ ready: %s bytes of wasm\n' "$(wc -c < pkg/coverage_calc_bg.wasm)"
