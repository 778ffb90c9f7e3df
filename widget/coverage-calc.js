// <coverage-calc>: the embeddable calculator, a custom element over the rules core.
//
//   <script type="module" src="/pkg/coverage-calc.js"></script>
//   <coverage-calc product="dji-mini-4-pro" mode="buy" lang="ja"></coverage-calc>
//
// Attributes (all optional, all observed): `product` (a catalog id; without it the widget offers
// a product list), `plans` (plan ids separated by spaces or commas: the plans to offer), `mode`
// (`buy` default, `status`, `enterprise-buy`, `enterprise-status`, `contract`, `compare`, `ipro`,
// `offer`), `lang` (`ja` default, `en`), `now` (an instant
// that pins "now", e.g. for a demo; the live clock by default), `wasm-url` (where the .wasm is, read
// when the first element connects). Each attribute is also a property (`el.product = "…"`).
//
// It loads its WebAssembly through the package's API entries: the module with the Care Refresh
// rules alone (./care-refresh.js, `coverage_calc_care_refresh_bg.wasm` next to this file) when all
// an element shows is Care Refresh and no .wasm is named, else the full one (./index.js: one fetch
// and one instance for the API and every element of the page) from `CoverageCalcElement.wasmUrl`,
// the first element's `wasm-url`, or by default `coverage_calc_bg.wasm` next to this file. Its
// modes, words and the offer's dialog are chunks loaded when shown (scripts/build-widget.mjs). It
// renders into its own shadow root with constructed stylesheets (no inline script or style, works
// under `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`), builds its DOM with
// createElement/textContent only, stores nothing, makes no request once what it shows is loaded,
// and defines no global but the element. Each answer is
// dispatched as a `coverage-change` CustomEvent (bubbles, composed) and kept in `.answer`.

// The stylesheet as text (esbuild's text loader, minified by scripts/build-widget.mjs).
import css from "./coverage-calc.css";
import { translator, loadWords, wordsLoaded, groupsOf, langOf, localeOf } from "./coverage-calc-i18n.js";
import { h, toJstInstant, parseJstInstant, formatters } from "./coverage-calc-util.js";
// The forms' code every mode shares, loaded with the element rather than after a mode's chunk
// (one step less before the first answer).
import "./coverage-calc-form.js";
// The ids of the Care Refresh products, from the core's catalog (written by scripts/build-widget.mjs):
// an element that shows nothing else loads the Care Refresh module alone.
import CARE_REFRESH_PRODUCTS from "coverage-calc:care-refresh-products";
// Which of the package's APIs the page has started (its init() called): the widget shares it.
import { started } from "./api.js";

/**
 * The modes, by name, in the order a page shows them: what the element knows of a mode before its
 * code is loaded, and `load`, which imports it (a chunk of its own: a page loads only the modes it
 * shows). A mode that answers a question for one family of products has `family` (its product
 * list holds only that family's products) and `question` (`buy`, `status`): for a product of
 * another family the element shows the mode of that family that answers the same question.
 * `words`: groups of words of its own (coverage-calc-i18n.js). `productPage`: made for a product
 * page, not a tab of a calculator page. A mode's module gives `{requires, create(ctx), css?}`.
 */
const MODES = new Map([
  ["buy", { family: "care-refresh", question: "buy", load: () => import("./coverage-calc-buy.js") }],
  ["status", { family: "care-refresh", question: "status", words: ["status"], load: () => import("./coverage-calc-status.js") }],
  ["enterprise-buy", { family: "care-enterprise", question: "buy", load: () => import("./coverage-calc-enterprise.js").then((m) => m.enterpriseBuy) }],
  ["enterprise-status", { family: "care-enterprise", question: "status", load: () => import("./coverage-calc-enterprise.js").then((m) => m.enterpriseStatus) }],
  ["contract", { family: "care-enterprise", question: "contract", load: () => import("./coverage-calc-contract.js") }],
  ["compare", { family: "care-enterprise", question: "compare", load: () => import("./coverage-calc-compare.js") }],
  ["ipro", { family: "ipro", question: "ipro", load: () => import("./coverage-calc-ipro.js") }],
  ["offer", { productPage: true, load: () => import("./coverage-calc-offer.js") }],
]);

