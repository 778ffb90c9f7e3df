// Offer mode (`mode="offer"`): the compact protection-plan offer of a retailer's product page.
//
//   <coverage-calc mode="offer" product="dji-mini-4-pro" lang="ja"></coverage-calc>
//
// The plans the product takes, one row each (name, price, one line of what it gives), and
// "No plan", chosen by default; "Details" opens a modal <dialog> with the full buy answer of every
// plan offered (what it gives, the windows, the terms with links). The shopper's pick is
// dispatched as a `coverage-select` CustomEvent (bubbles, composed) whose detail is
// `{plan, name, price, currency}` (price: whole yen as a number, null when DJI publishes none) or
// null for "No plan", and kept in the element's `value`; nothing is dispatched before a pick (and
// again only when the value changes: another product resets it to null, another language renames it).
//
// A product of another family offers that family's plans (an Enterprise product: Basic and Plus
// bought new, with their prices; the Renew plans are not sold on a product page). i-PRO has no
// plan sold per product page (its warranty comes with the product; the Partners Circle 5-year
// warranty is a membership): an i-PRO id, like any product the catalog does not know, shows one
// short line saying that no plan can be added here, and the value stays null.
//
// An already activated product (a retailer's "my devices" page) is given through the `inputs`
// attribute: `{"activatedAt":"2026-02-20 10:00","invitationAt":"…"}` (Japan time); when its window
// has closed the offer shows the deadline that passed and the invitation route instead of rows.
//
// Its height is fixed (--coverage-calc-offer-height, 17.5em by default; the loading placeholder has
// the same, see the "offer mode" block of coverage-calc.css), so the page never shifts, and an
// offer far below the fold starts loading the wasm only when it comes near the viewport
// (`nearViewport` in coverage-calc.js, before it loads the engine and this module).
//
// Its words are `offer.*` in the word tables (coverage-calc-words-<lang>.js), beside those it shares
// with buy mode.

import { h, parseJstInstant } from "./coverage-calc-util.js";
import { plansFor, planName, productById, errorWords } from "./coverage-calc-form.js";


/** The plans an Enterprise product page sells (the Renew plans need a plan held: not here). */
const ENTERPRISE_NEW = ["enterprise-basic", "enterprise-plus"];

/** The value of each element (`el.value`): the plan picked, or null. */
const values = new WeakMap();

/** `el.value` of a `<coverage-calc>`: the plan picked in offer mode (`coverage-select`'s detail), or null. */
export function offerValue(el) {
  return values.get(el) ?? null;
}

/** A fee → whole yen as a number, or null. */
const amountOf = (fee) => (fee?.status === "published" ? Number(fee.amount) : null);

