#!/usr/bin/env node
// Builds the widget <coverage-calc> with esbuild (from node_modules: scripts/ensure-tools.sh
// installs it): its entry pkg/coverage-calc.js (the element, its base stylesheet: esbuild's text
// loader, the CSS minified by esbuild first) and chunks, pkg/coverage-calc-*.js and pkg/chunk-*.js
// (code splitting: a page loads the modes, words and stylesheets it shows, when it shows them;
// the widget's own `import()`s say where the chunks are). The package's API
// entries (./index.js and ./care-refresh.js, which import the wasm-bindgen glue) stay imports, so
// the widget and a page's own `import … from "coverage-calc"` share one module: one fetch of the
// .wasm, one instance. The ids of the Care Refresh products (the import
// "coverage-calc:care-refresh-products") come from the built package's catalog.
//
//   node scripts/build-widget.mjs              (scripts/package.mjs runs it; minified)
//   node scripts/build-widget.mjs --readable   (the same bundle unminified, to debug the widget)
//   node scripts/build-widget.mjs --esbuild    (minified by esbuild instead of terser)
//   node scripts/build-widget.mjs --compare    (gzip -9 sizes: esbuild's minifier vs terser's; writes nothing)
//   node scripts/build-widget.mjs --one-file   (no chunks: one module, to compare first answers; not shipped)
//
// The JavaScript is minified by terser: measured on this widget (2026-12), esbuild's minifier
// gives 82,707 bytes, 30,077 gzipped; terser 82,672 bytes, 29,265 gzipped (812 bytes, 2.7 %, less
// over the wire). The CSS is minified by esbuild either way.

import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const READABLE = process.argv.includes("--readable");
const COMPARE = process.argv.includes("--compare");
const BANNER = "// <coverage-calc>: the embeddable calculator (custom element). Built by scripts/build-widget.mjs\n"
  + "// from widget/ with esbuild; it imports its chunks and the package's API entries. Sources and docs: README.md.";

/** The widget's sources: the API entry external, the stylesheet as minified text. */
const plugin = (minifyCss) => ({
  name: "coverage-calc-widget",
  setup(build) {
    build.onResolve({ filter: /^\.\/(index|care-refresh|api|coverage_calc|coverage_calc_care_refresh)\.js$/ }, (args) => ({ path: args.path, external: true }));
    build.onResolve({ filter: /^coverage-calc:care-refresh-products$/ }, (args) => ({ path: args.path, namespace: "coverage-calc" }));
    build.onLoad({ filter: /.*/, namespace: "coverage-calc" }, async () => {
      const { catalog } = await import(pathToFileURL(path.join(ROOT, "pkg/care-refresh-node.js")).href);
      const ids = catalog().products.filter((p) => p.family === "care-refresh").map((p) => p.id);
      if (ids.length === 0) throw new Error("the catalog has no Care Refresh product");
      return { contents: `export default new Set(${JSON.stringify(ids.join(" "))}.split(" "));`, loader: "js" };
    });
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const text = readFileSync(args.path, "utf8");
      const contents = minifyCss ? (await esbuild.transform(text, { loader: "css", minify: true, target: "chrome111" })).code.trim() : text;
      return { contents, loader: "text" };
    });
  },
});

/** The entry and its chunks: `[{ name, text }]`, the entry first. */
async function bundle({ minify }) {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, "widget/coverage-calc.js")],
    bundle: true,
    splitting: !process.argv.includes("--one-file"),
    format: "esm",
    target: "es2022",
    minify,
    legalComments: "none",
    charset: "utf8",
    banner: READABLE ? { js: BANNER } : undefined,
    outdir: path.join(ROOT, "pkg"),
    entryNames: "[name]",
    chunkNames: "[name]-[hash]",
    write: false,
    logLevel: "warning",
    plugins: [plugin(!READABLE)],
  });
  const files = result.outputFiles.map((f) => ({ name: path.basename(f.path), text: f.text }));
  return files.sort((a, b) => (a.name === "coverage-calc.js" ? -1 : b.name === "coverage-calc.js" ? 1 : a.name.localeCompare(b.name)));
}

const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

/**
 * terser over esbuild's unminified bundle: its default (safe) compress, local names mangled, not
 * properties (attributes, the event, `::part` names and the API's exports are strings and
 * properties); the element's class keeps its name.
 */
async function terser(code, banner = true) {
  const { minify } = await import("terser");
  const result = await minify(code, {
    module: true,
    ecma: 2020,
    keep_classnames: /^CoverageCalcElement$/,
    format: { comments: false, preamble: banner ? BANNER : undefined },
  });
  return `${result.code}\n`;
}

// The banner heads the entry only (the chunks are loaded by it; each byte of a chunk is downloaded).
const minifyAll = async (files) => Promise.all(files.map(async (f, i) => ({ ...f, text: await terser(f.text, i === 0) })));
const sum = (files, size) => files.reduce((n, f) => n + size(f.text), 0);

if (COMPARE) {
  const withEsbuild = await bundle({ minify: true });
  const withTerser = await minifyAll(await bundle({ minify: false }));
  for (const [name, files] of [["esbuild", withEsbuild], ["terser", withTerser]]) {
    console.log(`${name.padEnd(8)} ${String(sum(files, (t) => t.length)).padStart(7)} bytes, gzip -9 ${sum(files, gz)} bytes (${files.length} files)`);
  }
} else {
  const files = READABLE || process.argv.includes("--esbuild")
    ? await bundle({ minify: !READABLE })
    : await minifyAll(await bundle({ minify: false }));
  // The chunks of an earlier build go (their names carry a hash of their contents).
  for (const name of readdirSync(path.join(ROOT, "pkg"))) {
    if (/^(coverage-calc-|chunk-).*\.js$/.test(name)) rmSync(path.join(ROOT, "pkg", name));
  }
  for (const f of files) writeFileSync(path.join(ROOT, "pkg", f.name), f.text.endsWith("\n") ? f.text : `${f.text}\n`);
  console.log(`[build] pkg/coverage-calc.js and ${files.length - 1} chunks: ${sum(files, (t) => t.length)} bytes${READABLE ? " (readable)" : `, gzip -9 ${sum(files, gz)} bytes`}; the entry ${files[0].text.length} bytes, gzip -9 ${gz(files[0].text)}`);
}
