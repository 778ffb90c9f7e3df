#!/usr/bin/env bash
# The npm package as its users get it: packs pkg/ (npm pack), installs the tarball (offline, from
# the file) into the small projects of tests/consumers/, and checks node ESM with no init call, an
# SSR import of the widget, tsc --strict (bundler, node16, node16 without the DOM lib, React JSX),
# the Vite 7 build and dev server, esbuild, webpack 5 and React 19 bundles in Chromium, then
# publint and @arethetypeswrong/cli over the package. Needs pkg/ (scripts/build.sh) and
# /usr/bin/chromium. Each project's tools are locked in its package-lock.json (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m-- %s\033[0m\n' "$*"; }
npm_quiet=(--prefer-offline --no-audit --no-fund --loglevel=error)
started=$SECONDS

step "npm pack pkg/"
out=target/consumers
mkdir -p "$out"
rm -f "$out"/*.tgz
tarball="$PWD/$out/$(cd pkg && npm pack --silent --pack-destination "../$out" | tail -1)"
tar -tzf "$tarball" | sed 's/^/  /'

step "install: each consumer's locked tools (npm ci) and the tarball"
for dir in tests/consumers/*/; do
  (
    cd "$dir"
    # Like scripts/ensure-tools.sh: npm ci only when node_modules is missing or older than the lockfile.
    if [ ! -f node_modules/.consumer-ci ] || [ package-lock.json -nt node_modules/.consumer-ci ]; then
      npm ci "${npm_quiet[@]}"
      mkdir -p node_modules && touch node_modules/.consumer-ci
    fi
    npm install --no-save --offline --no-audit --no-fund --loglevel=error "$tarball" >/dev/null
    echo "  $(basename "$dir"): coverage-calc $(node -p 'require("coverage-calc/package.json").version')"
  )
done

step "publint and @arethetypeswrong/cli"
./node_modules/.bin/publint --strict pkg
# An ES-module-only package: the CommonJS resolutions (node10, node16 from require) do not apply;
# the raw .wasm subpaths have no types (it is a file for bundlers' asset loaders, not a module).
./node_modules/.bin/attw "$tarball" --profile esm-only --exclude-entrypoints ./coverage_calc_bg.wasm ./coverage_calc_care_refresh_bg.wasm --format ascii --no-color

step "node: ESM with no init call, the widget imported in node (SSR)"
(cd tests/consumers/node && node esm.mjs && node ssr.mjs)

step "tsc --noEmit --strict: bundler, node16, node16 without the DOM lib, React JSX"
for project in typescript react; do
  for config in tests/consumers/$project/tsconfig.*.json; do
    (cd "tests/consumers/$project" && ./node_modules/.bin/tsc -p "$(basename "$config")")
    echo "  ok   $project/$(basename "$config")"
  done
done

step "bundles: vite build, esbuild, webpack 5, react (esbuild)"
(cd tests/consumers/vite && ./node_modules/.bin/vite build --logLevel warn)
(cd tests/consumers/esbuild && node build.mjs)
(cd tests/consumers/webpack && node build.mjs)
(cd tests/consumers/react && node build.mjs)
for d in vite esbuild webpack react; do printf '  %s: %s\n' "$d" "$(cd tests/consumers/$d/dist && find . -type f | sort | tr '\n' ' ')"; done

step "Chromium: the bundles and the Vite dev server"
node tests/consumers/browser.mjs

printf '\n[consumers] all passed in %ss\n' "$((SECONDS - started))"
