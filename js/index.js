// The package's JavaScript API, `import … from "coverage-calc"` in a browser or a bundler (node
// loads ./node.js instead, which initialises itself). Copied into pkg/ by scripts/package.mjs.
//
// A thin layer over the wasm-bindgen glue (./coverage_calc.js): `init()` loads the .wasm once for
// the whole page (the widget <coverage-calc> calls the same `init`, so the API and the widget
// share one fetch and one instance), and a function called before that throws a coded error
// instead of a TypeError from inside the glue.

import initGlue, * as glue from "./coverage_calc.js";

let ready = false;
let loading = null;

/** The error a function called before `init()` throws (name and `code` as the API's own errors). */
function notInitialised(name) {
  const error = new Error(`coverage-calc: ${name}() was called before the WebAssembly module was loaded: `
    + "call `await init()` (or `initSync({ module })`) first; in node, import \"coverage-calc\" (its node entry initialises itself)");
  return Object.assign(error, { name: "CoverageCalcError", code: "not_initialised", field: null });
}

/**
 * A failed load, explained: a server that answers the .wasm's URL with a page (a dev server's
 * fallback to index.html, a 404 page) gives a CompileError about the "magic word".
 */
function loadError(cause) {
  const notWasm = cause instanceof WebAssembly.CompileError || /magic word/i.test(String(cause?.message));
  const error = new Error(notWasm
    ? "coverage-calc: the .wasm's URL did not answer with WebAssembly (a 404 or an HTML page?): host coverage_calc_bg.wasm next to the "
      + "package's modules, or pass its URL: init({ module_or_path }) / CoverageCalcElement.wasmUrl; with Vite's dev server, "
      + "add optimizeDeps: { exclude: [\"coverage-calc\"] } (README, \"Install from npm\")"
    : `coverage-calc: the WebAssembly module could not be loaded: ${cause?.message ?? cause}`, { cause });
  return Object.assign(error, { name: "CoverageCalcError", code: "wasm_not_loaded", field: null });
}

/**
 * Loads and instantiates the .wasm, once: later calls (and the widget's) return the same promise.
 * `options.module_or_path`: a URL or string (fetched), a Response, bytes or a WebAssembly.Module;
 * by default `coverage_calc_bg.wasm` next to the glue.
 */
export default function init(options) {
  if (ready) return Promise.resolve();
  loading ??= initGlue(options === undefined ? undefined : options).then(
    () => { ready = true; },
    (error) => { loading = null; throw loadError(error); },
  );
  return loading;
}

/** Instantiates the .wasm from its bytes or a WebAssembly.Module, synchronously: `{ module }`. */
export function initSync(options) {
  if (ready) return;
  glue.initSync(options);
  ready = true;
}

/** Whether the .wasm is loaded (the functions below can be called). */
export function isInitialised() {
  return ready;
}

export function catalog() {
  if (!ready) throw notInitialised("catalog");
  return glue.catalog();
}
export function buy(request) {
  if (!ready) throw notInitialised("buy");
  return glue.buy(request);
}
export function status(request) {
  if (!ready) throw notInitialised("status");
  return glue.status(request);
}
export function plusContract(request) {
  if (!ready) throw notInitialised("plusContract");
  return glue.plusContract(request);
}
export function compare(request) {
  if (!ready) throw notInitialised("compare");
  return glue.compare(request);
}
export function ipro(request) {
  if (!ready) throw notInitialised("ipro");
  return glue.ipro(request);
}
export function callJson(name, request) {
  if (!ready) throw notInitialised("callJson");
  return glue.callJson(name, request);
}
