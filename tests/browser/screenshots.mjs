#!/usr/bin/env node
// Layout of the page and its widget at 375 px and 1280 px: every tab (widget mode) in both
// languages, filled so that its answer shows, screenshotted (full page) into
// tests/browser/screenshots/page-<mode>-<lang>-<width>.png (gitignored: look at them after a run),
// and checked for what a screenshot shows at a glance:
//   - nothing wider than the viewport (no sideways scroll of the page), no element of the widget
//     past the widget's right edge (tables scroll inside their own region);
//   - the tab bar: every tab inside the viewport, no tab label cut off;
//   - the SVG labels (i-PRO timeline, compare chart and its break-even) do not overlap each other;
//   - the plan and product texts are not cut off (no text wider than its box).
//
//   node tests/browser/screenshots.mjs      (make test runs it; needs /usr/bin/chromium and pkg/)

import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { check, start, finish } from "./lib/runner.mjs";
import { NOW, TABS } from "./lib/tabs.mjs";

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "screenshots");
mkdirSync(SHOTS, { recursive: true });
const env = await start();
const { browser, origin } = env;

/** What is out of place on the page as shown: a list of problems (empty when it fits). */
function layoutProblems() {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw + 1) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
  const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
  const tops = new Set([...document.querySelectorAll("[role=tab]")].map((tab) => Math.round(tab.getBoundingClientRect().top)));
  if (vw >= 1024 && tops.size > 1) problems.push(`the tab bar takes ${tops.size} rows at ${vw} px`);
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const r = tab.getBoundingClientRect();
    if (r.left < -1 || r.right > vw + 1) problems.push(`tab outside the viewport: ${describe(tab)}`);
    if (tab.scrollWidth > tab.clientWidth + 1) problems.push(`tab label cut off: ${describe(tab)}`);
  }
  const host = document.querySelector("coverage-calc");
  const root = host.shadowRoot;
  const edge = host.getBoundingClientRect().right;
  const inScroller = (el) => el.closest(".cmp-scroll") !== null;
  for (const el of root.querySelectorAll(".body *")) {
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || inScroller(el)) continue;
    if (r.right > edge + 1) problems.push(`past the widget's edge by ${Math.round(r.right - edge)} px: ${describe(el)}`);
    const style = getComputedStyle(el);
    if (["P", "SPAN", "STRONG", "LABEL", "DD", "DT", "TD", "TH", "LI", "LEGEND", "OPTION", "H2", "H3"].includes(el.tagName)
      && el.scrollWidth > el.clientWidth + 1 && style.overflow !== "visible" && style.display !== "inline") {
      problems.push(`text cut off: ${describe(el)}`);
    }
  }
  const shown = root.querySelector(".body")?.innerText ?? "";
  for (const word of ["null", "undefined", "NaN", "[object Object]"]) {
    if (new RegExp(`(^|[^\\w])${word.replace(/[[\]]/g, "\\$&")}([^\\w]|$)`).test(shown)) problems.push(`"${word}" on screen`);
  }
  const key = /\b[a-z][a-zA-Z]+(\.[a-z][a-zA-Z-]+)+\b/.exec(shown.replace(/\S+@\S+|[\w.-]+\.(net|com|jp|js|txt)\b/g, ""));
  if (key) problems.push(`a word-table key on screen: ${key[0]}`);
  for (const select of root.querySelectorAll("select")) {
    const r = select.getBoundingClientRect();
    if (r.right > edge + 1) problems.push(`select past the widget's edge: ${describe(select)}`);
  }
  // SVG labels: no two texts of one chart overlap.
  for (const svg of root.querySelectorAll("svg")) {
    const texts = [...svg.querySelectorAll("text")].map((t) => ({ t, r: t.getBoundingClientRect() })).filter((x) => x.r.width > 0);
    for (let i = 0; i < texts.length; i += 1) {
      for (let j = i + 1; j < texts.length; j += 1) {
        const a = texts[i].r;
        const b = texts[j].r;
        const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (overlapX > 1 && overlapY > 1) problems.push(`SVG labels overlap: "${texts[i].t.textContent}" and "${texts[j].t.textContent}"`);
      }
    }
    // The i-PRO timeline: each bar's label inside its bar.
    const segs = [...svg.querySelectorAll(".tl-seg")];
    [...svg.querySelectorAll(".tl-label")].forEach((label, i) => {
      const r = label.getBoundingClientRect();
      const seg = segs[i]?.getBoundingClientRect();
      if (seg && (r.left < seg.left - 1 || r.right > seg.right + 1)) problems.push(`timeline label outside its bar: "${label.textContent}"`);
    });
    // The "now" line of the timeline crosses no label.
    const nowLine = svg.querySelector(".tl-now line")?.getBoundingClientRect();
    if (nowLine) {
      for (const { t, r } of texts) {
        if (t.closest(".tl-now")) continue;
        if (nowLine.left < r.right && nowLine.right > r.left && nowLine.top < r.bottom && nowLine.bottom > r.top && t.classList.contains("tl-year")) {
          problems.push(`the "now" line crosses "${t.textContent}"`);
        }
      }
    }
    const box = svg.getBoundingClientRect();
    for (const { t, r } of texts) {
      if (r.left < box.left - 2 || r.right > box.right + 2) problems.push(`SVG label outside its chart: "${t.textContent}"`);
    }
  }
  return problems;
}

