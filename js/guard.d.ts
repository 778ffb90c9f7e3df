// Types of ./guard.js: the same functions as wasm-bindgen's glue, guarded (see guard.js).
export { default, initSync } from "./coverage_calc.js";
export { catalog, buy, status, plusContract, compare, ipro, callJson } from "./coverage_calc.js";
export type * from "./coverage_calc.js";
