// The calculator page: two forms (Buy, Status) over the rules core compiled to WebAssembly.
//
// Every input change recomputes the answer; errors thrown by the core carry a stable `code` and
// the path of the request field they concern (`field`): they are shown next to that field's
// control (or at the form level when there is none) and in an aria-live region. The state of
// both forms is mirrored in the query string so a link can be shared. No framework, no inline
// script or style (the server's Content-Security-Policy forbids both).

import init, { catalog as loadCatalog, buy, status, ipro } from "/pkg/index.js";
import { t, setLang, getLang, locale, ruleText, LANGS } from "./i18n.js";
import { createIproView } from "./ipro.js";
import { $, h, intl, localValueToInstant, errorPath } from "./dom.js";

// ---------------------------------------------------------------------------------------------
// Time: everything the user types is Japan time (UTC+09:00, no DST; docs/rules.md T-1)

const JST_MS = 9 * 60 * 60 * 1000;
const TOKYO = "Asia/Tokyo";

/** `YYYY-MM-DDTHH:MM` in Japan time, for a datetime-local input. */
function toJstLocalValue(date) {
  return new Date(date.getTime() + JST_MS).toISOString().slice(0, 16);
}
/** An RFC 3339 instant with +09:00, seconds included. */
function toJstInstant(date) {
  return `${new Date(date.getTime() + JST_MS).toISOString().slice(0, 19)}+09:00`;
}
/** A real calendar date `YYYY-MM-DD` (not 2026-02-30). */
function isDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "");
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}
/** A real datetime-local value: a real date and a time of day. */
function isLocalDateTime(value) {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?$/.exec(value ?? "");
  return m !== null && isDate(m[1]);
}

// ---------------------------------------------------------------------------------------------
// Formatting through Intl (dates in Japan time, yen in ja-JP)

const yen = intl("NumberFormat", "ja-JP", { style: "currency", currency: "JPY" });

function fmtInstant(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const withSeconds = date.getUTCSeconds() !== 0;
  const text = intl("DateTimeFormat", locale(), {
    timeZone: TOKYO, year: "numeric", month: "long", day: "numeric", weekday: "short",
    hour: "2-digit", minute: "2-digit", second: withSeconds ? "2-digit" : undefined, hourCycle: "h23",
  }).format(date);
  return `${text} (${t("jst")})`;
}

function fmtDate(dateString) {
  if (!dateString) return "";
  const date = new Date(`${dateString}T12:00:00+09:00`);
  if (Number.isNaN(date.getTime())) return dateString;
  return intl("DateTimeFormat", locale(), {
    timeZone: TOKYO, year: "numeric", month: "long", day: "numeric", weekday: "short",
  }).format(date);
}

function fmtPeriod(period, short = false) {
  return t(short ? "period.short" : "period", { start: fmtDate(period.start), end: fmtDate(period.end) });
}

/** A fee or price: yen, or words for "not published" / "not offered". */
function fmtFee(fee) {
  if (!fee) return "—";
  if (fee.status === "published") {
    // The amount is an exact decimal string; Intl formats strings without going through floats.
    const fmt = fee.currency === "JPY" ? yen : intl("NumberFormat", "ja-JP", { style: "currency", currency: fee.currency });
    return fmt.format(fee.amount);
  }
  return t(`fee.${fee.status}`);
}

/** "in 23 hours" / "3 days ago": minutes under 2 h, hours under 3 days, then days. */
function fmtRelative(targetIso, nowIso) {
  const diff = Date.parse(targetIso) - Date.parse(nowIso);
  if (!Number.isFinite(diff)) return "";
  const rtf = intl("RelativeTimeFormat", locale(), { numeric: "always" });
  const abs = Math.abs(diff);
  const sign = diff < 0 ? -1 : 1;
  const MINUTE = 60_000, HOUR = 60 * MINUTE, DAY = 24 * HOUR;
  if (abs < 2 * HOUR) return rtf.format(sign * Math.floor(abs / MINUTE), "minute");
  if (abs < 3 * DAY) return rtf.format(sign * Math.floor(abs / HOUR), "hour");
  return rtf.format(sign * Math.floor(abs / DAY), "day");
}

// ---------------------------------------------------------------------------------------------
// Calendar files (.ics) for deadlines, generated in the page and downloaded from a blob: URL

function icsEscape(text) {
  return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}
