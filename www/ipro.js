// The i-PRO view of the page (issue 4; docs/rules.md IP-1 … IP-6): the product warranty and the
// Partners Circle 5-year hardware warranty of a camera, recorder or accessory.
//
// Self-contained: its own words (Japanese and English), its own form, answer and timeline. app.js
// only creates it, gives it the wasm `ipro` function, the catalog and a few shared helpers, and
// calls `compute`, `applyStaticText`, `writeUrl`, `readUrl` and `tick`. The timeline is an SVG
// built with DOM calls (no inline style or script: the page runs under a strict CSP).

import { t as appT, getLang, locale } from "./i18n.js";
import { $, h, svg as s, intl, localValueToInstant, errorPath } from "./dom.js";

// ---------------------------------------------------------------------------------------------
// Words

const WORDS = {
  ja: {
    "tab": "i-PRO 保証",
    "heading": "i-PRO 製品の保証はいつまで、修理は無料か",
    "intro": "納品日と販売先から、製品保証・パートナーズサークル5年ハードウェア保証のどの期間にあるか、修理が無料か、修理の方法と送料を調べます。",
    "field.kind": "製品の種類",
    "field.delivery": "エンドユーザーへの納品日",
    "field.delivery.hint": "保証の起点です。納品書など納品日を確認できる書類が必要です。",
    "legend.sale": "販売と使用",
    "field.japan": "日本国内で販売され、日本国内で使用している",
    "field.member": "パートナーズサークル加入のパートナーに販売された",
    "field.list": "品番が5年保証の対象リストにある",
    "answer.unknown": "わからない",
    "answer.yes": "はい",
    "answer.no": "いいえ",
    "legend.failed": "故障したもの",
    "failed.unit": "本体（ハードウェア）",
    "failed.hdd": "レコーダーの HDD",
    "failed.software": "ソフトウェア（ソフトウェアの修正）",
    "failed.hddOnlyRecorder": "HDD はレコーダーだけです。",

    "phase.product-warranty": "製品保証の期間中です",
    "phase.partners-5y": "パートナーズサークル5年保証の期間中です",
    "phase.expired": "保証期間は終了しています",
    "phase.not-covered": "保証の対象外です",
    "sub": ({ kind, date }) => `${kind} · 納品日 ${date}`,
    "free.yes": "この修理は無料です（免責事項に当たらない場合）",
    "free.no": "この修理は有料です",
    "notFree.expired": "保証期間が過ぎています。有償修理になります。",
    "notFree.hdd-not-covered": "5年保証では HDD は対象外です（1年目は製品保証で HDD も対象）。",
    "notFree.software-not-covered": "ソフトウェアの修正は5年保証の対象外です。",
    "notFree.outside-japan": "保証は日本国内で販売・使用されている製品にのみ有効です。",
    "notFree.not-repairable": "修理できない製品です。故障したら製品を購入し直してください。",
    "notCovered.kind-not-warranted": "金具・SD カードなどは製品保証の対象外です。",
    "notCovered.outside-japan": "日本国外で販売または使用されている製品です。",

    "timeline.heading": "5年間のタイムライン",
    "timeline.label": ({ phase, now }) => `タイムライン：${now} 現在、${phase}`,
    "timeline.year": ({ n }) => `${n}年目`,
    "timeline.now": "現在",
    "timeline.pw": "製品保証",
    "timeline.p5": "5年保証",
    "timeline.p5none": "5年保証なし",
    "timeline.p5unknown": "5年保証（未確認）",
    "timeline.none": "保証なし",

    "label.periods": "保証期間",
    "label.productWarranty": "製品保証（1年）",
    "label.partners": "5年ハードウェア保証（2〜5年目）",
    "partners.eligible": "対象",
    "partners.notEligible": "対象外",
    "partners.unknown": "販売先と対象リストの回答で決まります",
    "partnersReason.kind-not-eligible": "この種類の製品は対象外",
    "partnersReason.outside-japan": "日本国外",
    "partnersReason.not-member": "パートナーズサークル加入のパートナーへの販売ではない",
    "partnersReason.not-on-list": "対象リストにない品番",
    "notApplied": "（適用なし）",

    "label.repair": "修理の方法",
    "label.forms": "修理形態",
    "form.replacement-unit": "代替品交換（代替品を送付し故障機と交換）",
    "form.pick-up": "引き取り修理（預かって修理後に返却）",
    "form.on-site": "出張修理（作業者が現地で修理）",
    "formsDependOnModel": "品番によって対応が異なります。",
    "label.onSite": "出張修理",
    "onSite.included": "保証に含まれます",
    "onSite.extra-cost": "ご要望に応じて対応（別途費用）",
    "onSite.not-offered": "対象外",
    "remoteAreas": "離島・へき地は追加の交通費が必要です。",
    "rebuy": "修理できない製品です。製品の購入をお願いします。",
    "repair.unknown": "日本国外の製品の修理について、資料には記載がありません。",
    "label.cost": "費用",
    "cost.free": "無料",
    "cost.paid": "有料",
    "label.hdd": "HDD",
    "hdd.yes": "対象（製品保証）",
    "hdd.no": "対象外",

    "label.shipping": "送料",
    "shipping.toIpro": "故障品を i-PRO へ送る",
    "shipping.back": "修理品の返送",
    "payer.partner": "パートナー（販売店）の負担",
    "payer.ipro": "i-PRO の負担",

    "label.request": "依頼の方法",
    "request.partner": "エンドユーザーからの修理依頼は、パートナー（お買い上げの販売店）経由で行います。",
    "request.fallback": "販売店に依頼できない場合は、i-PRO のウェブサイトの「お問い合わせ」から相談できます。",
    "proof.delivery-note": "納品日を証明する書類（納品書など）を提示してください。",
    "label.exclusions": ({ n }) => `免責事項（${n}項目）：当てはまると保証期間内でも有償です`,

    "err.unknown_kind": "製品の種類を選んでください。",
    "err.delivery_after_now": "納品日が基準日時より後になっています。",
    "err.invalid_date": "実在する日付を入力してください。",
    "err.missing.inJapan": "日本国内で販売・使用されているかの回答が必要です。",
    "err.missing.partnersCircleMember": "2〜5年目は、パートナーズサークル加入のパートナーへの販売かどうかで結果が変わります。「はい」か「いいえ」を選んでください。",
    "err.missing.onFiveYearList": "2〜5年目は、品番が5年保証の対象リストにあるかで結果が変わります。「はい」か「いいえ」を選んでください。",
    "err.missing.deliveryDate": "納品日を入力してください。",
    "err.invalid_value": "この種類の製品では選べません。",
    "err.invalid_instant": "日時を正しく入力してください。",
    "err.out_of_range": "日付が計算できる範囲（9999年まで）を超えます。",

    "rule.IP-1": "製品保証：納品日から1年、通常の使用での故障は無料修理。納品日の証明が必要、日本国内のみ有効",
    "rule.IP-2": "パートナーズサークル5年保証：対象リストの品番を加入パートナーに販売した場合、納品の1年後から4年間",
    "rule.IP-3": "修理形態：カメラは代替品交換か引き取り、レコーダーは引き取り（5年保証で HDD 対象外、1年目は HDD 含め出張）。ソフトウェア修正は5年保証の対象外",
    "rule.IP-4": "免責事項（両方の保証）",
    "rule.IP-5": "送料：故障品の発送はパートナー負担、返送は i-PRO 負担。出張修理は全国、離島は交通費追加",
    "rule.IP-6": "保証期間後は有償修理。金具・SD カードなどは修理不可。依頼はパートナー経由",
  },
  en: {
    "tab": "i-PRO warranty",
    "heading": "How long is an i-PRO product covered, and is a repair free?",
    "intro": "From the delivery date and who it was sold to: which warranty covers the product now (product warranty or the Partners Circle 5-year hardware warranty), whether a repair is free, how it is done and who pays shipping.",
    "field.kind": "Kind of product",
    "field.delivery": "Delivery date to the end user",
    "field.delivery.hint": "The warranty counts from this date. A document that shows it (a delivery note) is needed.",
    "legend.sale": "Sale and use",
    "field.japan": "Sold in Japan and used in Japan",
    "field.member": "Sold to a Partners Circle member",
    "field.list": "The model is on the 5-year warranty list",
    "answer.unknown": "Don't know",
    "answer.yes": "Yes",
    "answer.no": "No",
    "legend.failed": "What failed",
    "failed.unit": "The unit (hardware)",
    "failed.hdd": "A recorder's HDD",
    "failed.software": "Software (a software fix)",
    "failed.hddOnlyRecorder": "Only recorders have an HDD.",

    "phase.product-warranty": "Under the product warranty",
    "phase.partners-5y": "Under the Partners Circle 5-year warranty",
    "phase.expired": "The warranty has ended",
    "phase.not-covered": "Not covered by a warranty",
    "sub": ({ kind, date }) => `${kind} · delivered ${date}`,
    "free.yes": "This repair is free (unless an exclusion applies)",
    "free.no": "This repair is paid",
    "notFree.expired": "Past the warranty: a paid repair.",
    "notFree.hdd-not-covered": "The 5-year warranty does not cover the HDD (in year 1 the product warranty does).",
    "notFree.software-not-covered": "Software fixes are outside the 5-year warranty.",
    "notFree.outside-japan": "The warranty is valid only for products sold and used in Japan.",
    "notFree.not-repairable": "This product cannot be repaired: buy a new one when it fails.",
    "notCovered.kind-not-warranted": "Mounts, SD cards and similar parts have no product warranty.",
    "notCovered.outside-japan": "The product is sold or used outside Japan.",

    "timeline.heading": "The five years",
    "timeline.label": ({ phase, now }) => `Timeline: as of ${now}, ${phase}`,
    "timeline.year": ({ n }) => `Year ${n}`,
    "timeline.now": "Now",
    "timeline.pw": "Warranty",
    "timeline.p5": "5-year warranty",
    "timeline.p5none": "No 5-year warranty",
    "timeline.p5unknown": "5-year warranty (unconfirmed)",
    "timeline.none": "No warranty",

    "label.periods": "Warranty periods",
    "label.productWarranty": "Product warranty (1 year)",
    "label.partners": "5-year hardware warranty (years 2–5)",
    "partners.eligible": "Applies",
    "partners.notEligible": "Does not apply",
    "partners.unknown": "Depends on who it was sold to and the model list",
    "partnersReason.kind-not-eligible": "this kind of product never has it",
    "partnersReason.outside-japan": "outside Japan",
    "partnersReason.not-member": "not sold to a Partners Circle member",
    "partnersReason.not-on-list": "the model is not on the list",
    "notApplied": "(does not apply)",

    "label.repair": "How it is repaired",
    "label.forms": "Repair forms",
    "form.replacement-unit": "Replacement unit (sent in exchange for the faulty one)",
    "form.pick-up": "Pick-up repair (repaired at i-PRO and returned)",
    "form.on-site": "On-site repair (a technician comes)",
    "formsDependOnModel": "Which one depends on the model.",
    "label.onSite": "On-site repair",
    "onSite.included": "Included in the warranty",
    "onSite.extra-cost": "On request, at extra cost",
    "onSite.not-offered": "Not offered",
    "remoteAreas": "Remote islands and remote areas pay extra travel costs.",
    "rebuy": "This product cannot be repaired: please buy a new one.",
    "repair.unknown": "The sources say nothing about repairs of products outside Japan.",
    "label.cost": "Cost",
    "cost.free": "Free",
    "cost.paid": "Paid",
    "label.hdd": "HDD",
    "hdd.yes": "Covered (product warranty)",
    "hdd.no": "Not covered",

    "label.shipping": "Shipping",
    "shipping.toIpro": "Faulty unit to i-PRO",
    "shipping.back": "Repaired unit back",
    "payer.partner": "paid by the partner (reseller)",
    "payer.ipro": "paid by i-PRO",

    "label.request": "How to ask",
    "request.partner": "End users ask for repairs through their partner (the reseller they bought from).",
    "request.fallback": "If the reseller cannot take it, ask through the inquiry form on i-PRO's website.",
    "proof.delivery-note": "Show a document that proves the delivery date (a delivery note).",
    "label.exclusions": ({ n }) => `Exclusions (${n}): if one applies, the repair is paid even within the warranty`,

    "err.unknown_kind": "Choose the kind of product.",
    "err.delivery_after_now": "The delivery date is after the date of the calculation.",
    "err.invalid_date": "Enter a real date.",
    "err.missing.inJapan": "Say whether the product is sold and used in Japan.",
    "err.missing.partnersCircleMember": "In years 2 to 5 the answer depends on whether it was sold to a Partners Circle member: choose Yes or No.",
    "err.missing.onFiveYearList": "In years 2 to 5 the answer depends on whether the model is on the 5-year list: choose Yes or No.",
    "err.missing.deliveryDate": "Enter the delivery date.",
    "err.invalid_value": "Not possible for this kind of product.",
    "err.invalid_instant": "Enter a valid date and time.",
    "err.out_of_range": "The dates go past the year 9999.",

    "rule.IP-1": "product warranty: 1 year from delivery, free repair of faults in normal use; proof of the delivery date; Japan only",
    "rule.IP-2": "Partners Circle 5-year warranty: listed models sold to a member, 4 years from 1 year after delivery",
    "rule.IP-3": "repair forms: cameras replacement unit or pick-up; recorders pick-up (HDD not in the 5-year warranty; on-site with the HDD in year 1); software fixes outside the 5-year warranty",
    "rule.IP-4": "exclusions of both warranties",
    "rule.IP-5": "shipping: partner sends at its cost, i-PRO returns at its cost; on-site all Japan, extra travel for remote islands",
    "rule.IP-6": "after the warranty: paid repair; mounts, SD cards cannot be repaired; requests through the partner",
  },
};

