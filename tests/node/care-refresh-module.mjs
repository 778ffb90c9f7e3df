// The Care Refresh module (pkg/coverage_calc_care_refresh_bg.wasm: the rules of that family
// alone, for product pages that sell nothing else), in node, both ways a page loads it: through
// its own entry `coverage-calc/care-refresh` (its own glue and instance, beside the full one) and
// through the full glue (`init({ module_or_path })`). Each answers every Care Refresh golden file
// as the full module does, and refuses the other families with a coded error instead of
// answering them; the full module beside it still answers them.
//
//   node tests/node/care-refresh-module.mjs      # uses <repo>/pkg

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { pkgDir, repo } from "./lib/package.mjs";

const failures = [];
const NOW = "2026-11-20T12:00:00+09:00";
const others = [
  ["buy", { plan: "enterprise-basic", product: "matrice-300-rtk", activatedAt: "2026-11-19T09:00:00+09:00", now: NOW }],
  ["compare", { product: "matrice-300-rtk", incidents: 2, repairCost: "100000" }],
  ["ipro", { kind: "camera", deliveryDate: "2026-04-01", inJapan: true, now: NOW }],
];
const own = await import(pathToFileURL(join(pkgDir, "care-refresh-node.js")).href);
const viaGlue = await import(pathToFileURL(join(pkgDir, "index.js")).href);
viaGlue.initSync({ module: readFileSync(join(pkgDir, "coverage_calc_care_refresh_bg.wasm")) });

const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
let answered = 0;
for (const [way, api] of [["coverage-calc/care-refresh", own], ["the full glue", viaGlue]]) {
for (const path of walk(join(repo, "tests", "golden", "care-refresh-buy")).concat(walk(join(repo, "tests", "golden", "care-refresh-status")))) {
  const file = JSON.parse(readFileSync(path, "utf8"));
  if (!Object.hasOwn(file, "expect")) continue;
  let answer;
  try {
    answer = api[file.function](file.request);
  } catch (e) {
    failures.push(`${way}: ${path}: ${e.code} ${e.message}`);
    continue;
  }
  if (JSON.stringify(answer) !== JSON.stringify(file.expect)) failures.push(`${way}: ${path}: another answer than the full module's`);
  answered += 1;
}
if (answered < 40) failures.push(`only ${answered} Care Refresh golden answers checked`);

for (const [fn, request] of others) {
  try {
    api[fn](request);
    failures.push(`${way}: ${fn}: answered, but the module has no rules for it`);
  } catch (e) {
    if (e.code !== "invalid_value") failures.push(`${way}: ${fn}: ${e.code} (${e.message}), not invalid_value`);
  }
}
if (!Array.isArray(api.catalog().products)) failures.push(`${way}: catalog() does not answer`);
}
// Both modules on one page (another process: the full glue above holds the Care Refresh module):
// the full one answers what the Care Refresh one refuses.
const both = `
  const full = await import(${JSON.stringify(pathToFileURL(join(pkgDir, "node.js")).href)});
  const cr = await import(${JSON.stringify(pathToFileURL(join(pkgDir, "care-refresh-node.js")).href)});
  const request = ${JSON.stringify(others[0][1])};
  let refused = false;
  try { cr.buy(request); } catch (e) { refused = e.code === "invalid_value"; }
  console.log(JSON.stringify({ full: full.buy(request).plan, refused }));`;
const seen = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", both], { encoding: "utf8" }));
if (seen.full !== "enterprise-basic" || !seen.refused) failures.push(`both modules in one process: ${JSON.stringify(seen)}`);

if (failures.length) {
  console.error(`the Care Refresh module: ${failures.length} failures:`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
console.log(`the Care Refresh module answers ${answered / 2} Care Refresh golden files as the full one (its own entry and the full glue), and refuses the other families`);