/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
function icsFold(line) {
  const encoder = new TextEncoder();
  const out = [];
  let current = "";
  let bytes = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = "";
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join("\r\n ");
}
const icsUtc = (date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

function downloadIcs({ title, description, start, end, allDay, filename }) {
  const fmt = (d) => (allDay ? `;VALUE=DATE:${d}` : `:${icsUtc(d)}`);
  const lines = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//coverage-calc//care-refresh//EN", "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT",
    `UID:${Date.now()}-${Math.random().toString(36).slice(2)}@coverage-calc`,
    `DTSTAMP:${icsUtc(new Date())}`,
    `DTSTART${fmt(start)}`, `DTEND${fmt(end)}`,
    `SUMMARY:${icsEscape(title)}`, `DESCRIPTION:${icsEscape(description)}`,
    "BEGIN:VALARM", "ACTION:DISPLAY", `TRIGGER:${allDay ? "-PT12H" : "-PT2H"}`, `DESCRIPTION:${icsEscape(title)}`, "END:VALARM",
    "END:VEVENT", "END:VCALENDAR",
  ];
  const text = `${lines.map(icsFold).join("\r\n")}\r\n`;
  const url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
  const link = h("a", { href: url, download: filename, class: "sr-only" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---------------------------------------------------------------------------------------------
// Catalog

/** @type {import("../src/types").Catalog | null} */
let catalog = null;
/** Care Refresh products only: the page is about Care Refresh. */
let products = [];
const CATEGORY_ORDER = ["drone", "handheld", "gimbal-camera", "accessory"];

const productById = (id) => products.find((p) => p.id === id) ?? null;
const productName = (id) => productById(id)?.name[getLang()] ?? id;
const planName = (id) => catalog?.plans.find((p) => p.id === id)?.name[getLang()] ?? id;
const editionById = (id) => catalog?.editions.find((e) => e.id === id) ?? null;

function fillProductSelect(select, wanted) {
  const previous = wanted ?? select.value;
  const lang = getLang();
  const categories = [...new Set(products.map((p) => p.category))].sort(
    (a, b) => (CATEGORY_ORDER.indexOf(a) + 1 || 99) - (CATEGORY_ORDER.indexOf(b) + 1 || 99),
  );
  const groups = categories.map((category) =>
    h("optgroup", { label: t(`group.${category}`) },
      products
        .filter((p) => p.category === category)
        .sort((a, b) => a.name[lang].localeCompare(b.name[lang], locale()))
        .map((p) => h("option", { value: p.id, text: p.name[lang] }))),
  );
  select.replaceChildren(...groups);
  if (previous && productById(previous)) select.value = previous;
  else if (select.options.length > 0) select.selectedIndex = 0;
}

// ---------------------------------------------------------------------------------------------
// Forms, fields and errors

const buyForm = /** @type {HTMLFormElement} */ ($("buy-form"));
const statusForm = /** @type {HTMLFormElement} */ ($("status-form"));

/** Request keys → the control to mark and focus, its error element, and its label key. */
const FIELDS = {
  buy: {
    plan: { input: "buy-plan-1y", error: "buy-plan-error", label: "field.plan" },
    product: { input: "buy-product", error: "buy-product-error", label: "field.product" },
    activatedAt: { input: "buy-activated", error: "buy-activated-error", label: "field.activatedAt" },
    invitationAt: { input: "buy-invitation", error: "buy-invitation-error", label: "field.invitationAt" },
    channel: { input: "buy-shipping", error: "buy-shipping-error", label: "legend.channel" },
    shippingDate: { input: "buy-shipping", error: "buy-shipping-error", label: "field.shippingDate" },
    region: { input: "buy-region", error: "buy-region-error", label: "field.region" },
    now: { input: "buy-now", error: "buy-now-error", label: "field.now" },
  },
  status: {
    plan: { input: "status-plan-1y", error: "status-plan-error", label: "field.plan" },
    product: { input: "status-product", error: "status-product-error", label: "field.product" },
    start: { input: "status-start", error: "status-start-error", label: "field.start" },
    boughtOn: { input: "status-bought", error: "status-bought-error", label: "field.boughtOn" },
    chain: { input: "status-chain", error: "status-chain-error", label: "field.chain" },
    claims: { input: "status-add-claim", error: "status-claims-error", label: "legend.claims" },
    now: { input: "status-now", error: "status-now-error", label: "field.now" },
  },
};

/**
 * The control an error from the core is about, from its `field` path only (the message is for
 * people, never parsed): a request key of FIELDS, and for `claims[i].date` / `claims[i].kind` the
 * row (and whether its kind; `claims[i]`, the whole claim, is shown on its date). `field: null`
 * when the path is null or names no control of this form: the error is then shown at the form
 * level (the form's error summary).
 */
function locateError(formName, error) {
  const at = errorPath(error);
  if (!at || !Object.hasOwn(FIELDS[formName], at.key)) return { field: null, row: null, kindField: false };
  if (formName === "status" && at.key === "claims" && at.index !== null) {
    return { field: "claims", row: at.index, kindField: at.sub === "kind" };
  }
  return { field: at.key, row: null, kindField: false };
}

/** Plain words for an error from the core. */
function errorWords(error) {
  const code = error?.code;
  const key = `err.${code}`;
  const words = t(key);
  return words === key ? t("error.unexpected") : words;
}

function clearErrors(formName) {
  const form = formName === "buy" ? buyForm : statusForm;
  for (const el of form.querySelectorAll(".field-error")) {
    el.hidden = true;
    el.textContent = "";
  }
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const el of form.querySelectorAll(".is-invalid")) el.classList.remove("is-invalid");
}

/**
 * Shows errors next to their fields and in the form's live region.
 * @param {"buy"|"status"} formName
 * @param {{field: string|null, row?: number|null, text: string, detail?: string}[]} errors
 */
function showErrors(formName, errors) {
  clearErrors(formName);
  const live = $(`${formName}-errors`);
  if (errors.length === 0) {
    setLiveText(live, null);
    return;
  }
  for (const error of errors) {
    // No control to mark (`field` null or not on this form): the summary below shows it.
    const spec = FIELDS[formName][error.field];
    if (!spec) {
      error.field = null;
      error.focusTarget = null;
      continue;
    }
    let errorEl = $(spec.error);
    let input = $(spec.input);
    if (formName === "status" && error.field === "claims" && error.row !== null && error.row !== undefined) {
      const li = $("status-claims").children[error.row];
      if (li) {
        li.classList.add("is-invalid");
        errorEl = li.querySelector(".claim__error");
        input = li.querySelector(error.kindField ? ".claim__kind" : ".claim__date");
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", errorEl.id);
      }
    } else if (error.field === "plan" || error.field === "claims") {
      input.closest("fieldset")?.classList.add("is-invalid");
    } else {
      input.setAttribute("aria-invalid", "true");
      input.closest(".field")?.classList.add("is-invalid");
    }
    if (errorEl) {
      errorEl.textContent = error.text;
      errorEl.hidden = false;
    }
    error.focusTarget = input;
  }
  setLiveText(live, errors);
}

/** Writes the error summary into the live region, only when its words changed. */
function setLiveText(live, errors) {
  const signature = errors ? JSON.stringify(errors.map((e) => [e.field, e.row, e.text])) : "";
  if (live.dataset.signature === signature) return;
  live.dataset.signature = signature;
  if (!errors) {
    live.replaceChildren();
    live.classList.remove("has-errors");
    return;
  }
  const formName = live.id.startsWith("buy") ? "buy" : "status";
  live.classList.add("has-errors");
  live.replaceChildren(
    h("p", { class: "live-errors__title", text: t("error.summary") }),
    h("ul", {}, errors.map((error) => {
      const spec = FIELDS[formName][error.field];
      const label = !spec ? null : error.row !== null && error.row !== undefined
        ? `${t(spec.label)} — ${t("claims.rowLabel", { n: error.row + 1 })}`
        : t(spec.label);
      return h("li", { class: spec ? null : "live-errors__form" },
        spec ? h("button", {
          type: "button", class: "link-button",
          onclick: () => error.focusTarget?.focus(),
        }, `${label}: `) : null, error.text,
        error.detail
          ? h("details", { class: "live-errors__detail" },
            h("summary", { text: t("error.detail") }),
            h("code", { lang: "en", text: `${error.code}: ${error.detail}` }))
          : null);
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// "Now": live (follows the clock) unless the user typed a time

const nowState = { buy: { pinned: false }, status: { pinned: false } };

function renderNowState(formName) {
  const pinned = nowState[formName].pinned;
  $(`${formName}-now-state`).textContent = `${pinned ? t("field.now.pinned") : t("field.now.live")}${getLang() === "ja" ? "" : " "}${t("field.now.hint")}`;
  $(`${formName}-use-now`).disabled = !pinned;
}

function useCurrentTime(formName) {
  nowState[formName].pinned = false;
  /** @type {HTMLInputElement} */ ($(`${formName}-now`)).value = toJstLocalValue(new Date());
  renderNowState(formName);
}

/** The `now` of a request, or an error. Live: the exact current instant. */
function readNow(formName, errors) {
  const input = /** @type {HTMLInputElement} */ ($(`${formName}-now`));
  if (!nowState[formName].pinned) return toJstInstant(new Date());
  if (!input.value) {
    errors.push({ field: "now", text: t("error.requiredDateTime") });
    return null;
  }
  const instant = localValueToInstant(input.value);
  if (!instant) errors.push({ field: "now", text: t("err.invalid_instant") });
  return instant;
}

// ---------------------------------------------------------------------------------------------
// Buy

const buyEls = {
  product: /** @type {HTMLSelectElement} */ ($("buy-product")),
  notActivated: /** @type {HTMLInputElement} */ ($("buy-not-activated")),
  activated: /** @type {HTMLInputElement} */ ($("buy-activated")),
  invitation: /** @type {HTMLInputElement} */ ($("buy-invitation")),
  shipping: /** @type {HTMLInputElement} */ ($("buy-shipping")),
  region: /** @type {HTMLSelectElement} */ ($("buy-region")),
  now: /** @type {HTMLInputElement} */ ($("buy-now")),
};

const radioValue = (form, name) => /** @type {RadioNodeList} */ (form.elements.namedItem(name)).value;
function setRadio(form, name, value) {
  const list = /** @type {RadioNodeList} */ (form.elements.namedItem(name));
  if ([...list].some((r) => /** @type {HTMLInputElement} */ (r).value === value)) list.value = value;
}

/** Shows or hides the fields that depend on other fields. */
function syncBuyVisibility() {
  const activated = !buyEls.notActivated.checked;
  for (const id of ["buy-activated-field", "buy-invitation-field"]) $(id).hidden = !activated;
  buyEls.activated.disabled = !activated;
  buyEls.invitation.disabled = !activated;
  $("buy-shipping-field").hidden = radioValue(buyForm, "channel") !== "with-product";
}

function readBuy() {
  const errors = [];
  const request = {
    plan: radioValue(buyForm, "plan"),
    product: buyEls.product.value,
  };
  if (!buyEls.notActivated.checked) {
    const value = buyEls.activated.value;
    if (!value) errors.push({ field: "activatedAt", text: t("error.requiredDateTime") });
    else if (!isLocalDateTime(value)) errors.push({ field: "activatedAt", text: t("err.invalid_instant") });
    else request.activatedAt = localValueToInstant(value);
    const invitation = buyEls.invitation.value;
    if (invitation) {
      if (!isLocalDateTime(invitation)) errors.push({ field: "invitationAt", text: t("err.invalid_instant") });
      else request.invitationAt = localValueToInstant(invitation);
    }
  }
  const channel = radioValue(buyForm, "channel");
  request.channel = channel;
  if (channel === "with-product") {
    const date = buyEls.shipping.value;
    if (!date) errors.push({ field: "shippingDate", text: t("error.requiredDate") });
    else if (!isDate(date)) errors.push({ field: "shippingDate", text: t("err.invalid_date") });
    else request.shippingDate = date;
  }
  // "Other" is any region outside CR-5's list: ZZ is the ISO 3166 code for an unknown region.
  request.region = buyEls.region.value === "other" ? "ZZ" : buyEls.region.value;
  request.now = readNow("buy", errors);
  return { request, errors };
}

function renderBuy(answer, request) {
  const body = [];
  const product = productName(answer.product);
  const nowIso = request.now;

  // Verdict
  body.push(h("div", { class: `verdict ${answer.eligible ? "verdict--yes" : "verdict--no"}` },
    h("span", { class: "verdict__icon", "aria-hidden": "true" }),
    h("div", { class: "verdict__text" },
      h("p", { class: "verdict__title", text: answer.eligible ? t("buy.eligible") : t("buy.notEligible") }),
      h("p", { class: "verdict__sub", text: `${product} · ${planName(answer.plan)}` }),
      answer.route ? h("p", { class: "verdict__route", text: t(`buy.route.${answer.route}`) }) : null)));

  // Deadline and time left
  if (answer.deadline) {
    const past = Date.parse(answer.deadline) < Date.parse(nowIso);
    const rel = fmtRelative(answer.deadline, nowIso);
    const rows = [
      [t("buy.deadline"), h("strong", { text: fmtInstant(answer.deadline) })],
      [t("buy.timeLeft"), h("span", { class: past ? "tag tag--bad" : "tag tag--good", text: past ? t("buy.expiredAgo", { rel }) : rel })],
    ];
    if (answer.window) {
      rows.push([t("buy.windowLabel"), h("span", { class: "muted", text: t("buy.window", { hours: answer.window.hours, from: fmtInstant(answer.window.opensAt) }) })]);
    }
    body.push(h("section", { class: "block block--deadline" },
      dl(rows),
      answer.eligible && !past
        ? h("button", {
          type: "button", class: "button button--secondary button--small",
          onclick: () => {
            const end = new Date(answer.deadline);
            downloadIcs({
              title: t("deadline.calendarTitle", { product }),
              description: `${planName(answer.plan)} — ${fmtInstant(answer.deadline)}`,
              start: new Date(end.getTime() - 30 * 60_000), end, allDay: false,
              filename: `care-refresh-deadline-${answer.product}.ics`,
            });
          },
        }, h("span", { class: "icon-calendar", "aria-hidden": "true" }), t("deadline.calendar"))
        : null));
  } else if (answer.eligible && answer.route === "not-activated") {
    body.push(h("section", { class: "block block--deadline" }, dl([[t("buy.deadline"), t("buy.deadline.none")]])));
  }

  // Closed: why, and the other way (CR-4)
  if (answer.closed) {
    const alt = answer.closed.alternative;
    body.push(h("section", { class: "block block--closed" },
      h("h4", { text: t("buy.reason") }),
      h("p", { text: t(`reason.${answer.closed.reason}`) }),
      alt ? h("div", { class: "alternative" },
        h("h4", { text: t("alt.heading") }),
        h("ol", { class: "steps" }, t("alt.steps", { hours: alt.hours }).map((s) => h("li", { text: s }))),
        h("p", { class: "muted", text: t("alt.hint") }),
        ruleChip(alt.rule)) : null));
  }

  // Prices and fees
  body.push(h("section", { class: "block" },
    h("h4", { text: t("label.fees") }),
    dl([
      [t("label.price"), feeNode(answer.price, true)],
      [t("label.replacementFee"), feeNode(answer.fees.replacement)],
      [t("label.flyawayFee"), feeNode(answer.fees.flyaway)],
    ])));

  // Allowance
  const allowanceRows = [[t("label.replacements"), h("strong", { text: t("label.replacementsValue", { n: answer.replacements }) })]];
  if (answer.flyaway === "yes") allowanceRows.push([t("label.flyawayMax"), t("label.flyawayMaxValue", { n: answer.flyawayMax })]);
  body.push(h("section", { class: "block" },
    h("h4", { text: t("label.allowance") }),
    dl(allowanceRows),
    answer.flyaway !== "yes" ? h("p", { class: "note", text: t(`flyaway.${answer.flyaway}`) }) : null));

  // Dates
  body.push(h("section", { class: "block" },
    h("h4", { text: t("label.dates") }),
    dl([
      [t("label.service"), answer.service ? fmtPeriod(answer.service) : h("span", { class: "muted", text: t("label.serviceNone") })],
      [t("label.warrantyExt"), answer.warrantyExtension ? fmtPeriod(answer.warrantyExtension)
        // CR-10: the 2-year plan does extend the warranty; there are no dates when it cannot be bought.
        : h("span", { class: "muted", text: t(answer.plan === "care-refresh-2y" ? "label.warrantyExtNotBought" : "label.warrantyExtNone") })],
    ])));

  // Coverage notes are per product in the catalog (older builds also put them in the answer).
  const coverage = answer.coverage ?? productById(answer.product)?.terms?.careRefresh?.coverage;
  if (coverage) body.push(coverageBlock(coverage, answer.flyaway));
  body.push(editionBlock(answer.edition));
  body.push(rulesBlock(answer.rules));
  return body;
}

function buySummary(answer, request) {
  if (answer.eligible) {
    return answer.deadline
      ? `${t("buy.eligible")}. ${t("buy.deadline")}: ${fmtInstant(answer.deadline)}, ${fmtRelative(answer.deadline, request.now)}.`
      : `${t("buy.eligible")}. ${fmtFee(answer.price)}.`;
  }
  return `${t("buy.notEligible")}. ${answer.closed ? t(`reason.${answer.closed.reason}`) : ""}`;
}

// ---------------------------------------------------------------------------------------------
// Status

const statusEls = {
  product: /** @type {HTMLSelectElement} */ ($("status-product")),
  start: /** @type {HTMLInputElement} */ ($("status-start")),
  bought: /** @type {HTMLInputElement} */ ($("status-bought")),
  chain: /** @type {HTMLSelectElement} */ ($("status-chain")),
  claims: /** @type {HTMLOListElement} */ ($("status-claims")),
  now: /** @type {HTMLInputElement} */ ($("status-now")),
};

const CHAINS = {
  none: [],
  "1y": ["care-refresh-1y"],
  "1y1y": ["care-refresh-1y", "care-refresh-1y"],
  "2y": ["care-refresh-2y"],
};
const CLAIM_SHORT = { replacement: "r", flyaway: "f", "warranty-repair": "w" };
const CLAIM_LONG = Object.fromEntries(Object.entries(CLAIM_SHORT).map(([k, v]) => [v, k]));

let claimCounter = 0;

function addClaimRow({ kind = "replacement", date = "" } = {}, focus = false) {
  const template = /** @type {HTMLTemplateElement} */ ($("claim-row"));
  const li = /** @type {HTMLLIElement} */ (template.content.firstElementChild.cloneNode(true));
  claimCounter += 1;
  const kindId = `claim-kind-${claimCounter}`;
  const dateId = `claim-date-${claimCounter}`;
  const errorId = `claim-error-${claimCounter}`;
  const kindSelect = li.querySelector(".claim__kind");
  const dateInput = li.querySelector(".claim__date");
  kindSelect.id = kindId;
  dateInput.id = dateId;
  li.querySelector(".claim__kind-label").htmlFor = kindId;
  li.querySelector(".claim__date-label").htmlFor = dateId;
  li.querySelector(".claim__error").id = errorId;
  dateInput.setAttribute("aria-describedby", errorId);
  kindSelect.value = CLAIM_SHORT[kind] ? kind : "replacement";
  dateInput.value = isDate(date) ? date : "";
  li.querySelector(".claim__remove").addEventListener("click", () => removeClaimRow(li));
  statusEls.claims.append(li);
  labelClaimRows();
  if (focus) kindSelect.focus();
}

function removeClaimRow(li) {
  const rows = [...statusEls.claims.children];
  const index = rows.indexOf(li);
  li.remove();
  labelClaimRows();
  const rest = [...statusEls.claims.children];
  const next = rest[Math.min(index, rest.length - 1)];
  (next?.querySelector(".claim__remove") ?? $("status-add-claim")).focus();
  schedule("status", { announce: true });
}

function labelClaimRows() {
  const rows = [...statusEls.claims.children];
  rows.forEach((li, i) => {
    const n = i + 1;
    li.querySelector(".claim__n").textContent = t("claims.rowLabel", { n });
    const prefix = (label) => [h("span", { class: "sr-only", text: `${t("claims.rowLabel", { n })} ` }), label];
    li.querySelector(".claim__kind-label").replaceChildren(...prefix(t("claims.kind")));
    li.querySelector(".claim__date-label").replaceChildren(...prefix(t("claims.date")));
    for (const option of li.querySelectorAll(".claim__kind option")) option.textContent = t(`claims.kind.${option.value}`);
    const remove = li.querySelector(".claim__remove");
    remove.setAttribute("aria-label", t("claims.removeLabel", { n }));
    remove.title = t("claims.remove");
  });
  $("status-claims-empty").hidden = rows.length > 0;
}

function readClaims() {
  return [...statusEls.claims.children].map((li) => ({
    kind: /** @type {HTMLSelectElement} */ (li.querySelector(".claim__kind")).value,
    date: /** @type {HTMLInputElement} */ (li.querySelector(".claim__date")).value,
  }));
}

function readStatus() {
  const errors = [];
  const request = {
    plan: radioValue(statusForm, "plan"),
    product: statusEls.product.value,
  };
  const start = statusEls.start.value;
  if (!start) errors.push({ field: "start", text: t("error.requiredDate") });
  else request.start = start;
  if (statusEls.bought.value) request.boughtOn = statusEls.bought.value;
  request.chain = CHAINS[statusEls.chain.value] ?? [];
  const claims = readClaims();
  claims.forEach((claim, row) => {
    if (!claim.date) errors.push({ field: "claims", row, text: t("error.requiredDate") });
  });
  request.claims = claims;
  request.now = readNow("status", errors);
  return { request, errors };
}

function countBlock(title, count, offered) {
  if (count.given === 0) {
    return h("div", { class: "count count--none" },
      h("p", { class: "count__title", text: title }),
      h("p", { class: "muted", text: offered === "unknown" ? t("flyaway.unknown") : t("fee.not-offered") }));
  }
  const pips = [];
  for (let i = 0; i < count.given; i += 1) pips.push(h("span", { class: i < count.used ? "pip pip--used" : "pip" }));
  return h("div", { class: "count" },
    h("p", { class: "count__title", text: title }),
    h("p", { class: "count__big" }, t("status.leftBig", { n: count.left }).map((part, i) =>
      (part ? h("span", { class: i % 2 === 1 ? "count__left" : "count__unit", text: part }) : null))),
    h("div", { class: "pips", "aria-hidden": "true" }, pips),
    h("p", { class: "count__detail", text: t("status.countDetail", count) }));
}

function renderStatus(answer, request) {
  const body = [];
  const product = productName(answer.product);
  const stateClass = { active: "verdict--yes", "not-started": "verdict--wait", expired: "verdict--no" }[answer.state] ?? "";
  body.push(h("div", { class: `verdict ${stateClass}` },
    h("span", { class: "verdict__icon", "aria-hidden": "true" }),
    h("div", { class: "verdict__text" },
      h("p", { class: "verdict__title", text: t(`status.state.${answer.state}`) }),
      h("p", { class: "verdict__sub", text: `${product} · ${planName(answer.plan)}` }),
      h("p", { class: "verdict__route", text: `${t("status.period")}: ${fmtPeriod(answer.period)}` }))));

  body.push(h("section", { class: "block" },
    h("div", { class: "counts" },
      countBlock(t("status.replacements"), answer.replacements, "yes"),
      countBlock(t("status.flyaway"), answer.flyaway, answer.flyawayOffered)),
    answer.warrantyRepairs > 0 ? h("p", { class: "note", text: t("status.warrantyRepairs", { n: answer.warrantyRepairs }) }) : null,
    answer.state !== "active" ? h("p", { class: "note", text: t(`status.inactiveNote.${answer.state}`) }) : null));

  const nextFee = (fee) => (fee.status === "not-offered" ? h("span", { class: "muted", text: t("status.feeNotOfferedInactive") }) : feeNode(fee));
  body.push(h("section", { class: "block" },
    h("h4", { text: t("status.nextFees") }),
    dl([
      [t("status.nextReplacement"), nextFee(answer.nextReplacementFee)],
      [t("status.nextFlyaway"), nextFee(answer.nextFlyawayFee)],
      [t("label.warrantyExt"), answer.warrantyExtension ? fmtPeriod(answer.warrantyExtension) : h("span", { class: "muted", text: t("label.warrantyExtNone") })],
    ])));

  const ext = answer.extension;
  const until = ext.buyUntil ? fmtDate(ext.buyUntil) : "";
  const extRows = [];
  if (ext.period) extRows.push([t("ext.period"), fmtPeriod(ext.period)]);
  if (ext.buyUntil) extRows.push([t("ext.buyUntil"), h("strong", { text: until })]);
  if (ext.plan) extRows.push([t("ext.price"), feeNode(ext.price, true)]);
  body.push(h("section", { class: `block block--extension ${ext.possible ? "is-possible" : "is-not-possible"}` },
    h("h4", { text: t("status.extension") }),
    h("p", { class: `tag ${ext.possible ? "tag--good" : "tag--bad"}`, text: ext.possible ? t("status.extension.possible") : t("status.extension.notPossible") }),
    h("p", { text: t(`ext.${ext.status}`, { until }) }),
    extRows.length ? dl(extRows) : null,
    ext.totalMonthsAfter ? h("p", { class: "muted", text: t("ext.total", { months: ext.totalMonthsAfter }) }) : null,
    ext.possible && ext.buyUntil
      ? h("button", {
        type: "button", class: "button button--secondary button--small",
        onclick: () => {
          const day = ext.buyUntil.replace(/-/g, "");
          const next = new Date(`${ext.buyUntil}T00:00:00Z`);
          next.setUTCDate(next.getUTCDate() + 1);
          downloadIcs({
            title: t("ext.calendarTitle", { product }),
            description: `${planName(ext.plan)} — ${fmtFee(ext.price)}`,
            start: day, end: next.toISOString().slice(0, 10).replace(/-/g, ""), allDay: true,
            filename: `care-refresh-extension-${answer.product}.ics`,
          });
        },
      }, h("span", { class: "icon-calendar", "aria-hidden": "true" }), t("deadline.calendar"))
      : null));

  body.push(editionBlock(answer.edition));
  body.push(rulesBlock(answer.rules));
  return body;
}

function statusSummary(answer) {
  return `${t(`status.state.${answer.state}`)}. ${t("status.replacements")}: ${t("status.count", answer.replacements)}. ${
    answer.extension.possible ? t("status.extension.possible") : t("status.extension.notPossible")}.`;
}

// ---------------------------------------------------------------------------------------------
// Shared answer pieces

function dl(rows) {
  return h("dl", { class: "facts" }, rows.map(([term, value]) =>
    h("div", { class: "facts__row" }, h("dt", { text: term }), h("dd", {}, value))));
}

function feeNode(fee, big = false) {
  const published = fee?.status === "published";
  return h("span", { class: `${published ? "money" : "muted"}${big && published ? " money--big" : ""}`, text: fmtFee(fee) });
}

function coverageBlock(coverage, flyaway) {
  const items = [];
  if (coverage.shippingPaidByDji) items.push(h("li", { class: "yes", text: t("coverage.shipping") }));
  if (coverage.waterDamageCovered) items.push(h("li", { class: "yes", text: t("coverage.water") }));
  items.push(h("li", { class: "yes", text: coverage.warrantyRepairsUseReplacements ? t("coverage.warrantyRepairsUse") : t("coverage.warrantyRepairs") }));
  const wordsFor = (prefix, id) => {
    const key = `${prefix}.${id}`;
    const words = t(key);
    return words === key ? id : words;
  };
  return h("section", { class: "block" },
    h("h4", { text: t("label.coverage") }),
    h("ul", { class: "checklist" }, items),
    flyaway === "yes" && coverage.flyawayConditions.length
      ? h("div", { class: "subblock" },
        h("p", { class: "subblock__title", text: t("coverage.flyawayConditions") }),
        h("ul", { class: "bullets" }, coverage.flyawayConditions.map((c) => h("li", { text: wordsFor("flyawayCond", c) }))))
      : null,
    flyaway === "yes" && coverage.flyawayExclusions.length
      ? h("div", { class: "subblock" },
        h("p", { class: "subblock__title", text: t("coverage.flyawayExclusions") }),
        h("ul", { class: "checklist checklist--no" }, coverage.flyawayExclusions.map((c) => h("li", { class: "no", text: wordsFor("flyawayExcl", c) }))))
      : null);
}

function editionBlock(ref) {
  const edition = editionById(ref.id);
  return h("section", { class: "block block--meta" },
    h("h4", { text: t("label.edition") }),
    h("p", {}, h("code", { class: "chip", text: ref.id }), " ", edition ? edition.summary[getLang()] : ""));
}

function ruleChip(id) {
  return h("p", { class: "rule" }, h("code", { class: "chip", text: id }), " ", ruleText(id) ?? "");
}

function rulesBlock(ids) {
  return h("section", { class: "block block--meta" },
    h("details", { class: "rules" },
      h("summary", {},
        h("span", { class: "rules__title", text: t("label.rules") }),
        h("span", { class: "rules__ids" }, ids.map((id) => h("code", { class: "chip", text: id })))),
      h("ul", { class: "rules__list" }, ids.map((id) =>
        h("li", {}, h("code", { class: "chip", text: id }), h("span", { text: ruleText(id) ?? "" }))))));
}

// ---------------------------------------------------------------------------------------------
// Computing, with errors that never break the page

let ready = false;
const lastAnnounced = { buy: "", status: "" };
let announceTimer = 0;

function announce(text, immediate = false) {
  clearTimeout(announceTimer);
  const write = () => {
    const el = $("announcer");
    el.textContent = text;
  };
  if (immediate) write();
  else announceTimer = setTimeout(write, 700);
}

/**
 * Recomputes one form's answer.
 * @param {"buy"|"status"} formName
 * @param {{announce?: boolean, immediate?: boolean}} [options]
 * @returns {boolean} whether an answer (not an error) is shown
 */
function compute(formName, options = {}) {
  if (!ready) return false;
  const bodyEl = $(`${formName}-answer-body`);
  const read = formName === "buy" ? readBuy : readStatus;
  const call = formName === "buy" ? buy : status;
  const render = formName === "buy" ? renderBuy : renderStatus;
  let request = null;
  try {
    const { request: req, errors } = read();
    request = req;
    if (errors.length > 0) {
      showErrors(formName, errors);
      showAnswerMessage(bodyEl, t("answer.fixErrors"));
      peekState[formName] = { tone: "bad", text: t("error.summary") };
      updatePeek();
      return false;
    }
    const answer = call(request);
    showErrors(formName, []);
    bodyEl.replaceChildren(...render(answer, request));
    peekState[formName] = formName === "buy"
      ? { tone: answer.eligible ? "good" : "bad", text: answer.eligible && answer.deadline ? `${t("buy.eligible")} · ${fmtRelative(answer.deadline, request.now)}` : answer.eligible ? t("buy.eligible") : t("buy.notEligible") }
      : { tone: answer.active ? "good" : answer.state === "expired" ? "bad" : "wait", text: `${t(`status.state.${answer.state}`)} · ${t("status.leftBig", { n: answer.replacements.left }).join("").trim()}` };
    updatePeek();
    if (options.announce) {
      const summary = formName === "buy" ? buySummary(answer, request) : statusSummary(answer);
      if (summary !== lastAnnounced[formName] || options.immediate) {
        lastAnnounced[formName] = summary;
        announce(summary, options.immediate);
      }
    }
    return true;
  } catch (error) {
    const coded = error && typeof error === "object" && "code" in error;
    if (!coded) console.error(error);
    const where = coded ? locateError(formName, error) : { field: null, row: null, kindField: false };
    showErrors(formName, [{
      field: where.field, row: where.row, kindField: where.kindField,
      text: coded ? errorWords(error) : t("error.unexpected"), code: coded ? error.code : undefined,
      detail: coded ? String(error.message ?? "") : undefined,
    }]);
    showAnswerMessage(bodyEl, t("answer.fixErrors"));
    peekState[formName] = { tone: "bad", text: t("error.summary") };
    updatePeek();
    return false;
  } finally {
    writeUrl();
  }
}

// On narrow screens the answer is below the form: a small bar at the bottom of the screen shows
// its gist while the answer itself is out of sight, and takes you there.
const peekState = { buy: null, status: null };
const answerInView = { buy: false, status: false };

function updatePeek() {
  const peek = /** @type {HTMLButtonElement} */ ($("peek"));
  const state = peekState[activeTab];
  peek.hidden = !ready || !state || answerInView[activeTab];
  if (!state) return;
  $("peek-text").textContent = state.text;
  peek.dataset.tone = state.tone;
}

function watchAnswers() {
  if (!("IntersectionObserver" in window)) return;
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) answerInView[entry.target.id.startsWith("buy") ? "buy" : "status"] = entry.isIntersecting;
    updatePeek();
  }, { threshold: 0.15 });
  observer.observe($("buy-answer"));
  observer.observe($("status-answer"));
  $("peek").addEventListener("click", () => {
    const answer = $(`${activeTab}-answer`);
    answer.scrollIntoView({ behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth", block: "start" });
    answer.focus({ preventScroll: true });
  });
}

function showAnswerMessage(bodyEl, text) {
  bodyEl.replaceChildren(h("p", { class: "placeholder", text }));
}

const pending = { buy: 0, status: 0 };
/** Coalesces bursts of input events into one computation per frame. */
function schedule(formName, options = {}) {
  cancelAnimationFrame(pending[formName]);
  pending[formName] = requestAnimationFrame(() => compute(formName, options));
}

function focusFirstError(formName) {
  const form = formName === "buy" ? buyForm : statusForm;
  const invalid = form.querySelector("[aria-invalid='true']") ?? form.querySelector(".is-invalid input");
  if (invalid instanceof HTMLElement) invalid.focus();
}

// ---------------------------------------------------------------------------------------------
// URL: the state of both forms in the query string

let activeTab = "buy";

function writeUrl() {
  if (!ready) return;
  const p = new URLSearchParams();
  if (activeTab !== "buy") p.set("tab", activeTab);
  if (getLang() !== "ja") p.set("lang", getLang());
  p.set("plan", radioValue(buyForm, "plan").replace("care-refresh-", ""));
  p.set("product", buyEls.product.value);
  if (!buyEls.notActivated.checked) {
    p.set("act", buyEls.activated.value);
    if (buyEls.invitation.value) p.set("inv", buyEls.invitation.value);
  }
  if (radioValue(buyForm, "channel") === "with-product") {
    p.set("ch", "with");
    if (buyEls.shipping.value) p.set("ship", buyEls.shipping.value);
  }
  if (buyEls.region.value !== "JP") p.set("region", buyEls.region.value);
  if (nowState.buy.pinned) p.set("now", buyEls.now.value);

  p.set("splan", radioValue(statusForm, "plan").replace("care-refresh-", ""));
  p.set("sproduct", statusEls.product.value);
  if (statusEls.start.value) p.set("start", statusEls.start.value);
  if (statusEls.bought.value) p.set("bought", statusEls.bought.value);
  if (statusEls.chain.value !== "none") p.set("chain", statusEls.chain.value);
  const claims = readClaims();
  if (claims.length) p.set("claims", claims.map((c) => `${CLAIM_SHORT[c.kind] ?? "r"}:${c.date}`).join(","));
  if (nowState.status.pinned) p.set("snow", statusEls.now.value);
  iproView.writeUrl(p);
  // The Enterprise tab (enterprise.js) keeps its own state in `en`, and is a tab this file
  // does not know: keep both.
  const current = new URLSearchParams(location.search);
  if (current.has("en")) p.set("en", current.get("en") ?? "");
  if (document.getElementById("panel-enterprise")?.hidden === false) p.set("tab", "enterprise");

  const query = p.toString();
  const url = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, "", url);
}

function readUrl() {
  const p = new URLSearchParams(location.search);
  const planId = (v) => (v === "1y" || v === "2y" ? `care-refresh-${v}` : v);
  const setDateTime = (input, value) => {
    if (value && isLocalDateTime(value)) input.value = value.slice(0, 16);
  };

  if (p.has("plan")) setRadio(buyForm, "plan", planId(p.get("plan")));
  if (p.has("product") && productById(p.get("product"))) buyEls.product.value = p.get("product");
  if (p.has("act")) {
    buyEls.notActivated.checked = false;
    setDateTime(buyEls.activated, p.get("act"));
    setDateTime(buyEls.invitation, p.get("inv"));
  }
  if (p.get("ch") === "with") {
    setRadio(buyForm, "channel", "with-product");
    if (isDate(p.get("ship") ?? "")) buyEls.shipping.value = p.get("ship");
  }
  if (p.has("region")) {
    const region = (p.get("region") ?? "").toUpperCase();
    const known = [...buyEls.region.options].some((o) => o.value === region);
    buyEls.region.value = known ? region : "other";
  }
  if (p.get("now") && isLocalDateTime(p.get("now"))) {
    nowState.buy.pinned = true;
    setDateTime(buyEls.now, p.get("now"));
  }

  if (p.has("splan")) setRadio(statusForm, "plan", planId(p.get("splan")));
  if (p.has("sproduct") && productById(p.get("sproduct"))) statusEls.product.value = p.get("sproduct");
  if (isDate(p.get("start") ?? "")) statusEls.start.value = p.get("start");
  if (isDate(p.get("bought") ?? "")) statusEls.bought.value = p.get("bought");
  if (p.get("chain") && Object.hasOwn(CHAINS, p.get("chain"))) statusEls.chain.value = p.get("chain");
  for (const item of (p.get("claims") ?? "").split(",").filter(Boolean).slice(0, 50)) {
    const [kind, date] = item.split(":");
    addClaimRow({ kind: CLAIM_LONG[kind] ?? "replacement", date: date ?? "" });
  }
  if (p.get("snow") && isLocalDateTime(p.get("snow"))) {
    nowState.status.pinned = true;
    setDateTime(statusEls.now, p.get("snow"));
  }
  iproView.readUrl(p);
  return { tab: ["status", "ipro"].includes(p.get("tab") ?? "") ? p.get("tab") : "buy" };
}

// ---------------------------------------------------------------------------------------------
// Tabs

const tabs = [/** @type {HTMLButtonElement} */ ($("tab-buy")), /** @type {HTMLButtonElement} */ ($("tab-status")),
  /** @type {HTMLButtonElement} */ ($("tab-ipro"))];

// ----- i-PRO view (issue 4): its own module, www/ipro.js; these are its only hooks in this file.
const iproView = createIproView({ ipro, onChange: () => writeUrl() });
// ----- end of i-PRO hooks

function selectTab(name, { focus = false } = {}) {
  activeTab = name === "status" || name === "ipro" ? name : "buy";
  for (const tab of tabs) {
    const selected = tab.dataset.tab === activeTab;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(tab.getAttribute("aria-controls")).hidden = !selected;
    if (selected && focus) tab.focus();
  }
  if (activeTab === "ipro") iproView.compute();
  else compute(activeTab);
  updatePeek();
}

function onTabKeydown(event) {
  const index = tabs.indexOf(/** @type {HTMLButtonElement} */ (event.currentTarget));
  let next = null;
  if (event.key === "ArrowRight" || event.key === "ArrowDown") next = (index + 1) % tabs.length;
  else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = (index - 1 + tabs.length) % tabs.length;
  else if (event.key === "Home") next = 0;
  else if (event.key === "End") next = tabs.length - 1;
  if (next === null) return;
  event.preventDefault();
  selectTab(tabs[next].dataset.tab, { focus: true });
}

// ---------------------------------------------------------------------------------------------
// Language

function applyStaticText() {
  const lang = getLang();
  document.documentElement.lang = lang;
  document.title = t("app.title");
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-aria-label]")) el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
  $("lang-toggle").setAttribute("lang", LANGS.find((l) => l !== lang) ?? "en");
  if (products.length) {
    fillProductSelect(buyEls.product);
    fillProductSelect(statusEls.product);
  }
  labelClaimRows();
  renderNowState("buy");
  renderNowState("status");
  iproView.applyStaticText();
}

function toggleLanguage() {
  setLang(getLang() === "ja" ? "en" : "ja");
  applyStaticText();
  // Errors and answers are words too: redraw both forms.
  for (const name of ["buy", "status"]) $(`${name}-errors`).dataset.signature = "-";
  compute("buy");
  compute("status");
  iproView.compute();
}

// ---------------------------------------------------------------------------------------------
// Wiring

function wireForm(formName) {
  const form = formName === "buy" ? buyForm : statusForm;
  const onChange = (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (target.id === `${formName}-now`) {
      nowState[formName].pinned = true;
      renderNowState(formName);
    }
    if (formName === "buy") onBuyFieldChange(target);
    schedule(formName, { announce: true });
  };
  form.addEventListener("input", onChange);
  form.addEventListener("change", onChange);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    cancelAnimationFrame(pending[formName]);
    if (compute(formName, { announce: true, immediate: true })) $(`${formName}-answer`).focus();
    else focusFirstError(formName);
  });
  $(`${formName}-use-now`).addEventListener("click", () => {
    useCurrentTime(formName);
    compute(formName, { announce: true });
    $(`${formName}-now`).focus();
  });
}

function onBuyFieldChange(target) {
  if (target === buyEls.notActivated) {
    if (!buyEls.notActivated.checked && !buyEls.activated.value) {
      // Start from "now": the most common question is about a product just activated.
      buyEls.activated.value = buyEls.now.value || toJstLocalValue(new Date());
    }
    syncBuyVisibility();
  } else if (target instanceof HTMLInputElement && target.name === "channel") {
    if (radioValue(buyForm, "channel") === "with-product" && !buyEls.shipping.value) {
      buyEls.shipping.value = (buyEls.now.value || toJstLocalValue(new Date())).slice(0, 10);
    }
    syncBuyVisibility();
  }
}

/** Keeps live "now" fields on the clock; recomputes when the minute changes. */
function tick() {
  const value = toJstLocalValue(new Date());
  for (const name of ["buy", "status"]) {
    if (nowState[name].pinned) continue;
    const input = /** @type {HTMLInputElement} */ ($(`${name}-now`));
    if (input.value === value) continue;
    if (document.activeElement === input) continue;
    input.value = value;
    const answer = $(`${name}-answer`);
    if (name === activeTab && !answer.contains(document.activeElement)) compute(name);
  }
  if (iproView.tick() && activeTab === "ipro" && !$("ipro-answer").contains(document.activeElement)) iproView.compute();
}

async function copyLink() {
  const button = /** @type {HTMLButtonElement} */ ($("copy-link"));
  let words;
  try {
    await navigator.clipboard.writeText(location.href);
    words = t("app.linkCopied");
  } catch {
    words = t("app.linkCopyFailed");
  }
  button.textContent = words;
  announce(words, true);
  setTimeout(() => { button.textContent = t("app.copyLink"); }, 2500);
}

async function main() {
  const params = new URLSearchParams(location.search);
  setLang(params.get("lang") === "en" ? "en" : "ja");
  applyStaticText();

  // Everything that does not need the core works before it loads.
  for (const tab of tabs) {
    tab.addEventListener("click", () => selectTab(tab.dataset.tab));
    tab.addEventListener("keydown", onTabKeydown);
  }
  $("lang-toggle").addEventListener("click", toggleLanguage);
  $("copy-link").addEventListener("click", copyLink);
  $("status-add-claim").addEventListener("click", () => {
    const nowDate = (statusEls.now.value || toJstLocalValue(new Date())).slice(0, 10);
    addClaimRow({ kind: "replacement", date: nowDate }, true);
    schedule("status", { announce: true });
  });
  wireForm("buy");
  wireForm("status");

  const banner = $("app-banner");
  try {
    await init();
    catalog = loadCatalog();
    products = catalog.products.filter((p) => p.family === "care-refresh");
  } catch (error) {
    console.error("coverage-calc: cannot load the rules core", error);
    banner.removeAttribute("data-i18n");
    banner.dataset.i18n = "app.loadFailed";
    banner.textContent = t("app.loadFailed");
    banner.classList.add("banner--error");
    return;
  }

  fillProductSelect(buyEls.product, "dji-mini-4-pro");
  fillProductSelect(statusEls.product, "dji-mini-4-pro");
  const nowValue = toJstLocalValue(new Date());
  buyEls.now.value = nowValue;
  statusEls.now.value = nowValue;
  statusEls.start.value = nowValue.slice(0, 10);

  iproView.init(catalog);
  const { tab } = readUrl();
  syncBuyVisibility();
  renderNowState("buy");
  renderNowState("status");

  banner.hidden = true;
  banner.removeAttribute("data-i18n");
  document.body.classList.add("is-ready");
  ready = true;
  watchAnswers();
  compute("buy");
  compute("status");
  iproView.compute();
  selectTab(tab);
  setInterval(tick, 10_000);
}

main();