/** The mode modules loaded (name → module), and those on their way (name → promise). */
const loadedModes = new Map();
const loadingModes = new Map();
function loadMode(name) {
  const info = MODES.get(name);
  if (!info || loadedModes.has(name)) return Promise.resolve();
  if (!loadingModes.has(name)) {
    loadingModes.set(name, info.load().then((m) => {
      // The module gives `requires`, `create` (and `css`); the registry what it says of the mode.
      loadedModes.set(name, { name, ...info, ...(m.default ?? m) });
      if (name === "offer") offerModule = m;
    }).finally(() => loadingModes.delete(name)));
  }
  return loadingModes.get(name);
}
/** The offer mode's module once loaded (`el.value`). */
let offerModule = null;

/** The mode an element asks for (its `mode` attribute; `buy` by default). */
const modeOf = (el) => (el.getAttribute("mode") ?? "buy").trim().toLowerCase() || "buy";

/** The name of the mode that answers `name`'s question for `product` (`name` itself when it is of its family). */
function modeFor(name, product) {
  const mode = MODES.get(name);
  if (!mode?.family || !product || product.family === mode.family) return name;
  for (const [other, m] of MODES) {
    if (m.question === mode.question && m.family === product.family) return other;
  }
  return name;
}

/** The element's stylesheet, then a mode's own (`mode.css`, in its chunk), each made once. */
const sheets = new Map();
function sheetOf(text) {
  if (!sheets.has(text)) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    sheets.set(text, sheet);
  }
  return sheets.get(text);
}
const styles = (mode = null) => (mode?.css ? [sheetOf(css), sheetOf(mode.css)] : [sheetOf(css)]);

/**
 * The engines: the full module (the package's API entry ./index.js, shared with a page's own
 * `import … from "coverage-calc"`: one fetch, one instance) and the module with the Care Refresh
 * rules alone (./care-refresh.js, about 70 KB gzip smaller), each loaded at most once per page.
 * Both entries stay imports (external to the widget's bundle, loaded when first needed).
 */
const engines = new Map();
function loadEngine(kind, attributeUrl) {
  if (!engines.has(kind)) {
    let loading;
    if (kind === "care-refresh") {
      // Its .wasm is fetched at once, while its JavaScript (the entry, the glue) is imported.
      const response = fetch(careRefreshWasmUrl());
      response.catch(() => {}); // a failed fetch is reported by init() below, not as unhandled
      // The glue is asked for with its entry (not after it: one round trip less).
      import("./coverage_calc_care_refresh.js").catch(() => {});
      loading = import("./care-refresh.js").then((api) => api.default({ module_or_path: response }).then(() => api));
    } else {
      // Through the API's own init(): a page that loads it too shares the fetch and the instance.
      const url = CoverageCalcElement.wasmUrl ?? (attributeUrl || defaultWasmUrl());
      import("./coverage_calc.js").catch(() => {});
      loading = import("./index.js").then((api) => api.default({ module_or_path: url }).then(() => api));
    }
    const engine = loading.then((api) => ({ kind, api, catalog: api.catalog() }));
    // A failed load is tried again by the next element that asks.
    engine.catch(() => engines.delete(kind));
    engines.set(kind, engine);
  }
  return engines.get(kind);
}
// Functions, so that `import.meta.url` is only read when the widget runs in a page; the literal
// `new URL("./…", import.meta.url)` form lets Vite and webpack find the .wasm and emit it.
function defaultWasmUrl() {
  return new URL("./coverage_calc_bg.wasm", import.meta.url);
}
function careRefreshWasmUrl() {
  return new URL("./coverage_calc_care_refresh_bg.wasm", import.meta.url);
}

/**
 * The engine `el` needs: the Care Refresh module when all it shows is Care Refresh (an offer or a
 * Care Refresh mode, for a Care Refresh product or none) and no .wasm was named (`wasmUrl`,
 * `wasm-url`: that module, through the full API); else the full one. A page that has already
 * loaded the full one, or started it through the API (`init()`), keeps to it.
 */
function engineFor(el) {
  if (CoverageCalcElement.wasmUrl || el.getAttribute("wasm-url") || engines.has("all") || started.has("full")) return "all";
  const asked = modeOf(el);
  const product = el.getAttribute("product")?.trim() || null;
  const careRefreshOnly = asked === "offer"
    ? product !== null && CARE_REFRESH_PRODUCTS.has(product)
    : MODES.get(asked)?.family === "care-refresh" && (product === null || CARE_REFRESH_PRODUCTS.has(product));
  return careRefreshOnly ? "care-refresh" : "all";
}

