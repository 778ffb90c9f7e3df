#!/usr/bin/env node
// Browser tests of the page (www/index.html + www/shell.js): a shell of tabs, language, header
// and footer around the widget <coverage-calc>, under the server's strict CSP. Checks: one tab per
// widget mode, opened by click and by arrow keys; the header, footer and title of the family
// shown (Care Refresh, Enterprise, i-PRO); each tab answers, and its link (`tab`, `lang`, `now`,
// `in.<field>`) reopened in a fresh browser shows the same answer; the same answers rendered by the
// widget alone on another host page have the same text; language; axe-core on every tab in both
// languages; no console error.
//
//   node tests/browser/page.mjs      (make test runs it; needs /usr/bin/chromium and pkg/)

import { check, expect, contains, start, finish, axeClean } from "./lib/runner.mjs";
import { NOW, TABS } from "./lib/tabs.mjs";

const env = await start();
const { browser, origin } = env;

/** A page of the calculator with console errors recorded. */
async function open(url, { width = 1280 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "ja-JP", timezoneId: "America/New_York" });
  const page = await context.newPage();
  page.errors = [];
  page.on("console", (m) => { if (m.type() === "error") page.errors.push(m.text()); });
  page.on("pageerror", (e) => page.errors.push(e.message));
  await page.goto(url);
  await page.locator("coverage-calc .mode").waitFor();
  return page;
}
const answerText = (page) => page.locator("coverage-calc .answer").innerText();

