#!/usr/bin/env node
// Browser tests of issue 14's quote a salesperson can hand over, on the page (www/) with the
// compare tab, typed as a user types:
//   - the fleet (3 × Matrice 300 RTK, 2 × Zenmuse H20T, 4 incidents of ¥250,000): without
//     quotes the answer says which figures DJI does not publish and each line's fields say so too;
//     with the dealer's quoted plan prices the answer is the golden file's
//     (tests/golden/care-enterprise-compare/fleet-m300-h20t-quoted-prices.json), every figure
//     built on a quote is marked 「見積」 (with its words for screen readers and DJI's figure
//     beside it), published ones are not; the link keeps the quotes and the customer;
//   - a quote where DJI publishes a figure shows DJI's beside it; English marks;
//   - a quoted figure the core refuses (`fleet[1].quote.plusLimit`) marks that input only;
//   - axe-core on the answer with quotes;
//   - print (A4 portrait): page.pdf gives at most 2 pages; in print media at A4 width no form
//     control is visible, the customer and the date are, Basic and Plus side by side, the chart and
//     the tables at full width, the assumptions and "why" open with the rule ids in words. The
//     print is screenshotted into tests/browser/screenshots/quote-print-<lang>.png (gitignored).
//
//   node tests/browser/quote.mjs      (make test runs it; needs /usr/bin/chromium and pkg/)

import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { check, expect, contains, start, finish, axeClean } from "./lib/runner.mjs";
import { NOW } from "./lib/tabs.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SHOTS = path.join(HERE, "screenshots");
mkdirSync(SHOTS, { recursive: true });
const golden = JSON.parse(readFileSync(path.join(HERE, "../golden/care-enterprise-compare/fleet-m300-h20t-quoted-prices.json"), "utf8"));

const env = await start();
const { browser, origin } = env;

/** The compare tab of the page, "now" pinned; console errors recorded (bypassCSP: axe is injected). */
async function open({ lang = "ja", width = 1280, url = null } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === "ja" ? "ja-JP" : "en-GB", timezoneId: "Asia/Tokyo", bypassCSP: true });
  const page = await context.newPage();
  page.errors = [];
  page.on("console", (m) => { if (m.type() === "error") page.errors.push(m.text()); });
  page.on("pageerror", (e) => page.errors.push(e.message));
  await page.goto(url ?? `${origin}/?tab=compare&lang=${lang}&now=${encodeURIComponent(NOW)}`);
  await page.locator("coverage-calc .mode--compare").waitFor();
  return page;
}
const w = (page, selector) => page.locator(`coverage-calc ${selector}`);
/** Types into a field of the widget as a user: click, select what is there, type. */
async function type(page, id, text) {
  const input = w(page, `#${id}`);
  await input.click();
  await input.press("Control+a");
  await input.press("Backspace");
  if (text) await input.pressSequentially(text, { delay: 5 });
}
const detail = (page) => page.locator("coverage-calc").evaluate((el) => el.answer);
const yenJa = (amount) => new Intl.NumberFormat("ja-JP", { style: "currency", currency: "JPY" }).format(amount);

/** The fleet, typed: customer, two lines, incidents, repair cost (no quotes yet). */
async function typeFleet(page) {
  await type(page, "compare-customer", "株式会社ソラ測量");
  await w(page, "#compare-1-product").selectOption("matrice-300-rtk");
  await type(page, "compare-1-units", "3");
  await w(page, "#compare-add").click();
  await w(page, "#compare-2-product").selectOption("zenmuse-h20t");
  await type(page, "compare-2-units", "2");
  await type(page, "compare-incidents", "4");
  await type(page, "compare-cost", "250,000");
}
/** The dealer's quoted plan prices of the golden file, typed into each line's fields. */
async function typeQuotes(page) {
  for (const [i, line] of golden.request.fleet.entries()) {
    for (const [key, value] of Object.entries(line.quote)) await type(page, `compare-${i + 1}-quote-${key}`, value);
  }
}

