#!/usr/bin/env node
// Bundles the widget into one ES module, pkg/coverage-calc.js: the wasm-bindgen glue
// (pkg/coverage_calc.js), the widget's stylesheet as text, and the modules of widget/, each in
// its own function scope. One file means one request before the wasm: the first answer comes one
// or two round trips sooner than with the modules loaded one by one (tests/bench/widget.mjs).
// The bundle is then minified with terser (compress, and local names mangled; property names,
// strings and exports stay as they are) and the stylesheet's comments and spaces are dropped:
// the file is about a third of its readable size gzipped, which counts against the widget's
// size budget (README, "Benchmarks").
//
//   node scripts/bundle-widget.mjs              (scripts/build.sh runs it after wasm-bindgen)
//   node scripts/bundle-widget.mjs --readable   (the same bundle unminified, to debug the widget)
//
// Not a general bundler: it understands exactly the forms the widget's sources use, and fails
// loudly on anything else —
//   import { a, b as c } from "./x.js";   import x from "./x.js";   import x, * as ns from "./x.js";
//   export function f…   export const x…   export class X…   export default …;   export { a, b as c };
// Module-level names stay private to their module (each module is an arrow function's body).

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const READABLE = process.argv.includes("--readable");

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const read = (p) => readFileSync(path.join(ROOT, p), "utf8");

/** Every .js file under `dir` (relative to the repository), sorted. */
function snippets(dir) {
  if (!existsSync(path.join(ROOT, dir))) return [];
  return readdirSync(path.join(ROOT, dir)).sort().flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(path.join(ROOT, p)).isDirectory()) return snippets(p);
    return name.endsWith(".js") ? [p] : [];
  });
}

/** Module files, by the specifier the sources import them with. */
const sources = new Map([
  ["./coverage_calc.js", () => read("pkg/coverage_calc.js")],
  // wasm-bindgen's snippets (src/tape.js), imported by the glue as ./snippets/<crate-hash>/….
  ...snippets("pkg/snippets").map((p) => [`./${path.relative("pkg", p).split(path.sep).join("/")}`, () => read(p)]),
  ["./coverage-calc-style.js", () => {
    const css = read("widget/coverage-calc.css");
    return `export default ${JSON.stringify(READABLE ? css : minifyCss(css))};\n`;
  }],
  ...["coverage-calc-util.js", "coverage-calc-i18n.js", "coverage-calc-form.js", "coverage-calc-buy.js",
    "coverage-calc-status.js", "coverage-calc-compare.js", "coverage-calc-ipro.js", "coverage-calc.js"]
    .map((f) => [`./${f}`, () => read(`widget/${f}`)]),
]);

/**
 * The stylesheet without its comments and the spaces nothing needs. Deliberately timid: only
 * spaces around `{ } ; ,` and after `:` go (a space *before* `:` is a descendant combinator in a
 * selector, `a :hover`; spaces around `+`, `-`, `>` and `/` stay, since `calc()` needs them).
 * Strings (`content: "⚠ "`) are set aside first and put back untouched; comments and strings are
 * found in one pass, so a quote inside a comment or a `/*` inside a string cannot confuse it.
 */
function minifyCss(css) {
  const strings = [];
  return css
    .replace(/\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\[\s\S])*"|'(?:[^'\\\n]|\\[\s\S])*'/g,
      (m) => m.startsWith("/*") ? " " : `\u0000${strings.push(m) - 1}\u0000`) // NUL: never in CSS text
    .replace(/\s+/g, " ")
    .replace(/ ?([{};,]) ?/g, "$1")
    .replace(/: /g, ":")
    .replace(/;}/g, "}")
    .trim()
    .replace(/\u0000(\d+)\u0000/g, (_, i) => strings[Number(i)]);
}

const varName = (spec) => `__${spec.replace(/^\.\//, "").replace(/\.js$/, "").replace(/[^A-Za-z0-9_]/g, "$")}`;