try {
  console.log("\nthe page: a shell around the widget");

  await check("one tab per widget mode; tabs by click and by arrow keys; header, footer and title of the family shown", async () => {
    const page = await open(`${origin}/`);
    const tabs = await page.locator("[role=tab]").evaluateAll((els) => els.map((e) => e.dataset.mode));
    expect(tabs.join() === TABS.map((t) => t.mode).join(), `tabs: ${tabs}`);
    for (const tab of TABS) {
      await page.locator(`#tab-${tab.mode}`).click();
      expect(await page.locator("coverage-calc").getAttribute("mode") === tab.mode, `${tab.mode}: the widget's mode`);
      await page.locator(`coverage-calc .mode--${tab.mode}`).waitFor();
      expect(await page.locator(`#tab-${tab.mode}`).getAttribute("aria-selected") === "true", `${tab.mode} selected`);
      expect(await page.locator("#page-title").innerText() === tab.header, `${tab.mode}: header ${await page.locator("#page-title").innerText()}`);
      const footer = await page.locator("#page-footer").innerText();
      contains(footer, tab.family === "ipro" ? "i-PRO" : "DJI", `${tab.mode}: footer`);
      if (tab.family === "ipro") expect(!footer.includes("DJI"), "the i-PRO footer does not speak of DJI");
      contains(await page.title(), tab.header, "title");
    }
    await page.locator("#tab-buy").focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.locator("coverage-calc").getAttribute("mode") === "status", "ArrowRight: the next tab");
    expect(await page.evaluate(() => document.activeElement?.id) === "tab-status", "focus follows");
    await page.keyboard.press("End");
    expect(await page.locator("coverage-calc").getAttribute("mode") === "ipro", "End: the last tab");
    expect(page.errors.length === 0, page.errors.join("\n"));
    await page.context().close();
  });

  for (const tab of TABS) {
    await check(`${tab.mode}: an answer; its link reopens the same answer; the widget alone shows the same text`, async () => {
      const page = await open(`${origin}/?tab=${tab.mode}&now=${encodeURIComponent(NOW)}`);
      await page.locator(`coverage-calc .mode--${tab.mode}`).waitFor();
      await tab.fill(page.locator("coverage-calc"));
      const text = await answerText(page);
      contains(text, tab.says, `${tab.mode} answer`);
      const link = page.url();
      expect(/[?&]in\.\w/.test(link) && link.includes(`tab=${tab.mode}`), `the link keeps the tab and the form: ${link}`);
      const again = await open(link);
      await again.locator(`coverage-calc .mode--${tab.mode}`).waitFor();
      expect(await answerText(again) === text, `${tab.mode}: the link shows the same answer:\n${(await answerText(again)).slice(0, 300)}`);
      // The widget alone on a host page, with the same attributes (the page's `inputs` from the link): the same text.
      const inputs = await again.locator("coverage-calc").getAttribute("inputs");
      await again.route(`${origin}/alone.html`, (r) => r.fulfill({
        contentType: "text/html; charset=utf-8",
        body: `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>alone</title><script type="module" src="/pkg/coverage-calc.js"></script></head>
          <body><coverage-calc mode="${tab.mode}" now="${NOW}"></coverage-calc></body></html>`,
      }));
      await again.goto(`${origin}/alone.html`);
      await again.locator("coverage-calc").evaluate((el, v) => el.setAttribute("inputs", v), inputs);
      await again.locator(`coverage-calc .mode--${tab.mode}`).waitFor();
      await again.waitForTimeout(50);
      expect(await answerText(again) === text, `${tab.mode}: the widget alone shows the same text`);
      expect(page.errors.length === 0 && again.errors.length === 0, [...page.errors, ...again.errors].join("\n"));
      await page.context().close();
      await again.context().close();
    });
  }

  await check("language: the toggle switches the page and the widget, the link keeps it", async () => {
    const page = await open(`${origin}/?tab=ipro`);
    await page.locator("#lang-toggle").click();
    await page.locator("coverage-calc .mode--ipro").waitFor();
    expect(await page.locator("#page-title").innerText() === "i-PRO warranty calculator", "English header");
    expect(await page.evaluate(() => document.documentElement.lang) === "en", "html lang");
    expect(await page.locator("coverage-calc").getAttribute("lang") === "en", "the widget's lang");
    contains(await page.locator("#tab-buy").innerText(), "Can I buy?", "tab label");
    contains(page.url(), "lang=en", "link");
    const again = await open(page.url());
    expect(await again.locator("#page-title").innerText() === "i-PRO warranty calculator", "the link reopens in English");
    await page.context().close();
    await again.context().close();
  });

  await check("375 px: the bottom bar gives the answer's summary while the answer is below the fold, and goes to it", async () => {
    const page = await open(`${origin}/?tab=buy&now=${encodeURIComponent(NOW)}`, { width: 375 });
    await TABS[0].fill(page.locator("coverage-calc"));
    await page.evaluate(() => window.scrollTo(0, 0));
    const peek = page.locator("#peek");
    await peek.waitFor({ state: "visible" });
    contains(await page.locator("#peek-text").innerText(), "購入できます", "the bar's summary");
    await page.locator("#peek-go").click();
    await peek.waitFor({ state: "hidden" });
    const top = await page.locator("coverage-calc").evaluate((el) => el.shadowRoot.querySelector('[part~="answer"]').getBoundingClientRect().top);
    expect(top >= -2 && top < 900, `the answer is in view (top ${top})`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(100);
    expect(await peek.isHidden(), "no bar on a wide screen");
    await page.context().close();
  });

  await check("the page's \"now\" field sets the widget's now (what if), kept in the link; one the core refuses is said by the widget", async () => {
    const page = await open(`${origin}/?tab=buy&now=${encodeURIComponent(NOW)}`);
    expect(await page.locator("#page-now").inputValue() === NOW, "the link fills the field");
    await TABS[0].fill(page.locator("coverage-calc"));
    await page.locator("#page-now").fill("2026年11月21日 10:00");
    await page.waitForFunction(() => document.querySelector("coverage-calc").getAttribute("now") === "2026年11月21日 10:00");
    await page.waitForTimeout(100);
    contains(await answerText(page), "購入できません", "one day later the window has closed");
    expect(new URL(page.url()).searchParams.get("now") === "2026年11月21日 10:00", `link: ${page.url()}`);
    await page.locator("#page-now").fill("tomorrow");
    await page.locator("coverage-calc #now-error").waitFor();
    await page.locator("#page-now").fill("");
    await page.waitForFunction(() => !document.querySelector("coverage-calc").hasAttribute("now"));
    expect(!page.url().includes("now="), "no now in the link: the live clock");
    await page.context().close();
  });

  console.log("\naxe-core (WCAG A/AA) on every tab, both languages (bypassCSP for the injected script only)");
  const axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const axePage = await axeContext.newPage();
  for (const lang of ["ja", "en"]) {
    for (const tab of TABS) {
      await check(`axe: ${tab.mode} (${lang})`, async () => {
        await axePage.goto(`${origin}/?tab=${tab.mode}&lang=${lang}&now=${encodeURIComponent(NOW)}`);
        await axePage.locator(`coverage-calc .mode--${tab.mode}`).waitFor();
        await tab.fill(axePage.locator("coverage-calc"));
        await axeClean(axePage, `${tab.mode} ${lang}`);
      });
    }
  }
  await axeContext.close();
} finally {
  await finish(env, "page");
}
