// Server-side rendering: importing the widget in node (no DOM) does not throw and defines nothing.
import assert from "node:assert/strict";

assert.equal(globalThis.HTMLElement, undefined);
const widget = await import("coverage-calc/widget");
assert.equal(typeof widget.CoverageCalcElement, "function");
assert.equal(widget.CoverageCalcElement.wasmUrl, null);
const alias = await import("coverage-calc/coverage-calc.js");
assert.equal(alias.CoverageCalcElement, widget.CoverageCalcElement);
// The API still answers next to it (the node entry).
const { buy } = await import("coverage-calc");
assert.equal(buy({ plan: "care-refresh-1y", product: "dji-mini-4-pro", now: "2026-11-20T10:00:00+09:00" }).eligible, true);
console.log("ssr: ok (the widget imports in node without a DOM)");
