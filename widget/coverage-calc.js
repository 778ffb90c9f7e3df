// <coverage-calc>: the embeddable calculator, a custom element over the rules core.
//
//   <script type="module" src="/pkg/coverage-calc.js"></script>
//   <coverage-calc product="dji-mini-4-pro" mode="buy" lang="ja"></coverage-calc>
//
// Attributes (all optional, all observed): `product` (a catalog id; without it the widget offers
// a product list), `plans` (plan ids separated by spaces or commas: the plans to offer), `mode`
// (`buy` default, `status`, `compare`, `ipro`), `lang` (`ja` default, `en`), `now` (an instant
// that pins "now", e.g. for a demo; the live clock by default), `wasm-url` (where the .wasm is, read
// when the first element connects). Each attribute is also a property (`el.product = "…"`).
//
// It loads its WebAssembly through the package's API entry (./index.js: one fetch and one instance
// for the API and every element of the page), from `CoverageCalcElement.wasmUrl`, the first
// element's `wasm-url`, or by default `coverage_calc_bg.wasm` next to this file, renders into its own shadow root with a constructed
// stylesheet (no inline script or style, works under `script-src 'self' 'wasm-unsafe-eval';
// style-src 'self'`), builds its DOM with createElement/textContent only, stores nothing, makes
// no request after its files are loaded, and defines no global but the element. Each answer is
// dispatched as a `coverage-change` CustomEvent (bubbles, composed) and kept in `.answer`.

// The package's API entry, kept external by scripts/build-widget.mjs: the widget and the page's
// own `import … from "coverage-calc"` share it.
import init, * as api from "./index.js";
// The stylesheet as text (esbuild's text loader, minified by scripts/build-widget.mjs).
import css from "./coverage-calc.css";
import { translator, langOf, localeOf } from "./coverage-calc-i18n.js";
import { h, toJstInstant, parseJstInstant, formatters } from "./coverage-calc-util.js";
import buyMode from "./coverage-calc-buy.js";
import statusMode from "./coverage-calc-status.js";
import compareMode from "./coverage-calc-compare.js";
import iproMode from "./coverage-calc-ipro.js";
import { enterpriseBuy, enterpriseStatus } from "./coverage-calc-enterprise.js";
import contractMode from "./coverage-calc-contract.js";
import offerMode, { nearViewport, offerValue } from "./coverage-calc-offer.js";

/**
 * The modes, by name. A new mode is a module with `{name, requires, create(ctx)}`; a mode that
 * answers a question for one family of products also has `family` (its product list holds only
 * that family's products) and `question` (`buy`, `status`): for a product of another family the
 * element shows the mode of that family that answers the same question.
 */
const MODES = new Map([buyMode, statusMode, enterpriseBuy, enterpriseStatus, contractMode, compareMode, iproMode, offerMode].map((m) => [m.name, m]));

/** The mode that answers `mode`'s question for `product` (the mode itself when it is of its family). */
function modeFor(mode, product) {
  if (!mode.family || !product || product.family === mode.family) return mode;
  for (const m of MODES.values()) {
    if (m.question === mode.question && m.family === product.family) return m;
  }
  return mode;
}

let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

/** The engine, loaded once for every element on the page (and shared with the API's `init`). */
let engine = null;
function loadEngine(attributeUrl) {
  engine ??= init({ module_or_path: CoverageCalcElement.wasmUrl ?? (attributeUrl || defaultWasmUrl()) })
    .then(() => ({ api, catalog: api.catalog() }));
  return engine;
}
// A function, so that `import.meta.url` is only read when the widget runs in a page; the literal
// `new URL("./…", import.meta.url)` form lets Vite and webpack find the .wasm and emit it.
function defaultWasmUrl() {
  return new URL("./coverage_calc_bg.wasm", import.meta.url);
}

/** How long the widget waits for the .wasm before it says that it could not be loaded. */
const LOAD_PATIENCE_MS = 6000;

/**
 * Whether Intl formats Japan dates and yen here (missing in some embedded browsers, or replaced
 * by a host page's broken polyfill). Checked once it works; a failure is checked again.
 */
let intlChecked = false;
function intlWorks() {
  if (intlChecked) return true;
  try {
    const date = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "long", day: "numeric" }).format(new Date(0));
    const yen = new Intl.NumberFormat("ja-JP", { style: "currency", currency: "JPY" }).format(1);
    intlChecked = typeof date === "string" && typeof yen === "string";
  } catch {
    intlChecked = false;
  }
  return intlChecked;
}

