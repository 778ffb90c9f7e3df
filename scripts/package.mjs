#!/usr/bin/env node
// The npm package, after wasm-bindgen has written the glue and the .wasm into pkg/ (scripts/build.sh
// runs it): the API entries (js/: index.js for browsers and bundlers, node.js for node, the same
// for the Care Refresh module alone as care-refresh.js and care-refresh-node.js, all over api.js; their
// hand-written index.d.ts over src/types.d.ts, copied as types.d.ts), the widget (built by
// scripts/build-widget.mjs; its types and Custom Elements Manifest from widget/), README and
// licences, then pkg/package.json from pkg.json with `files` listing what is in pkg/, so a file
// the glue imports (a wasm-bindgen snippet, say) cannot be left out of the tarball.

import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PKG = path.join(ROOT, "pkg");
const copy = (from, to = path.basename(from)) => copyFileSync(path.join(ROOT, from), path.join(PKG, to));

copy("js/index.js");
copy("js/api.js");
copy("js/node.js");
copy("js/index.d.ts");
copy("js/care-refresh.js");
copy("js/care-refresh-node.js");
copy("js/care-refresh.d.ts");
copy("src/types.d.ts");
copy("widget/coverage-calc.d.ts");
copy("widget/react.d.ts");
copy("widget/custom-elements.json");
copy("README.md");
copy("LICENSE-MIT");
copy("LICENSE-APACHE");
execFileSync(process.execPath, [path.join(ROOT, "scripts/build-widget.mjs"), ...process.argv.slice(2)], { stdio: "inherit" });

// The modules a browser downloads, minified by terser (as the widget): the API entries and the
// glues (3 KB gzip less on a Care Refresh product page). Export names stay; the glue keeps its
// `@ts-self-types` comment. The readable sources are js/ and wasm-bindgen's output in target/;
// `--readable` keeps them as they are. node.js and care-refresh-node.js stay readable (node).
if (!process.argv.includes("--readable")) {
  const { minify } = await import("terser");
  for (const name of ["index.js", "api.js", "care-refresh.js", "coverage_calc.js", "coverage_calc_care_refresh.js"]) {
    const file = path.join(PKG, name);
    const result = await minify(readFileSync(file, "utf8"), { module: true, ecma: 2020, format: { comments: /@ts-self-types/ } });
    writeFileSync(file, `${result.code}\n`);
  }
}

// `files`: every top-level entry of pkg/ (folders as `name/`), but the manifest and packed tarballs.
const files = readdirSync(PKG)
  .filter((name) => name !== "package.json" && !name.endsWith(".tgz") && !name.startsWith("."))
  .sort()
  .map((name) => (statSync(path.join(PKG, name)).isDirectory() ? `${name}/` : name));
const manifest = JSON.parse(readFileSync(path.join(ROOT, "pkg.json"), "utf8"));
manifest.files = files;
// Every file an export names must exist.
const targets = (value) => (typeof value === "string" ? [value] : Object.values(value).flatMap(targets));
for (const t of targets(manifest.exports)) {
  if (t !== "./package.json" && !existsSync(path.join(PKG, t))) throw new Error(`pkg.json exports ${t}, which the build did not write`);
}
writeFileSync(path.join(PKG, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`[build] pkg/package.json: ${files.length} entries in files (${files.join(", ")})`);
