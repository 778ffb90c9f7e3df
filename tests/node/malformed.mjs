// Malformed values through the real wasm package, in node: every exported function, fed wrong
// types, huge numbers, deep nesting, `undefined`, `null`, cycles, BigInt, symbols, functions,
// huge strings, arrays instead of objects, getters that throw, proxies. Each call must either
// answer (a plain object) or throw a real `Error` named `CoverageCalcError` whose `code` is one
// of the documented codes (src/types.d.ts `ErrorCode`); and the module must keep working: after
// every malformed call, and at the end, known-good calls answer exactly as before.
//
//   node tests/node/malformed.mjs                  # uses <repo>/pkg
//   PKG_DIR=/tmp/pkg node tests/node/malformed.mjs
//
// Functions the package does not export yet (`plusContract`, `compare`) are noted and
// skipped; a new export is picked up by adding its known-good request to GOOD below.

import { contractCodes, loadPackage, pkgDir } from "./lib/package.mjs";


/** A known-good request per function (`undefined`: takes none). */
const GOOD = {
  catalog: undefined,
  buy: { plan: "care-refresh-2y", product: "dji-mini-4-pro", activatedAt: "2026-11-19T09:00:00+09:00", now: "2026-11-20T12:00:00+09:00" },
  status: {
    plan: "care-refresh-1y",
    product: "dji-mini-4-pro",
    start: "2026-01-10",
    claims: [{ kind: "flyaway", date: "2026-05-01" }],
    now: "2026-11-20T12:00:00+09:00",
  },
  ipro: { kind: "camera", deliveryDate: "2024-04-01", partnersCircleMember: true, onFiveYearList: true, inJapan: true, now: "2026-11-20T12:00:00+09:00" },
  plusContract: {
    activatedOn: "2026-04-01",
    owner: "A社",
    members: [{ product: "matrice-300-rtk", date: "2026-04-01" }, { product: "zenmuse-h20t", date: "2026-04-20" }],
    claims: [{ member: "#1", date: "2026-06-01", amount: "300000" }],
    now: "2026-11-20T12:00:00+09:00",
  },
  compare: { product: "matrice-300-rtk", units: 2, incidents: 4, repairCost: "250000" },
};

const failures = [];
const notes = [];
const fail = (what) => failures.push(what);

