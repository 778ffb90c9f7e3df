// The package's JavaScript API, `import … from "coverage-calc"` in a browser or a bundler (node
// loads ./node.js instead, which initialises itself). Copied into pkg/ by scripts/package.mjs.
//
// A thin layer over the wasm-bindgen glue (./coverage_calc.js), made by ./api.js: `init()` loads
// the .wasm once for the whole page (the widget <coverage-calc> calls the same `init` when it
// needs more than Care Refresh, so the API and the widget share one fetch and one instance), a
// function called before that throws a coded error instead of a TypeError from inside the glue,
// and every call is guarded against interruptions (./api.js).

import initGlue, * as glue from "./coverage_calc.js";
import { guardedApi } from "./api.js";

const api = guardedApi("full", initGlue, glue);

export default api.init;
export const { initSync, isInitialised, catalog, buy, status, plusContract, compare, ipro, callJson } = api;