/** One module → `{ body, deps }`, its imports turned into reads of other modules' exports. */
function transform(spec, text) {
  const deps = [];
  const exported = [];
  const fail = (what) => { throw new Error(`bundle-widget: ${spec}: ${what}`); };
  let body = text.replace(/^import\s+([^;]+?)\s+from\s+["']([^"']+)["'];\s*$/gm, (_, clause, from) => {
    if (!sources.has(from)) fail(`imports unknown module ${from}`);
    deps.push(from);
    const mod = varName(from);
    const out = [];
    const m = /^(?:([A-Za-z_$][\w$]*)\s*,?\s*)?(?:\*\s+as\s+([A-Za-z_$][\w$]*))?\s*(?:\{([^}]*)\})?$/s.exec(clause.trim());
    if (!m) fail(`cannot read the import ${clause}`);
    if (m[1]) out.push(`const ${m[1]} = ${mod}.default;`);
    if (m[2]) out.push(`const ${m[2]} = ${mod};`);
    if (m[3]) {
      const names = m[3].split(",").map((s) => s.trim()).filter(Boolean).map((s) => s.replace(/\s+as\s+/, ": "));
      out.push(`const { ${names.join(", ")} } = ${mod};`);
    }
    return out.join(" ");
  });
  if (/^\s*import\s/m.test(body)) fail("has an import this bundler does not understand");
  body = body.replace(/^export\s+(async\s+function|function|const|let|class)\s+([A-Za-z_$][\w$]*)/gm, (_, kind, name) => {
    exported.push(name);
    return `${kind} ${name}`;
  });
  body = body.replace(/^export\s+default\s+/m, () => {
    exported.push("default: __default");
    return "const __default = ";
  });
  body = body.replace(/^export\s*\{([^}]*)\};?\s*$/gm, (_, list) => {
    for (const item of list.split(",").map((s) => s.trim()).filter(Boolean)) {
      const [local, as] = item.split(/\s+as\s+/);
      exported.push(as ? `${as}: ${local}` : local);
    }
    return "";
  });
  if (/^\s*export\s/m.test(body)) fail("has an export this bundler does not understand");
  return { body, deps, exported };
}

// Depth-first from the entry: every module after the modules it imports.
const order = [];
const modules = new Map();
function visit(spec, trail = []) {
  if (modules.has(spec)) return;
  if (trail.includes(spec)) throw new Error(`bundle-widget: import cycle ${[...trail, spec].join(" → ")}`);
  const mod = transform(spec, sources.get(spec)());
  for (const dep of mod.deps) visit(dep, [...trail, spec]);
  modules.set(spec, mod);
  order.push(spec);
}
visit("./coverage-calc.js");

const parts = [
  "// <coverage-calc>: the embeddable calculator, one ES module. Generated by scripts/bundle-widget.mjs",
  "// from widget/*.js, widget/coverage-calc.css and the wasm-bindgen glue; do not edit.",
  "// It loads ./coverage_calc_bg.wasm next to this file. Sources and docs: README.md, widget/.",
];
for (const spec of order) {
  const { body, exported } = modules.get(spec);
  parts.push(`\n// ---- ${spec} ${"-".repeat(Math.max(0, 90 - spec.length))}`);
  parts.push(`const ${varName(spec)} = (() => {\n${body.trimEnd()}\nreturn Object.freeze({ ${exported.join(", ")} });\n})();`);
}
const entry = modules.get("./coverage-calc.js").exported.filter((e) => !e.startsWith("default"));
parts.push(`\nexport const { ${entry.join(", ")} } = ${varName("./coverage-calc.js")};\n`);
const bundle = parts.join("\n");
writeFileSync(path.join(ROOT, "pkg/coverage-calc.js"), READABLE ? bundle : await minify(bundle));
console.log(`[build] pkg/coverage-calc.js: ${order.length} modules bundled${READABLE ? " (readable)" : ", minified"}`);

/**
 * The bundle, minified by terser. Only what cannot change behaviour: terser's default (safe)
 * compress transforms, no `unsafe*` option; names mangled but not properties, so the attributes,
 * the `coverage-change` event, `::part` names, the wasm imports object's keys and the glue's
 * exports read by the element (`api.buy`, …) are strings and properties terser leaves alone.
 * `module: true` lets it rename module-level names too (exports keep theirs: `export { a as B }`).
 * The element's class keeps its name for devtools and stack traces. No source map: the readable
 * bundle is one command away (--readable), and a `sourceMappingURL` pointing at a file that is
 * not shipped in the npm package would only give its users warnings.
 */
async function minify(code) {
  let terser;
  try {
    terser = await import("terser");
  } catch (e) {
    if (e?.code !== "ERR_MODULE_NOT_FOUND") throw e;
    throw new Error("bundle-widget: terser is missing: run scripts/ensure-tools.sh (make build does)");
  }
  const result = await terser.minify(code, {
    module: true,
    ecma: 2020,
    keep_classnames: /^CoverageCalcElement$/,
    format: {
      comments: false,
      preamble: "// <coverage-calc>: the embeddable calculator, one ES module, minified. Generated by\n"
        + "// scripts/bundle-widget.mjs from widget/ and the wasm-bindgen glue; sources and docs: README.md.",
    },
  });
  return `${result.code}\n`;
}
