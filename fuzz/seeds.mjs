// Writes the fuzzer's starting corpus: one file per golden case (tests/golden/**.json), as the
// fuzz target reads its input: "<function>\n<request JSON>".
//   node fuzz/seeds.mjs   # → fuzz/corpus/call_json/
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(repo, "fuzz", "corpus", "call_json");
mkdirSync(out, { recursive: true });
const walk = (dir) =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
let count = 0;
for (const path of walk(join(repo, "tests", "golden")).filter((p) => p.endsWith(".json"))) {
  const file = JSON.parse(readFileSync(path, "utf8"));
  const request = Object.hasOwn(file, "requestText") ? file.requestText : JSON.stringify(file.request ?? null);
  writeFileSync(join(out, `golden-${count}`), `${file.function}\n${request}`);
  count += 1;
}
console.log(`${count} seeds in ${out}`);
