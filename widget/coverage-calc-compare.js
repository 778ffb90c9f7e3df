// Compare mode (sales): DJI Care Enterprise Basic vs Plus (EN-13). A fleet (products × units), a
// number of incidents and the repair cost of one incident → both plans side by side, what the
// customer pays in all for 0 … N incidents as a chart (an SVG built with createElementNS) and a
// table, the break-even, "the customer pays the repair instead" where a Basic fee is higher than
// the repair, and what is missing where a price is not published. A `product` attribute naming an
// Enterprise product presets the first line of the fleet; any other product id is ignored here.
//
// A quote a salesperson can hand over (issue 14): each line takes the figures a dealer quoted per
// unit (the core's `quote`: plan prices, Basic fees, Plus limit; each field says DJI's figure or
// that DJI publishes none), and every figure of the answer built on a quote carries a 「見積」 /
// "quoted" mark, with DJI's figure beside it where DJI publishes one. The customer's name and the
// Japan date of "now" head the answer as a quote sheet when printed (coverage-calc.css, print).

// The mode's own stylesheet (text; the element adopts it after its own).
import css from "./coverage-calc-enterprise.css";
import { h, svg, toJstInstant } from "./coverage-calc-util.js";
import { field, textInput, setFieldError, errorWords, fieldOf, formError, whyBlock } from "./coverage-calc-form.js";

/** The most units a comparison takes, all lines together (the core's `compare::MAX_UNITS`). */
const MAX_UNITS = 100_000;

/**
 * The figures a dealer can quote for one unit of a product: the key of the core's `quote` (and of
 * the catalog's `terms.careEnterprise`), its plan, and its `item` in the answer's `quoted` and
 * `missing` lists.
 */
const QUOTE = [
  { key: "basicPrice", plan: "enterprise-basic", item: "price" },
  { key: "basicFee1", plan: "enterprise-basic", item: "replacement-fee-1" },
  { key: "basicFee2", plan: "enterprise-basic", item: "replacement-fee-2" },
  { key: "plusPrice", plan: "enterprise-plus", item: "price" },
  { key: "plusLimit", plan: "enterprise-plus", item: "limit" },
];

/**
 * A quoted figure as typed, for the core: separators and yen signs taken out (full-width digits
 * made plain), nothing else; the core checks that it is whole yen and names the field when not
 * (`fleet[1].quote.plusLimit`). Empty: not quoted.
 */
const quoteText = (text) => String(text ?? "").normalize("NFKC").replace(/[,\s円¥￥]/g, "");

/** Digits only, after the separators and yen signs people type; else null. */
const whole = (text) => {
  const s = String(text ?? "").replace(/[,，\s円¥￥]/g, "");
  return /^\d{1,15}$/.test(s) ? s : null;
};