/** Words of this view; falls back to the page's dictionary (shared keys such as `jst`). */
function w(key, params = {}) {
  const value = WORDS[getLang()]?.[key] ?? WORDS.en[key];
  if (value === undefined) return appT(key, params);
  return typeof value === "function" ? value(params) : value;
}

// ---------------------------------------------------------------------------------------------
// Small helpers (the DOM helpers are in dom.js)

const JST_MS = 9 * 60 * 60 * 1000;
const toJstLocalValue = (date) => new Date(date.getTime() + JST_MS).toISOString().slice(0, 16);
const toJstInstant = (date) => `${new Date(date.getTime() + JST_MS).toISOString().slice(0, 19)}+09:00`;
/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or NaN. */
const dayNumber = (date) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

function fmtDate(dateString) {
  const date = new Date(`${dateString}T12:00:00+09:00`);
  if (Number.isNaN(date.getTime())) return dateString ?? "";
  return intl("DateTimeFormat", locale(), { timeZone: "Asia/Tokyo", year: "numeric", month: "long", day: "numeric" }).format(date);
}
const fmtPeriod = (p) => (getLang() === "ja" ? `${fmtDate(p.start)} 〜 ${fmtDate(p.end)}` : `${fmtDate(p.start)} – ${fmtDate(p.end)}`);

