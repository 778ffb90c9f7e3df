// Form pieces shared by the widget's modes: labelled fields with hints and errors tied to them,
// the product picker, the "why" block (rule ids and sources in plain words), error placement.

import { h, parseDate, parseJstInstant, isDateOnly } from "./coverage-calc-util.js";

/**
 * A labelled control with an optional hint and an error line, both tied to it through
 * aria-describedby. Returns `{el, control, error}`.
 */
export function field(id, labelText, control, hintText = null) {
  control.id = id;
  control.setAttribute("part", `${control.getAttribute("part") ?? ""} control`.trim());
  const hint = hintText ? h("p", { id: `${id}-hint`, class: "hint", part: "hint", text: hintText }) : null;
  const error = h("p", { id: `${id}-error`, class: "error", part: "error", hidden: true });
  // A note on what was understood (a date alone: 0:00 Japan time), shown when it applies.
  const note = h("p", { id: `${id}-note`, class: "hint note", part: "hint", hidden: true });
  control.setAttribute("aria-describedby", [hint?.id, note.id, error.id].filter(Boolean).join(" "));
  const el = h("div", { class: "field", part: "field" }, h("label", { for: id, part: "label", text: labelText }), control, hint, note, error);
  return { el, control, error, note };
}

/** Shows (or, with null, hides) the note of a field. */
export function setFieldNote(f, text) {
  if (!f?.note) return;
  f.note.textContent = text ?? "";
  f.note.hidden = !text;
}

/** A text input for a date or date and time typed as text (keyboard first, any locale). */
export function textInput(value) {
  const input = h("input", { type: "text", autocomplete: "off", spellcheck: "false", part: "input" });
  input.value = value ?? "";
  return input;
}

/**
 * The form-level error line of a mode: for an error about no control (`{control: null, error}`,
 * used like a field with setFieldError). Its element `el` goes at the end of the form.
 */
export function formError(id) {
  const error = h("p", { id, class: "error", part: "error", hidden: true });
  return { el: error, control: null, error };
}

/** Marks a field's control invalid and writes its error, or clears it (`text` null). */
export function setFieldError(f, text) {
  if (!f) return;
  f.error.textContent = text ?? "";
  f.error.hidden = !text;
  if (!f.control) return;
  if (text) f.control.setAttribute("aria-invalid", "true");
  else f.control.removeAttribute("aria-invalid");
}

/** Words for an error thrown by the core (`code`), or the generic words. */
export function errorWords(t, error) {
  const key = `err.${error?.code}`;
  return t.has(key) ? t(key) : t("err.other");
}

/**
 * The field a core error is about, from its `field` path only (the message is for people, never
 * parsed): `fields` maps a request key to its field, `rows` a list's key to its rows, each a map
 * of the item's keys to fields, its main one first (`claims[1].date` → `rows.claims[1].date`;
 * `claims[4]`, a whole row, → its first field; `fleet[0].quote.plusLimit` → the row's
 * `quote.plusLimit`, else its `quote`). A row not shown → `fields.claims`, the list's own
 * error if it has one. Null when `field` is null or names no control of the mode: the mode then
 * shows the error at the form level.
 */
