#!/usr/bin/env node
// Budgets of the widget <coverage-calc>, printed as `key value` lines for scripts/bench.sh:
//
//   widget_gz_bytes N    the files of pkg/ www/shop.html loads for its widget (an offer of a Care Refresh
//                        product: the widget's entry and chunks, JS and CSS; the API entry and glue; the
//                        wasm), each gzip -9 as a server would send them, summed
//   first_answer_ms N    navigation → first answer painted, www/shop.html in headless Chromium
//                        (fresh browser context each run, so no cache), median of RUNS runs
//
// Needs pkg/ (make build) and /usr/bin/chromium.

import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PKG = path.join(ROOT, "pkg");
const RUNS = Number(process.env.RUNS ?? 7);

const server = await startServer({ port: 0, host: "127.0.0.1" });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
});
const times = [];
let files = [];
try {
  for (let i = 0; i < RUNS + 1; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // The first `coverage-change` is the first answer; the frame after it is when it is visible.
    await page.addInitScript(() => {
      document.addEventListener("coverage-change", () => {
        if (window.__firstAnswer === undefined) {
          window.__firstAnswer = null;
          requestAnimationFrame(() => { window.__firstAnswer = performance.now(); });
        }
      }, true);
    });
    const asked = new Set();
    page.on("request", (r) => { const u = new URL(r.url()); if (u.pathname.startsWith("/pkg/")) asked.add(u.pathname.slice(5)); });
    await page.goto(`${server.url}shop.html`);
    await page.waitForFunction(() => typeof window.__firstAnswer === "number");
    const ms = await page.evaluate(() => window.__firstAnswer);
    if (i > 0) times.push(ms); // the first run warms the browser process, not the page
    files = [...asked];
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];

let gz = 0;
let raw = 0;
for (const f of files) {
  const bytes = readFileSync(path.join(PKG, f));
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
}
console.log(`widget_files ${files.length}`);
console.log(`widget_raw_bytes ${raw}`);
console.log(`widget_gz_bytes ${gz}`);
console.log(`first_answer_ms ${Math.round(median)}`);