/** What the widget's answer shows of the marks: per region, the figures marked and not. */
const marks = (page) => page.locator("coverage-calc").evaluate((el) => {
  const root = el.shadowRoot;
  const text = (n) => n.textContent.trim();
  const marked = (n) => n.querySelector(".cmp-q") !== null;
  const fleet = [...root.querySelectorAll(".cmp-fleet tbody tr")].map((tr) => [...tr.cells].slice(1).map((c) => ({ text: text(c), marked: marked(c) })));
  return {
    fleet,
    basicPrice: { text: text(root.querySelector(".cmp-side--basic .cmp-price")), marked: marked(root.querySelector(".cmp-side--basic .cmp-price")) },
    plusPrice: { text: text(root.querySelector(".cmp-side--plus .cmp-price")), marked: marked(root.querySelector(".cmp-side--plus .cmp-price")) },
    plusLimit: { text: text(root.querySelector(".cmp-side--plus .cmp-limit")), marked: marked(root.querySelector(".cmp-side--plus .cmp-limit")) },
    head: [...root.querySelectorAll(".cmp-table thead th")].map((th) => ({ text: text(th), marked: marked(th) })),
    cells: [...root.querySelectorAll(".cmp-table tbody tr")].map((tr) => [...tr.cells].slice(1, 3).map((c) => ({ text: text(c), marked: marked(c) }))),
    legend: [...root.querySelectorAll(".cmp-chart--screen .ch-key")].map((k) => ({ text: text(k), marked: marked(k) })),
    chartLabel: root.querySelector(".cmp-chart--screen .ch-svg")?.getAttribute("aria-label") ?? "",
    note: root.querySelector(".cmp-quoted-note") ? text(root.querySelector(".cmp-quoted-note")) : null,
    srTexts: [...root.querySelectorAll(".cmp-q")].map((q) => q.querySelector(".sr-only")?.textContent ?? ""),
    count: root.querySelectorAll(".cmp-q").length,
  };
});

let link = null;