/** The attributes, each also a property of the element (null when absent; `lang` is HTMLElement's own). */
const ATTRIBUTES = ["product", "plans", "mode", "now", "inputs", "wasm-url"];
const propertyName = (attr) => attr.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

// In node (server-side rendering) there is no HTMLElement: the module still loads, defines nothing.
const Base = globalThis.HTMLElement ?? class {};

/**
 * A `now` attribute → the instant to send, or null when absent or blank (then the live clock).
 * A Japan date and time as people type it (`2026-11-20 09:00`) becomes RFC 3339; anything else
 * goes to the core as it is, which checks it: a `now` the core refuses is an error on the
 * attribute (the `now` notice), never silently replaced by the clock.
 */
function pinnedNow(value) {
  if (value === null || !value.trim()) return null;
  return parseJstInstant(value) ?? value.trim();
}

class CoverageCalcElement extends Base {
  static observedAttributes = ["product", "plans", "mode", "lang", "now", "inputs"];

  /**
   * Where the .wasm is (a URL or string), for a CDN or a bundler that moves it; set before the
   * first element connects. null: the first element's `wasm-url` attribute, else the file next to
   * this module.
   */
  static wasmUrl = null;

  /**
   * The widget's word table for `lang` (`ja`, `en`): `words(lang)(key, params)`, e.g. the mode
   * names `mode.buy` … for a page's tabs and the page's own `page.*` words, so that a page around
   * the widget needs no word table of its own.
   */
  static words(lang) {
    return translator(langOf(lang));
  }

  /** The modes, in the order a page shows them: `{mode, family}` (the family of its products). */
  static get modes() {
    return [...MODES.values()].filter((m) => !m.productPage).map((m) => ({ mode: m.name, family: m.family }));
  }

