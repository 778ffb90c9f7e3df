// The page: a shell around the widget <coverage-calc>. It holds no rule and no word table of its
// own: tabs (one per widget mode, labelled with the widget's mode names), the language, the
// header and footer of the family the tab is about (the widget's `page.*` words), and the URL
// state: `?tab=<mode>&lang=en&now=<instant>&in=<the widget's detail.inputs>`, so that a shared link
// reopens the same answer (inputs ⇄ the widget's `inputs` attribute).

import { CoverageCalcElement } from "/pkg/coverage-calc.js";

const calc = /** @type {HTMLElement} */ (document.getElementById("calc"));
const tablist = /** @type {HTMLElement} */ (document.getElementById("tabs"));
const panel = /** @type {HTMLElement} */ (document.getElementById("panel"));
const MODES = CoverageCalcElement.modes;
/** Links of earlier versions of the page named the Enterprise tab `enterprise`. */
const OLD_TABS = { enterprise: "compare" };

const params = new URLSearchParams(location.search);
let lang = params.get("lang") === "en" ? "en" : "ja";
const asked = OLD_TABS[params.get("tab") ?? ""] ?? params.get("tab");
let mode = MODES.some((m) => m.mode === asked) ? asked : MODES[0].mode;
/** The form of the mode shown, as the widget last gave it (`detail.inputs`). */
let inputs = params.get("in");

const tabs = MODES.map((m) => {
  const tab = document.createElement("button");
  Object.assign(tab, { type: "button", id: `tab-${m.mode}` });
  tab.className = "tab";
  tab.dataset.mode = m.mode;
  tab.dataset.family = m.family;
  tab.setAttribute("role", "tab");
  tab.setAttribute("aria-controls", panel.id);
  tab.addEventListener("click", () => select(m.mode, { focus: true }));
  return tab;
});
tablist.replaceChildren(...tabs);
tablist.addEventListener("keydown", (event) => {
  const i = Math.max(0, tabs.indexOf(/** @type {HTMLButtonElement} */ (event.target)));
  const next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  select(tabs[(next + tabs.length) % tabs.length].dataset.mode, { focus: true });
});

/** The words of the page in the current language: the tabs, header, footer, buttons (once loaded). */
async function applyWords() {
  const shown = lang;
  const t = await CoverageCalcElement.loadWords(shown);
  if (shown !== lang) return;
  const family = MODES.find((m) => m.mode === mode)?.family ?? "care-refresh";
  document.documentElement.lang = lang;
  document.body.dataset.family = family;
  document.title = `${t(`page.tab.${mode}`)} — ${t(`page.${family}.title`)}`;
  document.getElementById("page-title").textContent = t(`page.${family}.title`);
  document.getElementById("page-tagline").textContent = t(`page.${family}.tagline`);
  document.getElementById("page-footer").textContent = t(`page.${family}.footer`);
  for (const el of document.querySelectorAll("[data-words]")) el.textContent = t(el.dataset.words);
  const toggle = document.getElementById("lang-toggle");
  toggle.textContent = t("page.langToggle");
  toggle.setAttribute("aria-label", t("page.langToggleLabel"));
  toggle.setAttribute("lang", lang === "ja" ? "en" : "ja");
  tablist.setAttribute("aria-label", t("page.tabs"));
  for (const tab of tabs) tab.textContent = t(`page.tab.${tab.dataset.mode}`);
}

/** Shows the tab of `next`: the widget's mode, the tab state, the words, the URL. */
function select(next, { focus = false } = {}) {
  if (next !== mode) inputs = null;
  mode = next;
  for (const tab of tabs) {
    const on = tab.dataset.mode === mode;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    if (on) {
      panel.setAttribute("aria-labelledby", tab.id);
      if (focus) tab.focus();
    }
  }
  calc.setAttribute("mode", mode);
  applyWords();
  writeUrl();
}

/** "Now" as typed in the page's field (the widget checks it): empty is the live clock. */
let now = params.get("now") ?? "";

function writeUrl() {
  const p = new URLSearchParams();
  p.set("tab", mode);
  if (lang !== "ja") p.set("lang", lang);
  if (now.trim()) p.set("now", now.trim());
  if (inputs && inputs !== "{}") p.set("in", inputs);
  history.replaceState(null, "", `${location.pathname}?${p}`);
}

// The widget's attributes from the link, before it first renders (it renders once its engine is loaded).
calc.setAttribute("lang", lang);
const nowInput = /** @type {HTMLInputElement} */ (document.getElementById("page-now"));
nowInput.value = now;
if (now.trim()) calc.setAttribute("now", now.trim());
let nowTimer = 0;
nowInput.addEventListener("input", () => {
  clearTimeout(nowTimer);
  nowTimer = setTimeout(() => {
    now = nowInput.value;
    if (now.trim()) calc.setAttribute("now", now.trim());
    else calc.removeAttribute("now");
    writeUrl();
  }, 300);
});
if (inputs) calc.setAttribute("inputs", inputs);
select(mode);

calc.addEventListener("coverage-change", (event) => {
  inputs = event.detail.inputs ?? inputs;
  writeUrl();
  summary = event.detail.summary ?? "";
  updatePeek();
});

// The bottom bar (narrow screens): the answer's summary while the answer is below the fold.
const peek = /** @type {HTMLElement} */ (document.getElementById("peek"));
let summary = "";
let answerBelow = false;
const narrow = matchMedia("(max-width: 44rem)");
function updatePeek() {
  document.getElementById("peek-text").textContent = summary;
  peek.hidden = !(narrow.matches && answerBelow && summary);
}
/** The widget's answer region (its `answer` part), watched for when it comes into view. */
function answerOf() {
  return calc.shadowRoot?.querySelector('[part~="answer"]') ?? null;
}
const observer = new IntersectionObserver((entries) => {
  for (const e of entries) answerBelow = !e.isIntersecting && e.boundingClientRect.top > 0;
  updatePeek();
});
let watched = null;
new MutationObserver(() => {
  const answer = answerOf();
  if (answer && answer !== watched) {
    if (watched) observer.unobserve(watched);
    observer.observe(answer);
    watched = answer;
  }
}).observe(calc.shadowRoot ?? calc, { childList: true, subtree: true });
narrow.addEventListener("change", updatePeek);
document.getElementById("peek-go").addEventListener("click", () => {
  answerOf()?.scrollIntoView({ block: "start", behavior: "smooth" });
});

document.getElementById("lang-toggle").addEventListener("click", () => {
  lang = lang === "ja" ? "en" : "ja";
  calc.setAttribute("lang", lang);
  applyWords();
  writeUrl();
});

document.getElementById("copy-link").addEventListener("click", async () => {
  const status = document.getElementById("page-status");
  const t = CoverageCalcElement.words(lang);
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = t("page.copied");
  } catch {
    status.textContent = t("page.copyFailed");
  }
});
