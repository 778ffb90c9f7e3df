#!/usr/bin/env node
// Builds the widget <coverage-calc> into one ES module, pkg/coverage-calc.js, with esbuild (from
// node_modules: scripts/ensure-tools.sh installs it): widget/*.js and the stylesheet (esbuild's
// text loader, the CSS minified by esbuild first). The package's API entry (./index.js, which
// imports the wasm-bindgen glue) stays an import, so the widget and a page's own
// `import … from "coverage-calc"` share one module: one fetch of the .wasm, one instance.
//
//   node scripts/build-widget.mjs              (scripts/package.mjs runs it; minified)
//   node scripts/build-widget.mjs --readable   (the same bundle unminified, to debug the widget)
//   node scripts/build-widget.mjs --esbuild    (minified by esbuild instead of terser)
//   node scripts/build-widget.mjs --compare    (gzip -9 sizes: esbuild's minifier vs terser's; writes nothing)
//
// The JavaScript is minified by terser: measured on this widget (2026-12), esbuild's minifier
// gives 82,707 bytes, 30,077 gzipped; terser 82,672 bytes, 29,265 gzipped (812 bytes, 2.7 %, less
// over the wire). The CSS is minified by esbuild either way.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const READABLE = process.argv.includes("--readable");
const COMPARE = process.argv.includes("--compare");
const BANNER = "// <coverage-calc>: the embeddable calculator (custom element). Built by scripts/build-widget.mjs\n"
  + "// from widget/ with esbuild; it imports the package's API entry ./index.js. Sources and docs: README.md.";

/** The widget's sources: the API entry external, the stylesheet as minified text. */
const plugin = (minifyCss) => ({
  name: "coverage-calc-widget",
  setup(build) {
    build.onResolve({ filter: /^\.\/index\.js$/ }, () => ({ path: "./index.js", external: true }));
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const text = readFileSync(args.path, "utf8");
      const contents = minifyCss ? (await esbuild.transform(text, { loader: "css", minify: true, target: "chrome111" })).code.trim() : text;
      return { contents, loader: "text" };
    });
  },
});

async function bundle({ minify }) {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, "widget/coverage-calc.js")],
    bundle: true,
    format: "esm",
    target: "es2022",
    minify,
    legalComments: "none",
    charset: "utf8",
    banner: minify || READABLE ? { js: BANNER } : undefined,
    write: false,
    logLevel: "warning",
    plugins: [plugin(!READABLE)],
  });
  return result.outputFiles[0].text;
}

const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

/**
 * terser over esbuild's unminified bundle: its default (safe) compress, local names mangled, not
 * properties (attributes, the event, `::part` names and the API's exports are strings and
 * properties); the element's class keeps its name.
 */
async function terser(code) {
  const { minify } = await import("terser");
  const result = await minify(code, {
    module: true,
    ecma: 2020,
    keep_classnames: /^CoverageCalcElement$/,
    format: { comments: false, preamble: BANNER },
  });
  return `${result.code}\n`;
}

if (COMPARE) {
  const withEsbuild = await bundle({ minify: true });
  const withTerser = await terser(await bundle({ minify: false }));
  for (const [name, text] of [["esbuild", withEsbuild], ["terser", withTerser]]) {
    console.log(`${name.padEnd(8)} ${String(text.length).padStart(7)} bytes, gzip -9 ${gz(text)} bytes`);
  }
} else {
  const code = READABLE || process.argv.includes("--esbuild")
    ? await bundle({ minify: !READABLE })
    : await terser(await bundle({ minify: false }));
  writeFileSync(path.join(ROOT, "pkg/coverage-calc.js"), code);
  console.log(`[build] pkg/coverage-calc.js: ${code.length} bytes${READABLE ? " (readable)" : `, gzip -9 ${gz(code)} bytes`}`);
}