export default {
  requires: ["buy"],
  /** @param {any} ctx */
  create(ctx) {
    const { t, fmt, state, lang } = ctx;
    const host = ctx.root.host;
    // Another product (a variant switch): the pick does not carry over.
    if (state.product !== ctx.product) {
      state.product = ctx.product;
      state.plan = null;
    }
    state.plan ??= null;

    const root = h("div", { class: "offer", part: "offer" });
    /** The deadline shown (for the relative time), or null. */
    let shown = null;
    let results = [];

    function compute() {
      const product = productById(ctx, ctx.product);
      const now = ctx.now();
      results = [];
      let planIds = product ? plansFor(ctx, product) : [];
      if (product?.family === "care-enterprise") planIds = planIds.filter((p) => ENTERPRISE_NEW.includes(p));
      if (product?.family !== "care-refresh" && product?.family !== "care-enterprise") planIds = [];
      const base = { product: product?.id, now };
      const activatedAt = parseJstInstant(String(state.activatedAt ?? ""));
      const invitationAt = parseJstInstant(String(state.invitationAt ?? ""));
      if (activatedAt) base.activatedAt = activatedAt;
      if (activatedAt && invitationAt) base.invitationAt = invitationAt;
      for (const plan of planIds) {
        try {
          results.push({ plan, answer: ctx.api.buy({ plan, ...base }) });
        } catch (error) {
          if (error?.field === "now") {
            root.replaceChildren();
            ctx.nowError(error);
            return;
          }
          results.push({ plan, error });
        }
      }
      render(product, now);
    }

    function render(product, now) {
      const ok = results.filter((r) => r.answer);
      const eligible = ok.filter((r) => r.answer.eligible);
      if (!eligible.some((r) => r.plan === state.plan)) state.plan = null;
      const first = ok[0]?.answer ?? null;
      const legendId = "offer-legend";
      const body = [];
      shown = null;
      if (!product || ok.length === 0) {
        body.push(h("p", { class: "offer__line", part: "offer-line", text: results[0]?.error && product ? errorWords(t, results[0].error) : t("offer.noPlans") }));
      } else if (eligible.length === 0) {
        // The window has closed: the deadline that passed and the route that reopens it.
        const closed = first.closed;
        const alt = closed?.alternative;
        body.push(h("div", { class: "offer__closed", part: "offer-closed", role: "note" },
          h("p", { text: first.deadline ? t("offer.closed", { deadline: fmt.instant(first.deadline) })
            : t(`${product.family === "care-enterprise" ? "en." : ""}reason.${closed?.reason}`) }),
          alt ? h("p", { text: t("offer.invitation", { hours: alt.hours }) }) : null));
      } else {
        const passedLine = first.deadline
          ? t("offer.buyBy", { deadline: fmt.instant(first.deadline), rel: fmt.relative(first.deadline, now) })
          : first.route === "not-activated" ? t("offer.newAnyTime") : "";
        if (first.deadline) shown = { deadline: first.deadline };
        const fieldset = h("fieldset", { class: "offer__plans", part: "offer-plans" },
          h("legend", { class: "offer__legend", id: legendId, text: t("offer.legend") }),
          h("p", { class: "offer__line", part: "offer-line", "data-offer-line": "", text: passedLine }));
        for (const r of eligible) fieldset.append(row(r.plan, planName(ctx, r.plan), priceText(r.answer.price), givesLine(r.answer)));
        fieldset.append(row(null, t("offer.none"), "", t("offer.noneGives")));
        body.push(fieldset);
      }
      const details = h("button", {
        type: "button", class: "button button--secondary offer__details", part: "button offer-details",
        "aria-haspopup": "dialog", id: "offer-details", text: t("offer.details"),
      });
      details.hidden = !product || ok.length === 0;
      // The dialog's code is a chunk of its own, fetched once the shopper shows interest.
      const details$ = () => import("./coverage-calc-offer-details.js");
      for (const type of ["pointerenter", "focus"]) details.addEventListener(type, () => details$().catch(() => {}), { once: true });
      details.addEventListener("click", () => details$().then(
        (m) => m.openDetails({ ctx, results, product, now, opener: details, root, priceText }),
        (error) => console.error(error)));
      body.push(details);
      root.replaceChildren(...body);
      sync();
    }

    function priceText(fee) {
      return fee.status === "published" ? fmt.fee(fee) : t("offer.priceOnRequest");
    }

    /** One line of what a plan gives. */
    function givesLine(a) {
      if (a.family === "care-enterprise") {
        const g = a.gives;
        if (g.unlimitedWithinLimit) return t("offer.plusGives", { limit: fmt.fee(g.limit) });
        return t("offer.basicGives", { n: g.replacements, fee: fmt.fee(g.replacementFees[0]) });
      }
      const parts = [t("offer.crGives", { n: a.replacements })];
      if (a.flyaway === "yes") parts.push(t("offer.flyaway", { n: a.flyawayMax }));
      else if (a.flyaway === "no") parts.push(t("offer.noFlyaway"));
      return parts.join(t("offer.sep"));
    }

    function row(plan, name, price, gives) {
      const id = `offer-plan-${plan ?? "none"}`;
      const input = h("input", { type: "radio", name: "offer-plan", id, value: plan ?? "", part: "offer-radio" });
      input.checked = state.plan === plan;
      input.addEventListener("change", () => {
        if (!input.checked) return;
        state.plan = plan;
        sync();
      });
      return h("div", { class: "offer__row", part: "offer-row" }, input,
        h("label", { for: id, class: "offer__label" },
          h("span", { class: "offer__name", text: name }),
          h("span", { class: "offer__price", part: "price", text: price }),
          h("span", { class: "offer__gives", text: gives })));
    }

    /** The value of the pick; dispatched (coverage-select) when it changed, and the answer (coverage-change). */
    function sync() {
      const chosen = results.find((r) => r.plan === state.plan && r.answer?.eligible)?.answer ?? null;
      const value = chosen ? {
        plan: chosen.plan,
        name: planName(ctx, chosen.plan),
        price: amountOf(chosen.price),
        currency: chosen.price.status === "published" ? chosen.price.currency : null,
      } : null;
      const before = values.get(host) ?? null;
      if (JSON.stringify(before) !== JSON.stringify(value)) {
        values.set(host, value);
        host.dispatchEvent(new CustomEvent("coverage-select", { detail: value, bubbles: true, composed: true }));
      }
      const ok = results.filter((r) => r.answer);
      ctx.emit({ mode: "offer", product: ctx.product, plan: value?.plan ?? null, eligible: chosen?.eligible ?? null, answer: chosen, answers: ok.map((r) => r.answer) });
    }

    function tick(now) {
      if (!shown) return;
      if (Date.parse(shown.deadline) <= Date.parse(now)) {
        if (root.querySelector("dialog[open]")) return;
        compute();
        return;
      }
      const line = root.querySelector("[data-offer-line]");
      if (line) line.textContent = t("offer.buyBy", { deadline: fmt.instant(shown.deadline), rel: fmt.relative(shown.deadline, now) });
    }

    compute();
    return { el: root, tick, refresh: compute };
  },
};
