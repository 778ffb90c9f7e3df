// The Care Refresh module (pkg/coverage_calc_care_refresh_bg.wasm: the rules of that family
// alone, for product pages that sell nothing else), through the package's glue in node: it
// answers every Care Refresh golden file as the full module does, and refuses the other families
// with a coded error instead of answering them.
//
//   node tests/node/care-refresh-module.mjs      # uses <repo>/pkg

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { pkgDir, repo } from "./lib/package.mjs";

const api = await import(pathToFileURL(join(pkgDir, "index.js")).href);
api.initSync({ module: readFileSync(join(pkgDir, "coverage_calc_care_refresh_bg.wasm")) });

const failures = [];
const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
let answered = 0;
for (const path of walk(join(repo, "tests", "golden", "care-refresh-buy")).concat(walk(join(repo, "tests", "golden", "care-refresh-status")))) {
  const file = JSON.parse(readFileSync(path, "utf8"));
  if (!Object.hasOwn(file, "expect")) continue;
  let answer;
  try {
    answer = api[file.function](file.request);
  } catch (e) {
    failures.push(`${path}: ${e.code} ${e.message}`);
    continue;
  }
  if (JSON.stringify(answer) !== JSON.stringify(file.expect)) failures.push(`${path}: another answer than the full module's`);
  answered += 1;
}
if (answered < 20) failures.push(`only ${answered} Care Refresh golden answers checked`);

const NOW = "2026-11-20T12:00:00+09:00";
const others = [
  ["buy", { plan: "enterprise-basic", product: "matrice-300-rtk", activatedAt: "2026-11-19T09:00:00+09:00", now: NOW }],
  ["compare", { product: "matrice-300-rtk", incidents: 2, repairCost: "100000" }],
  ["ipro", { kind: "camera", deliveryDate: "2026-04-01", inJapan: true, now: NOW }],
];
for (const [fn, request] of others) {
  try {
    api[fn](request);
    failures.push(`${fn}: answered, but the module has no rules for it`);
  } catch (e) {
    if (e.code !== "invalid_value") failures.push(`${fn}: ${e.code} (${e.message}), not invalid_value`);
  }
}
if (!Array.isArray(api.catalog().products)) failures.push("catalog() does not answer");

if (failures.length) {
  console.error(`the Care Refresh module: ${failures.length} failures:`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
console.log(`the Care Refresh module answers ${answered} Care Refresh golden files as the full one, and refuses the other families`);