/** The malformed values, each with a name for the report. Built fresh for each call. */
function malformed() {
  const cycle = { plan: "care-refresh-1y", product: "dji-mini-4-pro", now: "2026-11-20T12:00:00+09:00" };
  cycle.self = cycle;
  const cycleInArray = [];
  cycleInArray.push(cycleInArray);
  let deep = { now: "2026-11-20T12:00:00+09:00" };
  for (let i = 0; i < 5000; i += 1) deep = { plan: deep };
  let deepArray = [];
  for (let i = 0; i < 100_000; i += 1) deepArray = [deepArray];
  const huge = "x".repeat(8 * 1024 * 1024);
  const good = { plan: "care-refresh-1y", product: "dji-mini-4-pro", now: "2026-11-20T12:00:00+09:00" };
  const throwingGetter = { ...good };
  Object.defineProperty(throwingGetter, "plan", { enumerable: true, get: () => { throw new Error("getter"); } });
  const throwingToJSON = { ...good, toJSON: () => { throw new TypeError("toJSON"); } };
  const proxy = new Proxy({}, { ownKeys: () => { throw new Error("ownKeys"); } });
  return [
    ["undefined", undefined],
    ["null", null],
    ["true", true],
    ["0", 0],
    ["-0", -0],
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["1e308", 1e308],
    ["Number.MAX_VALUE", Number.MAX_VALUE],
    ["a string", "buy"],
    ["JSON text as a string", JSON.stringify(good)],
    ["not JSON text", "{"],
    ["empty string", ""],
    ["BigInt", 10n],
    ["symbol", Symbol("s")],
    ["function", () => 1],
    ["array", [good]],
    ["empty array", []],
    ["empty object", {}],
    ["Date", new Date(0)],
    ["Map", new Map([["plan", "care-refresh-1y"]])],
    ["cycle", cycle],
    ["cycle in an array", cycleInArray],
    ["deep object (5,000)", deep],
    ["deep array (100,000)", deepArray],
    ["huge string", huge],
    ["huge string field", { ...good, product: huge }],
    ["huge key", { ...good, [huge]: 1 }],
    ["huge number field", { ...good, now: 1e308 }],
    ["BigInt field", { ...good, now: 1n }],
    ["undefined field", { ...good, now: undefined }],
    ["null fields", { plan: null, product: null, now: null }],
    ["symbol field", { ...good, plan: Symbol("p") }],
    ["function field", { ...good, plan: () => "care-refresh-1y" }],
    ["array field", { ...good, plan: ["care-refresh-1y"] }],
    ["object field", { ...good, now: { iso: "2026-11-20T12:00:00+09:00" } }],
    ["number field", { ...good, plan: 1 }],
    ["Date field", { ...good, now: new Date("2026-11-20T03:00:00Z") }],
    ["claims as an object", { ...good, start: "2026-01-10", claims: { kind: "flyaway" } }],
    ["claims of nulls", { ...good, start: "2026-01-10", claims: [null, 1, "x", []] }],
    ["many claims", { ...good, start: "2026-01-10", claims: Array.from({ length: 100_000 }, () => ({ kind: "replacement", date: "2026-05-01" })) }],
    ["huge chain", { ...good, start: "2026-01-10", chain: Array.from({ length: 100_000 }, () => "care-refresh-1y") }],
    ["lone surrogate", { ...good, product: "\ud800" }],
    ["NUL and newlines", { ...good, product: "a\u0000\n\r\u2028b" }],
    ["year 10000", { ...good, now: "+010000-01-01T00:00:00Z" }],
    ["year 9999 at the edge", { ...good, now: "9999-12-31T14:59:59Z" }],
    ["year 0001 at the edge", { ...good, now: "0001-01-01T00:00:00+09:00" }],
    ["prototype pollution key", JSON.parse('{"__proto__": {"plan": "care-refresh-1y"}, "now": "2026-11-20T12:00:00+09:00"}')],
    ["throwing getter", throwingGetter],
    ["throwing toJSON", throwingToJSON],
    ["proxy with throwing ownKeys", proxy],
  ];
}

function describe(v) {
  try {
    return typeof v === "symbol" ? v.toString() : String(JSON.stringify(v)).slice(0, 200);
  } catch {
    return String(v).slice(0, 200);
  }
}

/** Calls `fn(value)`; checks "an answer or a coded Error"; returns what happened. */
function check(api, fn, name, value, codes) {
  let answer;
  try {
    answer = value === "no argument" ? api[fn]() : api[fn](value);
  } catch (e) {
    if (!(e instanceof Error)) return fail(`${fn}(${name}): threw a non-Error ${describe(e)}`);
    if (e.name !== "CoverageCalcError") return fail(`${fn}(${name}): threw ${e.name}: ${e.message}`);
    if (typeof e.code !== "string" || !codes.has(e.code)) return fail(`${fn}(${name}): undocumented code ${describe(e.code)}`);
    if (typeof e.message !== "string" || !e.message || /[\n\r\u2028\u2029]/.test(e.message)) {
      return fail(`${fn}(${name}): message not one line: ${describe(e.message)}`);
    }
    return e.code;
  }
  if (answer === null || typeof answer !== "object" || Array.isArray(answer)) {
    return fail(`${fn}(${name}): answered ${describe(answer)}, not an object`);
  }
  return "answer";
}

/** The known-good calls, as JSON text, to compare before and after. */
function goodAnswers(api, fns) {
  const out = {};
  for (const fn of fns) {
    if (GOOD[fn] === null) continue;
    try {
      out[fn] = JSON.stringify(GOOD[fn] === undefined ? api[fn]() : api[fn](GOOD[fn]));
    } catch (e) {
      out[fn] = `threw ${e?.code ?? ""} ${e?.message ?? e}`;
    }
  }
  return out;
}

