#!/usr/bin/env node
// The widget's word tables (widget/coverage-calc-words-*.js and the early words of
// widget/coverage-calc-i18n.js), the only ones of the project: Japanese
// and English have the same keys, and every key the widget and the page ask for by name
// (t("…") / t(`page.…`) with a literal key) is in them. A missing English word showed its key on
// screen once (issue 13).
//
//   node tests/node/words.mjs

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { wordKeys, WORD_GROUPS } from "../../widget/coverage-calc-i18n.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const problems = [];
const ja = new Set(await wordKeys("ja"));
const en = new Set(await wordKeys("en"));
for (const k of ja) if (!en.has(k)) problems.push(`English lacks ${k}`);
for (const k of en) if (!ja.has(k)) problems.push(`Japanese lacks ${k}`);

// Each word is in one group (a chunk per language, loaded when needed), and each widget module asks
// by name only for words of the groups loaded for it: a word of a group not loaded would show its key.
const groupOf = new Map();
for (const g of WORD_GROUPS) {
  for (const lang of ["ja", "en"]) {
    for (const k of await wordKeys(lang, g)) {
      if (groupOf.has(k) && groupOf.get(k) !== g) problems.push(`${k} is in two groups: ${groupOf.get(k)} and ${g}`);
      groupOf.set(k, g);
    }
  }
}
/** The groups of words each module may ask for (the element loads them: wordGroupsFor). */
const GROUPS_OF_MODULE = {
  "coverage-calc-enterprise.js": ["core", "enterprise"],
  "coverage-calc-contract.js": ["core", "enterprise"],
  "coverage-calc-compare.js": ["core", "enterprise"],
  // An offer for an Enterprise product loads the Enterprise words too.
  "coverage-calc-offer.js": ["core", "enterprise"],
  "coverage-calc-offer-details.js": ["core", "enterprise"],
  "coverage-calc-ipro.js": ["core", "ipro"],
  "coverage-calc-status.js": ["core", "status"],
  "shell.js": WORD_GROUPS,
};
const sources = [
  ...readdirSync(path.join(ROOT, "widget")).filter((f) => f.endsWith(".js")).map((f) => path.join(ROOT, "widget", f)),
  path.join(ROOT, "www/shell.js"),
];
let asked = 0;
for (const file of sources) {
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/\bt\(\s*"([^"]+)"/g)) {
    asked += 1;
    if (!ja.has(m[1])) problems.push(`${path.relative(ROOT, file)} asks for ${m[1]}, in no word table`);
    const allowed = GROUPS_OF_MODULE[path.basename(file)] ?? ["core"];
    if (groupOf.has(m[1]) && !allowed.includes(groupOf.get(m[1]))) {
      problems.push(`${path.relative(ROOT, file)} asks for ${m[1]}, a word of the group ${groupOf.get(m[1])}, which is not loaded for it`);
    }
  }
  for (const m of text.matchAll(/data-words="([^"]+)"/g)) {
    if (!ja.has(m[1])) problems.push(`${path.relative(ROOT, file)} asks for ${m[1]}, in no word table`);
  }
}
const html = readFileSync(path.join(ROOT, "www/index.html"), "utf8");
for (const m of html.matchAll(/data-words="([^"]+)"/g)) {
  asked += 1;
  if (!ja.has(m[1])) problems.push(`www/index.html asks for ${m[1]}, in no word table`);
}

if (problems.length > 0) {
  console.log(`words: ${problems.length} problems\n  - ${problems.join("\n  - ")}`);
  process.exit(1);
}
console.log(`words: ${ja.size} keys in Japanese and English in ${WORD_GROUPS.length} groups, ${asked} literal keys asked for, all present and in groups loaded for their modules`);
