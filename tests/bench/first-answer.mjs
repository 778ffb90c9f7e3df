#!/usr/bin/env node
// The first answer as a shopper feels it (issue 14), printed as `key value` lines for
// scripts/bench.sh: headless Chromium at 4× CPU throttling, a fresh browser context each run
// (no cache), the median of RUNS runs of each page:
//
//   first_answer_bare_ms N       a bare page that loads the package (index.js, the glue, the full
//                                wasm) and calls buy() directly: navigation → answer computed
//   first_answer_bare_cr_ms N    the same with the Care Refresh module (care-refresh.js)
//   first_answer_widget_ms N     a page with only <coverage-calc product=… mode="buy">: navigation →
//                                the frame after its first coverage-change (it picks the Care
//                                Refresh module by itself)
//   first_answer_widget_full_ms N  the same widget told to use the full module (wasm-url)
//   first_answer_ratio R         widget / bare (issue 14's guard: ≤ 1.3)
//   first_answer_ratio_cr R      widget / bare_cr (both with the Care Refresh module)
//   first_answer_ratio_full R    widget_full / bare (both with the full module)
//   cr_page_<mode>_<lang>_gzip_bytes N  what a Care Refresh product page with the widget in
//                                <mode> (offer, buy) downloads: every file of /pkg/ it asked for,
//                                each gzip -9 (wasm, JS, CSS: the CSS is inside the widget's JS)
//
// The pages are served from memory by the test (no file in www/); /pkg/ from the build.
// Needs pkg/ (make build) and /usr/bin/chromium.

import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

const RUNS = Number(process.env.RUNS ?? 11);
const NOW = "2026-11-20T12:00:00+09:00";
const REQUEST = { plan: "care-refresh-1y", product: "dji-mini-4-pro", activatedAt: "2026-11-19T09:00:00+09:00", now: NOW };

const PAGES = {
  bare: {
    html: `<!doctype html><meta charset="utf-8"><title>bare</title><script type="module" src="/bench-bare.js"></script>`,
    js: `import init, { buy } from "/pkg/index.js";
await init();
const answer = buy(${JSON.stringify(REQUEST)});
window.__firstAnswer = answer.eligible === undefined ? -1 : performance.now();`,
  },
  bare_cr: {
    html: `<!doctype html><meta charset="utf-8"><title>bare</title><script type="module" src="/bench-bare_cr.js"></script>`,
    js: `import init, { buy } from "/pkg/care-refresh.js";
await init();
const answer = buy(${JSON.stringify(REQUEST)});
window.__firstAnswer = answer.eligible === undefined ? -1 : performance.now();`,
  },
  widget: {
    html: `<!doctype html><meta charset="utf-8"><title>widget</title>
<script type="module" src="/pkg/coverage-calc.js"></script>
<coverage-calc product="dji-mini-4-pro" mode="buy" lang="en" now="${NOW}"></coverage-calc>`,
  },
  widget_full: {
    html: `<!doctype html><meta charset="utf-8"><title>widget</title>
<script type="module" src="/pkg/coverage-calc.js"></script>
<coverage-calc product="dji-mini-4-pro" mode="buy" lang="en" now="${NOW}" wasm-url="/pkg/coverage_calc_bg.wasm"></coverage-calc>`,
  },
};
for (const mode of ["offer", "buy"]) {
  for (const lang of ["ja", "en"]) {
    PAGES[`cr_page_${mode}_${lang}`] = {
      html: `<!doctype html><meta charset="utf-8"><title>product</title>
<script type="module" src="/pkg/coverage-calc.js"></script>
<coverage-calc product="dji-mini-4-pro" mode="${mode}" lang="${lang}" now="${NOW}"></coverage-calc>`,
    };
  }
}
const PKG = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "pkg");

const server = await startServer({ port: 0, host: "127.0.0.1" });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
});

/** The files of /pkg/ a page asked for (in its last run). */
const asked = new Map();

/** Navigation → first answer (ms) of one page, in a fresh context at 4× CPU throttling. */
async function once(name) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.route(`${server.url}bench-${name}.html`, (route) =>
    route.fulfill({ contentType: "text/html; charset=utf-8", body: PAGES[name].html }));
  if (PAGES[name].js) {
    await page.route(`${server.url}bench-${name}.js`, (route) =>
      route.fulfill({ contentType: "text/javascript; charset=utf-8", body: PAGES[name].js }));
  }
  await page.addInitScript(() => {
    document.addEventListener("coverage-change", () => {
      if (window.__firstAnswer === undefined) {
        window.__firstAnswer = null;
        requestAnimationFrame(() => { window.__firstAnswer = performance.now(); });
      }
    }, true);
  });
  const files = new Set();
  page.on("request", (r) => { const u = new URL(r.url()); if (u.pathname.startsWith("/pkg/")) files.add(u.pathname.slice(5)); });
  asked.set(name, files);
  await page.goto(`${server.url}bench-${name}.html`);
  await page.waitForFunction(() => typeof window.__firstAnswer === "number", null, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.__firstAnswer);
  await context.close();
  if (ms < 0) throw new Error(`${name}: no answer`);
  return ms;
}

const RATIOS = ["bare", "bare_cr", "widget", "widget_full"];
const times = Object.fromEntries(RATIOS.map((n) => [n, []]));
try {
  await once("bare"); // warms the browser process, not the page
  for (let i = 0; i < RUNS; i += 1) {
    // Alternated, so a slow second of the machine falls on each.
    for (const name of RATIOS) times[name].push(await once(name));
  }
  for (const name of Object.keys(PAGES).filter((n) => n.startsWith("cr_page_"))) await once(name);
} finally {
  await browser.close();
  await server.close();
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const m = Object.fromEntries(RATIOS.map((n) => [n, median(times[n])]));
for (const name of RATIOS) console.log(`first_answer_${name}_ms ${Math.round(m[name])}`);
console.log(`first_answer_ratio ${(m.widget / m.bare).toFixed(2)}`);
console.log(`first_answer_ratio_cr ${(m.widget / m.bare_cr).toFixed(2)}`);
console.log(`first_answer_ratio_full ${(m.widget_full / m.bare).toFixed(2)}`);
for (const [name, files] of asked) {
  if (!name.startsWith("cr_page_")) continue;
  const bytes = [...files].reduce((n, f) => n + gzipSync(readFileSync(path.join(PKG, f)), { level: 9 }).length, 0);
  console.log(`${name}_gzip_bytes ${bytes}`);
  if (process.env.VERBOSE) console.error(`${name}: ${[...files].sort().join(" ")}`);
}
