// Contract mode: a DJI Care Enterprise Plus contract and its shared limit (EN-5, EN-6, EN-7, EN-9,
// EN-10 … EN-12). The contract's first activation, owner and region; the products associated
// (label, product, date, owner when another); the claims (which product, date, amount) → the pool
// (who joined it, why another did not), each product's own share and Renew, the claims applied
// in date order (from the pool or the product's own limit), the Renew pool and the reminders.

// The mode's own stylesheet (text; the element adopts it after its own).
import css from "./coverage-calc-enterprise.css";
import { h } from "./coverage-calc-util.js";
import {
  field, textInput, setFieldError, errorWords, fieldOf, formError, whyBlock, parseDateField, wholeYen,
} from "./coverage-calc-form.js";

export default {
  css,
  requires: ["plusContract"],
  /** @param {any} ctx */
  create(ctx) {
    const { t, fmt, state, lang } = ctx;
    const products = ctx.catalog.products.filter((p) => p.plans.includes("enterprise-plus"))
      .sort((a, b) => a.name[lang].localeCompare(b.name[lang], ctx.locale));
    const byId = new Map(products.map((p) => [p.id, p]));
    const name = (id) => byId.get(id)?.name[lang] ?? id;
    if (ctx.product && byId.has(ctx.product) && ctx.product !== state.preset) {
      state.preset = ctx.product;
      state.members = [{ id: "", product: ctx.product, date: state.activatedOn ?? "", owner: "" }];
    }
    state.activatedOn ??= "";
    state.owner ??= "";
    state.region ??= "";
    state.members ??= [{ id: "", product: "", date: "", owner: "" }];
    state.claims ??= [];
    const yen = (m) => fmt.fee({ status: "published", ...m });
    const memberId = (m, i) => (m.id.trim() || `#${i + 1}`);

    const root = h("div", { class: "mode mode--contract" });
    const form = h("form", { class: "form", part: "form", novalidate: true, onsubmit: (e) => e.preventDefault() });
    const answer = h("div", { class: "answer", part: "answer" });
    root.append(h("h2", { class: "heading", part: "heading", text: t("heading.contract") }), form, answer);

    const activatedOn = field("contract-activated-on", t("ct.activatedOn"), textInput(state.activatedOn), t("hint.date"));
    const owner = field("contract-owner", t("ct.owner"), textInput(state.owner), t("ct.hint.owner"));
    const region = field("contract-region", t("ct.region"), textInput(state.region), t("ct.hint.region"));
    for (const [f, key] of [[activatedOn, "activatedOn"], [owner, "owner"], [region, "region"]]) {
      f.control.addEventListener("input", () => { state[key] = f.control.value; compute(); });
    }

    const memberList = h("ol", { class: "claims", part: "members" });
    const memberAdd = h("button", { type: "button", class: "button button--secondary", part: "button", id: "contract-add-member", text: t("ct.addMember") });
    let memberRows = [];
    function renderMembers(focusRow = null) {
      memberRows = state.members.map((m, i) => {
        const n = i + 1;
        const select = h("select", { part: "select" }, h("option", { value: "", text: t("productPick") }),
          ["drone", "gimbal-camera", "accessory"].map((c) => h("optgroup", { label: t(`category.${c}`) },
            products.filter((p) => p.category === c).map((p) => h("option", { value: p.id, text: p.name[lang] })))));
        select.value = byId.has(m.product) ? m.product : "";
        const product = field(`contract-member-${n}-product`, t("ct.memberProduct", { n }), select);
        const id = field(`contract-member-${n}-id`, t("ct.memberId", { n }), textInput(m.id), t("ct.hint.memberId", { n }));
        const date = field(`contract-member-${n}-date`, t("ct.memberDate", { n }), textInput(m.date), t("hint.date"));
        const mOwner = field(`contract-member-${n}-owner`, t("ct.memberOwner", { n }), textInput(m.owner), t("ct.hint.memberOwner"));
        select.addEventListener("change", () => { m.product = select.value; compute(); });
        for (const [f, key] of [[id, "id"], [date, "date"], [mOwner, "owner"]]) {
          f.control.addEventListener("input", () => { m[key] = f.control.value; if (key === "id") renderClaims(); compute(); });
        }
        const remove = state.members.length > 1 ? h("button", {
          type: "button", class: "button button--icon", part: "button", id: `contract-member-${n}-remove`,
          "aria-label": t("ct.removeMember", { n }), title: t("ct.removeMember", { n }),
          onclick: () => { state.members.splice(i, 1); renderMembers(Math.min(i, state.members.length - 1)); renderClaims(); compute(); },
        }, "×") : null;
        return { product, id, date, owner: mOwner, el: h("li", { class: "member" }, product.el, date.el, id.el, mOwner.el, remove) };
      });
      memberList.replaceChildren(...memberRows.map((r) => r.el));
      if (focusRow !== null) memberRows[focusRow]?.product.control.focus();
    }
    memberAdd.addEventListener("click", () => {
      state.members.push({ id: "", product: "", date: "", owner: "" });
      renderMembers(state.members.length - 1);
      renderClaims();
      compute();
    });

    const claimList = h("ol", { class: "claims", part: "claims" });
    const claimsEmpty = h("p", { class: "muted", text: t("claims.empty") });
    const claimAdd = h("button", { type: "button", class: "button button--secondary", part: "button", id: "contract-add-claim", text: t("claims.add") });
    let claimRows = [];
    function renderClaims(focusRow = null) {
      claimRows = state.claims.map((c, i) => {
        const n = i + 1;
        const ids = state.members.map(memberId);
        const select = h("select", { part: "select" }, ids.map((id, k) => h("option", { value: id, text: `${id} ${state.members[k].product ? `(${name(state.members[k].product)})` : ""}`.trim() })));
        if (!ids.includes(c.member)) c.member = ids[0] ?? "";
        select.value = c.member;
        const member = field(`contract-claim-${n}-member`, t("ct.claimMember", { n }), select);
        const date = field(`contract-claim-${n}-date`, t("claims.date", { n }), textInput(c.date), t("hint.date"));
        const amount = field(`contract-claim-${n}-amount`, t("en.claimAmount", { n }), textInput(c.amount), t("cmp.hint.cost"));
        amount.control.setAttribute("inputmode", "numeric");
        select.addEventListener("change", () => { c.member = select.value; compute(); });
        date.control.addEventListener("input", () => { c.date = date.control.value; compute(); });
        amount.control.addEventListener("input", () => { c.amount = amount.control.value; compute(); });
        const remove = h("button", {
          type: "button", class: "button button--icon", part: "button", "aria-label": t("claims.remove", { n }), title: t("claims.remove", { n }),
          onclick: () => { state.claims.splice(i, 1); renderClaims(Math.min(i, state.claims.length - 1)); compute(); },
        }, "×");
        return { member, date, amount, el: h("li", { class: "member" }, member.el, date.el, amount.el, remove) };
      });
      claimList.replaceChildren(...claimRows.map((r) => r.el));
      claimsEmpty.hidden = state.claims.length > 0;
      if (focusRow !== null) ((focusRow >= 0 ? claimRows[focusRow]?.member.control : null) ?? claimAdd).focus();
    }
    claimAdd.addEventListener("click", () => {
      state.claims.push({ member: "", date: "", amount: "" });
      renderClaims(state.claims.length - 1);
      compute();
    });
    renderMembers();
    renderClaims();

    const formLevel = formError("contract-form-error");
    form.append(activatedOn.el, owner.el, region.el,
      h("fieldset", { class: "group", part: "fieldset" }, h("legend", { part: "legend", text: t("ct.members") }), memberList, memberAdd),
      h("fieldset", { class: "group", part: "fieldset" }, h("legend", { part: "legend", text: t("en.legend.claims") }), claimsEmpty, claimList, claimAdd),
      formLevel.el);
    const fields = { activatedOn, owner, region };

    function compute() {
      for (const f of [activatedOn, owner, region, formLevel, ...memberRows.flatMap((r) => [r.product, r.id, r.date, r.owner]),
        ...claimRows.flatMap((r) => [r.member, r.date, r.amount])]) setFieldError(f, null);
      if (!state.activatedOn.trim() || !state.owner.trim() || state.members.some((m) => !m.product)) {
        answer.replaceChildren(h("p", { class: "muted", text: t("ct.prompt") }));
        ctx.report({ errors: [], summary: null });
        ctx.emit({ mode: "contract", answer: null });
        return;
      }
      const errors = [];
      const request = {
        activatedOn: parseDateField(t, state.activatedOn, activatedOn, errors, true),
        owner: state.owner.trim(),
        members: state.members.map((m, i) => {
          const member = { id: memberId(m, i), product: m.product, date: parseDateField(t, m.date || state.activatedOn, memberRows[i].date, errors, true) };
          if (m.owner.trim()) member.owner = m.owner.trim();
          return member;
        }),
        claims: state.claims.map((c, i) => {
          const amount = wholeYen(c.amount);
          if (amount === null) errors.push({ field: claimRows[i].amount, text: t(String(c.amount ?? "").trim() ? "cmp.err.cost" : "error.required") });
          return { member: c.member, date: parseDateField(t, c.date, claimRows[i].date, errors, true), amount: amount ?? "0" };
        }),
        now: ctx.now(),
      };
      if (state.region.trim()) request.region = state.region.trim();
      let a = null;
      if (errors.length === 0) {
        try {
          a = ctx.api.plusContract(request);
        } catch (error) {
          if (error?.field === "now") { answer.replaceChildren(); ctx.nowError(error); return; }
          const rows = { members: memberRows.map((r) => ({ product: r.product, id: r.id, date: r.date, owner: r.owner })), claims: claimRows.map((r) => ({ member: r.member, date: r.date, amount: r.amount })) };
          errors.push({ field: fieldOf(error, fields, rows) ?? formLevel, text: errorWords(t, error), code: error?.code });
        }
      }
      if (!a) {
        for (const e of errors) setFieldError(e.field, e.text);
        answer.replaceChildren(h("p", { class: "muted", text: t("error.fix") }));
        ctx.report({ errors, summary: null });
        ctx.emit({ mode: "contract", answer: null, error: errors[0]?.code ?? "input" });
        return;
      }
      render(a);
    }

    function render(a) {
      const cls = a.state === "active" ? "verdict--yes" : "verdict--no";
      const memberTable = h("div", { class: "cmp-scroll", tabindex: "0", role: "region", "aria-label": t("ct.membersTable") },
        h("table", { class: "cmp-table cmp-table--nowrap ct-table" }, h("caption", { text: t("ct.membersTable") }),
          h("thead", {}, h("tr", {}, ["ct.col.member", "ct.col.joined", "en.limit", "en.renew.ownShare", "en.renew"].map((k) => h("th", { scope: "col", text: t(k) })))),
          h("tbody", {}, a.members.map((m) => h("tr", {},
            h("th", { scope: "row" }, h("span", { class: "block", text: m.id }), h("span", { class: "block muted", text: name(m.product) })),
            h("td", { text: m.joined ? t("ct.joined") : `${t("ct.notJoined")}: ${m.reasons.map((r) => t(`ct.reason.${r}`)).join(", ")}` }),
            h("td", { text: yen(m.limit) }),
            h("td", { text: `${yen(m.ownShare.left)} (${m.ownShare.percentLeft} %)` }),
            h("td", { class: m.renew.possible ? "good" : "bad", text: t(`en.renew.status.${m.renew.status}`) }))))));
      const claims = a.claims.length > 0 ? h("div", { class: "cmp-scroll", tabindex: "0", role: "region", "aria-label": t("en.claimsApplied") },
        h("table", { class: "cmp-table cmp-table--nowrap" }, h("caption", { text: t("en.claimsApplied") }),
          h("thead", {}, h("tr", {}, ["claims.dateCol", "ct.col.member", "en.amount", "ct.col.from", "en.covered", "en.customerPays", "en.leftAfter"].map((k) => h("th", { scope: "col", text: t(k) })))),
          h("tbody", {}, a.claims.map((c) => h("tr", {}, h("th", { scope: "row", text: fmt.date(c.date) }),
            h("td", { text: c.member ?? "" }), h("td", { text: yen(c.amount) }), h("td", { text: t(`ct.from.${c.from}`) }),
            h("td", { text: yen(c.covered) }), h("td", { text: yen(c.customerPays) }), h("td", { text: yen(c.leftAfter) })))))) : null;
      answer.replaceChildren(...[
        h("section", { class: `verdict ${cls}`, part: "verdict" },
          h("p", { class: "verdict__title", part: "verdict-title", text: t("ct.poolLeft", { left: yen(a.pool.left) }) }),
          h("p", { text: `${t(`state.${a.state}`)} · ${fmt.period(a.period)}` }),
          h("dl", { class: "facts" },
            h("div", {}, h("dt", { text: t("ct.poolMembers") }), h("dd", { text: a.pool.members.join(", ") })),
            h("div", {}, h("dt", { text: t("ct.poolLimit") }), h("dd", { text: yen(a.pool.limit) })),
            h("div", {}, h("dt", { text: t("en.limitUsed") }), h("dd", { text: yen(a.pool.used) })),
            h("div", {}, h("dt", { text: t("en.customerPaid") }), h("dd", { text: yen(a.customerPaid) })),
            h("div", {}, h("dt", { text: t("ct.joinUntil") }), h("dd", { text: fmt.date(a.joinUntil) })))),
        memberTable,
        claims,
        h("p", { text: t("ct.renewPool", { n: a.renewPool.members.length, members: a.renewPool.members.join(", ") || "—", limit: yen(a.renewPool.limit) }) }),
        h("section", { class: "reminders" }, h("h3", { text: t("en.reminders") }),
          h("ul", { class: "plain" }, a.reminders.map((r) => h("li", { text: `${t("en.reminder", { n: r.daysBefore, d: fmt.date(r.date) })}${r.due ? ` (${t("en.due")})` : ""}` })))),
        whyBlock(ctx, a.rules, [...ctx.catalog.enterprise.sources])].filter(Boolean));
      ctx.report({ errors: [], summary: t("ct.poolLeft", { left: yen(a.pool.left) }) });
      ctx.emit({ mode: "contract", answer: a });
    }

    compute();
    return { el: root, tick: () => {}, refresh: compute };
  },
};