/**
 * A contact sheet of a tall narrow screenshot, for looking at it: the page cut into columns of
 * 1,100 px side by side, written as `sheet-….png` next to it.
 */
async function contactSheet(png, width, file) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
  const src = `data:image/png;base64,${png.toString("base64")}`;
  await page.setContent(`<body style="margin:0;display:flex;gap:8px;background:#888"></body>`);
  await page.evaluate(async ({ src, width }) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    for (let y = 0; y < img.naturalHeight; y += 1100) {
      const col = document.createElement("div");
      col.style.cssText = `width:${width}px;height:1100px;flex:none;background:#fff url(${src}) 0 ${-y}px no-repeat`;
      document.body.append(col);
    }
  }, { src, width });
  const columns = await page.evaluate(() => document.body.children.length);
  await page.setViewportSize({ width: columns * (width + 8), height: 1100 });
  await page.screenshot({ path: file });
  await page.close();
}

try {
  for (const width of [375, 1280]) {
    for (const lang of ["ja", "en"]) {
      console.log(`\nlayout at ${width} px (${lang})`);
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === "ja" ? "ja-JP" : "en-GB", timezoneId: "Asia/Tokyo" });
      const page = await context.newPage();
      for (const tab of TABS) {
        await check(`${tab.mode} at ${width} px (${lang}) fits`, async () => {
          await page.goto(`${origin}/?tab=${tab.mode}&lang=${lang}&now=${encodeURIComponent(NOW)}`);
          await page.locator(`coverage-calc .mode--${tab.mode}`).waitFor();
          await tab.fill(page.locator("coverage-calc"));
          // The "why" sections open, so that the screenshots show them too.
          await page.locator("coverage-calc").evaluate((el) => { for (const d of el.shadowRoot.querySelectorAll("details")) d.open = true; });
          await page.waitForTimeout(100);
          const png = await page.screenshot({ path: path.join(SHOTS, `page-${tab.mode}-${lang}-${width}.png`), fullPage: true });
          if (width < 500) await contactSheet(png, width, path.join(SHOTS, `sheet-${tab.mode}-${lang}-${width}.png`));
          const problems = await page.evaluate(layoutProblems);
          if (problems.length > 0) throw new Error(problems.slice(0, 8).join("\n"));
        });
      }
      await context.close();
    }
  }
} finally {
  await finish(env, "screenshots", ` (images in ${path.relative(process.cwd(), SHOTS)}/)`);
}
