// i-PRO mode: the product warranty and the Partners Circle five-year hardware warranty (IP-1 …
// IP-6). Kind, delivery date, the sale (Japan, Partners Circle member, 5-year list) and what
// failed → the phase on a five-year timeline with "now" (an SVG built with createElementNS), both
// periods, whether this repair is free, the repair forms, the HDD, shipping each way, the proof,
// the request through the partner, the exclusions to check, and the warranty ends as an .ics.
//
// A `product` attribute naming an i-PRO kind (`camera`, `recorder`, `accessory`,
// `non-repairable`) presets the kind; any other product id is ignored here (the catalog's
// products are DJI's).

// The mode's own stylesheet (text; the element adopts it after its own).
import css from "./coverage-calc-ipro.css";
import { h, svg, parseDate, buildIcs, download } from "./coverage-calc-util.js";
import { field, textInput, setFieldError, errorWords, fieldOf, formError, whyBlock } from "./coverage-calc-form.js";

const TRI = { yes: true, no: false, unknown: null };
const TRI_KEYS = ["yes", "no", "unknown"];
const FAILURES = ["unit", "hdd", "software"];

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
const dayNumber = (date) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export default {
  css,
  requires: ["ipro"],
  /** @param {any} ctx */
  create(ctx) {
    const { t, fmt, state } = ctx;
    const terms = ctx.catalog.ipro;
    const kinds = terms?.kinds ?? [];
    if (ctx.product && kinds.some((k) => k.id === ctx.product)) state.kind = ctx.product;
    state.kind ??= kinds[0]?.id ?? "camera";
    state.delivery ??= "";
    state.inJapan ??= "yes";
    state.member ??= "unknown";
    state.list ??= "unknown";
    state.failed ??= "unit";
    const kindName = (id) => kinds.find((k) => k.id === id)?.name[ctx.lang] ?? id;

    const root = h("div", { class: "mode mode--ipro" });
    const form = h("form", { class: "form", part: "form", novalidate: true, onsubmit: (e) => e.preventDefault() });
    const answer = h("div", { class: "answer", part: "answer" });
    root.append(h("h2", { class: "heading", part: "heading", text: t("heading.ipro") }), form, answer);

    const kindSelect = h("select", { part: "select" }, kinds.map((k) => h("option", { value: k.id, text: k.name[ctx.lang] })));
    kindSelect.value = state.kind;
    const kind = field("ipro-kind", t("ipro.kind"), kindSelect);
    const delivery = field("ipro-delivery", t("ipro.delivery"), textInput(state.delivery), t("ipro.hint.delivery"));
    const tri = (id, label, key, hint = null) => {
      const select = h("select", { part: "select" }, TRI_KEYS.map((k) => h("option", { value: k, text: t(`tri.${k}`) })));
      select.value = state[key];
      select.addEventListener("change", () => { state[key] = select.value; compute(); });
      return field(id, label, select, hint);
    };
    const inJapan = tri("ipro-japan", t("ipro.japan"), "inJapan");
    const member = tri("ipro-member", t("ipro.member"), "member", t("ipro.hint.member"));
    const list = tri("ipro-list", t("ipro.list"), "list");

    const failedError = h("p", { id: "ipro-failed-error", class: "error", part: "error", hidden: true });
    const hddHint = h("p", { id: "ipro-failed-hint", class: "hint", part: "hint", text: t("ipro.hint.hdd") });
    const radios = FAILURES.map((f) => {
      const input = h("input", { type: "radio", name: "ipro-failed", id: `ipro-failed-${f}`, value: f });
      input.checked = state.failed === f;
      input.addEventListener("change", () => { if (input.checked) { state.failed = f; compute(); } });
      return input;
    });
    const failedSet = h("fieldset", { class: "group", part: "fieldset", "aria-describedby": `${hddHint.id} ${failedError.id}` },
      h("legend", { part: "legend", text: t("ipro.legend.failed") }),
      radios.map((r) => h("div", { class: "radio" }, r, h("label", { for: r.id, text: t(`failed.${r.value}`) }))),
      hddHint, failedError);
    const failed = { control: failedSet, error: failedError };
    function syncHdd() {
      const recorder = state.kind === "recorder";
      const hdd = radios[1];
      hdd.disabled = !recorder;
      if (!recorder && state.failed === "hdd") {
        state.failed = "unit";
        radios[0].checked = true;
      }
    }
    syncHdd();

    kindSelect.addEventListener("change", () => { state.kind = kindSelect.value; syncHdd(); compute(); });
    delivery.control.addEventListener("input", () => { state.delivery = delivery.control.value; compute(); });

    const formLevel = formError("ipro-form-error");
    form.append(kind.el, delivery.el,
      h("fieldset", { class: "group", part: "fieldset" },
        h("legend", { part: "legend", text: t("ipro.legend.sale") }),
        h("div", { class: "subfields" }, inJapan.el, member.el, list.el)),
      failedSet, formLevel.el);

    const fields = {
      kind, deliveryDate: delivery, inJapan, partnersCircleMember: member, onFiveYearList: list, failed,
    };
    /** The Japan date of the answer shown, to recompute when the live clock passes midnight. */
    let shownToday = null;

    function compute() {
      for (const f of [...Object.values(fields), formLevel]) setFieldError(f, null);
      shownToday = null;
      const errors = [];
      const now = ctx.now();
      const request = {
        kind: state.kind,
        inJapan: TRI[state.inJapan] ?? null,
        partnersCircleMember: TRI[state.member] ?? null,
        onFiveYearList: TRI[state.list] ?? null,
        failed: state.failed,
        now,
      };
      if (!state.delivery.trim()) {
        answer.replaceChildren(h("p", { class: "muted", text: t("ipro.prompt") }));
        ctx.report({ errors: [], summary: null });
        ctx.emit({ mode: "ipro", kind: state.kind, answer: null });
        return;
      }
      const date = parseDate(state.delivery);
      if (!date) errors.push({ field: delivery, text: t("error.date") });
      else request.deliveryDate = date;
      let result = null;
      if (errors.length === 0) {
        try {
          result = ctx.api.ipro(request);
        } catch (error) {
          // The `now` attribute, refused by the core: said on the attribute, no answer.
          if (error?.field === "now") { answer.replaceChildren(); ctx.nowError(error); return; }
          // The control its `field` names (`partnersCircleMember`), else the form.
          const target = fieldOf(error, fields);
          const where = Object.keys(fields).find((k) => fields[k] === target);
          const text = error?.code === "missing_field" && where && t.has(`err.missing.${where}`) ? t(`err.missing.${where}`) : errorWords(t, error);
          errors.push({ field: target ?? formLevel, text, code: error?.code });
        }
      }
      if (errors.length > 0 || !result) {
        for (const e of errors) setFieldError(e.field, e.text);
        answer.replaceChildren(h("p", { class: "muted", text: t("error.fix") }));
        ctx.report({ errors, summary: null });
        ctx.emit({ mode: "ipro", kind: state.kind, answer: null, error: errors[0]?.code ?? "input" });
        return;
      }
      render(result);
    }

    function render(a) {
      shownToday = a.today;
      const tone = a.freeRepair ? "yes" : a.phase === "expired" || a.phase === "not-covered" ? "no" : "wait";
      const fact = (term, ...value) => h("div", {}, h("dt", { text: term }), h("dd", {}, value));
      const p5 = a.partners5y;
      const p5State = p5.eligible === true ? t("p5.eligible")
        : p5.eligible === false ? t("p5.notEligible", { why: p5.notEligible.map((r) => t(`p5why.${r}`)).join(", ") })
          : t("p5.unknown");

      const repair = a.repair;
      const repairRows = [];
      if (repair === null) {
        repairRows.push(fact(t("ipro.forms"), h("span", { class: "muted", text: t("ipro.repairUnknown") })));
      } else if (repair.rebuy) {
        repairRows.push(fact(t("ipro.forms"), h("strong", { text: t("ipro.rebuy") })));
      } else {
        repairRows.push(fact(t("ipro.cost"), h("strong", { text: t(repair.paid ? "cost.paid" : "cost.free") })));
        repairRows.push(fact(t("ipro.forms"),
          h("ul", { class: "plain" }, repair.forms.map((f) => h("li", { text: t(`form.${f}`) }))),
          repair.formsDependOnModel ? h("p", { class: "muted", text: t("ipro.formsDependOnModel") }) : null));
        repairRows.push(fact(t("ipro.onSite"), t(`onSite.${repair.onSite}`),
          repair.remoteAreasExtraTravelCost ? h("p", { class: "muted", text: t("ipro.remoteAreas") }) : null));
      }
      if (a.hddCovered !== null) repairRows.push(fact(t("ipro.hdd"), t(a.hddCovered ? "hdd.yes" : "hdd.no")));

      const exclusionNames = new Map((terms?.exclusions ?? []).map((x) => [x.id, x.name[ctx.lang]]));
      const events = calendar(a);
      // (null children are left out: replaceChildren would show them as the text "null")
      answer.replaceChildren(...[
        h("section", { class: `verdict verdict--${tone}`, part: "verdict" },
          // The repair's answer leads ("HDD repair: paid"), then the phase (issue 14).
          h("p", { class: "verdict__title", part: "verdict-title", text: t("repairHead", { failed: a.failed, free: a.freeRepair }) }),
          h("p", { class: "ipro-phase", text: t(`phase.${a.phase}`) }),
          h("p", { text: t("ipro.sub", { kind: kindName(a.kind), date: fmt.date(a.deliveryDate) }) }),
          h("p", {}, h("strong", { class: "ipro-free", text: t(a.freeRepair ? "free.yes" : "free.no") })),
          a.notFree ? h("p", { text: t(`notFree.${a.notFree}`) }) : null,
          a.notCovered.filter((r) => r !== a.notFree).map((r) => h("p", { text: t(`notCovered.${r}`) }))),
        h("section", { class: "ipro-timeline", part: "timeline" }, h("h3", { text: t("ipro.timeline") }), timeline(a)),
        h("section", { class: "ipro-periods" },
          h("h3", { text: t("ipro.periods") }),
          h("dl", { class: "facts" },
            fact(t("ipro.pw"), fmt.period(a.productWarranty.period),
              a.productWarranty.applies ? null : h("span", { class: "muted", text: ` ${t("ipro.notApplied")}` })),
            fact(t("ipro.p5"), fmt.period(p5.period), h("br"), h("span", { text: p5State })))),
        h("section", { class: "ipro-repair" }, h("h3", { text: t("ipro.repair") }), h("dl", { class: "facts" }, repairRows)),
        a.shipping ? h("section", { class: "ipro-shipping" },
          h("h3", { text: t("ipro.shipping") }),
          h("dl", { class: "facts" },
            fact(t("ship.toIpro"), t(`payer.${a.shipping.toIpro}`)),
            fact(t("ship.back"), t(`payer.${a.shipping.back}`)))) : null,
        h("section", { class: "ipro-request" },
          h("h3", { text: t("ipro.request") }),
          h("ul", {},
            a.proof ? h("li", { text: t(`proof.${a.proof}`) }) : null,
            h("li", { text: t(`request.${a.requestThrough}`) }),
            a.freeRepair ? h("li", { text: t("request.fallback") }) : null)),
        a.exclusions.length > 0 ? h("details", { class: "why ipro-exclusions", part: "exclusions" },
          h("summary", { text: t("ipro.exclusions", { n: a.exclusions.length }) }),
          h("ol", {}, a.exclusions.map((id) => h("li", { text: exclusionNames.get(id) ?? id })))) : null,
        events.length > 0 ? h("button", {
          type: "button", class: "button button--secondary", part: "button", id: "ipro-calendar",
          onclick: () => download(ctx.root, `ipro-warranty-${a.kind}-${a.deliveryDate}.ics`, buildIcs(events)),
        }, t("ipro.calendar")) : null,
        whyBlock(ctx, a.rules, terms?.sources ?? []),
      ].filter(Boolean));
      const head = t("repairHead", { failed: a.failed, free: a.freeRepair });
      ctx.report({ errors: [], summary: t("summaryIpro", { head, phase: t(`phase.${a.phase}`) }) });
      ctx.emit({ mode: "ipro", kind: a.kind, answer: a });
    }

    /** The five years as one bar: year 1 (product warranty), years 2–5 (5-year warranty), "now". */
    function timeline(a) {
      const W = 480, TOP = 30, BAR = 40, H = 136;
      const start = dayNumber(a.years[0].start);
      const end = dayNumber(a.years[a.years.length - 1].end) + 1;
      const x = (day) => Math.round(((day - start) / (end - start)) * W * 10) / 10;
      const today = dayNumber(a.today);
      const pwEnd = x(dayNumber(a.productWarranty.period.end) + 1);
      const pwClass = a.productWarranty.applies ? "pw" : "none";
      const p5Class = a.phase === "not-covered" || a.partners5y.eligible === false ? "none" : a.partners5y.eligible === true ? "p5" : "unknown";
      const p5Label = a.phase === "not-covered" ? t("ipro.tl.none")
        : { p5: t("ipro.tl.p5"), none: t("ipro.tl.p5none"), unknown: t("ipro.tl.p5unknown") }[p5Class];
      const nodes = [
        svg("rect", { class: `tl-seg tl-seg--${pwClass}`, x: 0.5, y: TOP, width: Math.max(pwEnd - 1, 0), height: BAR, rx: 4 }),
        svg("rect", { class: `tl-seg tl-seg--${p5Class}`, x: pwEnd + 0.5, y: TOP, width: Math.max(W - pwEnd - 1, 0), height: BAR, rx: 4 }),
        svg("text", { class: "tl-label", x: pwEnd / 2, y: TOP + BAR / 2 + 5, "text-anchor": "middle", text: a.productWarranty.applies ? t("ipro.tl.pw") : t("ipro.tl.none") }),
        svg("text", { class: "tl-label", x: (pwEnd + W) / 2, y: TOP + BAR / 2 + 5, "text-anchor": "middle", text: p5Label }),
      ];
      a.years.forEach((year, i) => {
        const x0 = x(dayNumber(year.start));
        const x1 = x(dayNumber(year.end) + 1);
        if (i > 0) nodes.push(svg("line", { class: "tl-tick", x1: x0, x2: x0, y1: TOP + BAR, y2: TOP + BAR + 8 }));
        nodes.push(svg("text", { class: "tl-year", x: (x0 + x1) / 2, y: TOP + BAR + 22, "text-anchor": "middle", text: t("ipro.tl.year", { n: i + 1 }) }));
      });
      const after = today >= end;
      const nowX = Math.min(Math.max(x(today + 0.5), 2), W - 2);
      const anchor = nowX < 110 ? "start" : nowX > W - 110 ? "end" : "middle";
      nodes.push(svg("g", { class: "tl-now" },
        // The line stops above the year labels, so that it never crosses them.
        svg("line", { x1: nowX, x2: nowX, y1: TOP - 6, y2: TOP + BAR }),
        svg("polygon", { points: `${nowX - 8},${TOP - 20} ${nowX + 8},${TOP - 20} ${nowX},${TOP - 6}` }),
        svg("text", { x: nowX, y: TOP + BAR + 52, "text-anchor": anchor, text: `${t("tl.now")}${after ? " →" : ""} ${fmt.date(a.today)}` })));
      const label = t("ipro.tl.label", { phase: t(`phase.${a.phase}`), now: fmt.date(a.today) });
      return svg("svg", { class: "tl-svg", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": label, focusable: "false" },
        svg("title", { text: label }), nodes);
    }

    /** The warranty ends that apply, as all-day events with reminders 30 and 7 days before. */
    function calendar(a) {
      const name = kindName(a.kind);
      const events = [];
      if (a.productWarranty.applies) {
        events.push({
          uid: `ipro-pw-${a.kind}-${a.deliveryDate}`, title: t("ipro.ics.pw", { kind: name }),
          description: `${t("ipro.pw")}: ${fmt.period(a.productWarranty.period)}`, day: a.productWarranty.period.end, alarms: ["-P30D", "-P7D"],
        });
      }
      if (a.partners5y.eligible === true) {
        events.push({
          uid: `ipro-p5-${a.kind}-${a.deliveryDate}`, title: t("ipro.ics.p5", { kind: name }),
          description: `${t("ipro.p5")}: ${fmt.period(a.partners5y.period)}`, day: a.partners5y.period.end, alarms: ["-P30D", "-P7D"],
        });
      }
      return events;
    }

    compute();
    return {
      el: root,
      /** A live "now": recompute when the Japan date changes (the phase moves by whole days). */
      tick: (now) => { if (shownToday && now.slice(0, 10) !== shownToday) compute(); },
      refresh: compute,
    };
  },
};