try {
  console.log("\nissue 14: the quoted-price compare, typed on the page");

  await check("the issue's fleet without quotes: what DJI does not publish is said, in the answer and on each field", async () => {
    const page = await open();
    await typeFleet(page);
    await w(page, ".verdict__title").waitFor();
    contains(await w(page, ".verdict__title").innerText(), "公開されていない価格があるため", "verdict");
    const missing = await w(page, ".cmp-missing").allInnerTexts();
    contains(missing.join("\n"), "Matrice 300 RTK: プラン価格", "Basic's missing figures");
    contains(missing.join("\n"), "Zenmuse H20T: プラン価格", "missing figures");
    contains(missing.join("\n"), "見積額", "the missing block says where to type them");
    // Each line's quote fields are open (a figure is missing) and say which are not published.
    for (const n of [1, 2]) {
      expect(await w(page, `#compare-${n}-quote-basicPrice`).isVisible(), `line ${n}: the Basic price field is shown`);
      contains(await w(page, `#compare-${n}-quote-basicPrice-hint`).innerText(), "DJI は公開していません", `line ${n} Basic price hint`);
      contains(await w(page, `#compare-${n}-quote-plusPrice-hint`).innerText(), "DJI は公開していません", `line ${n} Plus price hint`);
      contains(await w(page, `#compare-${n}-quote-plusLimit-hint`).innerText(), "DJI の公開額 ￥", `line ${n} Plus limit: DJI's figure`);
    }
    contains(await w(page, "#compare-1-quote-basicFee1-hint").innerText(), "DJI の公開額 ￥", "a published fee");
    // The fleet table: the missing prices said as such, nothing marked yet.
    const m = await marks(page);
    expect(m.count === 0, `no quoted mark without a quote (${m.count})`);
    expect(m.fleet[0][1].text === "公開されていません" && m.fleet[0][4].text === "公開されていません", `fleet row 1: ${JSON.stringify(m.fleet[0])}`);
    await page.context().close();
  });

  await check("with the dealer's quoted prices the issue's fleet gets the golden answer; every quoted figure is marked, published ones are not", async () => {
    const page = await open();
    await typeFleet(page);
    await typeQuotes(page);
    await page.waitForFunction(() => document.querySelector("coverage-calc").answer?.answer?.basic?.complete === true
      && document.querySelector("coverage-calc").answer?.answer?.plus?.quoted?.length === 2);
    const d = await detail(page);
    expect(isDeepStrictEqual(d.answer, golden.expect), `the answer is the golden file's:\n${JSON.stringify(d.answer).slice(0, 600)}`);
    contains(d.summary, "見積額を含む", "the summary says it is built on quoted figures");
    const inputs = JSON.parse(d.inputs);
    expect(inputs.customer === "株式会社ソラ測量" && inputs.fleet[0].basicPrice === "99000" && inputs.fleet[1].plusPrice === "198000",
      `detail.inputs keeps the quotes and the customer: ${d.inputs}`);
    contains(await w(page, ".verdict__title").innerText(), "0〜4 件では Plus は安くなりません", "verdict");

    const m = await marks(page);
    // Sides: both plan prices are built on quotes; the Plus limit is DJI's.
    expect(m.basicPrice.marked && m.basicPrice.text.startsWith(yenJa(499400)), `Basic price: ${JSON.stringify(m.basicPrice)}`);
    expect(m.plusPrice.marked && m.plusPrice.text.startsWith(yenJa(891000)), `Plus price: ${JSON.stringify(m.plusPrice)}`);
    expect(!m.plusLimit.marked && m.plusLimit.text === yenJa(3801100), `Plus limit (DJI's): ${JSON.stringify(m.plusLimit)}`);
    // The fleet table: each quoted figure marked, with "DJI: not published" beside; DJI's fees and limits not marked.
    const quotedCells = { 0: [0, 3], 1: [0, 3] };
    for (const [row, cells] of m.fleet.entries()) {
      for (const [col, cell] of cells.entries()) {
        if (col === 0) { expect(!cell.marked, `units not marked: ${cell.text}`); continue; }
        const want = quotedCells[row].includes(col - 1);
        expect(cell.marked === want, `fleet row ${row + 1} column ${col}: ${cell.text} should ${want ? "" : "not "}be marked`);
        if (want) contains(cell.text, "DJI：非公開", `fleet row ${row + 1} column ${col}`);
        else expect(/^￥[\d,]+$/.test(cell.text), `fleet row ${row + 1} column ${col}: DJI's figure, got ${cell.text}`);
      }
    }
    expect(m.fleet[0][1].text.startsWith(yenJa(99000)) && m.fleet[1][4].text.startsWith(yenJa(198000)), `quoted figures: ${JSON.stringify(m.fleet)}`);
    // The totals table: both columns built on quotes: the head and every cell marked.
    expect(m.head[1].marked && m.head[2].marked && !m.head[0].marked && !m.head[3].marked, `table head: ${JSON.stringify(m.head)}`);
    m.cells.forEach((row, i) => {
      expect(row[0].marked && row[1].marked, `row ${i}: ${JSON.stringify(row)}`);
      expect(row[0].text.startsWith(yenJa(golden.expect.rows[i].basicTotal.amount)), `row ${i} Basic ${row[0].text}`);
      expect(row[1].text.startsWith(yenJa(golden.expect.rows[i].plusTotal.amount)), `row ${i} Plus ${row[1].text}`);
    });
    // Chart legend and label, the verdict's note; each mark says what it means to a screen reader.
    expect(m.legend.filter((k) => k.marked).length === 2, `legend: ${JSON.stringify(m.legend)}`);
    contains(m.chartLabel, "見積額", "the chart's label");
    contains(m.note ?? "", "販売店の見積額", "the verdict's note");
    expect(m.srTexts.every((s) => s.includes("販売店の見積額")), `every mark has its words: ${JSON.stringify(m.srTexts.slice(0, 3))}`);
    contains(await w(page, ".why").first().textContent(), "販売店の見積額で、DJI の公開額ではない", "the assumption of quoted figures");
    link = page.url();
    expect(page.errors.length === 0, page.errors.join("\n"));
    await page.context().close();
  });

  await check("the link reopens the same quote (customer, quoted figures, answer)", async () => {
    expect(link && new URL(link).searchParams.get("in.fleet.0.basicPrice") === "99000", `link: ${link}`);
    const page = await open({ url: link });
    await w(page, ".cmp-fleet").waitFor();
    expect(await w(page, "#compare-customer").inputValue() === "株式会社ソラ測量", "customer");
    expect(await w(page, "#compare-2-quote-plusPrice").inputValue() === "198000", "a quoted figure");
    const d = await detail(page);
    expect(isDeepStrictEqual(d.answer, golden.expect), "the same answer");
    await page.context().close();
  });

  await check("a quoted figure where DJI publishes one: marked, DJI's figure beside it; English words", async () => {
    const page = await open({ lang: "en" });
    await w(page, "#compare-1-product").selectOption("phantom-4-rtk");
    await type(page, "compare-cost", "50000");
    // Everything of the Phantom 4 RTK is published: the quote fields wait closed.
    expect(!(await w(page, "#compare-1-quote-basicPrice").isVisible()), "closed while nothing is missing");
    await w(page, ".cmp-quote summary").click();
    contains(await w(page, "#compare-1-quote-basicPrice-hint").innerText(), "DJI publishes ¥68,200", "hint");
    await type(page, "compare-1-quote-basicPrice", "61,380");
    await page.waitForFunction(() => document.querySelector("coverage-calc").answer?.answer?.basic?.quoted?.length === 1);
    const m = await marks(page);
    expect(m.fleet[0][1].marked && m.fleet[0][1].text.includes("¥61,380") && m.fleet[0][1].text.includes("DJI: ¥68,200"), `fleet: ${JSON.stringify(m.fleet[0])}`);
    expect(m.fleet[0][1].text.includes("quoted"), "the English mark");
    expect(!m.fleet[0][4].marked && !m.fleet[0][5].marked, "Plus figures are DJI's");
    expect(m.basicPrice.marked && !m.plusPrice.marked && !m.plusLimit.marked, `sides: ${JSON.stringify([m.basicPrice, m.plusPrice, m.plusLimit])}`);
    expect(m.head[1].marked && !m.head[2].marked, `only Basic's column: ${JSON.stringify(m.head)}`);
    expect(m.cells.every((r) => r[0].marked && !r[1].marked), "only Basic's cells");
    await page.context().close();
  });

  await check("a quoted figure the core refuses (fleet[1].quote.plusLimit) marks that input, and only it", async () => {
    const page = await open();
    await typeFleet(page);
    await typeQuotes(page);
    await type(page, "compare-2-quote-plusLimit", "12万");
    const input = w(page, "#compare-2-quote-plusLimit");
    await page.waitForFunction(() => document.querySelector("coverage-calc").answer?.error === "invalid_amount");
    expect(await input.getAttribute("aria-invalid") === "true", "the Plus limit of line 2 is marked");
    contains(await w(page, "#compare-2-quote-plusLimit-error").innerText(), "見積額は円単位の整数", "its error");
    const ids = await page.locator("coverage-calc").evaluate((el) => [...el.shadowRoot.querySelectorAll('[aria-invalid="true"]')].map((e) => e.id));
    expect(ids.join() === "compare-2-quote-plusLimit", `marked: ${ids}`);
    expect((await input.getAttribute("aria-describedby")).includes("compare-2-quote-plusLimit-error"), "the error is tied to it");
    await type(page, "compare-2-quote-plusLimit", "");
    await page.waitForFunction(() => document.querySelector("coverage-calc").answer?.answer?.plus?.complete === true);
    expect(await input.getAttribute("aria-invalid") === null, "cleared when it is emptied");
    await page.context().close();
  });

  await check("axe: the compare tab with a quoted answer (ja and en)", async () => {
    const page = await open();
    await typeFleet(page);
    await typeQuotes(page);
    await w(page, ".cmp-fleet").waitFor();
    await axeClean(page, "quote ja");
    await page.locator("#lang-toggle").click();
    await page.waitForFunction(() => document.querySelector("coverage-calc").shadowRoot.querySelector(".cmp-q")?.textContent.startsWith("quoted"));
    await axeClean(page, "quote en");
    await page.context().close();
  });

  console.log("\nthe quote sheet: print, A4 portrait");
  for (const lang of ["ja", "en"]) {
    await check(`print (${lang}): at most 2 A4 pages; no form control; customer, date, fleet, Basic and Plus side by side, chart and tables at full width, details open, rule ids in words`, async () => {
      const page = await open({ lang });
      await typeFleet(page);
      await typeQuotes(page);
      await w(page, ".cmp-fleet").waitFor();
      const pdf = await page.pdf({ format: "A4", path: path.join(SHOTS, `quote-${lang}.pdf`) });
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
      // A4 portrait at 96 dpi: 794 × 1123 px.
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.emulateMedia({ media: "print" });
      await page.waitForTimeout(100);
      await page.screenshot({ path: path.join(SHOTS, `quote-print-${lang}.png`), fullPage: true });
      const p = await page.evaluate(() => {
        const host = document.querySelector("coverage-calc");
        const root = host.shadowRoot;
        const shown = (el) => el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) && el.getBoundingClientRect().width > 0;
        const controls = [...document.querySelectorAll("input, button, select, textarea, [role=tab]"), ...root.querySelectorAll("input, button, select, textarea")]
          .filter(shown).map((el) => el.id || el.tagName);
        const rect = (sel) => root.querySelector(sel)?.getBoundingClientRect() ?? null;
        const r = (x) => (x ? { top: Math.round(x.top), left: Math.round(x.left), width: Math.round(x.width) } : null);
        const whyItems = [...root.querySelectorAll("details li")];
        return {
          controls,
          hostWidth: host.getBoundingClientRect().width,
          answer: r(rect(".answer")),
          customer: root.querySelector(".cmp-sheet__customer") && shown(root.querySelector(".cmp-sheet__customer")) ? root.querySelector(".cmp-sheet__customer").textContent : null,
          date: root.querySelector(".cmp-sheet__date") && shown(root.querySelector(".cmp-sheet__date")) ? root.querySelector(".cmp-sheet__date").textContent : null,
          fleet: [...root.querySelectorAll(".cmp-fleet tbody th")].filter(shown).map((th) => th.textContent),
          basic: r(rect(".cmp-side--basic")),
          plus: r(rect(".cmp-side--plus")),
          chart: r(rect(".cmp-chart--print .ch-sheet-svg")),
          screenChart: shown(root.querySelector(".cmp-chart--screen")),
          table: r(rect(".cmp-table")),
          fleetTable: r(rect(".cmp-fleet")),
          details: root.querySelectorAll("details").length,
          hiddenDetailItems: whyItems.filter((li) => !shown(li)).map((li) => li.textContent.slice(0, 30)),
          detailItems: whyItems.length,
          rules: [...root.querySelectorAll(".rules li")].filter(shown).map((li) => li.textContent),
          text: root.querySelector(".body").innerText,
        };
      });
      expect(p.controls.length === 0, `form controls printed: ${p.controls.join(" ")}`);
      expect(p.customer === (lang === "ja" ? "株式会社ソラ測量 様" : "株式会社ソラ測量"), `customer: ${p.customer}`);
      expect(p.date === (lang === "ja" ? "2026年11月20日(金)" : "Fri, 20 November 2026"), `date: ${p.date}`);
      expect(p.fleet.join() === "Matrice 300 RTK,Zenmuse H20T", `fleet lines: ${p.fleet}`);
      const full = p.hostWidth;
      expect(full > 600 && p.answer.width >= full * 0.97, `the answer spans the sheet: ${p.answer.width} of ${full}`);
      expect(Math.abs(p.basic.top - p.plus.top) <= 2 && p.basic.left < p.plus.left, `Basic and Plus side by side: ${JSON.stringify([p.basic, p.plus])}`);
      for (const s of [p.basic, p.plus]) expect(s.width >= full * 0.4 && s.width <= full * 0.55, `each about half: ${s.width} of ${full}`);
      for (const [what, box] of [["chart", p.chart], ["table", p.table], ["fleet table", p.fleetTable]]) {
        expect(box.width >= full * 0.97, `${what} at full width: ${box.width} of ${full}`);
      }
      expect(!p.screenChart, "the screen's chart is not printed (the sheet's wider one is)");
      expect(p.detailItems > 5 && p.hiddenDetailItems.length === 0, `details open: ${p.hiddenDetailItems.length} of ${p.detailItems} items hidden (${p.hiddenDetailItems.slice(0, 3)})`);
      expect(p.rules.length === 4 && p.rules.every((t) => t.length > 12), `rule ids in words: ${p.rules}`);
      contains(p.rules[0], lang === "ja" ? "Basic と Plus の比較" : "Basic vs Plus", "EN-13 in words");
      for (const word of ["null", "undefined", "NaN"]) expect(!new RegExp(`\\b${word}\\b`).test(p.text), `"${word}" printed`);
      // The page's chrome: tabs, "now", buttons are gone; the title and the footer's terms stay.
      expect(await page.locator("#page-title").isVisible() && await page.locator("#page-footer").isVisible(), "title and footer printed");
      expect(!(await page.locator(".now-box").isVisible()) && !(await page.locator("#tabs").isVisible()), "no tabs, no now box");
      expect(pdf.subarray(0, 5).toString() === "%PDF-" && pages >= 1 && pages <= 2, `the PDF has ${pages} pages`);
      await page.emulateMedia({ media: "screen" });
      expect(await w(page, "#compare-customer").isVisible(), "back on screen: the form");
      expect(!(await w(page, ".cmp-sheet").isVisible()), "the sheet's head is for print only");
      expect(page.errors.length === 0, page.errors.join("\n"));
      await page.context().close();
    });
  }

  await check("beforeprint opens every <details>, afterprint closes them again", async () => {
    const page = await open();
    await typeFleet(page);
    await typeQuotes(page);
    await w(page, ".cmp-fleet").waitFor();
    const opened = () => page.locator("coverage-calc").evaluate((el) => [...el.shadowRoot.querySelectorAll(".answer details")].map((d) => d.open));
    expect((await opened()).every((o) => !o), "closed on screen");
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    expect((await opened()).every((o) => o), "open for print");
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    expect((await opened()).every((o) => !o), "closed after");
    await page.context().close();
  });
} finally {
  await finish(env, "quote", ` (print screenshots in ${path.relative(process.cwd(), SHOTS)}/quote-print-*.png)`);
}
