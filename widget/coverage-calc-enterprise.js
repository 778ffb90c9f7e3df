// DJI Care Enterprise (EN-1 … EN-12): the views that answer `buy` and `status` for an Enterprise
// product. Mode `enterprise-buy`: Basic and Plus bought new (EN-1 window, price, what each gives)
// or a Renew of a plan held (EN-8 … EN-11: the condition, the stage, the special-handling dates,
// what a request needs). Mode `enterprise-status`: a Basic / Plus (or Renew) plan held, its claims
// (Plus: with amounts, applied to the limit), what is left, its Renew and the reminders (EN-12).
// `buy` and `status` modes switch to these views for an Enterprise product (coverage-calc.js).

// The mode's own stylesheet (text; the element adopts it after its own).
import css from "./coverage-calc-enterprise.css";
import { h, buildIcs, download } from "./coverage-calc-util.js";
import {
  field, textInput, setFieldError, errorWords, fieldOf, formError, productPicker, plansFor, planRadios, planName,
  productById, whyBlock, parseInstantField, parseDateField, wholeYen,
  deadlineFacts,
} from "./coverage-calc-form.js";

const NEW_PLANS = ["enterprise-basic", "enterprise-plus"];
const RENEW_OF = { "enterprise-basic": "enterprise-basic-renew", "enterprise-plus": "enterprise-plus-renew" };
const isPlus = (plan) => plan === "enterprise-plus" || plan === "enterprise-plus-renew";

/** What a plan gives, as short lines (EN-4, EN-5, EN-7, EN-8). */
function givesLines(ctx, g) {
  const { t, fmt } = ctx;
  const lines = [];
  if (g.replacements !== null) {
    lines.push(t("en.replacements", { n: g.replacements }));
    g.replacementFees.forEach((fee, i) => lines.push(`${t("en.feeN", { n: i + 1 })}: ${fmt.fee(fee)}`));
  }
  if (g.unlimitedWithinLimit) lines.push(`${t("en.limit")}: ${fmt.fee(g.limit)}`);
  if (g.sharedLimit) lines.push(t("en.shared"));
  if (g.mode === "repair-only-with-loaner") lines.push(t("en.repairOnly"));
  if (g.warrantyExtensionMonths) lines.push(t("en.warrantyMonths", { n: g.warrantyExtensionMonths }));
  return lines;
}

/** The Renew of a plan held (EN-8 … EN-11): status, stage, the dates around expiry, what is needed. */
function renewBlock(ctx, r, { heading = true } = {}) {
  const { t, fmt } = ctx;
  const rows = [
    h("div", {}, h("dt", { text: t("en.renew.stage") }), h("dd", { text: t(`en.stage.${r.stage}`) })),
    h("div", {}, h("dt", { text: t("en.renew.windows") }), h("dd", {},
      h("span", { class: "block", text: t("en.renew.w1", { d: fmt.date(r.dates.validUntil) }) }),
      h("span", { class: "block", text: t("en.renew.w2", { d: fmt.date(r.dates.withoutVideoUntil) }) }),
      h("span", { class: "block", text: t("en.renew.w3", { a: fmt.date(r.dates.withVideoFrom), b: fmt.date(r.dates.withVideoUntil) }) }))),
  ];
  if (r.replacementsLeft !== null) rows.push(h("div", {}, h("dt", { text: t("en.renew.replacementsLeft") }), h("dd", { text: String(r.replacementsLeft) })));
  if (r.ownShare) {
    rows.push(h("div", {}, h("dt", { text: t("en.renew.ownShare") }), h("dd", {
      text: t("en.renew.ownShareText", {
        left: fmt.fee({ status: "published", ...r.ownShare.left }), limit: fmt.fee({ status: "published", ...r.ownShare.limit }),
        pct: r.ownShare.percentLeft, min: r.ownShare.thresholdPercent,
      }),
    })));
  }
  if (r.plan) {
    rows.push(h("div", {}, h("dt", { text: t("en.renew.price") }), h("dd", { text: fmt.fee(r.price) })));
    if (r.replacementFee.status !== "not-offered") rows.push(h("div", {}, h("dt", { text: t("en.renew.fee") }), h("dd", { text: fmt.fee(r.replacementFee) })));
    if (r.limit.status !== "not-offered") rows.push(h("div", {}, h("dt", { text: t("en.limit") }), h("dd", { text: fmt.fee(r.limit) })));
  }
  if (r.period) rows.push(h("div", {}, h("dt", { text: t("en.renew.period") }), h("dd", { text: fmt.period(r.period) })));
  if (r.needs.length > 0) {
    rows.push(h("div", {}, h("dt", { text: t("en.renew.needs") }), h("dd", {}, h("ul", { class: "plain" }, r.needs.map((n) => h("li", { text: t(`en.needs.${n}`) }))))));
  }
  return h("section", { class: "extension", part: "extension" },
    heading ? h("h3", { text: r.plan ? `${t("en.renew")}: ${planName(ctx, r.plan)}` : t("en.renew") }) : null,
    h("p", { class: r.possible ? "rel rel--good" : "rel rel--bad", text: t(`en.renew.status.${r.status}`) }),
    h("dl", { class: "facts" }, rows));
}

