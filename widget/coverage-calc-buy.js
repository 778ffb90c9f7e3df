// Buy mode: can the plans of a product still be bought, until when (a live countdown), at what
// price, with which replacements and flyaway; the route when the window has closed.
// One `buy` request per offered plan; the deadline is common to them (CR-2, CR-3, CR-4).

import { h, buildIcs, download } from "./coverage-calc-util.js";
import {
  field, textInput, setFieldError, errorWords, fieldOf, productPicker, plansFor, planName, productById, whyBlock, parseInstantField,
  parseDateField,
  deadlineFacts,
} from "./coverage-calc-form.js";

/** The regions of purchase offered (CR-5); `other` is sent as `ZZ`. */
const REGIONS = ["JP", "US", "CA", "CN", "HK", "TW", "KR", "AU", "GB", "EU", "CH", "NO", "other"];

export default {
  requires: ["buy"],
  /** @param {any} ctx */
  create(ctx) {
    const { t, fmt, state } = ctx;
    if (ctx.product) state.product = ctx.product;
    state.activated ??= false;
    state.activatedAt ??= "";
    state.invitationAt ??= "";

    const root = h("div", { class: "mode mode--buy" });
    const form = h("form", { class: "form", part: "form", novalidate: true, onsubmit: (e) => e.preventDefault() });
    const answer = h("div", { class: "answer", part: "answer" });
    root.append(h("h2", { class: "heading", part: "heading", text: t("heading.buy") }), form, answer);

    const picker = productPicker(ctx, state, "buy", (id) => {
      state.product = id;
      state.plan = null;
      compute();
    });

    const notActivated = h("input", { type: "radio", name: "buy-activation", id: "buy-not-activated", value: "no" });
    const activated = h("input", { type: "radio", name: "buy-activation", id: "buy-activated-yes", value: "yes" });
    notActivated.checked = !state.activated;
    activated.checked = state.activated;
    const activatedAt = field("buy-activated-at", t("activatedAt"), textInput(state.activatedAt), t("hint.instant"));
    const invitationAt = field("buy-invitation-at", t("invitationAt"), textInput(state.invitationAt), t("hint.invitation"));
    const timeFields = h("div", { class: "subfields" }, activatedAt.el, invitationAt.el);
    const syncActivated = () => {
      timeFields.hidden = !state.activated;
    };
    syncActivated();
    for (const radio of [notActivated, activated]) {
      radio.addEventListener("change", () => {
        state.activated = activated.checked;
        syncActivated();
        compute();
      });
    }
    activatedAt.control.addEventListener("input", () => { state.activatedAt = activatedAt.control.value; compute(); });
    invitationAt.control.addEventListener("input", () => { state.invitationAt = invitationAt.control.value; compute(); });

    // How and where it is bought (CR-12: with the product, the service starts 2 days after
    // shipping; CR-5: another region is not priced here).
    state.channel ??= "separate";
    state.shippingDate ??= "";
    state.region ??= "JP";
    const channelRadio = (value) => {
      const input = h("input", { type: "radio", name: "buy-channel", id: `buy-channel-${value}`, value });
      input.checked = state.channel === value;
      input.addEventListener("change", () => { if (input.checked) { state.channel = value; shipping.el.hidden = value !== "with-product"; compute(); } });
      return h("div", { class: "radio" }, input, h("label", { for: input.id, text: t(`channel.${value}`) }));
    };
    const shipping = field("buy-shipping-date", t("shippingDate"), textInput(state.shippingDate), t("hint.date"));
    shipping.el.hidden = state.channel !== "with-product";
    shipping.control.addEventListener("input", () => { state.shippingDate = shipping.control.value; compute(); });
    const regionSelect = h("select", { part: "select" }, REGIONS.map((r) => h("option", { value: r, text: t(`region.${r}`) })));
    regionSelect.value = REGIONS.includes(state.region) ? state.region : "JP";
    regionSelect.addEventListener("change", () => { state.region = regionSelect.value; compute(); });
    const region = field("buy-region", t("region"), regionSelect, t("hint.region"));

    form.append(picker.el,
      h("fieldset", { class: "group", part: "fieldset" },
        h("legend", { part: "legend", text: t("legend.activation") }),
        h("div", { class: "radio" }, notActivated, h("label", { for: notActivated.id, text: t("notActivated") })),
        h("div", { class: "radio" }, activated, h("label", { for: activated.id, text: t("activated") })),
        timeFields),
      h("fieldset", { class: "group", part: "fieldset" },
        h("legend", { part: "legend", text: t("legend.channel") }),
        channelRadio("separate"), channelRadio("with-product"), shipping.el),
      region.el);

    const fields = { product: picker.field, activatedAt, invitationAt, shippingDate: shipping, region };
    /** The deadline on screen, for the live countdown. */
    let shown = null;

    function compute() {
      for (const f of Object.values(fields)) setFieldError(f, null);
      const errors = [];
      const product = productById(ctx, state.product);
      const planIds = plansFor(ctx, product);
      if (!product) {
        answer.replaceChildren(h("p", { class: "muted", text: t(ctx.product ? "err.unknown_product" : "productPick") }));
        shown = null;
        ctx.report({ errors: ctx.product ? [{ field: fields.product, text: t("err.unknown_product") }] : [], summary: null });
        ctx.emit({ mode: "buy", product: state.product, plan: null, answer: null, answers: [] });
        return;
      }
      const now = ctx.now();
      const base = { product: product.id, now };
      if (state.channel === "with-product") {
        base.channel = "with-product";
        const d = parseDateField(t, state.shippingDate, shipping, errors, true);
        if (d) base.shippingDate = d;
      }
      // "Other" is any region outside CR-5's list: ZZ, ISO 3166's code for an unknown region.
      if (state.region !== "JP") base.region = state.region === "other" ? "ZZ" : state.region;
      if (state.activated) {
        const at = parseInstantField(t, state.activatedAt, activatedAt, errors, true);
        if (at) base.activatedAt = at;
        const inv = parseInstantField(t, state.invitationAt, invitationAt, errors, false);
        if (inv) base.invitationAt = inv;
      }
      if (planIds.length === 0) {
        answer.replaceChildren(h("p", { class: "muted", text: t("noPlans") }));
        shown = null;
        ctx.report({ errors: [], summary: null });
        ctx.emit({ mode: "buy", product: product.id, plan: null, answer: null, answers: [] });
        return;
      }
      const results = [];
      if (errors.length === 0) {
        for (const plan of planIds) {
          try {
            results.push({ plan, answer: ctx.api.buy({ plan, ...base }) });
          } catch (error) {
            // The `now` attribute, refused by the core: said on the attribute, no answer.
            if (error?.field === "now") {
              answer.replaceChildren();
              shown = null;
              ctx.nowError(error);
              return;
            }
            // The control its `field` names; else (null, or no control here, like `now`) the
            // plan's answer is this error, shown in the answer as a form-level error.
            const target = fieldOf(error, fields);
            if (target) {
              errors.push({ field: target, text: errorWords(t, error), code: error?.code });
              break;
            }
            results.push({ plan, error });
          }
        }
      }
      if (errors.length > 0) {
        for (const e of errors) setFieldError(e.field, e.text);
        answer.replaceChildren(h("p", { class: "muted", text: t("error.fix") }));
        shown = null;
        ctx.report({ errors, summary: null });
        ctx.emit({ mode: "buy", product: product.id, plan: null, answer: null, answers: [], error: errors[0].code ?? "input" });
        return;
      }
      render(product, results, now);
    }

    function render(product, results, now) {
      const ok = results.filter((r) => r.answer);
      const first = ok[0]?.answer ?? null;
      if (!ok.some((r) => r.plan === state.plan)) state.plan = first?.plan ?? null;
      const body = [];
      if (first) {
        body.push(verdict(first, now));
        body.push(planChoice(product, results));
        body.push(whyBlock(ctx, ok.flatMap((r) => r.answer.rules),
          [product.source, ...ok.flatMap((r) => r.answer.edition.sources)],
          [...new Set(ok.map((r) => r.answer.edition.id))].join(", ")));
      } else {
        body.push(h("p", { class: "error", part: "error", text: errorWords(t, results[0]?.error) }));
      }
      answer.replaceChildren(...body.filter(Boolean));
      shown = first?.eligible && first.deadline ? { deadline: first.deadline } : null;
      tick(now);
      const verdictText = first ? t(first.eligible ? "buy.yes" : "buy.no") : errorWords(t, results[0]?.error);
      ctx.report({ errors: [], summary: t("summaryBuy", { verdict: verdictText, deadline: first?.deadline ? fmt.instant(first.deadline) : null }) });
      emit(results);
    }

    function emit(results) {
      const ok = results.filter((r) => r.answer);
      const chosen = ok.find((r) => r.plan === state.plan)?.answer ?? null;
      ctx.emit({ mode: "buy", product: state.product, plan: state.plan, eligible: chosen?.eligible ?? null, answer: chosen, answers: ok.map((r) => r.answer) });
    }

    function verdict(a, now) {
      const product = productById(ctx, a.product);
      const productName = product?.name[ctx.lang] ?? a.product;
      const parts = [
        h("p", { class: "verdict__title", part: "verdict-title", text: t(a.eligible ? "buy.yes" : "buy.no") }),
        a.route && a.eligible ? h("p", { text: t(`route.${a.route}`) }) : null,
      ];
      if (a.deadline) {
        const passed = Date.parse(a.deadline) < Date.parse(now);
        parts.push(deadlineFacts(ctx, a.deadline, now));
        if (a.eligible && !passed) {
          parts.push(h("button", {
            type: "button", class: "button button--secondary", part: "button",
            onclick: () => download(ctx.root, `deadline-${a.product}.ics`, buildIcs([{
              uid: `buy-${a.product}-${a.deadline}`,
              title: t("ics.deadline", { product: productName, plan: planName(ctx, a.plan) }),
              description: fmt.instant(a.deadline), at: a.deadline, alarms: ["-P1D", "-PT2H"],
            }])),
          }, t("calendar")));
        }
      }
      if (a.closed) {
        parts.push(h("p", { text: t(`reason.${a.closed.reason}`) }));
        const alt = a.closed.alternative;
        if (alt) {
          parts.push(h("div", { class: "route", part: "route" },
            h("h3", { text: t("alt.heading") }),
            h("ol", {}, t("alt.steps", { hours: alt.hours }).map((s) => h("li", { text: s }))),
            h("p", { class: "muted" }, h("span", { class: "rule-id", text: alt.rule }), " ", t.rule(alt.rule) ?? "")));
        }
      }
      return h("section", { class: `verdict ${a.eligible ? "verdict--yes" : "verdict--no"}`, part: "verdict" }, parts);
    }

    function planChoice(product, results) {
      const fieldset = h("fieldset", { class: "plan-cards", part: "plans" }, h("legend", { part: "legend", text: t("choosePlan") }));
      for (const r of results) {
        const id = `buy-choose-${r.plan}`;
        const a = r.answer;
        const facts = a ? [
          h("span", { class: "plan-card__price", part: "price", text: fmt.fee(a.price) }),
          h("span", { text: t("replacements", { n: a.replacements }) }),
          h("span", { text: a.flyaway === "yes" ? t("flyawayMax", { n: a.flyawayMax }) : t(`flyaway.${a.flyaway}`) }),
          h("span", { class: "muted", text: `${t("replacementFee")}: ${fmt.fee(a.fees.replacement)}` }),
          a.flyaway === "yes" ? h("span", { class: "muted", text: `${t("flyawayFee")}: ${fmt.fee(a.fees.flyaway)}` }) : null,
          a.service ? h("span", { class: "muted", text: `${t("service")}: ${fmt.period(a.service)}` }) : null,
          a.warrantyExtension ? h("span", { class: "muted", text: `${t("warrantyExt")}: ${fmt.period(a.warrantyExtension)}` })
            // CR-10: the 2-year plan extends the warranty; with no dates when it cannot be bought now.
            : a.plan === "care-refresh-2y" ? h("span", { class: "muted", text: `${t("warrantyExt")}: ${t("warrantyExt.notBought")}` }) : null,
        ] : [h("span", { class: "muted", text: errorWords(t, r.error) })];
        const input = h("input", { type: "radio", name: "buy-choose", id, value: r.plan, disabled: !a });
        input.checked = r.plan === state.plan;
        input.addEventListener("change", () => {
          if (!input.checked) return;
          state.plan = r.plan;
          emit(results);
        });
        fieldset.append(h("div", { class: "plan-card", part: "plan" }, input,
          h("label", { for: id }, h("strong", { class: "plan-card__name", text: planName(ctx, r.plan) }), facts)));
      }
      return fieldset;
    }

    /** Updates the relative time and the countdown; recomputes when the deadline passes. */
    function tick(now) {
      if (!shown) return;
      const el = answer.querySelector("[data-countdown]");
      const left = fmt.countdown(shown.deadline, now);
      if (left === null) {
        shown = null;
        compute();
        return;
      }
      if (el) el.textContent = left;
      const rel = answer.querySelector("[data-rel]");
      if (rel) rel.textContent = fmt.relative(shown.deadline, now);
    }

    compute();
    return { el: root, tick, refresh: compute };
  },
};