/**
 * The groups of words `el` needs to show `modeName` (coverage-calc-i18n.js): those of the mode's
 * family and of the product's (`product` from the catalog; before the catalog is loaded, null:
 * then a product that is not Care Refresh is taken to be Enterprise, the other family with products).
 */
function wordGroupsFor(el, modeName, product) {
  const id = el.getAttribute("product")?.trim() || null;
  const family = product?.family ?? (id !== null && !CARE_REFRESH_PRODUCTS.has(id) ? "care-enterprise" : null);
  return [...new Set([...groupsOf(MODES.get(modeName)?.family), ...(MODES.get(modeName)?.words ?? []), ...groupsOf(family)])];
}

/** The distance from the viewport at which an offer starts loading the wasm. */
const NEAR_PX = 600;

/**
 * Resolves when `el` may load the engine: at once for every mode but offer, and for an offer that
 * is on screen or within NEAR_PX of it (measured now: no frame lost on a product page whose offer
 * is visible at load); else when an IntersectionObserver (rootMargin NEAR_PX) sees it come near.
 */
function nearViewport(el) {
  if (modeOf(el) !== "offer" || typeof IntersectionObserver !== "function") return Promise.resolve();
  const r = el.getBoundingClientRect();
  const vh = window.innerHeight || document.documentElement.clientHeight;
  const vw = window.innerWidth || document.documentElement.clientWidth;
  if (r.bottom >= -NEAR_PX && r.top <= vh + NEAR_PX && r.right >= -NEAR_PX && r.left <= vw + NEAR_PX) return Promise.resolve();
  return new Promise((resolve) => {
    const io = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      io.disconnect();
      resolve();
    }, { rootMargin: `${NEAR_PX}px` });
    io.observe(el);
  });
}

/** How long the widget waits for the .wasm before it says that it could not be loaded. */
const LOAD_PATIENCE_MS = 6000;

/**
 * Whether Intl formats Japan dates and yen here (missing in some embedded browsers, or replaced
 * by a host page's broken polyfill). Checked once it works; a failure is checked again.
 */
