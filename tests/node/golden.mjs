// Golden cases through the real wasm package, in node: the same files as `tests/golden.rs`.
//
//   node tests/node/golden.mjs                      # uses <repo>/pkg
//   PKG_DIR=/tmp/golden-pkg node tests/node/golden.mjs
//
// No npm dependencies. Loads `<pkg>/coverage_calc.js`, initialises it synchronously with
// `<pkg>/coverage_calc_bg.wasm`, and calls the exported `catalog()`, `buy(request)`,
// `status(request)` and `ipro(request)` with plain objects. Each file of tests/golden/**.json gives `expect` (the
// whole answer: every key present and equal, none more, recursively) or `error` and `field` (the code and field path of the JS `Error` thrown, which must
// be a real `Error` named `CoverageCalcError`). Every failure is collected; the script prints
// them all, each with its file, the path inside the answer, expected and actual, and exits 1.
//
// Every case runs twice: through the object API (`buy(request)`) and through the text API
// (`callJson("buy", text)`); `requestText` cases (raw text, e.g. broken JSON) through the text API
// only.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { contractCodes, loadPackage, pkgDir, repo } from "./lib/package.mjs";

const goldenDir = join(repo, "tests", "golden");
const KEYS = ["description", "rules", "function", "request", "requestText", "expect", "error", "field"];
const UNREACHABLE_CODES = ["internal", "out_of_range"];
const REQUIRED_RULES = [
  ...Array.from({ length: 6 }, (_, i) => `T-${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `CR-${i + 1}`),
  ...Array.from({ length: 13 }, (_, i) => `EN-${i + 1}`),
  ...Array.from({ length: 6 }, (_, i) => `IP-${i + 1}`),
];

const failures = [];
const notes = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);
const show = (v) => (v === undefined ? "undefined" : JSON.stringify(v));

// ---------------------------------------------------------------- the whole answer

function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Compares `actual` with `expected` exactly (no key missing, none more); one line per difference. */
function same(expected, actual, path = "$", diffs = []) {
  if (isObject(expected) && isObject(actual)) {
    for (const [key, e] of Object.entries(expected)) {
      if (Object.hasOwn(actual, key)) {
        same(e, actual[key], `${path}.${key}`, diffs);
      } else {
        diffs.push(`${path}.${key}: expected ${show(e)}, but the key is absent`);
      }
    }
    for (const [key, a] of Object.entries(actual)) {
      if (!Object.hasOwn(expected, key)) diffs.push(`${path}.${key}: not expected, got ${show(a)}`);
    }
  } else if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) {
      diffs.push(`${path}: expected an array of ${expected.length} elements, got ${actual.length}: ${show(actual)}`);
    } else {
      expected.forEach((e, i) => same(e, actual[i], `${path}[${i}]`, diffs));
    }
  } else if (isObject(expected) || Array.isArray(expected) || expected !== actual) {
    // A container against a scalar or a container of the other kind, or two unequal scalars.
    diffs.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
  }
  return diffs;
}

// A matcher that cannot fail would make every case pass: check it before trusting it.
function checkMatcher() {
  const actual = { a: 1, b: { c: [1, { d: 2 }], f: null } };
  const must = (cond, what) => {
    if (!cond) fail("matcher self-check", what);
  };
  const changed = (f) => {
    const v = structuredClone(actual);
    f(v);
    return same(v, actual);
  };
  must(same(structuredClone(actual), actual).length === 0, "rejects an equal answer");
  must(same({}, actual).length === 2, "accepts a subset");
  must(changed((v) => delete v.b.c[1].d)[0] === "$.b.c[1].d: not expected, got 2", "misses a key more");
  must(changed((v) => (v.b.c[1].d = 3))[0] === "$.b.c[1].d: expected 3, got 2", "misses a nested scalar");
  must(changed((v) => (v.z = null)).length === 1, "accepts an absent key");
  must(changed((v) => (v.b.c = [1])).length === 1, "accepts a shorter array");
  must(changed((v) => v.b.c.push(3)).length === 1, "accepts a longer array");
  must(changed((v) => (v.b.f = 0)).length === 1, "accepts 0 for null");
  must(changed((v) => (v.a = "1")).length === 1, "accepts \"1\" for 1");
  must(changed((v) => (v.b = [])).length === 1, "accepts an array for an object");
  must(changed((v) => { v.a = 2; v.b.f = 1; }).length === 2, "does not report every difference");
}

// ---------------------------------------------------------------- files

function walk(dir, out) {
  let names;
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    fail(relative(repo, dir) || dir, `cannot read directory: ${e.message}`);
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith(".json")) out.push(path);
    else fail(relative(goldenDir, path), "not a .json file in tests/golden");
  }
  return out;
}

const RULE_ID = /^(T|CR|EN|IP)-[1-9][0-9]*$/;

/** Reads and checks one file; throws a message naming what is wrong. */
function readCase(path, codes) {
  let file;
  try {
    file = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`not JSON: ${e.message}`);
  }
  if (!isObject(file)) throw new Error("not a JSON object");
  const unknown = Object.keys(file).filter((k) => !KEYS.includes(k));
  if (unknown.length) throw new Error(`unknown keys ${show(unknown)}; allowed: ${show(KEYS)}`);
  if (typeof file.description !== "string" || !file.description.trim()) {
    throw new Error("`description` must be a non-empty string");
  }
  if (!Array.isArray(file.rules)) throw new Error("`rules` must be an array of rule ids");
  for (const r of file.rules) {
    if (typeof r !== "string" || !RULE_ID.test(r)) throw new Error(`\`rules\` has ${show(r)}, not a rule id like "CR-3"`);
  }
  if (!["catalog", "buy", "status", "ipro", "plusContract", "compare"].includes(file.function)) {
    throw new Error('`function` must be "catalog", "buy", "status", "ipro", "plusContract" or "compare"');
  }
  const hasRequest = Object.hasOwn(file, "request");
  const hasText = Object.hasOwn(file, "requestText");
  if (file.function === "catalog" && (hasRequest || hasText)) throw new Error("`catalog` takes no request");
  if (file.function !== "catalog") {
    if (hasRequest && hasText) throw new Error("has both `request` and `requestText`");
    if (!hasRequest && !hasText) throw new Error("has neither `request` nor `requestText`");
    if (hasText && typeof file.requestText !== "string") throw new Error("`requestText` must be a string");
  }
  const hasExpect = Object.hasOwn(file, "expect");
  const hasError = Object.hasOwn(file, "error");
  if (hasExpect && hasError) throw new Error("has both `expect` and `error`");
  if (!hasExpect && !hasError) throw new Error("has neither `expect` nor `error`");
  if (hasError && !(typeof file.field === "string" || file.field === null)) {
    throw new Error("an error case needs `field`: the path it concerns, or null");
  }
  if (hasError && !codes.includes(file.error)) {
    throw new Error(`\`error\` ${show(file.error)} is not an ErrorCode of src/types.d.ts`);
  }
  return file;
}