function facts(rows) {
  return h("dl", { class: "facts" }, rows.filter(Boolean).map(([term, value]) =>
    h("div", { class: "facts__row" }, h("dt", { text: term }), h("dd", {}, value))));
}

// ---------------------------------------------------------------------------------------------
// The view

const TRI = { yes: true, no: false, unknown: null };
const TRI_BACK = (v) => (v === true ? "yes" : v === false ? "no" : "unknown");

/** Request keys → control and error element. */
const FIELDS = {
  kind: { input: "ipro-kind", error: "ipro-kind-error" },
  deliveryDate: { input: "ipro-delivery", error: "ipro-delivery-error" },
  inJapan: { input: "ipro-japan", error: "ipro-japan-error" },
  partnersCircleMember: { input: "ipro-member", error: "ipro-member-error" },
  onFiveYearList: { input: "ipro-list", error: "ipro-list-error" },
  failed: { input: "ipro-failed-unit", error: "ipro-failed-error" },
  now: { input: "ipro-now", error: "ipro-now-error" },
};
/**
 * Creates the i-PRO view.
 * @param {{ ipro: (request: object) => any, onChange: () => void }} deps
 */
export function createIproView({ ipro, onChange }) {
  const form = /** @type {HTMLFormElement} */ ($("ipro-form"));
  const els = {
    kind: /** @type {HTMLSelectElement} */ ($("ipro-kind")),
    delivery: /** @type {HTMLInputElement} */ ($("ipro-delivery")),
    japan: /** @type {HTMLInputElement} */ ($("ipro-japan")),
    member: /** @type {HTMLSelectElement} */ ($("ipro-member")),
    list: /** @type {HTMLSelectElement} */ ($("ipro-list")),
    now: /** @type {HTMLInputElement} */ ($("ipro-now")),
    hdd: /** @type {HTMLInputElement} */ ($("ipro-failed-hdd")),
    body: $("ipro-answer-body"),
    errors: $("ipro-errors"),
  };
  let catalog = null;
  let ready = false;
  let pinned = false;
  let frame = 0;

  const failedValue = () => /** @type {RadioNodeList} */ (form.elements.namedItem("failed")).value || "unit";
  const setFailed = (value) => {
    /** @type {RadioNodeList} */ (form.elements.namedItem("failed")).value = value;
  };
  const kindName = (id) => catalog?.ipro?.kinds.find((k) => k.id === id)?.name[getLang()] ?? id;

  function syncHdd() {
    const recorder = els.kind.value === "recorder";
    els.hdd.disabled = !recorder;
    if (!recorder && failedValue() === "hdd") setFailed("unit");
  }

  function renderNowState() {
    $("ipro-now-state").textContent = `${pinned ? appT("field.now.pinned") : appT("field.now.live")}${getLang() === "ja" ? "" : " "}${appT("field.now.hint")}`;
    /** @type {HTMLButtonElement} */ ($("ipro-use-now")).disabled = !pinned;
  }

  function applyStaticText() {
    for (const el of document.querySelectorAll("[data-ipro-i18n]")) el.textContent = w(/** @type {HTMLElement} */ (el).dataset.iproI18n);
    for (const option of els.kind.options) option.textContent = kindName(option.value);
    renderNowState();
  }

  function read() {
    const errors = [];
    const request = { kind: els.kind.value };
    if (!els.delivery.value) errors.push({ field: "deliveryDate", text: w("err.missing.deliveryDate") });
    else request.deliveryDate = els.delivery.value;
    request.inJapan = els.japan.checked;
    request.partnersCircleMember = TRI[els.member.value] ?? null;
    request.onFiveYearList = TRI[els.list.value] ?? null;
    request.failed = failedValue();
    if (pinned) {
      const instant = localValueToInstant(els.now.value);
      if (!instant) errors.push({ field: "now", text: appT("error.requiredDateTime") });
      request.now = instant;
    } else {
      request.now = toJstInstant(new Date());
    }
    return { request, errors };
  }

  function clearErrors() {
    for (const el of form.querySelectorAll(".field-error")) {
      /** @type {HTMLElement} */ (el).hidden = true;
      el.textContent = "";
    }
    for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
    for (const el of form.querySelectorAll(".is-invalid")) el.classList.remove("is-invalid");
  }

  function showErrors(errors) {
    clearErrors();
    if (errors.length === 0) {
      els.errors.replaceChildren();
      els.errors.classList.remove("has-errors");
      return;
    }
    for (const error of errors) {
      // No control to mark (`field` null or not on this form): the summary below shows it.
      const spec = FIELDS[error.field];
      if (!spec) {
        error.target = null;
        continue;
      }
      const input = $(spec.input);
      const errorEl = $(spec.error);
      if (error.field === "failed") input.closest("fieldset")?.classList.add("is-invalid");
      else {
        input.setAttribute("aria-invalid", "true");
        (input.closest(".field") ?? input.closest(".check"))?.classList.add("is-invalid");
      }
      errorEl.textContent = error.text;
      errorEl.hidden = false;
      error.target = input;
    }
    els.errors.classList.add("has-errors");
    els.errors.replaceChildren(
      h("p", { class: "live-errors__title", text: appT("error.summary") }),
      h("ul", {}, errors.map((error) => h("li", { class: error.target ? null : "live-errors__form" },
        error.target ? h("button", { type: "button", class: "link-button", onclick: () => error.target?.focus() }, error.text) : error.text,
        error.detail ? h("details", { class: "live-errors__detail" },
          h("summary", { text: appT("error.detail") }),
          h("code", { lang: "en", text: `${error.code}: ${error.detail}` })) : null))),
    );
  }

  /**
   * The field and words of an error thrown by the core. The field is the request key of its
   * `field` path (never read from the message, which is for people), or null when the path is
   * null or names no control here: the error is then shown at the form level.
   */
  function describe(error) {
    const key = errorPath(error)?.key;
    const field = key && Object.hasOwn(FIELDS, key) ? key : null;
    let text = w(`err.${error?.code}`);
    if (error?.code === "missing_field" && field && !w(`err.missing.${field}`).startsWith("err.")) text = w(`err.missing.${field}`);
    if (text.startsWith("err.")) text = appT("error.unexpected");
    return { field, text, code: error?.code, detail: String(error?.message ?? "") };
  }

  function compute() {
    if (!ready) return false;
    try {
      const { request, errors } = read();
      if (errors.length) {
        showErrors(errors);
        els.body.replaceChildren(h("p", { class: "placeholder", text: appT("answer.fixErrors") }));
        return false;
      }
      const answer = ipro(request);
      showErrors([]);
      els.body.replaceChildren(...render(answer, request));
      return true;
    } catch (error) {
      const coded = error && typeof error === "object" && "code" in error;
      if (!coded) console.error(error);
      showErrors([coded ? describe(error) : { field: null, text: appT("error.unexpected") }]);
      els.body.replaceChildren(h("p", { class: "placeholder", text: appT("answer.fixErrors") }));
      return false;
    } finally {
      onChange();
    }
  }

  function schedule() {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => compute());
  }

  // ------------------------------------------------------------------------------- answer

  function render(answer, request) {
    const out = [];
    const tone = answer.freeRepair ? "yes" : answer.phase === "expired" || answer.phase === "not-covered" ? "no" : "wait";
    out.push(h("div", { class: `verdict verdict--${tone}` },
      h("span", { class: "verdict__icon", "aria-hidden": "true" }),
      h("div", { class: "verdict__text" },
        h("p", { class: "verdict__title", text: w(`phase.${answer.phase}`) }),
        h("p", { class: "verdict__sub", text: w("sub", { kind: kindName(answer.kind), date: fmtDate(answer.deliveryDate) }) }),
        h("p", { class: "verdict__route" },
          h("strong", { text: answer.freeRepair ? w("free.yes") : w("free.no") })),
        answer.notFree ? h("p", { class: "verdict__route", text: w(`notFree.${answer.notFree}`) }) : null,
        answer.notCovered.filter((r) => r !== answer.notFree)
          .map((r) => h("p", { class: "verdict__route", text: w(`notCovered.${r}`) })))));

    out.push(h("section", { class: "block ipro-timeline-block" },
      h("h4", { text: w("timeline.heading") }),
      timeline(answer, request)));

    const p5 = answer.partners5y;
    const p5State = p5.eligible === true ? w("partners.eligible")
      : p5.eligible === false ? `${w("partners.notEligible")}: ${p5.notEligible.map((r) => w(`partnersReason.${r}`)).join(", ")}`
        : w("partners.unknown");
    out.push(h("section", { class: "block" },
      h("h4", { text: w("label.periods") }),
      facts([
        [w("label.productWarranty"), h("span", {}, fmtPeriod(answer.productWarranty.period),
          answer.productWarranty.applies ? null : h("span", { class: "muted", text: ` ${w("notApplied")}` }))],
        [w("label.partners"), h("span", {}, fmtPeriod(p5.period), h("br"),
          h("span", { class: p5.eligible === true ? "tag tag--good" : p5.eligible === false ? "tag tag--bad" : "tag", text: p5State }))],
      ])));

    const repair = answer.repair;
    const repairRows = [];
    if (repair === null) {
      repairRows.push([w("label.forms"), h("span", { class: "muted", text: w("repair.unknown") })]);
    } else if (repair.rebuy) {
      repairRows.push([w("label.forms"), h("strong", { text: w("rebuy") })]);
    } else {
      repairRows.push([w("label.cost"), h("span", { class: repair.paid ? "tag tag--bad" : "tag tag--good", text: repair.paid ? w("cost.paid") : w("cost.free") })]);
      repairRows.push([w("label.forms"), h("div", {},
        h("ul", { class: "ipro-list" }, repair.forms.map((f) => h("li", { text: w(`form.${f}`) }))),
        repair.formsDependOnModel ? h("p", { class: "note", text: w("formsDependOnModel") }) : null)]);
      repairRows.push([w("label.onSite"), h("div", {}, w(`onSite.${repair.onSite}`),
        repair.remoteAreasExtraTravelCost ? h("p", { class: "note", text: w("remoteAreas") }) : null)]);
    }
    if (answer.hddCovered !== null) repairRows.push([w("label.hdd"), w(answer.hddCovered ? "hdd.yes" : "hdd.no")]);
    out.push(h("section", { class: "block" }, h("h4", { text: w("label.repair") }), facts(repairRows)));

    if (answer.shipping) {
      out.push(h("section", { class: "block" },
        h("h4", { text: w("label.shipping") }),
        facts([
          [w("shipping.toIpro"), w(`payer.${answer.shipping.toIpro}`)],
          [w("shipping.back"), w(`payer.${answer.shipping.back}`)],
        ])));
    }

    out.push(h("section", { class: "block" },
      h("h4", { text: w("label.request") }),
      h("ul", { class: "ipro-list" },
        answer.proof ? h("li", { text: w(`proof.${answer.proof}`) }) : null,
        h("li", { text: w(`request.${answer.requestThrough}`) }),
        answer.freeRepair ? h("li", { text: w("request.fallback") }) : null)));

    if (answer.exclusions.length) {
      const names = new Map((catalog?.ipro?.exclusions ?? []).map((x) => [x.id, x.name[getLang()]]));
      out.push(h("section", { class: "block" },
        h("details", { class: "ipro-exclusions" },
          h("summary", { text: w("label.exclusions", { n: answer.exclusions.length }) }),
          h("ol", {}, answer.exclusions.map((id) => h("li", { text: names.get(id) ?? id }))))));
    }

    out.push(h("section", { class: "block block--meta" },
      h("details", { class: "rules" },
        h("summary", {},
          h("span", { class: "rules__title", text: appT("label.rules") }),
          h("span", { class: "rules__ids" }, answer.rules.map((id) => h("code", { class: "chip", text: id })))),
        h("ul", { class: "rules__list" }, answer.rules.map((id) => {
          const words = id.startsWith("IP-") ? w(`rule.${id}`) : null;
          return h("li", {}, h("code", { class: "chip", text: id }), h("span", { text: words ?? "" }));
        })))));
    return out;
  }

  /** The five years as an SVG bar with "now" marked. */
  function timeline(answer, request) {
    const W = 1000, TOP = 34, BAR = 52, H = 176;
    const start = dayNumber(answer.years[0].start);
    const end = dayNumber(answer.years[answer.years.length - 1].end) + 1;
    const x = (day) => Math.round(((day - start) / (end - start)) * W * 10) / 10;
    const today = dayNumber(answer.today);
    const p5Class = answer.phase === "not-covered" ? "none"
      : answer.partners5y.eligible === true ? "p5" : answer.partners5y.eligible === false ? "none" : "unknown";
    const pwClass = answer.productWarranty.applies ? "pw" : "none";
    const p5Label = { p5: w("timeline.p5"), none: w("timeline.p5none"), unknown: w("timeline.p5unknown") }[p5Class];
    const pwEnd = dayNumber(answer.productWarranty.period.end) + 1;

    const nodes = [];
    nodes.push(s("rect", { class: `ipro-tl__seg ipro-tl__seg--${pwClass}`, x: 0, y: TOP, width: x(pwEnd), height: BAR, rx: 4 }));
    nodes.push(s("rect", { class: `ipro-tl__seg ipro-tl__seg--${p5Class}`, x: x(pwEnd), y: TOP, width: W - x(pwEnd), height: BAR, rx: 4 }));
    nodes.push(s("text", { class: `ipro-tl__seg-label ipro-tl__seg-label--${pwClass}`, x: x(pwEnd) / 2, y: TOP + BAR / 2 + 9, "text-anchor": "middle" },
      answer.productWarranty.applies ? w("timeline.pw") : w("timeline.none")));
    const p5Shown = answer.phase === "not-covered" ? "none" : p5Class;
    nodes.push(s("text", { class: `ipro-tl__seg-label ipro-tl__seg-label--${p5Shown}`, x: (x(pwEnd) + W) / 2, y: TOP + BAR / 2 + 9, "text-anchor": "middle" },
      answer.phase === "not-covered" ? w("timeline.none") : p5Label));
    answer.years.forEach((year, i) => {
      const x0 = x(dayNumber(year.start));
      const x1 = x(dayNumber(year.end) + 1);
      if (i > 0) nodes.push(s("line", { class: "ipro-tl__tick", x1: x0, x2: x0, y1: TOP - 4, y2: TOP + BAR + 4 }));
      nodes.push(s("text", { class: "ipro-tl__year", x: (x0 + x1) / 2, y: TOP + BAR + 30, "text-anchor": "middle" }, w("timeline.year", { n: i + 1 })));
    });
    // "Now": clamped to the bar, with an arrow when outside it.
    const after = today >= end;
    const nowX = Math.min(Math.max(x(today + 0.5), 2), W - 2);
    const anchor = nowX < 160 ? "start" : nowX > W - 160 ? "end" : "middle";
    nodes.push(s("g", { class: "ipro-tl__now" },
      s("line", { x1: nowX, x2: nowX, y1: TOP - 6, y2: TOP + BAR + 40 }),
      s("polygon", { points: `${nowX - 10},${TOP - 22} ${nowX + 10},${TOP - 22} ${nowX},${TOP - 6}` }),
      s("text", { x: nowX, y: TOP + BAR + 70, "text-anchor": anchor },
        `${w("timeline.now")}${after ? " →" : ""} ${fmtDate(answer.today)}`)));
    const label = w("timeline.label", { phase: w(`phase.${answer.phase}`), now: fmtDate(answer.today) });
    return s("svg", { class: "ipro-tl", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": label, preserveAspectRatio: "xMidYMid meet" },
      s("title", {}, label), nodes);
  }

  // ------------------------------------------------------------------------------- wiring

  const onInput = (event) => {
    if (event.target === els.now) {
      pinned = true;
      renderNowState();
    }
    if (event.target === els.kind) syncHdd();
    schedule();
  };
  form.addEventListener("input", onInput);
  form.addEventListener("change", onInput);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    cancelAnimationFrame(frame);
    if (compute()) $("ipro-answer").focus();
    else /** @type {HTMLElement | null} */ (form.querySelector("[aria-invalid='true']"))?.focus();
  });
  $("ipro-use-now").addEventListener("click", () => {
    pinned = false;
    els.now.value = toJstLocalValue(new Date());
    renderNowState();
    compute();
    els.now.focus();
  });

  return {
    /** After the core and the catalog are loaded. */
    init(loadedCatalog) {
      catalog = loadedCatalog;
      const nowValue = toJstLocalValue(new Date());
      els.now.value = nowValue;
      if (!els.delivery.value) {
        // A year ago: the most common question is about a product in service.
        const d = new Date(Date.parse(`${nowValue.slice(0, 10)}T00:00:00Z`));
        d.setUTCFullYear(d.getUTCFullYear() - 1);
        els.delivery.value = d.toISOString().slice(0, 10);
      }
      applyStaticText();
      syncHdd();
      ready = true;
    },
    compute,
    applyStaticText,
    /** Mirrors the form in the query string (keys prefixed `i`). */
    writeUrl(p) {
      p.set("ikind", els.kind.value);
      if (els.delivery.value) p.set("idel", els.delivery.value);
      if (!els.japan.checked) p.set("ijp", "no");
      if (els.member.value !== "unknown") p.set("imem", els.member.value);
      if (els.list.value !== "unknown") p.set("ilist", els.list.value);
      if (failedValue() !== "unit") p.set("ifail", failedValue());
      if (pinned) p.set("inow", els.now.value);
    },
    readUrl(p) {
      const kind = p.get("ikind");
      if (kind && [...els.kind.options].some((o) => o.value === kind)) els.kind.value = kind;
      const delivery = p.get("idel") ?? "";
      if (/^\d{4}-\d{2}-\d{2}$/.test(delivery)) els.delivery.value = delivery;
      if (p.get("ijp") === "no") els.japan.checked = false;
      for (const [key, select] of [["imem", els.member], ["ilist", els.list]]) {
        const v = p.get(key);
        if (v && Object.hasOwn(TRI, v)) select.value = TRI_BACK(TRI[v]);
      }
      const failed = p.get("ifail");
      if (failed === "hdd" || failed === "software") setFailed(failed);
      const now = p.get("inow");
      if (now && localValueToInstant(now)) {
        pinned = true;
        els.now.value = now.slice(0, 16);
      }
      syncHdd();
      renderNowState();
    },
    /** Keeps a live "now" on the clock; returns whether it changed. */
    tick() {
      if (pinned || document.activeElement === els.now) return false;
      const value = toJstLocalValue(new Date());
      if (els.now.value === value) return false;
      els.now.value = value;
      return true;
    },
  };
}