/** The conditions and notes of an answer, in words. */
function conditionsBlock(ctx, a) {
  const items = [...a.conditions.map((c) => ctx.t(`en.cond.${c}`)), ...a.notes.map((n) => ctx.t(`en.note.${n}`))];
  return items.length ? h("ul", { class: "plain muted" }, items.map((text) => h("li", { text }))) : null;
}

// ---------------------------------------------------------------------------------------------

const enterpriseBuy = {
  css,
  requires: ["buy"],
  /** @param {any} ctx */
  create(ctx) {
    const { t, fmt, state } = ctx;
    if (ctx.product) state.product = ctx.product;
    state.what ??= "new";
    state.activated ??= false;
    state.activatedAt ??= "";
    state.invitationAt ??= "";
    state.held ??= "enterprise-basic";
    state.heldStart ??= "";
    state.used ??= "0";
    state.claimed ??= "0";
    state.video ??= false;

    const root = h("div", { class: "mode mode--enterprise-buy" });
    const form = h("form", { class: "form", part: "form", novalidate: true, onsubmit: (e) => e.preventDefault() });
    const answer = h("div", { class: "answer", part: "answer", "aria-live": "off" });
    root.append(h("h2", { class: "heading", part: "heading", text: t("heading.enterprise-buy") }), form, answer);

    const picker = productPicker(ctx, state, "enbuy", (id) => { state.product = id; state.plan = null; sync(); compute(); });

    const radio = (name, id, value, checked, label) => {
      const input = h("input", { type: "radio", name, id, value });
      input.checked = checked;
      return { input, el: h("div", { class: "radio" }, input, h("label", { for: id, text: label })) };
    };
    const whatNew = radio("enbuy-what", "enbuy-what-new", "new", state.what === "new", t("en.what.new"));
    const whatRenew = radio("enbuy-what", "enbuy-what-renew", "renew", state.what === "renew", t("en.what.renew"));
    for (const r of [whatNew, whatRenew]) r.input.addEventListener("change", () => { state.what = whatRenew.input.checked ? "renew" : "new"; sync(); compute(); });

    const notAct = radio("enbuy-activation", "enbuy-not-activated", "no", !state.activated, t("notActivated"));
    const act = radio("enbuy-activation", "enbuy-activated-yes", "yes", state.activated, t("activated"));
    for (const r of [notAct, act]) r.input.addEventListener("change", () => { state.activated = act.input.checked; sync(); compute(); });
    const activatedAt = field("enbuy-activated-at", t("activatedAt"), textInput(state.activatedAt), t("hint.instant"));
    const invitationAt = field("enbuy-invitation-at", t("invitationAt"), textInput(state.invitationAt), t("en.hint.invitation"));
    activatedAt.control.addEventListener("input", () => { state.activatedAt = activatedAt.control.value; compute(); });
    invitationAt.control.addEventListener("input", () => { state.invitationAt = invitationAt.control.value; compute(); });
    const timeFields = h("div", { class: "subfields" }, activatedAt.el, invitationAt.el);
    const newGroup = h("fieldset", { class: "group", part: "fieldset" }, h("legend", { part: "legend", text: t("legend.activation") }),
      notAct.el, act.el, timeFields);

    const heldSlot = h("div", { class: "plan-slot" });
    const heldStart = field("enbuy-held-start", t("en.heldStart"), textInput(state.heldStart), t("hint.date"));
    const used = field("enbuy-held-used", t("en.heldUsed"), textInput(state.used), t("en.hint.used"));
    const claimed = field("enbuy-held-claimed", t("en.heldClaimed"), textInput(state.claimed), t("en.hint.claimed"));
    for (const [f, key] of [[heldStart, "heldStart"], [used, "used"], [claimed, "claimed"]]) {
      f.control.addEventListener("input", () => { state[key] = f.control.value; compute(); });
    }
    used.control.setAttribute("inputmode", "numeric");
    claimed.control.setAttribute("inputmode", "numeric");
    const video = h("input", { type: "checkbox", id: "enbuy-video" });
    video.checked = state.video;
    video.addEventListener("change", () => { state.video = video.checked; compute(); });
    const renewGroup = h("fieldset", { class: "group", part: "fieldset" }, h("legend", { part: "legend", text: t("en.legend.held") }),
      heldSlot, heldStart.el, used.el, claimed.el,
      h("div", { class: "radio" }, video, h("label", { for: video.id, text: t("en.video") })));

    const formLevel = formError("enbuy-form-error");
    form.append(picker.el,
      h("fieldset", { class: "group", part: "fieldset" }, h("legend", { part: "legend", text: t("en.legend.what") }), whatNew.el, whatRenew.el),
      newGroup, renewGroup, formLevel.el);

    /** The plans held that this product can renew (filtered by the `plans` attribute). */
    const renewable = (product) => NEW_PLANS.filter((p) => plansFor(ctx, product).includes(RENEW_OF[p]) || (ctx.plans === null && product?.plans.includes(RENEW_OF[p])));
    function sync() {
      const product = productById(ctx, state.product);
      const renewOk = renewable(product);
      whatRenew.input.disabled = product !== null && renewOk.length === 0;
      if (whatRenew.input.disabled && state.what === "renew") { state.what = "new"; whatNew.input.checked = true; }
      newGroup.hidden = state.what !== "new";
      renewGroup.hidden = state.what !== "renew";
      timeFields.hidden = !state.activated;
      if (!renewOk.includes(state.held)) state.held = renewOk[0] ?? "enterprise-basic";
      heldSlot.replaceChildren(planRadios(ctx, "enbuy-held", renewOk, state.held, (id) => { state.held = id; sync(); compute(); }, null, t("en.heldPlan")));
      used.el.hidden = state.held !== "enterprise-basic";
      claimed.el.hidden = state.held !== "enterprise-plus";
    }
    sync();

    const fields = { product: picker.field, activatedAt, invitationAt, held: heldStart, replacementsUsed: used, claimed, videoInspectionPassed: { control: video, error: formLevel.error } };
    let shown = null;

    function compute() {
      for (const f of [...Object.values(fields), formLevel]) setFieldError(f, null);
      const product = productById(ctx, state.product);
      shown = null;
      if (!product) {
        answer.replaceChildren(h("p", { class: "muted", text: t(ctx.product ? "err.unknown_product" : "productPick") }));
        ctx.report({ errors: [], summary: null });
        ctx.emit({ mode: "enterprise-buy", product: state.product, plan: null, answer: null, answers: [] });
        return;
      }
      const now = ctx.now();
      const errors = [];
      const requests = [];
      if (state.what === "new") {
        const base = { product: product.id, now };
        if (state.activated) {
          const at = parseInstantField(t, state.activatedAt, activatedAt, errors, true);
          if (at) base.activatedAt = at;
          const inv = parseInstantField(t, state.invitationAt, invitationAt, errors, false);
          if (inv) base.invitationAt = inv;
        }
        for (const plan of plansFor(ctx, product).filter((p) => NEW_PLANS.includes(p))) requests.push({ plan, ...base });
      } else {
        const start = parseDateField(t, state.heldStart, heldStart, errors, true);
        const held = { start };
        if (state.held === "enterprise-basic") {
          const n = wholeYen(state.used);
          if (n === null || Number(n) > 9) errors.push({ field: used, text: t("en.err.used") });
          else held.replacementsUsed = Number(n);
        } else {
          const amount = wholeYen(state.claimed);
          if (amount === null) errors.push({ field: claimed, text: t("cmp.err.cost") });
          else held.claimed = amount;
        }
        requests.push({ plan: RENEW_OF[state.held], product: product.id, held, videoInspectionPassed: state.video, now });
      }
      if (requests.length === 0 && errors.length === 0) {
        answer.replaceChildren(h("p", { class: "muted", text: t("noPlans") }));
        ctx.report({ errors: [], summary: null });
        ctx.emit({ mode: "enterprise-buy", product: product.id, plan: null, answer: null, answers: [] });
        return;
      }
      const results = [];
      if (errors.length === 0) {
        for (const request of requests) {
          try {
            results.push({ plan: request.plan, answer: ctx.api.buy(request) });
          } catch (error) {
            if (error?.field === "now") { answer.replaceChildren(); ctx.nowError(error); return; }
            // `held.start` → the start field; `held.claimed` → the amount; else the form.
            const path = typeof error?.field === "string" ? error.field.replace(/^held\.start$/, "held").replace(/^held\./, "") : null;
            const target = fieldOf({ field: path }, fields) ?? formLevel;
            errors.push({ field: target, text: errorWords(t, error), code: error?.code });
            break;
          }
        }
      }
      if (errors.length > 0) {
        for (const e of errors) setFieldError(e.field, e.text);
        answer.replaceChildren(h("p", { class: "muted", text: t("error.fix") }));
        ctx.report({ errors, summary: null });
        ctx.emit({ mode: "enterprise-buy", product: product.id, plan: null, answer: null, answers: [], error: errors[0].code ?? "input" });
        return;
      }
      render(product, results, now);
    }

    function render(product, results, now) {
      const first = results[0].answer;
      if (!results.some((r) => r.plan === state.plan)) state.plan = first.plan;
      const body = [verdict(first, now)];
      if (state.what === "renew" && first.renew) body.push(renewBlock(ctx, first.renew));
      body.push(planCards(results), conditionsBlock(ctx, first),
        whyBlock(ctx, results.flatMap((r) => r.answer.rules), [product.source, ...ctx.catalog.enterprise.sources]));
      answer.replaceChildren(...body.filter(Boolean));
      shown = first.eligible && first.deadline ? { deadline: first.deadline } : null;
      tick(now);
      ctx.report({ errors: [], summary: t("summaryBuy", { verdict: t(first.eligible ? "buy.yes" : "buy.no"), deadline: first.deadline && first.eligible ? fmt.instant(first.deadline) : null }) });
      emit(results);
    }

    function emit(results) {
      const chosen = results.find((r) => r.plan === state.plan)?.answer ?? null;
      ctx.emit({ mode: "enterprise-buy", product: state.product, plan: state.plan, eligible: chosen?.eligible ?? null, answer: chosen, answers: results.map((r) => r.answer) });
    }

    function verdict(a, now) {
      const parts = [
        h("p", { class: "verdict__title", part: "verdict-title", text: t(a.eligible ? "buy.yes" : "buy.no") }),
        a.route && a.eligible ? h("p", { text: t(`en.route.${a.route}`) }) : null,
      ];
      if (a.deadline) {
        const passed = Date.parse(a.deadline) < Date.parse(now);
        parts.push(deadlineFacts(ctx, a.deadline, now));
        if (a.eligible && !passed) {
          const productName = productById(ctx, a.product)?.name[ctx.lang] ?? a.product;
          parts.push(h("button", {
            type: "button", class: "button button--secondary", part: "button",
            onclick: () => download(ctx.root, `deadline-${a.product}.ics`, buildIcs([{
              uid: `enbuy-${a.product}-${a.deadline}`, title: t("ics.deadline", { product: productName, plan: "DJI Care Enterprise" }),
              description: fmt.instant(a.deadline), at: a.deadline, alarms: ["-P1D", "-PT2H"],
            }])),
          }, t("calendar")));
        }
      }
      if (a.closed) {
        parts.push(h("p", { text: t(`en.reason.${a.closed.reason}`) }));
        const alt = a.closed.alternative;
        if (alt) {
          parts.push(h("div", { class: "route", part: "route" }, h("h3", { text: t("alt.heading") }),
            h("ol", {}, t("en.alt.steps", { hours: alt.hours }).map((s) => h("li", { text: s }))),
            h("p", { class: "muted" }, h("span", { class: "rule-id", text: alt.rule }), " ", t.rule(alt.rule) ?? "")));
        }
      }
      return h("section", { class: `verdict ${a.eligible ? "verdict--yes" : "verdict--no"}`, part: "verdict" }, parts);
    }

    function planCards(results) {
      const fieldset = h("fieldset", { class: "plan-cards", part: "plans" }, h("legend", { part: "legend", text: t("choosePlan") }));
      for (const r of results) {
        const a = r.answer;
        const id = `enbuy-choose-${r.plan}`;
        const input = h("input", { type: "radio", name: "enbuy-choose", id, value: r.plan });
        input.checked = r.plan === state.plan;
        input.addEventListener("change", () => { if (input.checked) { state.plan = r.plan; emit(results); } });
        fieldset.append(h("div", { class: "plan-card", part: "plan" }, input, h("label", { for: id },
          h("strong", { class: "plan-card__name", text: planName(ctx, r.plan) }),
          h("span", { class: "plan-card__price", part: "price", text: fmt.fee(a.price) }),
          givesLines(ctx, a.gives).map((text) => h("span", { text })),
          a.service ? h("span", { class: "muted", text: `${t("service")}: ${fmt.period(a.service)}` }) : null)));
      }
      return fieldset;
    }

    function tick(now) {
      if (!shown) return;
      const left = fmt.countdown(shown.deadline, now);
      if (left === null) { shown = null; compute(); return; }
      const el = answer.querySelector("[data-countdown]");
      if (el) el.textContent = left;
      const rel = answer.querySelector("[data-rel]");
      if (rel) rel.textContent = fmt.relative(shown.deadline, now);
    }

    compute();
    return { el: root, tick, refresh: compute };
  },
};