// ---------------------------------------------------------------- calls

/** Calls the wasm export; returns { answer } or { error } (the thrown value). */
function call(api, fn, arg, withArg) {
  try {
    return { answer: fn === "catalog" ? api.catalog() : withArg ? api[fn](arg) : api[fn]() };
  } catch (error) {
    return { error };
  }
}

/** The differences between a thrown value and the expected code. */
function errorDiffs(thrown, code, field) {
  if (!(thrown instanceof Error)) return [`$: expected a thrown Error with code \`${code}\`, got ${show(thrown)}`];
  const diffs = [];
  if (thrown.code !== code) diffs.push(`$.code: expected \`${code}\`, got \`${thrown.code}\` (${thrown.message})`);
  if (thrown.field !== field) diffs.push(`$.field: expected ${show(field)}, got ${show(thrown.field)} (${thrown.message})`);
  if (thrown.name !== "CoverageCalcError") {
    diffs.push(`$.name: expected "CoverageCalcError", got ${show(thrown.name)}`);
  }
  return diffs;
}

/** The same call through the text API, `callJson(function, text)`: the answer parsed. */
function callText(api, fn, text) {
  try {
    return { answer: JSON.parse(api.callJson(fn, text)) };
  } catch (error) {
    return { error };
  }
}

function diffsOf(file, result) {
  if (Object.hasOwn(file, "expect")) {
    if (Object.hasOwn(result, "error")) {
      const e = result.error;
      return [`$: expected an answer, got ${e instanceof Error ? `error \`${e.code}\`: ${e.message}` : `a thrown ${show(e)}`}`];
    }
    return same(file.expect, result.answer);
  }
  if (!Object.hasOwn(result, "error")) return [`$: expected error \`${file.error}\`, got an answer: ${show(result.answer)}`];
  return errorDiffs(result.error, file.error, file.field);
}

// Each case runs through the object API (`buy(request)` …) and through the text API
// (`callJson("buy", text)`); a `requestText` case (raw text, e.g. broken JSON) only through the
// text API, since an object cannot carry it.
function runCase(api, name, file) {
  if (Object.hasOwn(file, "requestText")) {
    return diffsOf(file, callText(api, file.function, file.requestText)).map((d) => `(callJson) ${d}`);
  }
  return [
    ...diffsOf(file, call(api, file.function, file.request, true)),
    ...diffsOf(file, callText(api, file.function, JSON.stringify(file.request ?? null))).map((d) => `(callJson) ${d}`),
  ];
}

// ---------------------------------------------------------------- main

async function main() {
  checkMatcher();
  const api = await loadPackage();
  const codes = contractCodes();
  const files = walk(goldenDir, []);
  if (files.length === 0) fail("tests/golden", "no golden files");
  const rulesSeen = new Set();
  const codesSeen = new Set();
  let passed = 0;
  for (const path of files) {
    const name = relative(goldenDir, path);
    let file;
    try {
      file = readCase(path, codes);
    } catch (e) {
      fail(name, `malformed golden file: ${e.message}`);
      continue;
    }
    file.rules.forEach((r) => rulesSeen.add(r));
    if (Object.hasOwn(file, "error")) codesSeen.add(file.error);
    const diffs = runCase(api, name, file);
    if (diffs.length === 0) passed += 1;
    diffs.forEach((d) => fail(name, d));
  }
  for (const rule of REQUIRED_RULES) {
    if (!rulesSeen.has(rule)) fail("coverage", `rule ${rule} is checked by no golden file`);
  }
  for (const code of codes) {
    if (!UNREACHABLE_CODES.includes(code) && !codesSeen.has(code)) fail("coverage", `error code \`${code}\` has no golden file`);
  }
  // The module must keep working after every error above.
  const after = call(api, "catalog");
  if (!isObject(after.answer)) fail("after the run", `catalog() no longer answers: ${show(after.error?.message)}`);

  for (const n of notes) console.log(`note: ${n}`);
  if (failures.length) {
    console.error(`${files.length} golden files (wasm, ${pkgDir}), ${passed} passed; ${failures.length} failures:`);
    for (const f of failures) console.error(`  - ${f}`);
    process.exit(1);
  }
  console.log(`${files.length} golden files passed through the wasm package (${pkgDir})`);
}

await main();