const intlChecked = new Set();
function intlWorks(lang = "ja") {
  const locale = localeOf(lang);
  if (intlChecked.has(locale)) return true;
  try {
    const date = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Tokyo", year: "numeric", month: "long", day: "numeric" }).format(new Date(0));
    const yen = new Intl.NumberFormat(locale, { style: "currency", currency: "JPY" }).format(1);
    if (typeof date === "string" && typeof yen === "string") intlChecked.add(locale);
  } catch {
    // Not working: checked again next time.
  }
  return intlChecked.has(locale);
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

  /**
   * Loads the word table of `lang` (each language is a chunk of its own, fetched once; an element
   * loads its own) and resolves to `words(lang)`: a page that shows the widget's words calls it
   * first.
   */
  static loadWords(lang) {
    return loadWords(langOf(lang));
  }

  /** The modes, in the order a page shows them: `{mode, family}` (the family of its products). */
  static get modes() {
    return [...MODES].filter(([, m]) => !m.productPage).map(([mode, m]) => ({ mode, family: m.family }));
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
    this.#shadow.adoptedStyleSheets = styles();
    this.#body = h("div", { class: "body", part: "body" });
    this.#live = h("div", { class: "sr-only", role: "status", "aria-live": "polite", "aria-atomic": "true" });
    this.#shadow.append(this.#body, this.#live);
  }

  /** Offer mode: the plan picked (the `detail` of the last `coverage-select`), or null for "No plan". */
  get value() {
    return offerModule?.offerValue(this) ?? null;
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
    const lang = langOf(this.getAttribute("lang"));
    if (!this.#engine) {
      // The downloads start first (#load checks Intl once they have: that takes a while on a slow phone).
      this.#body.replaceChildren(h("p", { class: "loading", part: "loading", role: "status", text: translator(lang)("loading") }));
      this.#load();
    } else if (!intlWorks(lang)) {
      // Dates and yen are formatted by Intl: without it there is no answer to show, say so.
      this.#fail("intlMissing", "not_available");
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

  /**
   * Loads the engine, the shown mode's code and the words of its language together, then renders.
   * In a microtask: the module that imports the widget can still set `wasmUrl` or call the API's
   * `init({ module_or_path })` (its promise is then shared) before the engine loads. An offer
   * (mode="offer") far below the fold waits until it comes near the viewport.
   */
  #load() {
    // A .wasm that never arrives (a request that hangs) is said after LOAD_PATIENCE_MS; if it
    // arrives later, the answer replaces the message.
    clearTimeout(this.#patience);
    const patience = () => {
      this.#patience = setTimeout(() => {
        if (!this.#engine && this.isConnected) this.#fail("loadTimeout", "wasm_not_loaded", { s: LOAD_PATIENCE_MS / 1000 });
      }, LOAD_PATIENCE_MS);
    };
    Promise.resolve().then(() => nearViewport(this)).then(() => {
      patience();
      const asked = modeOf(this);
      const lang = langOf(this.getAttribute("lang"));
      const loads = Promise.all([loadEngine(engineFor(this), this.getAttribute("wasm-url")), loadMode(asked),
        loadWords(lang, wordGroupsFor(this, asked, null))]);
      // Dates and yen are formatted by Intl: without it there is no answer to show, say so. In a
      // task of its own (its ICU data take a while on a slow phone), so that the requests above
      // leave first and it runs while they are under way.
      setTimeout(() => {
        if (!intlWorks(lang)) {
          clearTimeout(this.#patience);
          this.#fail("intlMissing", "not_available");
        }
      });
      return loads;
    }).then(([e]) => {
      clearTimeout(this.#patience);
      this.#engine = e;
      if (this.isConnected && intlWorks(langOf(this.getAttribute("lang")))) this.#render();
    }, (error) => {
      clearTimeout(this.#patience);
      console.error(error);
      if (intlWorks(langOf(this.getAttribute("lang")))) this.#fail("loadFailed", "wasm_not_loaded");
    });
  }

  /** Says why there is no calculator (`key` of the word tables) and dispatches it (`code`). */
  #fail(key, code, params = {}) {
    const lang = langOf(this.getAttribute("lang"));
    this.#body.replaceChildren(h("p", { class: "notice", part: "notice", role: "alert", text: translator(lang)(key, params) }));
    this.#view = null;
    this.#emit({ mode: modeOf(this), lang, answer: null, error: code });
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
    // Before the engine is loaded there is nothing to render again (the upgrade of an element
    // in the page's HTML calls this for each attribute: no Intl check then, #load makes it).
    if (oldValue === newValue || !this.#engine) return;
    if (!intlWorks(langOf(this.getAttribute("lang")))) {
      if (name === "lang" && this.isConnected) this.#fail("intlMissing", "not_available");
      return;
    }
    if (this.#scheduled) return;
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
   * strings, booleans and lists of such records are taken; anything else is ignored. A field left
   * out keeps its untouched value, a field a list's row leaves out that of the list's untouched
   * first row (a new row), and a field whose untouched value is a boolean also takes the strings
   * `"true"` and `"false"` (a page's link carries text only).
   */
  #takeInputs(mode, ctx) {
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
    const untouched = JSON.parse(this.#defaultsOf(mode, ctx) ?? "{}");
    const state = Object.create(null);
    for (const [key, v] of Object.entries(value)) {
      if (typeof untouched[key] === "boolean" && (v === "true" || v === "false")) state[key] = v === "true";
      else if (plain(v)) state[key] = v;
      else if (Array.isArray(v) && v.length <= 200 && v.every(record)) {
        const blank = Array.isArray(untouched[key]) && record(untouched[key][0]) ? untouched[key][0] : {};
        state[key] = v.map((o) => ({ ...blank, ...o }));
      }
    }
    this.#states[mode.name] = state;
    this.#fromInputs = true;
  }

  /** The untouched form of each mode as JSON, by mode and the attributes its defaults depend on. */
  #defaults = new Map();

  /**
   * The form `mode` shows untouched under the current attributes, as JSON (`detail.defaults`, so
   * that a page's link can leave out what the widget fills in itself): the mode built once more
   * on an empty form, off the page, its events dropped. Undefined for offer mode (its view speaks
   * for the element through `coverage-select`; no page keeps its form in a link).
   */
  #defaultsOf(mode, ctx) {
    if (mode.productPage) return undefined;
    const key = JSON.stringify([mode.name, ctx.product, ctx.plans]);
    let json = this.#defaults.get(key);
    if (json === undefined) {
      const state = Object.create(null);
      try {
        mode.create({ ...ctx, state, emit() {}, report() {}, nowError() {} });
        json = JSON.stringify(state);
      } catch {
        // A view that cannot be built untouched: nothing is left out of a link.
        json = "{}";
      }
      this.#defaults.set(key, json);
    }
    return json;
  }

  /** Builds the context of a mode from the attributes. */
  #context(mode) {
    const modeName = mode.name;
    const lang = langOf(this.getAttribute("lang"));
    const t = translator(lang);
    const locale = localeOf(lang);
    const plansAttr = (this.getAttribute("plans") ?? "").split(/[\s,]+/).filter(Boolean);
    const pinned = pinnedNow(this.getAttribute("now"));
    const ctx = {
      api: this.#engine.api,
      catalog: this.#engine.catalog,
      lang, locale, t,
      fmt: formatters(locale, t),
      product: this.getAttribute("product")?.trim() || null,
      plans: plansAttr.length > 0 ? plansAttr : null,
      family: mode.family ?? null,
      pinned: pinned !== null,
      now: () => pinned ?? toJstInstant(new Date()),
      state: null,
      root: this.#shadow,
      emit: (detail) => {
        if (detail.answer) this.#clearNotice();
        const full = { ...detail, lang, inputs: JSON.stringify(this.#states[modeName]) };
        // Worked out when first read (a page that keeps links does; a product page never pays
        // for building the mode once more before its first answer).
        let defaults = null;
        Object.defineProperty(full, "defaults", {
          get: () => (defaults ??= { json: this.#defaultsOf(mode, ctx) }).json, enumerable: true, configurable: true,
        });
        this.#emit(full);
      },
      nowError: (error) => this.#nowError(t, modeName, lang, error),
      report: (report) => this.#report(t, report),
    };
    this.#takeInputs(mode, ctx);
    ctx.state = this.#states[modeName] ??= {};
    return ctx;
  }

  #render() {
    const focusedId = this.#shadow.activeElement?.id ?? null;
    const asked = modeOf(this);
    const productId = this.getAttribute("product")?.trim() || null;
    const modeName = modeFor(asked, this.#engine.catalog.products.find((p) => p.id === productId));
    const lang = langOf(this.getAttribute("lang"));
    const t = translator(lang);
    const product = this.#engine.catalog.products.find((p) => p.id === productId) ?? null;
    const groups = wordGroupsFor(this, modeName, product);
    if (!wordsLoaded(lang, groups) || (MODES.has(modeName)
      && (!loadedModes.has(modeName) || (this.#engine.kind !== "all" && engineFor(this) === "all")))) {
      // Its code, its words or the full engine (a product or mode of another family than the Care
      // Refresh module's) are not loaded yet: the view stays until they are, then the element renders.
      this.#awaitRender(modeName, lang, groups);
      return;
    }
    const mode = loadedModes.get(modeName);
    this.#shadow.adoptedStyleSheets = styles(mode);
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
      const ctx = this.#context(mode);
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

  /** Loads what the next render needs (the mode's code, its words, the full engine), then renders once. */
  #awaitRender(modeName, lang, groups) {
    const wanted = engineFor(this);
    const ticket = ++this.#awaiting;
    if (!this.#view) this.#body.replaceChildren(h("p", { class: "loading", part: "loading", role: "status", text: translator(lang)("loading") }));
    const engine = this.#engine.kind === wanted ? Promise.resolve(this.#engine) : loadEngine(wanted, this.getAttribute("wasm-url"));
    Promise.all([engine, loadMode(modeName), loadWords(lang, groups)]).then(([e]) => {
      if (ticket !== this.#awaiting) return;
      this.#engine = e;
      if (this.isConnected) this.#render();
    }, (error) => {
      if (ticket !== this.#awaiting) return;
      console.error(error);
      this.#fail("loadFailed", "wasm_not_loaded");
    });
  }

  /** The last #awaitRender (an older one that finishes later renders nothing). */
  #awaiting = 0;

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
    // Set on the detail itself (a fresh object each time): copying it would read `defaults` now.
    if (detail.summary === undefined && this.#summary) detail.summary = this.#summary;
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
