#!/usr/bin/env node
// The first answer as a shopper feels it (issue 14), printed as `key value` lines for
// scripts/bench.sh: headless Chromium at 4× CPU throttling, a fresh browser context each run
// (no cache), the median of RUNS runs of each page:
//
//   first_answer_bare_ms N     a bare page that loads the package (index.js, the glue, the wasm)
//                              and calls buy() directly: navigation → answer computed
//   first_answer_widget_ms N   a page with only <coverage-calc product=… mode="buy">:
//                              navigation → the frame after its first coverage-change
//   first_answer_ratio R       widget / bare (issue 14's guard: ≤ 1.3)
//
// Both pages are served from memory by the test (no file in www/); /pkg/ from the build.
// Needs pkg/ (make build) and /usr/bin/chromium.

import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

const RUNS = Number(process.env.RUNS ?? 7);
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
  widget: {
    html: `<!doctype html><meta charset="utf-8"><title>widget</title>
<script type="module" src="/pkg/coverage-calc.js"></script>
<coverage-calc product="dji-mini-4-pro" mode="buy" lang="en" now="${NOW}"></coverage-calc>`,
  },
};

const server = await startServer({ port: 0, host: "127.0.0.1" });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
});

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
  await page.goto(`${server.url}bench-${name}.html`);
  await page.waitForFunction(() => typeof window.__firstAnswer === "number", null, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.__firstAnswer);
  await context.close();
  if (ms < 0) throw new Error(`${name}: no answer`);
  return ms;
}

const times = { bare: [], widget: [] };
try {
  await once("bare"); // warms the browser process, not the page
  for (let i = 0; i < RUNS; i += 1) {
    // Alternated, so a slow second of the machine falls on both.
    times.bare.push(await once("bare"));
    times.widget.push(await once("widget"));
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const bare = median(times.bare);
const widget = median(times.widget);
console.log(`first_answer_bare_ms ${Math.round(bare)}`);
console.log(`first_answer_widget_ms ${Math.round(widget)}`);
console.log(`first_answer_ratio ${(widget / bare).toFixed(2)}`);
