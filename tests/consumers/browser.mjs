#!/usr/bin/env node
// The consumers' pages in Debian's headless Chromium (one launch for all): the builds of vite,
// esbuild, webpack and react (dist/, served by a tiny static server on 127.0.0.1), and the Vite
// dev server (started here on 127.0.0.1 and a free port, stopped at the end). Each page must show
// the API's answer, the widget's answer (and its `coverage-change` event reaching the page), fetch
// the .wasm once, and log no error. Run by scripts/test-consumers.sh after the builds.

import { spawn } from "node:child_process";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json" };

/** Serves `root` on 127.0.0.1 and a free port; resolves to { url, close }. */
function serve(root) {
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/+/, "") || "index.html";
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((closed) => server.close(closed)),
  })));
}

const freePort = () => new Promise((done) => {
  const s = createNetServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => done(port)); });
});

/** Starts `vite` (the dev server of the vite consumer) on 127.0.0.1; resolves when it listens. */
async function viteDev() {
  const port = await freePort();
  const dir = path.join(HERE, "vite");
  const child = spawn(process.execPath, [path.join(dir, "node_modules/vite/bin/vite.js"), "--host", "127.0.0.1", "--port", String(port), "--strictPort"],
    { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d) => { log += d; });
  child.stderr.on("data", (d) => { log += d; });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`vite dev server exited: ${log}`);
    const up = await fetch(url).then((r) => r.ok, () => false);
    if (up) return { url, close: () => new Promise((done) => { child.once("exit", done); child.kill("SIGTERM"); }), log: () => log };
    await new Promise((done) => setTimeout(done, 200));
  }
  child.kill("SIGTERM");
  throw new Error(`vite dev server did not start: ${log}`);
}

const failures = [];
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

async function checkPage(name, url, { beforeInit = true } = {}) {
  const page = await browser.newPage();
  const errors = [];
  const wasm = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => { if (/\.wasm(\?|$)/.test(r.url())) wasm.push(r.url()); });
  page.on("response", (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  const started = Date.now();
  try {
    await page.goto(url);
    await page.locator("#api", { hasText: "eligible=true" }).waitFor({ timeout: 20_000 });
    await page.locator("coverage-calc .verdict__title").first().waitFor({ timeout: 20_000 });
    await page.locator("#event", { hasText: "eligible=" }).waitFor({ timeout: 20_000 });
    const widgetText = await page.locator("coverage-calc .body").first().innerText();
    if (!/Care Refresh/i.test(widgetText)) throw new Error(`the widget shows no answer: ${widgetText.slice(0, 300)}`);
    if (beforeInit) {
      const text = await page.locator("#before-init").innerText();
      if (text !== "before-init: CoverageCalcError not_initialised") throw new Error(`before init: ${text}`);
    }
    if (wasm.length !== 1) throw new Error(`the .wasm should be fetched once, was fetched ${wasm.length} times: ${wasm.join(", ")}`);
    if (errors.length > 0) throw new Error(`console errors: ${errors.join(" | ")}`);
    console.log(`  ok   ${name} (${Date.now() - started} ms): ${await page.locator("#api").innerText()} | ${await page.locator("#event").innerText()}`);
  } catch (e) {
    failures.push(name);
    console.log(`  FAIL ${name}: ${String(e?.message ?? e).split("\n").slice(0, 6).join("\n       ")}`);
    if (errors.length > 0) console.log(`       console: ${errors.join(" | ")}`);
  } finally {
    await page.close();
  }
}

try {
  for (const [name, dir, options] of [
    ["vite build", "vite/dist", {}],
    ["esbuild bundle", "esbuild/dist", {}],
    ["webpack 5 bundle", "webpack/dist", {}],
    ["react 19 (esbuild)", "react/dist", { beforeInit: false }],
  ]) {
    const server = await serve(path.join(HERE, dir));
    try {
      await checkPage(name, server.url, options);
    } finally {
      await server.close();
    }
  }
  // A .wasm URL answered with a page (a dev server's index.html fallback): a coded error, and
  // the widget says it could not load.
  const server = await serve(path.join(HERE, "esbuild/dist"));
  const page = await browser.newPage();
  try {
    const logged = [];
    page.on("console", (m) => logged.push(m.text()));
    await page.route("**/*.wasm", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>app</title>" }));
    await page.goto(server.url);
    await page.locator("#api", { hasText: "wasm_not_loaded" }).waitFor({ timeout: 20_000 });
    await page.locator("coverage-calc .notice").waitFor({ timeout: 20_000 });
    console.log(`  ok   a .wasm URL answered with HTML: ${(await page.locator("#api").innerText()).slice(0, 90)}…`);
  } catch (e) {
    failures.push("wasm answered with HTML");
    console.log(`  FAIL a .wasm URL answered with HTML: ${String(e?.message ?? e).split("\n")[0]}`);
  } finally {
    await page.close();
    await server.close();
  }
  // No build step (a shop page loading the widget from a CDN, here the installed package's folder),
  // the .wasm moved elsewhere and named by the `wasm-url` attribute.
  {
    const cdn = await serve(path.join(HERE, "node/node_modules/coverage-calc"));
    const page = await browser.newPage();
    try {
      const wasm = readFileSync(path.join(HERE, "node/node_modules/coverage-calc/coverage_calc_bg.wasm"));
      const fetched = [];
      page.on("request", (r) => { if (r.url().endsWith(".wasm")) fetched.push(new URL(r.url()).pathname); });
      await page.route("**/shop.html", (route) => route.fulfill({ contentType: "text/html", body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="${cdn.url}coverage-calc.js"></script>
<coverage-calc product="dji-mini-4-pro" lang="en" now="2026-11-20T10:00:00+09:00" wasm-url="/moved/engine.wasm"></coverage-calc>` }));
      await page.route("**/moved/engine.wasm", (route) => route.fulfill({ contentType: "application/wasm", body: wasm }));
      await page.goto(`${cdn.url}shop.html`);
      await page.locator("coverage-calc .verdict__title").waitFor({ timeout: 20_000 });
      if (fetched.join() !== "/moved/engine.wasm") throw new Error(`fetched ${fetched.join(", ")}`);
      console.log("  ok   no build step: <script type=module src=…/coverage-calc.js>, wasm-url honoured");
    } catch (e) {
      failures.push("no build step, wasm-url");
      console.log(`  FAIL no build step, wasm-url: ${String(e?.message ?? e).split("\n")[0]}`);
    } finally {
      await page.close();
      await cdn.close();
    }
  }
  const dev = await viteDev();
  try {
    await checkPage("vite dev server", dev.url);
  } finally {
    await dev.close();
  }
} finally {
  await browser.close();
}
if (failures.length > 0) {
  console.log(`consumers in Chromium: ${failures.length} failed: ${failures.join(", ")}`);
  process.exit(1);
}
console.log("consumers in Chromium: all passed");
