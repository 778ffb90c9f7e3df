#!/usr/bin/env node
// Browser tests of the widget's defects of issue 13, each on a small host page served by a route
// of the test (the widget's own files come from scripts/serve.mjs, same origin):
//   - buy and status modes on DJI Care Enterprise products (each mode lists its family's products;
//     another family's product switches to the view that answers it; every answer is an event;
//     status sends only the fields the family takes);
//   - the 2-year plan's warranty extension when its window has closed (widget and page);
//   - a fleet of 10,000,000 units (compare): the most a comparison takes, on the units field;
//   - the sources as document titles, linked where docs/rules.md gives a URL;
//   - host CSS isolation: hostile inherited styles of the host page, computed styles inside;
//   - a hung or failed .wasm load, a missing or throwing Intl: a clear message within seconds;
//   - the now attribute checked by the core, its error said on the attribute;
//   - dates and times typed as 「2026年12月1日 20:00」, in full-width digits, or a date alone (0:00);
//
//   node tests/browser/widget-issue13.mjs      (make test runs it; needs /usr/bin/chromium and pkg/)

import { check, expect, contains, start, finish, axeClean } from "./lib/runner.mjs";

const env = await start();
const { browser, origin } = env;

/**
 * A fresh page with a host page of `body` (HTML after the widget's module script; `head`: more
 * in the head, before it). Records every coverage-change detail in `window.__events` and console
 * errors in `page.errors`.
 */
async function hostPage(body, { head = "", width = 1280, locale = "ja-JP", route = null } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale, timezoneId: "America/New_York" });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  if (route) await route(page);
  await page.route(`${origin}/issue13-host.html`, (r) => r.fulfill({
    contentType: "text/html; charset=utf-8",
    body: `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>issue 13 host</title>${head}
      <script type="module" src="/pkg/coverage-calc.js"></script></head><body>${body}
      <script type="module" src="/issue13-events.js"></script></body></html>`,
  }));
  await page.route(`${origin}/issue13-events.js`, (r) => r.fulfill({
    contentType: "text/javascript",
    body: "window.__events = []; document.addEventListener('coverage-change', (e) => window.__events.push(e.detail));",
  }));
  await page.goto(`${origin}/issue13-host.html`);
  return page;
}

const inWidget = (page, selector) => page.locator(`coverage-calc ${selector}`);
const answerText = (page) => inWidget(page, ".answer").innerText();
const lastDetail = (page) => page.locator("coverage-calc").evaluate((el) => el.answer);
const events = (page) => page.evaluate(() => window.__events.length);

/** Types into a text field of the widget (by id) as a user would: value, then an input event. */
async function type(page, id, text) {
  await inWidget(page, `#${id}`).fill(text);
}
async function click(page, id) {
  await inWidget(page, `#${id}`).click();
}
async function optionValues(page, id) {
  return inWidget(page, `#${id}`).evaluate((el) => [...el.options].map((o) => o.value).filter(Boolean));
}