export function fieldOf(error, fields, rows = {}) {
  const path = error && typeof error === "object" && typeof error.field === "string" ? error.field : "";
  const m = /^([A-Za-z_$][\w$]*)(?:\[(\d+)\])?(?:\.([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*))?/.exec(path);
  if (!m) return null;
  const [, key, index, sub] = m;
  const row = index === undefined ? null : rows[key]?.[Number(index)];
  // A path deeper in the row (`fleet[0].quote.plusLimit`): its own field if the row has one, else
  // the field of its first step.
  const inRow = row ? (sub ? row[sub] ?? row[sub.split(".")[0]] : Object.values(row)[0]) : null;
  return inRow ?? fields[key] ?? null;
}

/** The mode's products (of its family) that can take at least one of `plans`, by name. */
export function productsFor(ctx) {
  const lang = ctx.lang;
  return ctx.catalog.products
    .filter((p) => (!ctx.family || p.family === ctx.family) && plansFor(ctx, p).length > 0)
    .sort((a, b) => a.name[lang].localeCompare(b.name[lang], ctx.locale));
}

/**
 * The plans offered for product `p`: its own, filtered by the `plans` attribute (a `plans`
 * attribute that names no plan of the product's family does not apply to it: a Care Refresh
 * shop page's `plans` does not hide an Enterprise product's plans).
 */
export function plansFor(ctx, p) {
  if (!p) return [];
  const family = new Set(ctx.catalog.plans.filter((x) => x.family === p.family).map((x) => x.id));
  const wanted = ctx.plans?.filter((id) => family.has(id)) ?? [];
  return wanted.length > 0 ? wanted.filter((id) => p.plans.includes(id)) : [...p.plans];
}

/** Whole yen (or a count) as typed: digits after removing separators and yen signs, else null. */
export function wholeYen(text) {
  const s = String(text ?? "").normalize("NFKC").replace(/[,\s円¥￥]/g, "");
  return /^\d{1,15}$/.test(s) ? s : null;
}

/** A typed date of `f` → `YYYY-MM-DD`, or null with its error pushed (when required or not blank). */
export function parseDateField(t, text, f, errors, required) {
  if (!String(text ?? "").trim()) {
    if (required) errors.push({ field: f, text: t("error.required") });
    return null;
  }
  const d = parseDate(text);
  if (!d) errors.push({ field: f, text: t("error.date") });
  return d;
}

/** A typed Japan date and time of `f` → an RFC 3339 instant, or null with its error pushed. */
export function parseInstantField(t, text, f, errors, required) {
  setFieldNote(f, null);
  if (!String(text ?? "").trim()) {
    if (required) errors.push({ field: f, text: t("error.required") });
    return null;
  }
  const at = parseJstInstant(text);
  if (!at) errors.push({ field: f, text: t("error.instant") });
  else if (isDateOnly(text)) setFieldNote(f, t("note.midnight", { date: at.slice(0, 10) }));
  return at;
}

export const planName = (ctx, id) => ctx.catalog.plans.find((p) => p.id === id)?.name[ctx.lang] ?? id;
export const productById = (ctx, id) => ctx.catalog.products.find((p) => p.id === id) ?? null;

/**
 * The product: fixed text when the host preset a known `product`, else a select grouped by
 * category. Calls `onChange(id)` when the user picks one.
 */
export function productPicker(ctx, state, idPrefix, onChange) {
  const preset = ctx.product ? productById(ctx, ctx.product) : null;
  if (preset) {
    return {
      el: h("p", { class: "product-fixed", part: "product" },
        h("span", { class: "product-fixed__label", text: `${ctx.t("product")}: ` }),
        h("strong", { text: preset.name[ctx.lang] })),
      field: null,
    };
  }
  const list = productsFor(ctx);
  const select = h("select", { part: "select" });
  const groups = new Map();
  for (const p of list) {
    if (!groups.has(p.category)) groups.set(p.category, []);
    groups.get(p.category).push(p);
  }
  select.append(h("option", { value: "", text: ctx.t("productPick") }));
  for (const [category, items] of groups) {
    select.append(h("optgroup", { label: ctx.t(`category.${category}`) },
      items.map((p) => h("option", { value: p.id, text: p.name[ctx.lang] }))));
  }
  select.value = list.some((p) => p.id === state.product) ? state.product : "";
  select.addEventListener("change", () => onChange(select.value || null));
  const f = field(`${idPrefix}-product`, ctx.t("product"), select);
  if (ctx.product && !preset) setFieldError(f, ctx.t("err.unknown_product"));
  return { el: f.el, field: f };
}

/** A radio group of plans. */
export function planRadios(ctx, idPrefix, planIds, selected, onChange, describe = null, legend = null) {
  const fieldset = h("fieldset", { class: "plans", part: "plans" }, h("legend", { part: "legend", text: legend ?? ctx.t("plan") }));
  for (const id of planIds) {
    const input = h("input", { type: "radio", name: `${idPrefix}-plan`, id: `${idPrefix}-plan-${id}`, value: id });
    input.checked = id === selected;
    input.addEventListener("change", () => input.checked && onChange(id));
    fieldset.append(h("div", { class: "radio" }, input,
      h("label", { for: input.id }, h("span", { text: planName(ctx, id) }), describe ? describe(id) : null)));
  }
  return fieldset;
}

/** "Why this answer": the rule ids in plain words, the edition and the sources. */
export function whyBlock(ctx, rules, sources, edition = null) {
  const t = ctx.t;
  const uniqueRules = [...new Set(rules)];
  const seen = new Set();
  const uniqueSources = sources.filter((file) => {
    const key = String(file).slice(0, 3);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return h("details", { class: "why", part: "why" },
    h("summary", { text: t("why") }),
    h("h4", { text: t("rules") }),
    h("ul", { class: "rules" }, uniqueRules.map((id) =>
      h("li", {}, h("span", { class: "rule-id", text: id }), " ", t.rule(id) ?? ""))),
    edition ? h("p", {}, `${t("edition")}: `, h("span", { text: edition })) : null,
    h("h4", { text: t("sources") }),
    h("ul", { class: "sources" }, uniqueSources.map((file) => {
      const doc = t.source(file);
      if (!doc) return h("li", { text: file });
      // The title, a link where the document is on the web (it opens in a new tab: no request here).
      const title = doc.url
        ? h("a", { href: doc.url, target: "_blank", rel: "noopener noreferrer", part: "source-link", text: doc.title })
        : h("cite", { text: doc.title });
      return h("li", { "data-source": file }, title, h("span", { class: "muted", text: ` — ${doc.by}` }));
    })));
}

/**
 * The deadline of a window and the time left (a live countdown while open; the views' `tick`
 * updates `[data-countdown]` and `[data-rel]`). The date and time wrap only at a space, "(Japan
 * time)" goes whole to the next line when it must.
 */
export function deadlineFacts(ctx, deadline, now) {
  const { t, fmt } = ctx;
  const passed = Date.parse(deadline) < Date.parse(now);
  return h("dl", { class: "facts" },
    h("div", {}, h("dt", { text: t("deadline") }), h("dd", {}, h("strong", { class: "deadline" }, instantNodes(fmt, deadline)))),
    h("div", {}, h("dt", { text: t("timeLeft") }), h("dd", {},
      h("span", { class: `rel ${passed ? "rel--bad" : "rel--good"}`, "data-rel": "", text: passed ? t("passed", { rel: fmt.relative(deadline, now) }) : fmt.relative(deadline, now) }),
      passed ? null : h("span", { class: "countdown", part: "countdown", role: "timer", "aria-label": t("countdownLabel"), "data-countdown": "" }))));
}

/** An instant in Japan time as nodes that wrap only at spaces, "(Japan time)" kept whole. */
export function instantNodes(fmt, iso) {
  const text = fmt.instant(iso);
  const cut = text.lastIndexOf(" (");
  return cut > 0 ? [h("span", { class: "keep", text: text.slice(0, cut) }), " ", h("span", { class: "nowrap", text: text.slice(cut + 1) })] : [text];
}