  #shadow;
  #body;
  #live;
  #engine = null;
  #view = null;
  /** Form state per mode, kept across re-renders (language, product, attribute changes). */
  #states = Object.create(null);
  #timer = 0;
  #scheduled = false;
  #announceTimer = 0;
  #lastAnnounced = "";
  #answer = null;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: "open" });
    this.#shadow.adoptedStyleSheets = [styles()];
    this.#body = h("div", { class: "body", part: "body" });
    this.#live = h("div", { class: "sr-only", role: "status", "aria-live": "polite", "aria-atomic": "true" });
    this.#shadow.append(this.#body, this.#live);
  }

  /** Offer mode: the plan picked (the `detail` of the last `coverage-select`), or null for "No plan". */
  get value() {
    return offerValue(this);
  }

  /** The last answer dispatched (the `detail` of the last `coverage-change`), or null. */
  get answer() {
    return this.#answer;
  }

  connectedCallback() {
    // A property set before the element was defined is an own property hiding the accessor.
    for (const attr of ATTRIBUTES) {
      const prop = propertyName(attr);
      if (Object.hasOwn(this, prop)) {
        const value = this[prop];
        delete this[prop];
        this[prop] = value;
      }
    }
    if (!intlWorks()) {
      // Dates and yen are formatted by Intl: without it there is no answer to show, say so.
      this.#fail("intlMissing", "not_available");
    } else if (!this.#engine) {
      const t = translator(langOf(this.getAttribute("lang")));
      this.#body.replaceChildren(h("p", { class: "loading", part: "loading", role: "status", text: t("loading") }));
      // A .wasm that never arrives (a request that hangs) is said after LOAD_PATIENCE_MS; if it
      // arrives later, the answer replaces the message.
      clearTimeout(this.#patience);
      const patience = () => {
        this.#patience = setTimeout(() => {
          if (!this.#engine && this.isConnected) this.#fail("loadTimeout", "wasm_not_loaded", { s: LOAD_PATIENCE_MS / 1000 });
        }, LOAD_PATIENCE_MS);
      };
      // In a microtask: the module that imports the widget can still set `wasmUrl` or call the
      // API's `init({ module_or_path })` (its promise is then shared) before the engine loads.
      // An offer (mode="offer") far below the fold waits until it comes near the viewport.
      Promise.resolve().then(() => nearViewport(this)).then(() => { patience(); return loadEngine(this.getAttribute("wasm-url")); }).then((e) => {
        clearTimeout(this.#patience);
        this.#engine = e;
        if (this.isConnected) this.#render();
      }, (error) => {
        clearTimeout(this.#patience);
        console.error(error);
        this.#fail("loadFailed", "wasm_not_loaded");
      });
    } else {
      this.#render();
    }
    clearInterval(this.#timer);
    this.#timer = setInterval(() => this.#tick(), 1000);
    globalThis.addEventListener?.("beforeprint", this.#beforePrint);
    globalThis.addEventListener?.("afterprint", this.#afterPrint);
  }

  /**
   * Every <details> printed open (the assumptions, "why this answer"): the stylesheet does it
   * with ::details-content where the browser has it; here for the others, and closed again after.
   */
  #openedForPrint = [];
  #beforePrint = () => {
    this.#openedForPrint = [...this.#shadow.querySelectorAll("details:not([open])")];
    for (const d of this.#openedForPrint) d.open = true;
  };
  #afterPrint = () => {
    for (const d of this.#openedForPrint) d.open = false;
    this.#openedForPrint = [];
  };

  /** Says why there is no calculator (`key` of the word tables) and dispatches it (`code`). */
  #fail(key, code, params = {}) {
    const lang = langOf(this.getAttribute("lang"));
    this.#body.replaceChildren(h("p", { class: "notice", part: "notice", role: "alert", text: translator(lang)(key, params) }));
    this.#view = null;
    this.#emit({ mode: (this.getAttribute("mode") ?? "buy").trim().toLowerCase() || "buy", lang, answer: null, error: code });
  }

  #patience = 0;

  disconnectedCallback() {
    globalThis.removeEventListener?.("beforeprint", this.#beforePrint);
    globalThis.removeEventListener?.("afterprint", this.#afterPrint);
    clearTimeout(this.#patience);
    clearInterval(this.#timer);
    clearTimeout(this.#announceTimer);
    this.#timer = 0;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (!intlWorks()) {
      if (name === "lang" && this.isConnected) this.#fail("intlMissing", "not_available");
      return;
    }
    if (!this.#engine || this.#scheduled) return;
    // Several attributes set together (a variant switch) re-render once.
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.#render();
    });
  }

  /** The `inputs` attribute last applied (a new value replaces the shown mode's form). */
  #inputsApplied = null;
  /** Whether the shown mode's form came from `inputs` (a form that fails to build is then reset). */
  #fromInputs = false;

  /**
   * The `inputs` attribute: the shown mode's form as JSON (what `coverage-change` gives as
   * `detail.inputs`), so that a page can keep it in its URL and reopen the same answer. Only
   * strings, booleans and lists of such records are taken; anything else is ignored.
   */
  #takeInputs(modeName) {
    const text = this.getAttribute("inputs");
    if (text === null || text === this.#inputsApplied) return;
    this.#inputsApplied = text;
    let value = null;
    try {
      value = JSON.parse(text);
    } catch {
      return;
    }
    const plain = (v) => typeof v === "string" || typeof v === "boolean";
    const record = (o) => o !== null && typeof o === "object" && !Array.isArray(o)
      && Object.values(o).every(plain);
    if (!record(Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => !Array.isArray(v))))) return;
    const state = Object.create(null);
    for (const [key, v] of Object.entries(value)) {
      if (plain(v)) state[key] = v;
      else if (Array.isArray(v) && v.length <= 200 && v.every(record)) state[key] = v.map((o) => ({ ...o }));
    }
    this.#states[modeName] = state;
    this.#fromInputs = true;
  }

  /** Builds the context of a mode from the attributes. */
  #context(modeName) {
    const lang = langOf(this.getAttribute("lang"));
    const t = translator(lang);
    const locale = localeOf(lang);
    const plansAttr = (this.getAttribute("plans") ?? "").split(/[\s,]+/).filter(Boolean);
    const pinned = pinnedNow(this.getAttribute("now"));
    this.#takeInputs(modeName);
    this.#states[modeName] ??= {};
    return {
      api: this.#engine.api,
      catalog: this.#engine.catalog,
      lang, locale, t,
      fmt: formatters(locale, t),
      product: this.getAttribute("product")?.trim() || null,
      plans: plansAttr.length > 0 ? plansAttr : null,
      pinned: pinned !== null,
      now: () => pinned ?? toJstInstant(new Date()),
      state: this.#states[modeName],
      root: this.#shadow,
      emit: (detail) => {
        if (detail.answer) this.#clearNotice();
        this.#emit({ ...detail, lang, inputs: JSON.stringify(this.#states[modeName]) });
      },
      nowError: (error) => this.#nowError(t, modeName, lang, error),
      report: (report) => this.#report(t, report),
    };
  }

  #render() {
    const focusedId = this.#shadow.activeElement?.id ?? null;
    const asked = (this.getAttribute("mode") ?? "buy").trim().toLowerCase() || "buy";
    const productId = this.getAttribute("product")?.trim() || null;
    const mode = MODES.get(asked) && modeFor(MODES.get(asked), this.#engine.catalog.products.find((p) => p.id === productId));
    const modeName = mode?.name ?? asked;
    const lang = langOf(this.getAttribute("lang"));
    const t = translator(lang);
    this.#body.setAttribute("lang", lang);
    this.#view = null;
    if (!mode) {
      this.#body.replaceChildren(h("p", { class: "notice", part: "notice", text: t("unknownMode", { mode: modeName }) }));
      return;
    }
    const missing = mode.requires.filter((fn) => typeof this.#engine.api[fn] !== "function");
    if (missing.length > 0) {
      this.#body.replaceChildren(h("div", { class: "mode" },
        h("h2", { class: "heading", part: "heading", text: t(`mode.${modeName}`) }),
        h("p", { class: "notice", part: "notice", text: t("unavailable", { mode: t(`mode.${modeName}`) }) })));
      this.#emit({ mode: modeName, lang, answer: null, error: "not_available" });
      return;
    }
    try {
      const ctx = this.#context(modeName);
      ctx.family = mode.family ?? null;
      this.#ctx = ctx;
      this.#notice = null;
      this.#view = mode.create(ctx);
      this.#body.replaceChildren(this.#view.el);
      if (this.#notice) this.#body.prepend(this.#notice);
      this.#fromInputs = false;
    } catch (error) {
      if (this.#fromInputs) {
        // A form from `inputs` that does not fit the mode (an edited link): start it afresh.
        this.#fromInputs = false;
        this.#states[modeName] = {};
        this.#render();
        return;
      }
      // A defect of a view: say so instead of leaving the host page with a broken element.
      console.error(error);
      this.#ctx = null;
      this.#body.replaceChildren(h("p", { class: "notice", part: "notice", role: "alert", text: t("err.other") }));
      return;
    }
    if (focusedId) this.#shadow.getElementById(focusedId)?.focus();
  }

  #ctx = null;
  /** A notice above the view: the `now` attribute the core refused (never replaced by the clock). */
  #notice = null;

  #nowError(t, modeName, lang, error) {
    this.#clearNotice();
    this.#notice = h("p", { class: "notice", part: "notice", role: "alert", id: "now-error",
      text: t("err.nowAttr", { value: this.getAttribute("now") ?? "", code: error?.code ?? "" }) });
    if (this.#body.contains(this.#view?.el ?? null)) this.#body.prepend(this.#notice);
    this.#emit({ mode: modeName, lang, answer: null, error: error?.code ?? "invalid_instant", field: "now" });
  }

  #clearNotice() {
    this.#notice?.remove();
    this.#notice = null;
  }

  #tick() {
    if (!this.#view || !this.#ctx || this.#ctx.pinned) return;
    this.#view.tick(this.#ctx.now());
  }

  /** The one-line summary of the last answer or errors (what the live region announces). */
  #summary = "";

  #emit(detail) {
    if (detail.summary === undefined && this.#summary) detail = { ...detail, summary: this.#summary };
    this.#answer = detail;
    this.dispatchEvent(new CustomEvent("coverage-change", { detail, bubbles: true, composed: true }));
  }

  /** Announces the errors (field: words) or the answer's one-line summary, once typing pauses. */
  #report(t, { errors, summary }) {
    const text = errors.length > 0
      ? `${t("error.summary", { n: errors.length })} ${errors.map((e) => e.text).join(" ")}`
      : summary ?? "";
    this.#summary = text;
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      if (text === this.#lastAnnounced) return;
      this.#lastAnnounced = text;
      this.#live.textContent = text;
    }, 600);
  }
}

// The class keeps its name through minification (devtools, stack traces).
Object.defineProperty(CoverageCalcElement, "name", { value: "CoverageCalcElement" });

for (const attr of ATTRIBUTES) {
  Object.defineProperty(CoverageCalcElement.prototype, propertyName(attr), {
    get() { return this.getAttribute(attr); },
    set(value) {
      if (value === null || value === undefined) this.removeAttribute(attr);
      else this.setAttribute(attr, String(value));
    },
    configurable: true,
    enumerable: true,
  });
}

if (globalThis.customElements && !customElements.get("coverage-calc")) customElements.define("coverage-calc", CoverageCalcElement);

export { CoverageCalcElement };