try {
  console.log("\nissue 13: buy and status on DJI Care Enterprise products");

  await check("buy mode lists only Care Refresh products; enterprise-buy only Enterprise products", async () => {
    const page = await hostPage(`<coverage-calc mode="buy" now="2026-11-21T12:00:00+09:00"></coverage-calc>`);
    await inWidget(page, "#buy-product").waitFor();
    const buyList = await optionValues(page, "buy-product");
    expect(buyList.includes("dji-mini-4-pro") && !buyList.includes("matrice-300-rtk") && !buyList.includes("zenmuse-p1"), `buy lists ${buyList.join(" ")}`);
    await page.locator("coverage-calc").evaluate((el) => el.setAttribute("mode", "enterprise-buy"));
    await inWidget(page, "#enbuy-product").waitFor();
    const enList = await optionValues(page, "enbuy-product");
    expect(enList.includes("matrice-300-rtk") && !enList.includes("dji-mini-4-pro"), `enterprise-buy lists ${enList.join(" ")}`);
    await page.locator("coverage-calc").evaluate((el) => el.setAttribute("mode", "status"));
    await inWidget(page, "#status-product").waitFor();
    const statusList = await optionValues(page, "status-product");
    expect(!statusList.includes("matrice-300-rtk"), "status lists Care Refresh products only");
    await page.context().close();
  });

  await check("an Enterprise product in buy mode gets the Enterprise buy answer (EN-1, price, fees), as an event", async () => {
    const page = await hostPage(`<coverage-calc mode="buy" product="phantom-4-rtk" now="2026-11-21T12:00:00+09:00"></coverage-calc>`);
    await inWidget(page, "#enbuy-not-activated").waitFor();
    await click(page, "enbuy-activated-yes");
    const before = await events(page);
    await type(page, "enbuy-activated-at", "2026-11-17 12:00");
    const text = await answerText(page);
    contains(text, "購入できます");
    contains(text, "￥68,200");
    contains(text, "￥48,600");
    contains(text, "￥54,000");
    contains(text, "アクティベーション後96時間以内");
    const detail = await lastDetail(page);
    expect(detail.mode === "enterprise-buy" && detail.answer?.family === "care-enterprise" && detail.answer.price.amount === "68200",
      `el.answer: ${JSON.stringify(detail).slice(0, 300)}`);
    expect(await events(page) > before, "a coverage-change for the new answer");
    const windowEvent = await page.evaluate(() => window.__events.at(-1));
    expect(windowEvent.answer?.deadline === "2026-11-21T12:00:00+09:00", `event detail: ${JSON.stringify(windowEvent).slice(0, 200)}`);
    // Choosing Plus: another event, el.answer follows.
    await inWidget(page, "#enbuy-choose-enterprise-plus").check();
    await axeClean(page, "enterprise-buy");
    const plus = await lastDetail(page);
    expect(plus.plan === "enterprise-plus" && plus.answer.plan === "enterprise-plus", `chosen plan: ${plus.plan}`);
    // Back to a Care Refresh product: the Care Refresh view.
    await page.locator("coverage-calc").evaluate((el) => el.setAttribute("product", "dji-mini-4-pro"));
    await inWidget(page, "#buy-not-activated").waitFor();
    const cr = await lastDetail(page);
    expect(cr.mode === "buy" && cr.answer?.plan?.startsWith("care-refresh"), `Care Refresh again: ${JSON.stringify(cr).slice(0, 200)}`);
    expect(page.errors.length === 0, page.errors.join("\n"));
    await page.context().close();
  });

  await check("Enterprise Renew in buy mode: Plus Renew with exactly 30 % of the own limit left (EN-9)", async () => {
    const page = await hostPage(`<coverage-calc mode="buy" product="matrice-200-v2" lang="en" now="2026-11-20T10:00:00+09:00"></coverage-calc>`);
    await inWidget(page, "#enbuy-what-renew").waitFor();
    await click(page, "enbuy-what-renew");
    await inWidget(page, "#enbuy-held-plan-enterprise-plus").check();
    await type(page, "enbuy-held-start", "2026-01-15");
    await type(page, "enbuy-held-claimed", "343,000");
    const text = await answerText(page);
    contains(text, "You can buy");
    contains(text, "30.00 %");
    contains(text, "¥200,200");
    await axeClean(page, "enterprise-buy renew en");
    const detail = await lastDetail(page);
    expect(detail.answer?.plan === "enterprise-plus-renew" && detail.answer.renew.status === "available", JSON.stringify(detail).slice(0, 300));
    await page.context().close();
  });

  await check("an Enterprise product in status mode: only the fields Enterprise takes; Plus claims on the limit", async () => {
    const page = await hostPage(`<coverage-calc mode="status" product="matrice-300-rtk" now="2026-11-20T10:00:00+09:00"></coverage-calc>`);
    await inWidget(page, "#enstatus-start").waitFor();
    await inWidget(page, "#enstatus-plan-enterprise-plus").check();
    await type(page, "enstatus-start", "2026-03-01");
    await click(page, "enstatus-add-claim");
    await type(page, "enstatus-claim-1-date", "2026-05-01");
    await type(page, "enstatus-claim-1-amount", "100000");
    const text = await answerText(page);
    contains(text, "補償期間中");
    contains(text, "￥464,500");
    contains(text, "更新プランを購入できます");
    contains(text, "2027年1月29日");
    const detail = await lastDetail(page);
    expect(detail.mode === "enterprise-status" && detail.answer?.limit?.left?.amount === "464500", JSON.stringify(detail).slice(0, 300));
    await axeClean(page, "enterprise-status");
    // Basic: claims are dates only, replacements counted.
    await inWidget(page, "#enstatus-plan-enterprise-basic").check();
    const basic = await answerText(page);
    contains(basic, "2 回中 残り 1 回");
    const b = await lastDetail(page);
    expect(b.answer?.plan === "enterprise-basic" && b.answer.replacements.left === 1, JSON.stringify(b).slice(0, 300));
    expect(page.errors.length === 0, page.errors.join("\n"));
    await page.context().close();
  });

  console.log("\nissue 13: the 2-year plan's warranty extension when the window is closed (CR-10)");
  await check("widget: a closed 2-year plan still says it extends the warranty to 2 years, without dates", async () => {
    const page = await hostPage(`<coverage-calc mode="buy" product="dji-mini-4-pro" now="2026-11-20T12:00:00+09:00"></coverage-calc>`);
    await inWidget(page, "#buy-activated-yes").waitFor();
    await click(page, "buy-activated-yes");
    await type(page, "buy-activated-at", "2026-11-01 09:00");
    const card2y = await inWidget(page, ".plan-card:has(#buy-choose-care-refresh-2y)").innerText();
    contains(card2y, "メーカー保証の延長: 2年に延長");
    const card1y = await inWidget(page, ".plan-card:has(#buy-choose-care-refresh-1y)").innerText();
    expect(!card1y.includes("メーカー保証の延長"), `1-year card: ${card1y}`);
    await page.context().close();
  });
  await check("page: the closed 2-year plan does not say \"None (standard 1-year warranty only)\"", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const inputs = JSON.stringify({ product: "dji-mini-4-pro", activated: true, activatedAt: "2026-11-01 09:00" });
    await page.goto(`${origin}/?tab=buy&lang=en&now=2026-11-20T12:00:00%2B09:00&in=${encodeURIComponent(inputs)}`);
    await inWidget(page, ".plan-card").first().waitFor();
    const text = await answerText(page);
    contains(text, "to 2 years, from the day of purchase");
    expect(!text.includes("None (standard 1-year warranty only)"), "no \"None\" for the 2-year plan");
    await context.close();
  });

  console.log("\nissue 13: a fleet of 10,000,000 units");
  await check("compare: 10,000,000 units says the most a comparison takes, on the units field, in both languages", async () => {
    const page = await hostPage(`<coverage-calc mode="compare" product="zenmuse-x5s"></coverage-calc>`);
    await inWidget(page, "#compare-1-units").waitFor();
    await type(page, "compare-cost", "50000");
    await type(page, "compare-1-units", "10000000");
    const error = await inWidget(page, "#compare-1-units-error").innerText();
    contains(error, "100,000 台まで");
    expect(!error.includes("1 以上の整数"), `not "a whole number, 1 or more": ${error}`);
    expect(await inWidget(page, "#compare-1-units").getAttribute("aria-invalid") === "true", "the units field is marked");
    const detail = await lastDetail(page);
    expect(detail.mode === "compare" && detail.answer === null && detail.error === "invalid_value", JSON.stringify(detail));
    await page.locator("coverage-calc").evaluate((el) => el.setAttribute("lang", "en"));
    // The English words are a chunk of their own: the form is rebuilt in English once they arrive.
    await page.locator("coverage-calc #compare-1-units-error", { hasText: "100,000 units at most" }).waitFor({ timeout: 5000 });
    await type(page, "compare-1-units", "100000");
    expect((await lastDetail(page)).answer?.units === 100000, "100,000 units are answered");
    await page.context().close();
  });

  console.log("\nissue 13: sources as document titles with links");
  await check("why: the source documents by title (docs/rules.md's Sources), linked where the table gives a URL", async () => {
    const page = await hostPage(`<coverage-calc mode="buy" product="dji-mini-4-pro" now="2026-11-20T12:00:00+09:00"></coverage-calc>`);
    await inWidget(page, ".why").waitFor();
    const sources = inWidget(page, ".why .sources");
    const text = await sources.textContent();
    contains(text, "DJI Care Refresh の解説記事");
    expect(!/\.txt/.test(text), `no file names: ${text}`);
    const link = inWidget(page, '.why .sources a[href="https://drone-wiki.net/media/dji-care-refresh"]');
    expect(await link.count() === 1, "a link to the article");
    expect(await link.getAttribute("rel") === "noopener noreferrer" && await link.getAttribute("target") === "_blank", "opens apart");
    await page.locator("coverage-calc").evaluate((el) => { el.setAttribute("lang", "en"); el.setAttribute("product", "matrice-300-rtk"); });
    await inWidget(page, ".mode--enterprise-buy .why").waitFor();
    const en = await inWidget(page, ".why .sources").textContent();
    contains(en, "「DJI Care Enterprise ご説明資料」 — DJI (Japan)");
    expect(await inWidget(page, '.why .sources a[href^="https://enterprise.dji.com/jp/djicare-enterprise/"]').count() === 1, "a link to the Enterprise terms");
    await page.locator("coverage-calc").evaluate((el) => { el.setAttribute("mode", "ipro"); el.removeAttribute("product"); });
    await inWidget(page, "#ipro-delivery").waitFor();
    await type(page, "ipro-delivery", "2026-01-10");
    await inWidget(page, ".why .sources").waitFor({ state: "attached" });
    const ipro = inWidget(page, ".why .sources li");
    contains(await ipro.first().textContent(), "「保証・修理制度ご説明資料」");
    expect(await inWidget(page, ".why .sources cite").count() >= 1, "a title without a URL is a <cite>");
    await page.context().close();
  });

  console.log("\nissue 13: host CSS isolation");
  await check("hostile inherited styles of the host page do not reach inside the widget (computed styles)", async () => {
    const hostile = `<style>html { font-size: 62.5%; } body { text-transform: uppercase; visibility: hidden; white-space: nowrap;
      direction: rtl; letter-spacing: 3px; font-style: italic; line-height: 0.8; word-spacing: 9px; text-align: right; }</style>`;
    const page = await hostPage(`<coverage-calc mode="buy" lang="en" product="dji-mini-4-pro" now="2026-11-20T12:00:00+09:00"></coverage-calc>`, { head: hostile });
    await inWidget(page, ".verdict__title").waitFor();
    const styles = await page.locator("coverage-calc").evaluate((el) => {
      const pick = (node) => {
        const c = getComputedStyle(node);
        return { textTransform: c.textTransform, visibility: c.visibility, whiteSpace: c.whiteSpace, direction: c.direction,
          letterSpacing: c.letterSpacing, fontStyle: c.fontStyle, wordSpacing: c.wordSpacing, fontSize: c.fontSize, lineHeight: c.lineHeight,
          textAlign: c.textAlign };
      };
      const root = el.shadowRoot;
      const input = root.querySelector("input[type=radio]");
      return {
        host: pick(el), title: pick(root.querySelector(".verdict__title")), body: pick(root.querySelector(".body")),
        label: pick(root.querySelector("label")), hint: pick(root.querySelector(".muted") ?? root.querySelector("p")),
        radio: getComputedStyle(input).width,
        hostMinHeight: getComputedStyle(el).minHeight,
      };
    });
    for (const [where, c] of Object.entries({ title: styles.title, body: styles.body, label: styles.label })) {
      expect(c.textTransform === "none", `${where} text-transform ${c.textTransform}`);
      expect(c.visibility === "visible", `${where} visibility ${c.visibility}`);
      expect(c.whiteSpace === "normal", `${where} white-space ${c.whiteSpace}`);
      expect(c.direction === "ltr", `${where} direction ${c.direction}`);
      expect(c.letterSpacing === "normal", `${where} letter-spacing ${c.letterSpacing}`);
      expect(c.fontStyle === "normal", `${where} font-style ${c.fontStyle}`);
      expect(c.wordSpacing === "0px", `${where} word-spacing ${c.wordSpacing}`);
      expect(c.textAlign === "start", `${where} text-align ${c.textAlign}`);
    }
    // The widget's own base (the reader's default, 16 px), not the host's 10 px rem.
    expect(styles.body.fontSize === "16px", `base font size ${styles.body.fontSize}`);
    expect(Math.abs(parseFloat(styles.body.lineHeight) - 16 * 1.55) < 0.5, `line height ${styles.body.lineHeight}`);
    expect(styles.radio === "24px", `a radio is 1.5em of 16 px: ${styles.radio}`);
    expect(parseFloat(styles.hostMinHeight) >= 34 * 16 - 1, `reserved height ${styles.hostMinHeight}`);
    // Themed sizes still apply.
    await page.locator("coverage-calc").evaluate((el) => el.style.setProperty("--coverage-calc-font-size", "20px"));
    const themed = await page.locator("coverage-calc").evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".body")).fontSize);
    expect(themed === "20px", `--coverage-calc-font-size: ${themed}`);
    await page.screenshot({ path: "/tmp/issue13-hostile.png" });
    await page.context().close();
  });

  console.log("\nissue 13: a hung or failed .wasm load, a missing or throwing Intl");
  /** Waits up to `ms` for the widget's notice; returns its text and how long it took. */
  async function noticeWithin(page, ms) {
    const started = Date.now();
    await inWidget(page, ".notice[role=alert]").waitFor({ timeout: ms });
    return { text: await inWidget(page, ".notice").innerText(), took: Date.now() - started };
  }
  await check("a .wasm request that never answers ends in a clear message within a few seconds", async () => {
    const page = await hostPage(`<coverage-calc mode="buy" product="dji-mini-4-pro"></coverage-calc>`, {
      route: (p) => p.route("**/*.wasm", () => { /* never answered */ }),
    });
    const { text, took } = await noticeWithin(page, 9000);
    contains(text, "計算エンジンを読み込めませんでした（6 秒待っても届きません）");
    expect(took < 9000, `took ${took} ms`);
    const detail = await lastDetail(page);
    expect(detail?.error === "wasm_not_loaded" && detail.answer === null, JSON.stringify(detail));
    await page.context().close();
  });
  await check("a .wasm answered with an error page ends in a clear message at once", async () => {
    const page = await hostPage(`<coverage-calc mode="buy" lang="en" product="dji-mini-4-pro"></coverage-calc>`, {
      route: (p) => p.route("**/*.wasm", (r) => r.fulfill({ status: 404, contentType: "text/html", body: "<h1>Not found</h1>" })),
    });
    const { text, took } = await noticeWithin(page, 5000);
    contains(text, "The calculator could not be loaded");
    expect(took < 3000, `took ${took} ms`);
    await page.context().close();
  });
  for (const [what, script] of [
    ["deleted", () => { delete globalThis.Intl; }],
    ["throwing", () => { Intl.DateTimeFormat = function DateTimeFormat() { throw new RangeError("no ICU data"); }; }],
  ]) {
    await check(`Intl ${what} before the widget loads: a clear message, not an endless "loading"`, async () => {
      const page = await hostPage(`<coverage-calc mode="buy" product="dji-mini-4-pro"></coverage-calc>`, {
        route: (p) => p.addInitScript(script),
      });
      const { text } = await noticeWithin(page, 5000);
      contains(text, "Intl がありません");
      expect(await inWidget(page, ".loading").count() === 0, "no loading spinner left");
      expect(page.errors.length === 0, page.errors.join("\n"));
      // Attributes changed later keep the message (no render without Intl).
      await page.locator("coverage-calc").evaluate((el) => el.setAttribute("lang", "en"));
      await page.waitForTimeout(100);
      contains(await inWidget(page, ".notice").innerText(), "Intl is missing");
      expect(page.errors.length === 0, page.errors.join("\n"));
      await page.context().close();
    });
  }

  console.log("\nissue 13: the now attribute, checked by the core");
  for (const [mode, product, fill] of [
    ["buy", "dji-mini-4-pro", null],
    ["status", "dji-mini-4-pro", async (page) => type(page, "status-start", "2026-01-10")],
    ["buy", "matrice-300-rtk", null],
    ["ipro", null, async (page) => type(page, "ipro-delivery", "2026-01-10")],
  ]) {
    await check(`${mode}${product ? ` (${product})` : ""}: a now the core refuses is reported on the attribute, never replaced by the clock`, async () => {
      const page = await hostPage(`<coverage-calc mode="${mode}" ${product ? `product="${product}"` : ""} now="2026-13-45T25:00:00+09:00"></coverage-calc>`);
      await inWidget(page, ".mode").waitFor();
      if (fill) await fill(page);
      const notice = inWidget(page, "#now-error");
      await notice.waitFor();
      contains(await notice.innerText(), "now 属性「2026-13-45T25:00:00+09:00」");
      expect(await notice.getAttribute("role") === "alert", "announced");
      expect((await answerText(page)).trim() === "", `no answer from the clock: ${await answerText(page)}`);
      const detail = await lastDetail(page);
      expect(detail.answer === null && detail.error === "invalid_instant" && detail.field === "now", JSON.stringify(detail));
      // "yesterday" goes to the core as it is, and is refused the same way.
      await page.locator("coverage-calc").evaluate((el) => el.setAttribute("now", "yesterday"));
      await page.waitForTimeout(50);
      contains(await inWidget(page, "#now-error").innerText(), "「yesterday」");
      // A valid now: the notice goes, the answer comes.
      await page.locator("coverage-calc").evaluate((el) => el.setAttribute("now", "2026-11-20T10:00:00Z"));
      await page.waitForTimeout(50);
      expect(await inWidget(page, "#now-error").count() === 0, "the notice is gone");
      expect((await lastDetail(page)).answer !== null, "an answer for the valid now");
      await page.context().close();
    });
  }

  console.log("\nissue 13: dates and times as people type them in Japan");
  await check("buy: 「2026年12月1日 20:00」, full-width 「２０２６－１２－０１　２０：００」 and a date alone (0:00 Japan time, said on screen)", async () => {
    const page = await hostPage(`<coverage-calc mode="buy" product="dji-mini-4-pro" plans="care-refresh-1y" now="2026-12-02T12:00:00+09:00"></coverage-calc>`);
    await inWidget(page, "#buy-activated-yes").waitFor();
    await click(page, "buy-activated-yes");
    const opens = async () => (await lastDetail(page)).answer?.window?.opensAt;
    await type(page, "buy-activated-at", "2026年12月1日 20:00");
    expect(await opens() === "2026-12-01T20:00:00+09:00", `kanji: ${await opens()}`);
    expect(await inWidget(page, "#buy-activated-at-note").isHidden(), "no midnight note with a time");
    await type(page, "buy-activated-at", "２０２６－１２－０１　２０：００");
    expect(await opens() === "2026-12-01T20:00:00+09:00", `full-width: ${await opens()}`);
    await type(page, "buy-activated-at", "2026年12月1日(火) 20時30分");
    expect(await opens() === "2026-12-01T20:30:00+09:00", `時分: ${await opens()}`);
    await type(page, "buy-activated-at", "２０２６－１２－０１");
    expect(await opens() === "2026-12-01T00:00:00+09:00", `a date alone: ${await opens()}`);
    const note = inWidget(page, "#buy-activated-at-note");
    expect(await note.isVisible(), "the midnight note is shown");
    contains(await note.innerText(), "2026-12-01 0:00（日本時間）");
    contains(await inWidget(page, "#buy-activated-at").getAttribute("aria-describedby"), "buy-activated-at-note", "described by the note");
    await type(page, "buy-activated-at", "2026年2月30日 10:00");
    expect(await inWidget(page, "#buy-activated-at").getAttribute("aria-invalid") === "true", "a date that does not exist is an error");
    await page.context().close();
  });
  await check("status, Enterprise and i-PRO dates: full-width and 年月日", async () => {
    const page = await hostPage(`<coverage-calc mode="status" product="dji-mini-4-pro" now="2026-11-20T12:00:00+09:00"></coverage-calc>`);
    await inWidget(page, "#status-start").waitFor();
    await type(page, "status-start", "２０２６－０１－１０");
    expect((await lastDetail(page)).answer?.period?.start === "2026-01-10", "status start, full-width");
    await page.locator("coverage-calc").evaluate((el) => el.setAttribute("product", "matrice-300-rtk"));
    await inWidget(page, "#enstatus-start").waitFor();
    await type(page, "enstatus-start", "2026年3月1日");
    expect((await lastDetail(page)).answer?.period?.start === "2026-03-01", "Enterprise start, 年月日");
    await page.locator("coverage-calc").evaluate((el) => { el.setAttribute("mode", "ipro"); el.removeAttribute("product"); });
    await inWidget(page, "#ipro-delivery").waitFor();
    await type(page, "ipro-delivery", "２０２６年４月１日");
    expect((await lastDetail(page)).answer?.productWarranty?.period?.start === "2026-04-01", "i-PRO delivery, full-width 年月日");
    await page.context().close();
  });

  console.log("\nissue 13 (One UI): the Plus contract as a widget mode");
  await check("contract: the shared limit, who joined and why not, claims from the pool (README example), axe", async () => {
    const page = await hostPage(`<coverage-calc mode="contract" now="2026-03-20T10:00:00+09:00"></coverage-calc>`);
    await inWidget(page, "#contract-activated-on").waitFor();
    await type(page, "contract-activated-on", "2026-01-10");
    await type(page, "contract-owner", "Sora Survey KK");
    await inWidget(page, "#contract-member-1-product").selectOption("matrice-210-v2");
    await type(page, "contract-member-1-id", "A");
    await type(page, "contract-member-1-date", "2026-01-10");
    for (const [n, id, product, date] of [[2, "B", "zenmuse-h20t", "2026-02-09"], [3, "C", "zenmuse-p1", "2026-02-10"]]) {
      await click(page, "contract-add-member");
      await inWidget(page, `#contract-member-${n}-product`).selectOption(product);
      await type(page, `contract-member-${n}-id`, id);
      await type(page, `contract-member-${n}-date`, date);
    }
    await click(page, "contract-add-claim");
    await inWidget(page, "#contract-claim-1-member").selectOption("B");
    await type(page, "contract-claim-1-date", "2026-03-01");
    await type(page, "contract-claim-1-amount", "800000");
    const text = await answerText(page);
    contains(text, "共有の限度額の残り ￥823,800");
    contains(text, "￥1,623,800");
    contains(text, "最初のアクティベーションから30日を過ぎて関連付け");
    contains(text, "この製品の限度額の残りが30%未満のため更新できません");
    const detail = await lastDetail(page);
    expect(detail.mode === "contract" && detail.answer?.pool?.members.join() === "A,B", JSON.stringify(detail).slice(0, 300));
    await axeClean(page, "contract");
    await page.context().close();
  });

  console.log("\nissue 13 (One UI): the form as the inputs attribute, for a page's URL");
  await check("inputs: detail.inputs given back as the inputs attribute reopens the same answer; a broken one is an empty form", async () => {
    const page = await hostPage(`<coverage-calc mode="status" product="dji-mini-4-pro" now="2026-11-20T12:00:00+09:00"></coverage-calc>`);
    await inWidget(page, "#status-start").waitFor();
    await type(page, "status-start", "2026-01-10");
    await click(page, "status-add-claim");
    await type(page, "status-claim-1-date", "2026-05-01");
    const first = await lastDetail(page);
    expect(typeof first.inputs === "string" && JSON.parse(first.inputs).start === "2026-01-10", `detail.inputs: ${first.inputs}`);
    const shown = await answerText(page);
    const again = await hostPage(`<coverage-calc mode="status" product="dji-mini-4-pro" now="2026-11-20T12:00:00+09:00"></coverage-calc>`);
    await again.locator("coverage-calc").evaluate((el, v) => el.setAttribute("inputs", v), first.inputs);
    await inWidget(again, "#status-claim-1-date").waitFor();
    expect(await inWidget(again, "#status-claim-1-date").inputValue() === "2026-05-01", "the claim row is back");
    expect(await answerText(again) === shown, "the same answer");
    expect((await lastDetail(again)).answer?.replacements?.used === 1, "the same answer in the event");
    // An edited link: wrong types are ignored, the form starts afresh, no error on the page.
    await again.locator("coverage-calc").evaluate((el) => el.setAttribute("inputs", '{"claims": "x", "start": 5}'));
    await again.waitForTimeout(50);
    await inWidget(again, "#status-start").waitFor();
    await again.locator("coverage-calc").evaluate((el) => el.setAttribute("inputs", "{not json"));
    await again.waitForTimeout(50);
    await inWidget(again, "#status-start").waitFor();
    expect(again.errors.length === 0, again.errors.join("\n"));
    await page.context().close();
    await again.context().close();
  });

  console.log("\nissue 14: an expired plan that can still be extended leads with the extension");
  await check("status: expired but extendable reads 「12月8日まで継続できます — あと5日」 / \"Extend by 8 Dec — 5 days left\", not \"Expired\"; replacements left are no longer usable", async () => {
    // tests/golden/care-refresh-status/expired-extendable-5-days-left.json, through the widget.
    const inputs = JSON.stringify({ plan: "care-refresh-1y", start: "2025-11-24", claims: [{ kind: "replacement", date: "2026-03-01" }] });
    for (const [lang, headline, gone] of [
      ["ja", "12月8日まで継続できます — あと5日", "もう使えません"],
      ["en", "Extend by 8 Dec — 5 days left", "can no longer be used"],
    ]) {
      const page = await hostPage(`<coverage-calc mode="status" lang="${lang}" product="dji-mini-4-pro" now="2026-12-03T10:00:00+09:00" inputs='${inputs}'></coverage-calc>`);
      await inWidget(page, ".verdict__title").waitFor();
      const title = await inWidget(page, ".verdict__title").innerText();
      expect(title === headline, `${lang}: the headline is ${JSON.stringify(title)}`);
      contains(await answerText(page), gone, `${lang}: the answer`);
      expect(await inWidget(page, ".verdict--wait").count() === 1, `${lang}: shown as something to act on, not as an end`);
      expect(page.errors.length === 0, page.errors.join("\n"));
      await page.context().close();
    }
  });
  await check("ipro: the repair's answer leads (\"HDD repair: paid\"), then the phase; without the membership answer where it cannot matter", async () => {
    // A recorder's HDD in year 3: paid whatever the membership and the 5-year list (the core answers `undecided`).
    const inputs = JSON.stringify({ kind: "recorder", delivery: "2024-04-01", failed: "hdd" });
    for (const [lang, head, phase] of [
      ["en", "HDD repair: paid", "this repair's answer does not"],
      ["ja", "HDD の修理：有料", "この修理の答えは変わりません"],
    ]) {
      const page = await hostPage(`<coverage-calc mode="ipro" lang="${lang}" now="2026-11-20T12:00:00+09:00" inputs='${inputs}'></coverage-calc>`);
      await inWidget(page, ".verdict__title").waitFor();
      const title = await inWidget(page, ".verdict__title").innerText();
      expect(title === head, `${lang}: the headline is ${JSON.stringify(title)}`);
      contains(await inWidget(page, ".ipro-phase").innerText(), phase, `${lang}: the phase line`);
      expect(page.errors.length === 0, page.errors.join("\n"));
      await page.context().close();
    }
  });
} finally {
  await finish(env, "issue 13");
}
