// Status mode: a plan held → its state, its claims as a timeline, what is left, the next fees and
// the extension window (CR-7 … CR-14), with the deadlines as a calendar file.

import { h, parseDate, buildIcs, download } from "./coverage-calc-util.js";
import {
  field, textInput, setFieldError, errorWords, fieldOf, formError, productPicker, plansFor, planRadios, planName, productById, whyBlock,
  instantNodes,
} from "./coverage-calc-form.js";

const CHAINS = {
  none: [],
  "1y": ["care-refresh-1y"],
  "1y1y": ["care-refresh-1y", "care-refresh-1y"],
  "2y": ["care-refresh-2y"],
};
const KINDS = ["replacement", "flyaway", "warranty-repair"];

export default {
  requires: ["status"],
  /** @param {any} ctx */
  create(ctx) {
    const { t, fmt, state } = ctx;
    if (ctx.product) state.product = ctx.product;
    state.start ??= "";
    state.boughtOn ??= "";
    state.chain ??= "none";
    state.claims ??= [];

    const root = h("div", { class: "mode mode--status" });
    const form = h("form", { class: "form", part: "form", novalidate: true, onsubmit: (e) => e.preventDefault() });
    const answer = h("div", { class: "answer", part: "answer" });
    root.append(h("h2", { class: "heading", part: "heading", text: t("heading.status") }), form, answer);

    const planSlot = h("div", { class: "plan-slot" });
    const picker = productPicker(ctx, state, "status", (id) => {
      state.product = id;
      renderPlans();
      compute();
    });
    const planError = h("p", { id: "status-plan-error", class: "error", part: "error", hidden: true });
    function renderPlans() {
      const ids = plansFor(ctx, productById(ctx, state.product));
      if (!ids.includes(state.plan)) state.plan = ids[0] ?? null;
      const radios = planRadios(ctx, "status", ids, state.plan, (id) => { state.plan = id; compute(); });
      radios.setAttribute("aria-describedby", planError.id);
      planSlot.replaceChildren(radios, planError);
    }
    renderPlans();

    const start = field("status-start", t("start"), textInput(state.start), t("hint.date"));
    const boughtOn = field("status-bought-on", t("boughtOn"), textInput(state.boughtOn), t("hint.boughtOn"));
    const chainSelect = h("select", { part: "select" }, Object.keys(CHAINS).map((k) => h("option", { value: k, text: t(`chain.${k}`) })));
    chainSelect.value = state.chain;
    const chain = field("status-chain", t("chain"), chainSelect);
    start.control.addEventListener("input", () => { state.start = start.control.value; compute(); });
    boughtOn.control.addEventListener("input", () => { state.boughtOn = boughtOn.control.value; compute(); });
    chainSelect.addEventListener("change", () => { state.chain = chainSelect.value; compute(); });

    const claimList = h("ol", { class: "claims", part: "claims" });
    const claimsEmpty = h("p", { class: "muted", text: t("claims.empty") });
    const claimsError = h("p", { id: "status-claims-error", class: "error", part: "error", hidden: true });
    const addButton = h("button", { type: "button", class: "button button--secondary", part: "button", id: "status-add-claim", text: t("claims.add") });
    /** Per claim row: its kind and date fields. */
    let claimFields = [];
    function renderClaims(focusRow = null) {
      claimFields = [];
      claimList.replaceChildren(...state.claims.map((claim, i) => {
        const n = i + 1;
        const kindSelect = h("select", { part: "select" }, KINDS.map((k) => h("option", { value: k, text: t(`kind.${k}`) })));
        kindSelect.value = claim.kind;
        const kind = field(`status-claim-${n}-kind`, t("claims.kind", { n }), kindSelect);
        const date = field(`status-claim-${n}-date`, t("claims.date", { n }), textInput(claim.date), t("hint.date"));
        kindSelect.addEventListener("change", () => { claim.kind = kindSelect.value; compute(); });
        date.control.addEventListener("input", () => { claim.date = date.control.value; compute(); });
        const remove = h("button", {
          type: "button", class: "button button--icon", part: "button", "aria-label": t("claims.remove", { n }), title: t("claims.remove", { n }),
          onclick: () => {
            state.claims.splice(i, 1);
            renderClaims(Math.min(i, state.claims.length - 1));
            compute();
          },
        }, "×");
        claimFields.push({ kind, date });
        return h("li", { class: "claim" }, kind.el, date.el, remove);
      }));
      claimsEmpty.hidden = state.claims.length > 0;
      if (focusRow !== null) {
        const target = focusRow >= 0 ? claimFields[focusRow]?.kind.control : addButton;
        (target ?? addButton).focus();
      }
    }
    addButton.addEventListener("click", () => {
      state.claims.push({ kind: "replacement", date: "" });
      renderClaims(state.claims.length - 1);
      compute();
    });
    renderClaims();

    const formLevel = formError("status-form-error");
    form.append(picker.el, planSlot, start.el, chain.el, boughtOn.el,
      h("fieldset", { class: "group", part: "fieldset", "aria-describedby": claimsError.id },
        h("legend", { part: "legend", text: t("legend.claims") }), claimsEmpty, claimList, claimsError, addButton),
      formLevel.el);

    const claimsField = { control: addButton, error: claimsError };
    const planField = { control: planSlot.querySelector("fieldset") ?? planSlot, error: planError };
    const fields = { product: picker.field, start, boughtOn, chain, claims: claimsField, plan: planField };

    function clearErrors() {
      for (const f of [...Object.values(fields), formLevel]) setFieldError(f, null);
      for (const c of claimFields) { setFieldError(c.kind, null); setFieldError(c.date, null); }
      planField.control = planSlot.querySelector("fieldset") ?? planSlot;
    }

    function compute() {
      clearErrors();
      const errors = [];
      const product = productById(ctx, state.product);
      if (!product || !state.plan) {
        answer.replaceChildren(h("p", { class: "muted", text: t(product ? "noPlans" : ctx.product ? "err.unknown_product" : "productPick") }));
        ctx.report({ errors: [], summary: null });
        ctx.emit({ mode: "status", product: state.product, plan: null, answer: null });
        return;
      }
      const now = ctx.now();
      const request = { plan: state.plan, product: product.id, chain: CHAINS[state.chain] ?? [], claims: [], now };
      const startDate = parseDate(state.start);
      if (!state.start.trim()) errors.push({ field: start, text: t("error.required") });
      else if (!startDate) errors.push({ field: start, text: t("error.date") });
      else request.start = startDate;
      if (state.boughtOn.trim()) {
        const d = parseDate(state.boughtOn);
        if (!d) errors.push({ field: boughtOn, text: t("error.date") });
        else request.boughtOn = d;
      }
      state.claims.forEach((c, i) => {
        const d = parseDate(c.date);
        if (!c.date.trim()) errors.push({ field: claimFields[i].date, text: t("error.required") });
        else if (!d) errors.push({ field: claimFields[i].date, text: t("error.date") });
        request.claims.push({ kind: c.kind, date: d ?? c.date });
      });
      let result = null;
      if (errors.length === 0) {
        try {
          result = ctx.api.status(request);
        } catch (error) {
          // The `now` attribute, refused by the core: said on the attribute, no answer.
          if (error?.field === "now") { answer.replaceChildren(); ctx.nowError(error); return; }
          // The control its `field` names (`claims[1].date` → the date of claim row 2), else the form.
          const rows = claimFields.map((c) => ({ date: c.date, kind: c.kind }));
          const target = fieldOf(error, fields, { claims: rows }) ?? formLevel;
          errors.push({ field: target, text: errorWords(t, error), code: error?.code });
        }
      }
      if (errors.length > 0 || !result) {
        for (const e of errors) setFieldError(e.field, e.text);
        answer.replaceChildren(h("p", { class: "muted", text: t("error.fix") }));
        ctx.report({ errors, summary: null });
        ctx.emit({ mode: "status", product: product.id, plan: state.plan, answer: null, error: errors[0]?.code ?? "input" });
        return;
      }
      render(product, result, request);
    }

    function render(product, a, request) {
      const productName = product.name[ctx.lang];
      // Expired but still extendable: lead with the extension and its days left (issue 14).
      const x = a.extension;
      const extendable = a.state === "expired" && x.possible && x.buyUntil && x.daysLeft !== null;
      const headline = extendable ? t("state.extendable", { date: fmt.dayMonth(x.buyUntil), days: x.daysLeft }) : t(`state.${a.state}`);
      const cls = extendable ? "verdict--wait" : { active: "verdict--yes", "not-started": "verdict--wait", expired: "verdict--no" }[a.state] ?? "";
      const count = (title, c, offered) => h("div", { class: "count", part: "count" },
        h("p", { class: "count__title", text: title }),
        c.given > 0 ? h("p", { class: "count__big", text: String(c.left) }) : null,
        h("p", { class: "muted", text: c.given > 0 ? t("left", c) : t(offered === "unknown" ? "flyaway.unknown" : "flyaway.no") }));
      const body = [
        h("section", { class: `verdict ${cls}`, part: "verdict" },
          h("p", { class: "verdict__title", part: "verdict-title", text: headline }),
          h("p", { text: `${planName(ctx, a.plan)} · ${fmt.period(a.period)}` }),
          h("div", { class: "counts" },
            count(t("replacementsLeft"), a.replacements, "yes"),
            count(t("flyawayLeft"), a.flyaway, a.flyawayOffered)),
          a.leftNoLongerUsable ? h("p", { class: "muted", part: "no-longer-usable", text: t("leftNoLongerUsable") }) : null,
          h("dl", { class: "facts" },
            h("div", {}, h("dt", { text: t("nextFee") }), h("dd", { text: fmt.fee(a.nextReplacementFee) })),
            a.flyaway.given > 0 ? h("div", {}, h("dt", { text: t("nextFlyawayFee") }), h("dd", { text: fmt.fee(a.nextFlyawayFee) })) : null,
            a.warrantyExtension ? h("div", {}, h("dt", { text: t("warrantyExt") }), h("dd", { text: fmt.period(a.warrantyExtension) })) : null)),
        timeline(a, request),
        extension(a, request.now),
        h("button", {
          type: "button", class: "button button--secondary", part: "button",
          onclick: () => download(ctx.root, `coverage-${a.product}.ics`, buildIcs(calendar(a, productName))),
        }, t("calendar")),
        whyBlock(ctx, a.rules, [product.source, ...a.edition.sources], a.edition.id),
      ];
      answer.replaceChildren(...body.filter(Boolean));
      ctx.report({ errors: [], summary: t("summaryStatus", { state: headline, left: a.replacements.left }) });
      ctx.emit({ mode: "status", product: a.product, plan: a.plan, answer: a });
    }

    /** Start, the claims in date order (with what was left after each), now, end, extension. */
    function timeline(a, request) {
      const today = request.now.slice(0, 10);
      const events = [{ date: a.period.start, text: t("tl.start"), kind: "start" }];
      let used = 0;
      const claims = request.claims.map((c, i) => ({ ...c, i })).sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.i - y.i));
      for (const c of claims) {
        if (c.kind === "warranty-repair") {
          events.push({ date: c.date, text: t("tl.repair", { kind: t(`kind.${c.kind}`) }), kind: "claim" });
        } else {
          used += 1;
          events.push({ date: c.date, text: t("tl.claim", { kind: t(`kind.${c.kind}`), left: Math.max(0, a.replacements.given - used) }), kind: "claim" });
        }
      }
      events.push({ date: a.period.end, text: t("tl.end"), kind: "end" });
      if (a.extension.buyUntil && a.extension.status !== "chain-at-maximum" && a.extension.status !== "not-in-edition") {
        events.push({ date: a.extension.buyUntil, text: t("tl.extUntil"), kind: "ext" });
      }
      // "Now" goes after the events of the same day or before (a claim dated today has happened).
      const nowIndex = events.filter((e) => e.date <= today).length;
      const items = events.map((e) => h("li", { class: `tl tl--${e.kind}` },
        h("time", { datetime: e.date, text: fmt.date(e.date) }), h("span", { text: e.text })));
      items.splice(nowIndex, 0, h("li", { class: "tl tl--now", "aria-current": "date" },
        h("time", { datetime: request.now }, instantNodes(fmt, request.now)), h("strong", { text: t("tl.now") })));
      return h("section", { class: "timeline", part: "timeline" }, h("h3", { text: t("timeline") }), h("ol", {}, items));
    }

    function extension(a, now) {
      const x = a.extension;
      const until = x.buyUntil ? fmt.date(x.buyUntil) : "";
      const rows = [];
      if (x.possible && x.period) rows.push(h("div", {}, h("dt", { text: t("extPeriod") }), h("dd", { text: fmt.period(x.period) })));
      if (x.possible) rows.push(h("div", {}, h("dt", { text: t("extPrice") }), h("dd", { text: fmt.fee(x.price) })));
      const rel = x.possible && x.buyUntil ? ` (${fmt.relative(`${x.buyUntil}T23:59:59+09:00`, now)})` : "";
      return h("section", { class: "extension", part: "extension" },
        h("h3", { text: t("extension") }),
        h("p", { text: `${t(`ext.${x.status}`, { until })}${rel}` }),
        rows.length ? h("dl", { class: "facts" }, rows) : null);
    }

    function calendar(a, productName) {
      const plan = planName(ctx, a.plan);
      const events = [{
        uid: `end-${a.product}-${a.period.end}`, title: t("ics.end", { product: productName, plan }),
        description: fmt.period(a.period), day: a.period.end, alarms: ["-P30D", "-P7D"],
      }];
      if (a.extension.possible && a.extension.buyUntil) {
        events.push({
          uid: `ext-${a.product}-${a.extension.buyUntil}`, title: t("ics.ext", { product: productName }),
          description: `${t("extPrice")}: ${fmt.fee(a.extension.price)}`, day: a.extension.buyUntil, alarms: ["-P7D", "-P1D"],
        });
      }
      return events;
    }

    compute();
    return { el: root, tick: () => {}, refresh: compute };
  },
};
