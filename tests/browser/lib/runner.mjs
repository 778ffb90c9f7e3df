// What the browser tests share: a tiny runner (every check runs, failures are listed at the end),
// the static server on 127.0.0.1 and a free port, and Debian's Chromium through playwright-core.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { startServer } from "../../../scripts/serve.mjs";

const failures = [];
let passed = 0;

/** Runs one named check; a thrown error is a failure, printed with the first lines of its stack. */
export async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`  ok   ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`  FAIL ${name}\n       ${String(error?.stack ?? error).split("\n").slice(0, 6).join("\n       ")}`);
  }
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

export function contains(text, part, what = "text") {
  expect(String(text).includes(part), `${what} should contain ${JSON.stringify(part)}, got:\n${String(text).slice(0, 800)}`);
}

/** The server (`origin`: its URL without the final slash) and the browser. */
export async function start() {
  const server = await startServer({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run"],
  });
  return { server, browser, origin: server.url.replace(/\/$/, "") };
}

/** Closes both, prints the count and exits 1 when a check failed. */
export async function finish({ server, browser }, label, extra = "") {
  await browser.close();
  await server.close();
  console.log(`\n${label}: ${passed} passed, ${failures.length} failed${extra}`);
  if (failures.length > 0) {
    for (const f of failures) console.log(`  - ${f}`);
    process.exit(1);
  }
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core (WCAG 2.0–2.2 A and AA) on the page as it is: fails with the violations. It is injected
 * as an inline script: under the strict CSP the page's context needs `bypassCSP: true`.
 */
export async function axeClean(page, label) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  }));
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
  expect(found.length === 0, `axe (${label}):\n       ${found.join("\n       ")}`);
}
