// The page: a shell around the widget <coverage-calc>. It holds no rule and no word table of its
// own: tabs (one per widget mode, labelled with the widget's mode names), the language, the
// header and footer of the family the tab is about (the widget's `page.*` words), and the URL
// state: `?tab=<mode>&lang=en&now=<instant>&in.<field>=…`, so that a shared link reopens the same
// answer (the form ⇄ the widget's `inputs` attribute). The link carries the shown tab's fields that
// differ from its untouched form (`detail.defaults`), one parameter each, a list's rows as
// `in.<list>.<row>.<field>`: `?tab=compare&in.fleet.0.product=matrice-300-rtk&in.fleet.0.units=3&in.cost=250000`.
// An untouched tab has no `in.` at all; the widget fills in the rest again.

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
/** The most rows a list of a form takes from a link (the widget's own bound). */
const MAX_ROWS = 200;

/**
 * The form in a link: its `in.<field>` and `in.<list>.<row>.<field>` parameters (all text), or
 * the `in=<JSON>` of links of earlier versions; null when there is none. Whatever does not read
 * (an edited or cut link) is left out: the widget fills in the untouched value, and a form that
 * does not fit its mode opens afresh.
 */
function formOf(params) {
  const form = Object.create(null);
  let found = false;
  for (const [name, value] of params) {
    const m = /^in\.([A-Za-z]\w{0,40})(?:\.(\d{1,3})\.([A-Za-z]\w{0,40}))?$/.exec(name);
    if (!m) continue;
    const [, key, row, sub] = m;
    found = true;
    if (row === undefined) {
      if (!Array.isArray(form[key])) form[key] = value;
    } else if (Number(row) < MAX_ROWS) {
      if (!Array.isArray(form[key])) form[key] = [];
      (form[key][Number(row)] ??= Object.create(null))[sub] = value;
    }
  }
  if (found) {
    // Rows in order without gaps (the fields a row leaves out are filled in by the widget).
    for (const [key, rows] of Object.entries(form)) if (Array.isArray(rows)) form[key] = rows.filter(Boolean);
    return form;
  }
  try {
    const old = JSON.parse(params.get("in") ?? "null");
    return old !== null && typeof old === "object" && !Array.isArray(old) ? old : null;
  } catch {
    return null;
  }
}

/** The form of the mode shown, as the widget last gave it (`detail.inputs`, parsed), or from the link. */
let inputs = formOf(params);
/**
 * The untouched form of the mode shown (`detail.defaults`, parsed): what the link leaves out. null
 * until the widget first answers: the link's own form parameters are then kept as they came.
 */
let defaults = null;
const linkForm = [...params].filter(([name]) => name === "in" || name.startsWith("in."));

/**
 * The `in.` parameters of `form`: the fields that differ from `defaults`, as text. In a list's
 * rows, the fields that differ from the list's untouched first row (a row with none keeps its
 * first field, so that it is still there).
 */
function formParams(p, form, defaults) {
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  for (const [key, value] of Object.entries(form ?? {})) {
    if (value === null || value === undefined || same(value, defaults[key])) continue;
    if (Array.isArray(value)) {
      const blank = (Array.isArray(defaults[key]) && defaults[key][0]) || {};
      value.forEach((row, i) => {
        const fields = Object.entries(row ?? {});
        const changed = fields.filter(([sub, v]) => !(Object.hasOwn(blank, sub) && same(v, blank[sub])));
        for (const [sub, v] of changed.length > 0 ? changed : fields.slice(0, 1)) p.append(`in.${key}.${i}.${sub}`, String(v));
      });
    } else {
      p.append(`in.${key}`, String(value));
    }
  }
}

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
  if (next !== mode) {
    inputs = null;
    defaults = {};
  }
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
  if (defaults) formParams(p, inputs, defaults);
  else if (inputs) for (const [name, value] of linkForm) p.append(name, value);
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
if (inputs) calc.setAttribute("inputs", JSON.stringify(inputs));
select(mode);

calc.addEventListener("coverage-change", (event) => {
  const { detail } = event;
  if (detail.inputs !== undefined) {
    inputs = JSON.parse(detail.inputs);
    defaults = JSON.parse(detail.defaults ?? "{}");
  }
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
