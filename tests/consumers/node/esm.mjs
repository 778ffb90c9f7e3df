// node, ESM: the package's node entry initialises itself: no init call, no path to the .wasm.
import assert from "node:assert/strict";
import init, { buy, callJson, catalog, isInitialised, status } from "coverage-calc";

const now = "2026-11-20T10:00:00+09:00";
assert.equal(isInitialised(), true);
assert.ok(catalog().products.length > 10);
const a = buy({ plan: "care-refresh-1y", product: "dji-mini-4-pro", now });
assert.equal(a.plan, "care-refresh-1y");
assert.equal(a.eligible, true);
const e = buy({ plan: "enterprise-basic", product: "matrice-300-rtk", now });
assert.equal(e.family, "care-enterprise");
const s = status({ plan: "care-refresh-2y", product: "dji-mini-4-pro", start: "2026-01-10", now });
assert.equal(s.active, true);
assert.equal(JSON.parse(callJson("buy", JSON.stringify({ plan: "care-refresh-1y", product: "dji-mini-4-pro", now }))).eligible, true);
// init() is accepted and does nothing more.
await init();
// Errors are coded.
assert.throws(() => buy({ plan: "care-refresh-1y", product: "no-such-product", now }), (err) => err.name === "CoverageCalcError" && err.code === "unknown_product");
// The package's manifest is exported.
const { createRequire } = await import("node:module");
const manifest = createRequire(import.meta.url)("coverage-calc/package.json");
assert.equal(manifest.name, "coverage-calc");
console.log("node-esm: ok (no init call; buy, status, catalog, callJson; coded errors)");

// The Care Refresh module's entry, as installed: its own instance beside the full one.
const cr = await import("coverage-calc/care-refresh");
assert.equal(cr.buy({ plan: "care-refresh-1y", product: "dji-mini-4-pro", now }).eligible, true);
assert.throws(() => cr.buy({ plan: "enterprise-basic", product: "matrice-300-rtk", now }), (err) => err.code === "invalid_value");
assert.equal(buy({ plan: "enterprise-basic", product: "matrice-300-rtk", now }).family, "care-enterprise");
console.log("node-esm: ok (coverage-calc/care-refresh beside the full module)");