export default {
  css,
  requires: ["compare"],
  /** @param {any} ctx */
  create(ctx) {
    const { t, fmt, state, lang } = ctx;
    const products = ctx.catalog.products
      .filter((p) => p.plans.includes("enterprise-basic") || p.plans.includes("enterprise-plus"))
      .sort((a, b) => a.name[lang].localeCompare(b.name[lang], ctx.locale));
    const byId = new Map(products.map((p) => [p.id, p]));
    const name = (id) => byId.get(id)?.name[lang] ?? id;
    if (ctx.product && byId.has(ctx.product) && ctx.product !== state.preset) {
      state.preset = ctx.product;
      state.fleet = [{ product: ctx.product, units: "1" }];
    }
    state.fleet ??= [{ product: "", units: "1" }];
    state.incidents ??= "5";
    state.cost ??= "";
    state.customer ??= "";
    const yen = (m) => (m ? fmt.fee({ status: "published", ...m }) : "—");
    /** DJI's figure `key` of product `p` (the catalog's `{status, amount, currency}`), or null. */
    const dji = (p, key) => p?.terms?.careEnterprise?.[key] ?? null;
    const published = (p, key) => dji(p, key)?.status === "published";
    const takes = (p, plan) => Boolean(p?.plans.includes(plan));
    /** The mark of a figure built on a dealer's quote: 「見積」 / "quoted", and what it means for screen readers. */
    const mark = () => h("span", { class: "cmp-q", part: "quoted" }, t("cmp.q"), h("span", { class: "sr-only", text: t("cmp.q.sr") }));
    const markIf = (yes) => (yes ? [" ", mark()] : null);

    const root = h("div", { class: "mode mode--compare" });
    const form = h("form", { class: "form", part: "form", novalidate: true, onsubmit: (e) => e.preventDefault() });
    const answer = h("div", { class: "answer", part: "answer" });
    root.append(h("h2", { class: "heading", part: "heading", text: t("heading.compare") }), form, answer);

    const list = h("ol", { class: "claims", part: "fleet" });
    const addButton = h("button", { type: "button", class: "button button--secondary", part: "button", id: "compare-add", text: t("cmp.add") });
    let rows = [];
    /**
     * The quoted figures of line `n` (per unit): a field for each figure of the plans its product
     * takes, its hint DJI's figure (used when the field is empty) or that DJI publishes none. Open
     * when a figure is missing or quoted.
     */
    function renderQuote(row, line, n) {
      const p = byId.get(line.product);
      row.quote = {};
      if (!p) {
        row.quoteBox.replaceChildren();
        return;
      }
      const specs = QUOTE.filter((q) => takes(p, q.plan));
      const missing = specs.filter((q) => !published(p, q.key)).length;
      const fields = specs.map((q) => {
        const f = field(`compare-${n}-quote-${q.key}`, t(`cmp.quote.${q.key}`, { n }), textInput(line[q.key] ?? ""),
          published(p, q.key) ? t("cmp.quote.dji", { amount: yen(dji(p, q.key)) }) : t("cmp.quote.none"));
        f.control.setAttribute("inputmode", "numeric");
        f.control.addEventListener("input", () => { line[q.key] = f.control.value; compute(); });
        row.quote[`quote.${q.key}`] = f;
        return f.el;
      });
      const open = missing > 0 || specs.some((q) => String(line[q.key] ?? "").trim() !== "");
      row.quoteBox.replaceChildren(h("details", { class: "cmp-quote", open },
        h("summary", { text: missing > 0 ? t("cmp.quote.summaryMissing", { n, missing }) : t("cmp.quote.summary", { n }) }),
        h("p", { class: "hint", text: t("cmp.quote.hint") }),
        h("div", { class: "cmp-quote__fields" }, fields)));
    }
    function renderFleet(focusRow = null) {
      rows = state.fleet.map((line, i) => {
        const n = i + 1;
        const select = h("select", { part: "select" }, h("option", { value: "", text: t("productPick") }),
          ["drone", "gimbal-camera", "accessory"].map((c) => h("optgroup", { label: t(`category.${c}`) },
            products.filter((p) => p.category === c).map((p) => h("option", { value: p.id, text: p.name[lang] })))));
        select.value = byId.has(line.product) ? line.product : "";
        const product = field(`compare-${n}-product`, t("cmp.product", { n }), select);
        const units = field(`compare-${n}-units`, t("cmp.units", { n }), textInput(line.units));
        const row = { product, units, quote: {}, quoteBox: h("div", { class: "cmp-quote-box" }), el: null };
        units.control.setAttribute("inputmode", "numeric");
        select.addEventListener("change", () => {
          line.product = select.value;
          // A quote is for one product: another product starts without one.
          for (const q of QUOTE) delete line[q.key];
          renderQuote(row, line, n);
          compute();
        });
        units.control.addEventListener("input", () => { line.units = units.control.value; compute(); });
        const remove = state.fleet.length > 1 ? h("button", {
          type: "button", class: "button button--icon", part: "button", id: `compare-${n}-remove`,
          "aria-label": t("cmp.remove", { n }), title: t("cmp.remove", { n }),
          onclick: () => { state.fleet.splice(i, 1); renderFleet(Math.min(i, state.fleet.length - 1)); compute(); },
        }, "×") : h("span");
        renderQuote(row, line, n);
        row.el = h("li", { class: "claim cmp-line" }, product.el, units.el, remove, row.quoteBox);
        return row;
      });
      list.replaceChildren(...rows.map((r) => r.el));
      if (focusRow !== null) rows[focusRow]?.product.control.focus();
    }
    addButton.addEventListener("click", () => {
      state.fleet.push({ product: "", units: "1" });
      renderFleet(state.fleet.length - 1);
      compute();
    });
    renderFleet();

    const customer = field("compare-customer", t("cmp.customer"), textInput(state.customer), t("cmp.hint.customer"));
    customer.control.setAttribute("autocomplete", "organization");
    customer.control.addEventListener("input", () => { state.customer = customer.control.value; compute(); });
    const incidents = field("compare-incidents", t("cmp.incidents"), textInput(state.incidents), t("cmp.hint.incidents"));
    const cost = field("compare-cost", t("cmp.cost"), textInput(state.cost), t("cmp.hint.cost"));
    for (const [f, key] of [[incidents, "incidents"], [cost, "cost"]]) {
      f.control.setAttribute("inputmode", "numeric");
      f.control.addEventListener("input", () => { state[key] = f.control.value; compute(); });
    }
    const formLevel = formError("compare-form-error");
    form.append(customer.el, h("fieldset", { class: "group", part: "fieldset" }, h("legend", { part: "legend", text: t("cmp.fleet") }), list, addButton),
      incidents.el, cost.el, formLevel.el);

    function compute() {
      const quoteFields = rows.flatMap((r) => Object.values(r.quote));
      const all = [incidents, cost, formLevel, ...rows.flatMap((r) => [r.product, r.units]), ...quoteFields];
      for (const f of all) setFieldError(f, null);
      const errors = [];
      const need = (f, value, words) => {
        if (value === null) errors.push({ field: f, text: t(words) });
        return value;
      };
      if (state.fleet.some((l) => !l.product) || !state.cost.trim()) {
        answer.replaceChildren(h("p", { class: "muted", text: t("cmp.prompt") }));
        ctx.report({ errors: [], summary: null });
        ctx.emit({ mode: "compare", answer: null });
        return;
      }
      const request = {
        fleet: state.fleet.map((l, i) => {
          // The figures quoted for the plans the product takes, as typed (the core checks them).
          const quote = Object.fromEntries(QUOTE.filter((q) => takes(byId.get(l.product), q.plan))
            .map((q) => [q.key, quoteText(l[q.key])]).filter(([, v]) => v !== ""));
          const units = Number(need(rows[i].units, whole(l.units), "cmp.err.units"));
          return Object.keys(quote).length > 0 ? { product: l.product, units, quote } : { product: l.product, units };
        }),
        incidents: Number(need(incidents, whole(state.incidents), "cmp.err.incidents")),
        repairCost: need(cost, whole(state.cost), "cmp.err.cost"),
      };
      let a = null;
      if (errors.length === 0) {
        try {
          a = ctx.api.compare(request);
        } catch (error) {
          // The control its `field` names (`incidents`, `repairCost`, `fleet[1].units`,
          // `fleet[0].quote.plusLimit`), else the form.
          const f = fieldOf(error, { incidents, repairCost: cost }, { fleet: rows.map((r) => ({ product: r.product, units: r.units, ...r.quote })) }) ?? formLevel;
          const row = rows.findIndex((r) => r.units === f);
          // A whole number of units the core refuses is too many for one comparison (at most
          // MAX_UNITS in all, src/care_enterprise/compare.rs), not "not a whole number".
          const tooMany = row >= 0 && Number(whole(state.fleet[row].units)) >= 1;
          const words = f === cost ? "cmp.err.cost" : f === incidents ? "cmp.err.incidents"
            : tooMany ? "cmp.err.unitsMax" : row >= 0 ? "cmp.err.units"
              : quoteFields.includes(f) && error?.code === "invalid_amount" ? "cmp.err.quote" : null;
          // err.invalid_value is worded for i-PRO's choices: at the form level here, the generic words.
          const text = words ? t(words, { max: fmt.count(MAX_UNITS) }) : f === formLevel && error?.code === "invalid_value" ? t("err.other") : errorWords(t, error);
          errors.push({ field: f, text, code: error?.code });
        }
      }
      if (!a) {
        for (const e of errors) setFieldError(e.field, e.text);
        answer.replaceChildren(h("p", { class: "muted", text: t("error.fix") }));
        ctx.report({ errors, summary: null });
        ctx.emit({ mode: "compare", answer: null, error: errors[0]?.code ?? "input" });
        return;
      }
      render(a, request);
    }

    function render(a, request) {
      const n = a.rows.length - 1;
      const verdict = a.plusCheaperFrom !== null ? t("cmp.breakEven", { n: a.plusCheaperFrom })
        : a.basic.complete && a.plus.complete ? t("cmp.noBreakEven", { n }) : t("cmp.unknown");
      const tone = a.plusCheaperFrom !== null ? "yes" : a.basic.complete && a.plus.complete ? "wait" : "no";
      // The figures of each side that came from a quote (the core lists them; absent when none).
      const quoted = { basic: a.basic.quoted ?? [], plus: a.plus.quoted ?? [] };
      const anyQuoted = quoted.basic.length + quoted.plus.length > 0;
      const has = (key, item) => quoted[key].some((q) => q.item === item);
      const side = (s, key) => h("section", { class: `count cmp-side cmp-side--${key}`, part: "side" },
        h("h3", { class: "count__title", text: key === "basic" ? "Basic" : "Plus" }),
        h("dl", { class: "facts" },
          h("div", {}, h("dt", { text: t("cmp.price", { units: a.units }) }),
            h("dd", { class: "cmp-price" }, s.price ? yen(s.price) : t("cmp.notPublished"), markIf(s.price && has(key, "price")))),
          key === "plus" ? h("div", {}, h("dt", { text: t("cmp.limit") }),
            h("dd", { class: "cmp-limit" }, s.limit ? yen(s.limit) : t("cmp.notPublished"), markIf(s.limit && has(key, "limit")))) : null,
          key === "basic" ? h("div", {}, h("dt", { text: t("cmp.basicGives") }), h("dd", { text: t("cmp.basicGivesText") })) : null),
        s.missing.length > 0 ? h("div", { class: "cmp-missing" }, h("p", { class: "count__title", text: t("cmp.missing") }),
          h("ul", { class: "plain" }, s.missing.map((m) => h("li", { text: `${name(m.product)}: ${t(`cmp.item.${m.item}`)}` }))),
          s.missing.some((m) => m.item !== "plan-not-offered") ? h("p", { class: "hint", text: t("cmp.missingHint") }) : null) : null);
      const cell = (total, part) => (total ? yen(total) : part ? t("cmp.pricePlus", { amount: yen(part) }) : "—");
      const table = h("div", { class: "cmp-scroll", tabindex: "0", role: "region", "aria-label": t("cmp.table") },
        h("table", { class: "cmp-table", part: "table" },
          h("caption", { text: t("cmp.table") }),
          h("thead", {}, h("tr", {},
            h("th", { scope: "col", text: t("cmp.col.count") }),
            h("th", { scope: "col" }, "Basic", markIf(quoted.basic.length > 0)),
            h("th", { scope: "col" }, "Plus", markIf(quoted.plus.length > 0)),
            h("th", { scope: "col", text: t("cmp.col.cheaper") }))),
          h("tbody", {}, a.rows.map((r) => h("tr", { class: r.incidents === a.plusCheaperFrom ? "cmp-row--break" : null },
            h("th", { scope: "row", text: String(r.incidents) }),
            h("td", {}, cell(r.basicTotal, r.basicIncidents), markIf(quoted.basic.length > 0 && (r.basicTotal || r.basicIncidents)),
              r.basicRepairsInstead > 0 ? h("span", { class: "muted cmp-note", text: t("cmp.repairsCell", { n: r.basicRepairsInstead }) }) : null),
            h("td", {}, cell(r.plusTotal, r.plusIncidents), markIf(quoted.plus.length > 0 && (r.plusTotal || r.plusIncidents))),
            h("td", { text: r.cheaper ? t(`cmp.cheaper.${r.cheaper}`) : "—" }))))));
      /** A figure of fleet line `i` for quote spec `q`: quoted (marked, DJI's beside), DJI's, not published, or not offered. */
      const figure = (i, p, q) => {
        if (!takes(p, q.plan)) return h("span", { class: "muted", text: t("fee.not-offered") });
        const quote = quoted[q.plan === "enterprise-basic" ? "basic" : "plus"].find((x) => x.line === i && x.item === q.item);
        if (quote) {
          return [yen(quote.amount), " ", mark(),
            h("span", { class: "cmp-dji", text: quote.published ? t("cmp.dji", { amount: yen(quote.published) }) : t("cmp.djiNone") })];
        }
        return published(p, q.key) ? yen(dji(p, q.key)) : h("span", { class: "cmp-missing-cell", text: t("cmp.notPublished") });
      };
      const fleet = h("div", { class: "cmp-scroll cmp-scroll--fleet", tabindex: "0", role: "region", "aria-label": t("cmp.fleetTable") },
        h("table", { class: "cmp-fleet", part: "table" },
          h("caption", { text: t("cmp.fleetTable") }),
          h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t("cmp.col.product") }), h("th", { scope: "col", text: t("cmp.col.units") }),
            QUOTE.map((q) => h("th", { scope: "col", text: t(`cmp.col.${q.key}`) })))),
          h("tbody", {}, request.fleet.map((l, i) => h("tr", {},
            h("th", { scope: "row", text: name(l.product) }),
            h("td", { text: fmt.count(l.units) }),
            QUOTE.map((q) => h("td", {}, figure(i, byId.get(l.product), q))))))));
      // The quote sheet's head (shown in print): the customer and the date of "now", in Japan.
      const at = Date.parse(ctx.now());
      const day = Number.isNaN(at) ? null : toJstInstant(new Date(at)).slice(0, 10);
      const who = String(state.customer).trim();
      const sheet = h("header", { class: "cmp-sheet print-only", part: "sheet" },
        h("p", { class: "cmp-sheet__title", text: t("cmp.sheet.title") }),
        h("dl", { class: "facts" },
          who ? h("div", {}, h("dt", { text: t("cmp.sheet.customer") }), h("dd", { class: "cmp-sheet__customer", text: t("cmp.sheet.to", { name: who }) })) : null,
          day ? h("div", {}, h("dt", { text: t("cmp.sheet.date") }), h("dd", { class: "cmp-sheet__date", text: fmt.date(day) })) : null));
      answer.replaceChildren(...[
        sheet,
        h("section", { class: `verdict verdict--${tone}`, part: "verdict" },
          h("p", { class: "verdict__title", part: "verdict-title", text: verdict }),
          h("p", { text: t("cmp.sub", { units: a.units, cost: yen(a.repairCost), n }) }),
          anyQuoted ? h("p", { class: "cmp-quoted-note" }, mark(), " ", t("cmp.quotedNote")) : null),
        fleet,
        h("div", { class: "counts cmp-sides" }, side(a.basic, "basic"), side(a.plus, "plus")),
        a.repairInstead.length > 0 ? h("ul", { class: "notice cmp-instead", part: "notice" }, a.repairInstead.map((r) =>
          h("li", {}, t("cmp.instead", { product: name(r.product), nth: r.replacement, fee: yen(r.fee), cost: yen(r.repairCost) }), markIf(r.quoted)))) : null,
        chart(a, verdict, quoted),
        // The quote sheet's chart: the same, wider than high, so that at the sheet's full width it
        // leaves room for the table on an A4 page (shown in print only, instead of the other).
        chart(a, verdict, quoted, { W: 760, print: true }),
        table,
        h("details", { class: "why" }, h("summary", { text: t("cmp.assumptions") }),
          h("ul", {}, a.assumptions.map((id) => h("li", { text: t(`cmp.as.${id}`) })))),
        whyBlock(ctx, a.rules, [...new Set(a.basic.missing.concat(a.plus.missing).map((m) => m.product).concat(state.fleet.map((l) => l.product)))]
          .map((id) => byId.get(id)?.source).filter(Boolean)),
      ].filter(Boolean));
      ctx.report({ errors: [], summary: anyQuoted ? t("cmp.summaryQuoted", { verdict }) : verdict });
      ctx.emit({ mode: "compare", answer: a });
    }

    /**
     * Totals against incidents: one line per plan whose totals are known, the break-even marked.
     * `W`: the width of its drawing (its height is the same); `print`: the quote sheet's.
     */
    function chart(a, verdict, quoted, { W = 480, print = false } = {}) {
      const n = a.rows.length - 1;
      const lines = [["basic", a.rows.map((r) => r.basicTotal)], ["plus", a.rows.map((r) => r.plusTotal)]]
        .filter(([, v]) => v.every(Boolean)).map(([k, v]) => [k, v.map((m) => Number(m.amount))]);
      if (lines.length === 0) return print ? null : h("p", { class: "muted", text: t("cmp.noChart") });
      const max = Math.max(1, ...lines.flatMap(([, v]) => v));
      const ticks = [0, 1, 2, 3, 4].map((k) => (max * k) / 4);
      // The left margin fits the longest amount at the largest font the chart uses (17 px on a
      // narrow widget): full-width characters (￥, 万) count 1 em, others 0.62 em.
      const em = (text) => [...text].reduce((w, c) => w + (/[\u3000-\uffff]/.test(c) ? 1 : 0.62), 0);
      const H = 250, R = 14, T = 14, B = 42;
      const L = Math.max(56, Math.ceil(Math.max(...ticks.map((v) => em(fmt.yenCompact(v)))) * 17) + 10);
      const x = (i) => Math.round((L + (n > 0 ? i / n : 0.5) * (W - L - R)) * 10) / 10;
      const y = (v) => Math.round((T + (1 - v / max) * (H - T - B)) * 10) / 10;
      const nodes = [];
      for (const v of ticks) {
        nodes.push(svg("line", { class: "ch-grid", x1: L, x2: W - R, y1: y(v), y2: y(v) }),
          svg("text", { class: "ch-axis", x: L - 6, y: y(v) + 5, "text-anchor": "end", text: fmt.yenCompact(v) }));
      }
      const step = Math.max(1, Math.ceil(n / 10));
      for (let i = 0; i <= n; i += step) nodes.push(svg("text", { class: "ch-axis", x: x(i), y: H - B + 18, "text-anchor": "middle", text: String(i) }));
      nodes.push(svg("text", { class: "ch-axis", x: (L + W - R) / 2, y: H - 4, "text-anchor": "middle", text: t("cmp.col.n") }));
      const k = a.plusCheaperFrom;
      if (k !== null) {
        nodes.push(svg("g", { class: "ch-break" },
          svg("line", { x1: x(k), x2: x(k), y1: T, y2: H - B }),
          // Totals grow with the incidents, so the top left of the plot is the free corner.
          svg("text", { x: x(k) + (x(k) - L > 150 ? -6 : 6), y: T + 12, "text-anchor": x(k) - L > 150 ? "end" : "start", text: t("cmp.chartBreak", { n: k }) })));
      }
      for (const [key, v] of lines) {
        nodes.push(svg("g", { class: `ch-line ch-line--${key}` },
          svg("polyline", { points: v.map((value, i) => `${x(i)},${y(value)}`).join(" ") }),
          n <= 40 ? v.map((value, i) => (key === "basic"
            ? svg("circle", { cx: x(i), cy: y(value), r: 4 })
            : svg("rect", { x: x(i) - 4, y: y(value) - 4, width: 8, height: 8 }))) : null));
      }
      const anyQuoted = quoted.basic.length + quoted.plus.length > 0;
      const label = `${t("cmp.chartLabel", { n, verdict })}${anyQuoted ? ` ${t("cmp.chartQuoted")}` : ""}`;
      return h("figure", { class: print ? "cmp-chart cmp-chart--print print-only" : "cmp-chart cmp-chart--screen", part: "chart" },
        svg("svg", { class: print ? "ch-sheet-svg" : "ch-svg", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": label, focusable: "false" }, svg("title", { text: label }), nodes),
        h("figcaption", { class: "ch-legend" }, lines.map(([key]) => h("span", { class: `ch-key ch-key--${key}` }, key === "basic" ? "Basic" : "Plus", markIf(quoted[key].length > 0))),
          k !== null ? h("span", { class: "ch-key ch-key--break", text: t("cmp.chartBreak", { n: k }) }) : null));
    }

    compute();
    return { el: root, tick: () => {}, refresh: compute };
  },
};