async function main() {
  const api = await loadPackage();
  const codes = new Set(contractCodes());
  const fns = Object.keys(GOOD).filter((fn) => {
    if (typeof api[fn] === "function") return true;
    notes.push(`\`${fn}\` is not exported by this package; skipped`);
    return false;
  });
  for (const fn of ["catalog", "buy", "status", "ipro", "plusContract", "compare"]) {
    if (!fns.includes(fn)) fail(`\`${fn}\` is not exported`);
  }
  const before = goodAnswers(api, fns);
  for (const [fn, text] of Object.entries(before)) {
    if (text.startsWith("threw")) fail(`known-good ${fn} call: ${text}`);
  }

  const seen = {};
  let calls = 0;
  for (const fn of fns) {
    for (const [name, value] of [["no argument", "no argument"], ...malformed()]) {
      const outcome = check(api, fn, name, value, codes);
      calls += 1;
      if (outcome) seen[`${fn}: ${outcome}`] = (seen[`${fn}: ${outcome}`] ?? 0) + 1;
      // The module keeps working after every malformed call, not only at the end.
      const now = goodAnswers(api, [fn]);
      if (now[fn] !== before[fn]) fail(`after ${fn}(${name}): the known-good call changed: ${now[fn]?.slice(0, 200)}`);
    }
  }
  const after = goodAnswers(api, fns);
  for (const fn of Object.keys(before)) {
    if (after[fn] !== before[fn]) fail(`at the end: known-good ${fn} call answers differently`);
  }
  // Sanity: the malformed values really produced errors (a test that cannot fail is a defect).
  for (const fn of ["buy", "status", "ipro", "plusContract", "compare"]) {
    for (const code of ["invalid_json", "invalid_request", "missing_field", "unknown_field"]) {
      if (!seen[`${fn}: ${code}`]) fail(`${fn}: no malformed value gave \`${code}\``);
    }
  }

  // The text API, callJson(name, text): each malformed value as the name, as the text, and every
  // malformed value's JSON (where it has one) as the text of a buy.
  if (typeof api.callJson === "function") {
    const textApi = {
      asName: (v) => api.callJson(v, "{}"),
      asText: (v) => api.callJson("buy", v),
      asJson: (v) => api.callJson("buy", v),
    };
    const jsonOf = (v) => {
      try {
        return JSON.stringify(v) ?? "";
      } catch {
        return null; // the value has no JSON (a cycle, a BigInt, a throwing getter)
      }
    };
    for (const [how, f] of Object.entries(textApi)) {
      for (const [name, raw] of malformed()) {
        const value = how === "asJson" ? jsonOf(raw) : raw;
        if (value === null) continue;
        const outcome = check({ [`callJson ${how}`]: (v) => JSON.parse(f(v)) }, `callJson ${how}`, name, value, codes);
        calls += 1;
        if (outcome) seen[`callJson ${how}: ${outcome}`] = (seen[`callJson ${how}: ${outcome}`] ?? 0) + 1;
        const now = goodAnswers(api, ["buy"]);
        if (now.buy !== before.buy) fail(`after callJson ${how}(${name}): the known-good buy changed`);
      }
    }
    if (!seen["callJson asText: invalid_json"]) fail("callJson: no malformed text gave `invalid_json`");
  } else {
    fail("`callJson` is not exported");
  }

  for (const n of notes) console.log(`note: ${n}`);
  if (failures.length) {
    console.error(`${calls} malformed calls through the wasm package (${pkgDir}); ${failures.length} failures:`);
    for (const f of failures) console.error(`  - ${f}`);
    process.exit(1);
  }
  console.log(`${calls} malformed calls through the wasm package answered or threw coded errors; the module kept working`);
}

await main();
