#!/usr/bin/env node
// Browser tests of the widget's offer mode (`mode="offer"`, widget/coverage-calc-offer.js) and the
// example retailer page that uses it (www/shop.html), in Debian's headless Chromium driven by
// playwright-core.
//
//   node tests/browser/offer.mjs      (make test runs it; needs /usr/bin/chromium and pkg/)
//
// At 375 px, in both languages: the offer's height (≤ 320 px), "No plan" chosen by default and
// `el.value` null, a pick by keyboard fires `coverage-select` {plan, name, price, currency} and sets
// `el.value`, the shop's cart line gets the plan's name only after a pick (never its id), the
// Details dialog opens and closes by keyboard (focus into it and back), layout shift 0 on a
// throttled load with the .wasm delayed, the wasm loaded only when an offer far below the fold
// comes near the viewport, the closed-window line, an Enterprise product's plans, axe-core on the
// offer and its dialog. Screenshots go to screenshots/offer-*.png (gitignored).

import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { axeClean, check, contains, expect, finish, start } from "./lib/runner.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SHOTS = path.join(ROOT, "screenshots");
const NOW = "2026-03-02T09:00:00+09:00";

/** The id (or tag) of the focused element, through shadow roots. */
const activeId = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a?.id || a?.tagName?.toLowerCase() || null;
});
async function tabTo(page, id, { max = 60 } = {}) {
  for (let i = 0; i < max; i += 1) {
    const now = await activeId(page);
    if (id instanceof RegExp ? id.test(now ?? "") : now === id) return now;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach #${id} with the keyboard (focus is on ${await activeId(page)})`);
}
async function focusTop(page) {
  await page.evaluate(() => { document.activeElement?.blur?.(); window.scrollTo(0, 0); });
}

const widget = (page) => page.locator("coverage-calc");
const offerText = (page) => page.locator("coverage-calc .offer").innerText();
const hostHeight = (page) => widget(page).evaluate((el) => el.getBoundingClientRect().height);
async function setAttrs(page, attrs) {
  await widget(page).evaluate((el, a) => {
    for (const [k, v] of Object.entries(a)) {
      if (v === null) el.removeAttribute(k);
      else el.setAttribute(k, v);
    }
  }, attrs);
  await page.waitForTimeout(50);
}
/** Polls (up to 10 s) until `fn()` is true. */
async function eventually(fn, message) {
  for (let i = 0; i < 40; i++) {
    if (await fn()) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(message);
}

/** Records every coverage-select detail in window.__selects (an init script: before the page's own). */
const RECORD = () => {
  window.__selects = [];
  document.addEventListener("coverage-select", (e) => window.__selects.push(e.detail));
};

const env = await start();
const { browser, origin } = env;
mkdirSync(SHOTS, { recursive: true });

try {
  console.log("\noffer mode on the retailer page (www/shop.html, strict CSP), 375 px");
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: "ja-JP", timezoneId: "America/New_York" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.addInitScript(RECORD);
  await page.goto(`${origin}/shop.html`);
  await page.locator("coverage-calc .offer__row").first().waitFor();
  await setAttrs(page, { now: NOW });

  const heights = {};
  await check("ja: the plans in rows with name, price and what they give, and \"No plan\"; at most 320 px tall", async () => {
    const text = await offerText(page);
    contains(text, "保証プランを追加");
    contains(text, "DJI Care Refresh（1年版）");
    contains(text, "￥11,880");
    contains(text, "DJI Care Refresh（2年版）");
    contains(text, "￥19,250");
    contains(text, "交換2回");
    contains(text, "プランなし");
    contains(text, "詳細と規約");
    expect(await page.locator("coverage-calc .offer__row").count() === 3, "two plans and No plan");
    heights.ja = await hostHeight(page);
    expect(heights.ja <= 320, `height ${heights.ja}`);
    await widget(page).screenshot({ path: path.join(SHOTS, "offer-375-ja.png") });
  });

  await check("\"No plan\" is chosen by default; el.value is null; no coverage-select and no plan in the cart line before a pick", async () => {
    expect(await page.locator("coverage-calc #offer-plan-none").isChecked(), "No plan checked");
    expect(await widget(page).evaluate((el) => el.value) === null, "value null");
    expect((await page.evaluate(() => window.__selects.length)) === 0, "no event yet");
    const cart = await page.locator("#cart-line").innerText();
    expect(cart === "DJI Mini 4 Pro", `cart line: ${cart}`);
    await page.screenshot({ path: path.join(SHOTS, "offer-shop-375.png"), fullPage: true });
  });

  await check("a pick by keyboard fires coverage-select {plan, name, price, currency}, sets el.value; the cart line shows the name", async () => {
    await focusTop(page);
    await tabTo(page, "offer-plan-none");
    await page.keyboard.press("ArrowUp"); // the 2-year plan
    await eventually(async () => (await page.evaluate(() => window.__selects.length)) === 1, "one coverage-select");
    const [detail] = await page.evaluate(() => window.__selects);
    const expected = { plan: "care-refresh-2y", name: "DJI Care Refresh（2年版）", price: 19250, currency: "JPY" };
    expect(JSON.stringify(detail) === JSON.stringify(expected), `detail ${JSON.stringify(detail)}`);
    const value = await widget(page).evaluate((el) => el.value);
    expect(JSON.stringify(value) === JSON.stringify(expected), `value ${JSON.stringify(value)}`);
    const cart = await page.locator("#cart-line").innerText();
    contains(cart, "DJI Care Refresh（2年版）", "cart line");
    contains(cart, "¥19,250", "cart line");
    expect(!cart.includes("care-refresh"), `no plan id in the cart line: ${cart}`);
    const answer = await widget(page).evaluate((el) => el.answer);
    expect(answer.mode === "offer" && answer.plan === "care-refresh-2y" && answer.answer.price.amount === "19250", "coverage-change too");
  });

  await check("\"No plan\" again: coverage-select null, el.value null, the plan leaves the cart line", async () => {
    await page.keyboard.press("ArrowDown"); // No plan
    await eventually(async () => (await page.evaluate(() => window.__selects.length)) === 2, "a second coverage-select");
    expect((await page.evaluate(() => window.__selects[1])) === null, "detail null");
    expect(await widget(page).evaluate((el) => el.value) === null, "value null");
    expect(await page.locator("#cart-line").innerText() === "DJI Mini 4 Pro", "cart line without plan");
  });

  await check("Details opens a modal dialog by keyboard (focus in it), Escape closes it (focus back); the close button too", async () => {
    await tabTo(page, "offer-details");
    await page.keyboard.press("Enter");
    const dialog = page.locator("coverage-calc dialog.offer__dialog");
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => d.open && d.matches(":modal")), "modal");
    expect(await activeId(page) === "offer-close", `focus in the dialog: ${await activeId(page)}`);
    const text = await dialog.innerText();
    contains(text, "DJI Mini 4 Pro の保証プラン");
    contains(text, "サービス期間");
    contains(text, "交換 1 回の料金");
    contains(text, "規約と出典");
    contains(text, "CR-7");
    expect(await dialog.locator("a[href^='https://']").count() > 0, "links to the terms");
    await page.screenshot({ path: path.join(SHOTS, "offer-dialog-375-ja.png") });
    await page.keyboard.press("Escape");
    await eventually(async () => (await page.locator("coverage-calc dialog").count()) === 0, "the dialog closes on Escape");
    expect(await activeId(page) === "offer-details", `focus back on Details: ${await activeId(page)}`);
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await page.keyboard.press("Enter"); // on the close button
    await eventually(async () => (await page.locator("coverage-calc dialog").count()) === 0, "the dialog closes with its button");
    expect(await activeId(page) === "offer-details", "focus back again");
  });

  await check("en: English words, at most 320 px tall; a language switch renames a pick (a new coverage-select)", async () => {
    await page.locator("coverage-calc #offer-plan-care-refresh-1y").check();
    await focusTop(page);
    await tabTo(page, "lang-ja");
    await page.keyboard.press("ArrowDown");
    await eventually(async () => (await offerText(page)).includes("Add a protection plan"), "English words");
    const text = await offerText(page);
    contains(text, "Add a protection plan");
    contains(text, "DJI Care Refresh (1-year plan)");
    contains(text, "¥11,880");
    contains(text, "No plan");
    heights.en = await hostHeight(page);
    expect(heights.en <= 320, `height ${heights.en}`);
    const last = await page.evaluate(() => window.__selects.at(-1));
    expect(last?.name === "DJI Care Refresh (1-year plan)" && last.price === 11880, `renamed: ${JSON.stringify(last)}`);
    contains(await page.locator("#cart-line").innerText(), "DJI Care Refresh (1-year plan)", "cart line");
    await widget(page).screenshot({ path: path.join(SHOTS, "offer-375-en.png") });
    await page.locator("coverage-calc #offer-details").click();
    await page.screenshot({ path: path.join(SHOTS, "offer-dialog-375-en.png") });
    await page.keyboard.press("Escape");
  });

  await check("a variant switch resets the pick to \"No plan\" (coverage-select null) with the variant's prices", async () => {
    await focusTop(page);
    await tabTo(page, "variant-mini-4-pro");
    await page.keyboard.press("ArrowDown"); // DJI Mini 3
    await eventually(async () => (await offerText(page)).includes("¥7,975"), "the variant's prices");
    await eventually(() => page.evaluate(() => window.__selects.at(-1) === null), "the pick reset");
    expect((await page.evaluate(() => window.__selects.at(-1))) === null, "reset");
    await eventually(() => page.locator("coverage-calc #offer-plan-none").isChecked(), "No plan");
    await eventually(async () => (await page.locator("#cart-line").innerText()) === "DJI Mini 3", "cart line");
  });

  await check("a closed window: a short line with the deadline that passed and the invitation route (ja, en), same height", async () => {
    await setAttrs(page, { lang: "ja", product: "dji-mini-4-pro", inputs: JSON.stringify({ activatedAt: "2026-02-20 10:00" }) });
    let text = await offerText(page);
    contains(text, "2026年2月22日");
    contains(text, "過ぎました");
    contains(text, "72 時間以内");
    expect(await page.locator("coverage-calc .offer__row").count() === 0, "no rows");
    expect(await hostHeight(page) === heights.ja, "the same height");
    await widget(page).screenshot({ path: path.join(SHOTS, "offer-closed-375-ja.png") });
    await setAttrs(page, { lang: "en" });
    text = await offerText(page);
    contains(text, "22 February 2026");
    contains(text, "72 hours");
    await setAttrs(page, { lang: "ja", inputs: JSON.stringify({ activatedAt: "2026-03-01 10:00" }) });
    contains(await offerText(page), "2026年3月3日");
    expect(await page.locator("coverage-calc .offer__row").count() === 3, "still within the window");
  });

  await check("an Enterprise product offers Basic and Plus (new) with their prices; a pick gives its name and price", async () => {
    await setAttrs(page, { product: "phantom-4-rtk", inputs: "{}" });
    const text = await offerText(page);
    contains(text, "DJI Care Enterprise Basic");
    contains(text, "￥68,200");
    contains(text, "DJI Care Enterprise Plus");
    contains(text, "￥182,600");
    contains(text, "￥445,500");
    expect(!text.includes("更新"), "no Renew plan");
    expect(await hostHeight(page) === heights.ja, "the same height");
    await page.locator("coverage-calc #offer-plan-enterprise-plus").check();
    const value = await widget(page).evaluate((el) => el.value);
    expect(JSON.stringify(value) === JSON.stringify({ plan: "enterprise-plus", name: "DJI Care Enterprise Plus", price: 182600, currency: "JPY" }), JSON.stringify(value));
    await widget(page).screenshot({ path: path.join(SHOTS, "offer-enterprise-375-ja.png") });
    await setAttrs(page, { product: "zenmuse-h20t" });
    contains(await offerText(page), "価格は要問合せ");
  });

  await check("a product with no plan sold here (i-PRO, unknown): one short line, value null", async () => {
    await setAttrs(page, { product: "ipro-recorder" });
    contains(await offerText(page), "この製品に追加できる保証プランはありません");
    expect(await widget(page).evaluate((el) => el.value) === null, "value null");
    await setAttrs(page, { product: "dji-mini-4-pro", inputs: null });
  });

  await check("the shop at 1280 px: the offer in the buy box, above the cart button (screenshot)", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForTimeout(100);
    const offer = await widget(page).boundingBox();
    const button = await page.locator("#add-to-cart").boundingBox();
    expect(offer.y + offer.height < button.y, "the offer above the cart button");
    expect(button.y + button.height <= 900, `the cart button above the fold (${button.y})`);
    await page.screenshot({ path: path.join(SHOTS, "offer-shop-1280.png") });
    await page.setViewportSize({ width: 375, height: 800 });
  });

  console.log(`  (offer height at 375 px: ja ${heights.ja} px, en ${heights.en} px)`);
  await check("no console error on the page", async () => {
    expect(errors.length === 0, errors.join(" | "));
  });
  await context.close();

  console.log("\nloading: layout shift 0 with a slow .wasm on a throttled CPU; the wasm loads when the offer comes near");
  for (const lang of ["ja", "en"]) {
    await check(`layout shift 0 on a slow load (4× CPU, .wasm delayed 1.5 s), the height reserved exactly (${lang})`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: "ja-JP" });
      const p = await ctx.newPage();
      const cdp = await ctx.newCDPSession(p);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await p.route("**/*.wasm", async (r) => {
        await new Promise((done) => setTimeout(done, 1500));
        await r.continue();
      });
      await p.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__shifts.push({ value: e.value, sources: (e.sources ?? []).map((s) => s.node?.nodeName ?? "?") });
        }).observe({ type: "layout-shift", buffered: true });
      });
      await p.goto(`${origin}/shop.html`);
      if (lang === "en") await p.locator("#lang-en").check();
      await p.locator("coverage-calc .loading").waitFor();
      const before = await hostHeight(p);
      await p.locator("coverage-calc .offer__row").first().waitFor({ timeout: 15000 });
      await p.waitForTimeout(300);
      const after = await hostHeight(p);
      const shifts = await p.evaluate(() => window.__shifts);
      expect(before === after, `reserved ${before} px, then ${after} px`);
      expect(after <= 320, `height ${after}`);
      const total = shifts.reduce((s, e) => s + e.value, 0);
      expect(total === 0, `layout shift ${total}: ${JSON.stringify(shifts)}`);
      await ctx.close();
    });
  }

  await check("an offer far below the fold loads the wasm only when it comes near the viewport", async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const p = await ctx.newPage();
    const wasm = [];
    p.on("request", (r) => { if (r.url().endsWith(".wasm")) wasm.push(Date.now()); });
    await p.route(`${origin}/offer-host.html`, (r) => r.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>offer host</title>
        <script type="module" src="/pkg/coverage-calc.js"></script></head><body>
        <h1>A long product page</h1><div style="height: 4000px">…</div>
        <coverage-calc mode="offer" product="dji-mini-4-pro"></coverage-calc></body></html>`,
    }));
    await p.goto(`${origin}/offer-host.html`);
    await p.waitForLoadState("networkidle");
    await p.waitForTimeout(500);
    expect(wasm.length === 0, "no wasm request while the offer is far away");
    expect(await p.locator("coverage-calc .loading").count() === 1, "the placeholder reserves its place");
    await p.evaluate(() => window.scrollTo(0, 3000));
    await p.locator("coverage-calc .offer__row").first().waitFor();
    expect(wasm.length === 1, `the wasm loaded once it came near (${wasm.length})`);
    await ctx.close();
  });

  await check("an offer on screen at load asks for the wasm at once (no wait for an observer)", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await ctx.newPage();
    await p.route(`${origin}/offer-host.html`, (r) => r.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>offer host</title>
        <script type="module" src="/pkg/coverage-calc.js"></script></head><body>
        <coverage-calc mode="offer" product="dji-mini-4-pro"></coverage-calc></body></html>`,
    }));
    const asked = p.waitForRequest((r) => r.url().endsWith(".wasm"), { timeout: 5000 });
    await p.goto(`${origin}/offer-host.html`);
    await asked;
    await p.locator("coverage-calc .offer__row").first().waitFor();
    await ctx.close();
  });

  console.log("\naxe-core (WCAG A/AA) on the offer and its dialog (bypassCSP for the injected script only)");
  const axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 375, height: 800 }, locale: "ja-JP" });
  const axePage = await axeContext.newPage();
  await axePage.goto(`${origin}/shop.html`);
  await axePage.locator("coverage-calc .offer__row").first().waitFor();
  for (const lang of ["ja", "en"]) {
    await check(`axe: the offer, a pick, the dialog, the closed line, an Enterprise product (${lang})`, async () => {
      await setAttrs(axePage, { lang, now: NOW, product: "dji-mini-4-pro", inputs: null });
      await axeClean(axePage, `offer ${lang}`);
      await axePage.locator("coverage-calc #offer-plan-care-refresh-1y").check();
      await axePage.locator("coverage-calc #offer-details").click();
      await axePage.locator("coverage-calc dialog").waitFor();
      await axeClean(axePage, `dialog ${lang}`);
      await axePage.keyboard.press("Escape");
      await setAttrs(axePage, { inputs: JSON.stringify({ activatedAt: "2026-02-20 10:00" }) });
      await axeClean(axePage, `closed ${lang}`);
      await axePage.locator("coverage-calc #offer-details").click();
      await axeClean(axePage, `closed dialog ${lang}`);
      await axePage.keyboard.press("Escape");
      await setAttrs(axePage, { product: "phantom-4-rtk", inputs: "{}" });
      await axePage.locator("coverage-calc #offer-details").click();
      await axeClean(axePage, `enterprise dialog ${lang}`);
      await axePage.keyboard.press("Escape");
    });
  }
  await axeContext.close();
} finally {
  await finish(env, "offer");
}