// ---------------------------------------------------------------------------------------------

const enterpriseStatus = {
  css,
  requires: ["status"],
  /** @param {any} ctx */
  create(ctx) {
    const { t, fmt, state } = ctx;
    if (ctx.product) state.product = ctx.product;
    state.start ??= "";
    state.claims ??= [];
    state.video ??= false;

    const root = h("div", { class: "mode mode--enterprise-status" });
    const form = h("form", { class: "form", part: "form", novalidate: true, onsubmit: (e) => e.preventDefault() });
    const answer = h("div", { class: "answer", part: "answer" });
    root.append(h("h2", { class: "heading", part: "heading", text: t("heading.enterprise-status") }), form, answer);

    const planSlot = h("div", { class: "plan-slot" });
    const picker = productPicker(ctx, state, "enstatus", (id) => { state.product = id; renderPlans(); renderClaims(); compute(); });
    function renderPlans() {
      const ids = plansFor(ctx, productById(ctx, state.product));
      if (!ids.includes(state.plan)) state.plan = ids[0] ?? null;
      planSlot.replaceChildren(planRadios(ctx, "enstatus", ids, state.plan, (id) => { state.plan = id; renderClaims(); compute(); }));
    }
    renderPlans();
    const start = field("enstatus-start", t("start"), textInput(state.start), t("hint.date"));
    start.control.addEventListener("input", () => { state.start = start.control.value; compute(); });

    const claimList = h("ol", { class: "claims", part: "claims" });
    const claimsEmpty = h("p", { class: "muted", text: t("claims.empty") });
    const claimsError = h("p", { id: "enstatus-claims-error", class: "error", part: "error", hidden: true });
    const addButton = h("button", { type: "button", class: "button button--secondary", part: "button", id: "enstatus-add-claim", text: t("claims.add") });
    let claimFields = [];
    function renderClaims(focusRow = null) {
      const plus = isPlus(state.plan);
      claimFields = [];
      claimList.replaceChildren(...state.claims.map((claim, i) => {
        const n = i + 1;
        const date = field(`enstatus-claim-${n}-date`, t("claims.date", { n }), textInput(claim.date), t("hint.date"));
        date.control.addEventListener("input", () => { claim.date = date.control.value; compute(); });
        const amount = plus ? field(`enstatus-claim-${n}-amount`, t("en.claimAmount", { n }), textInput(claim.amount ?? ""), t("cmp.hint.cost")) : null;
        amount?.control.setAttribute("inputmode", "numeric");
        amount?.control.addEventListener("input", () => { claim.amount = amount.control.value; compute(); });
        const remove = h("button", {
          type: "button", class: "button button--icon", part: "button", "aria-label": t("claims.remove", { n }), title: t("claims.remove", { n }),
          onclick: () => { state.claims.splice(i, 1); renderClaims(Math.min(i, state.claims.length - 1)); compute(); },
        }, "×");
        claimFields.push({ date, amount });
        return h("li", { class: "claim" }, date.el, amount ? amount.el : h("span"), remove);
      }));
      claimsEmpty.hidden = state.claims.length > 0;
      if (focusRow !== null) ((focusRow >= 0 ? claimFields[focusRow]?.date.control : null) ?? addButton).focus();
    }
    addButton.addEventListener("click", () => { state.claims.push({ date: "", amount: "" }); renderClaims(state.claims.length - 1); compute(); });
    renderClaims();
    const video = h("input", { type: "checkbox", id: "enstatus-video" });
    video.checked = state.video;
    video.addEventListener("change", () => { state.video = video.checked; compute(); });

    const formLevel = formError("enstatus-form-error");
    form.append(picker.el, planSlot, start.el,
      h("fieldset", { class: "group", part: "fieldset", "aria-describedby": claimsError.id },
        h("legend", { part: "legend", text: t("en.legend.claims") }), claimsEmpty, claimList, claimsError, addButton),
      h("div", { class: "radio" }, video, h("label", { for: video.id, text: t("en.video") })),
      formLevel.el);
    const claimsField = { control: addButton, error: claimsError };
    const fields = { product: picker.field, start, claims: claimsField, videoInspectionPassed: { control: video, error: formLevel.error } };

    function compute() {
      for (const f of [...Object.values(fields), formLevel]) setFieldError(f, null);
      for (const c of claimFields) { setFieldError(c.date, null); setFieldError(c.amount, null); }
      const product = productById(ctx, state.product);
      if (!product || !state.plan) {
        answer.replaceChildren(h("p", { class: "muted", text: t(product ? "noPlans" : ctx.product ? "err.unknown_product" : "productPick") }));
        ctx.report({ errors: [], summary: null });
        ctx.emit({ mode: "enterprise-status", product: state.product, plan: null, answer: null });
        return;
      }
      const now = ctx.now();
      const errors = [];
      const plus = isPlus(state.plan);
      // Only the fields an Enterprise status takes: plan, product, start, claims ({date} or {date, amount}), video, now.
      const request = { plan: state.plan, product: product.id, start: parseDateField(t, state.start, start, errors, true), claims: [], videoInspectionPassed: state.video, now };
      state.claims.forEach((c, i) => {
        const date = parseDateField(t, c.date, claimFields[i].date, errors, true);
        const claim = { date: date ?? c.date };
        if (plus) {
          const amount = wholeYen(c.amount);
          if (amount === null) errors.push({ field: claimFields[i].amount, text: t(String(c.amount ?? "").trim() ? "cmp.err.cost" : "error.required") });
          claim.amount = amount ?? "0";
        }
        request.claims.push(claim);
      });
      let result = null;
      if (errors.length === 0) {
        try {
          result = ctx.api.status(request);
        } catch (error) {
          if (error?.field === "now") { answer.replaceChildren(); ctx.nowError(error); return; }
          const rows = claimFields.map((c) => (c.amount ? { date: c.date, amount: c.amount } : { date: c.date }));
          errors.push({ field: fieldOf(error, fields, { claims: rows }) ?? formLevel, text: errorWords(t, error), code: error?.code });
        }
      }
      if (errors.length > 0 || !result) {
        for (const e of errors) setFieldError(e.field, e.text);
        answer.replaceChildren(h("p", { class: "muted", text: t("error.fix") }));
        ctx.report({ errors, summary: null });
        ctx.emit({ mode: "enterprise-status", product: product.id, plan: state.plan, answer: null, error: errors[0]?.code ?? "input" });
        return;
      }
      render(product, result);
    }

    function render(product, a) {
      const cls = { active: "verdict--yes", "not-started": "verdict--wait", expired: "verdict--no" }[a.state] ?? "";
      const yen = (m) => fmt.fee({ status: "published", ...m });
      const facts = [];
      if (a.replacements) facts.push(h("div", {}, h("dt", { text: t("replacementsLeft") }), h("dd", { text: t("left", a.replacements) })));
      if (a.replacements) facts.push(h("div", {}, h("dt", { text: t("nextFee") }), h("dd", { text: fmt.fee(a.nextReplacementFee) })));
      if (a.limit) {
        facts.push(h("div", {}, h("dt", { text: t("en.limit") }), h("dd", { text: fmt.fee(a.limit.limit) })));
        facts.push(h("div", {}, h("dt", { text: t("en.limitUsed") }), h("dd", { text: yen(a.limit.used) })));
        if (a.limit.left) facts.push(h("div", {}, h("dt", { text: t("en.limitLeft") }), h("dd", {}, h("strong", { text: yen(a.limit.left) }))));
        facts.push(h("div", {}, h("dt", { text: t("en.customerPaid") }), h("dd", { text: yen(a.limit.customerPaid) })));
      }
      if (a.warrantyExtension) facts.push(h("div", {}, h("dt", { text: t("warrantyExt") }), h("dd", { text: fmt.period(a.warrantyExtension) })));
      const claims = a.claims.length > 0 ? h("div", { class: "cmp-scroll", tabindex: "0", role: "region", "aria-label": t("en.claimsApplied") },
        h("table", { class: "cmp-table cmp-table--nowrap" }, h("caption", { text: t("en.claimsApplied") }),
          h("thead", {}, h("tr", {}, ["claims.dateCol", "en.amount", "en.covered", "en.customerPays", "en.leftAfter"].map((k) => h("th", { scope: "col", text: t(k) })))),
          h("tbody", {}, a.claims.map((c) => h("tr", {}, h("th", { scope: "row", text: fmt.date(c.date) }),
            h("td", { text: yen(c.amount) }), h("td", { text: yen(c.covered) }), h("td", { text: yen(c.customerPays) }), h("td", { text: yen(c.leftAfter) })))))) : null;
      const reminders = h("section", { class: "reminders" }, h("h3", { text: t("en.reminders") }),
        h("ul", { class: "plain" }, a.reminders.map((r) => h("li", { text: `${t("en.reminder", { n: r.daysBefore, d: fmt.date(r.date) })}${r.due ? ` (${t("en.due")})` : ""}` }))));
      const productName = product.name[ctx.lang];
      answer.replaceChildren(...[
        h("section", { class: `verdict ${cls}`, part: "verdict" },
          h("p", { class: "verdict__title", part: "verdict-title", text: t(`state.${a.state}`) }),
          h("p", { text: `${planName(ctx, a.plan)} · ${fmt.period(a.period)}` }),
          h("dl", { class: "facts" }, facts)),
        claims,
        renewBlock(ctx, a.renew),
        reminders,
        h("button", {
          type: "button", class: "button button--secondary", part: "button",
          onclick: () => download(ctx.root, `coverage-${a.product}.ics`, buildIcs([{
            uid: `end-${a.product}-${a.period.end}`, title: t("ics.end", { product: productName, plan: planName(ctx, a.plan) }),
            description: fmt.period(a.period), day: a.period.end, alarms: a.reminders.map((r) => `-P${r.daysBefore}D`),
          }])),
        }, t("calendar")),
        whyBlock(ctx, a.rules, [product.source, ...ctx.catalog.enterprise.sources])].filter(Boolean));
      ctx.report({ errors: [], summary: t("summaryEnStatus", { state: t(`state.${a.state}`), renew: t(`en.renew.status.${a.renew.status}`) }) });
      ctx.emit({ mode: "enterprise-status", product: a.product, plan: a.plan, answer: a });
    }

    compute();
    return { el: root, tick: () => {}, refresh: compute };
  },
};

export { enterpriseBuy, enterpriseStatus };
