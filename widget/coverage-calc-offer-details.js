// Offer mode's Details (widget/coverage-calc-offer.js): a modal dialog with the full answer of every
// plan offered (what it gives, the windows, the terms with links). A chunk of its own, loaded when
// the shopper shows interest in the button (pointer over it, focus) or clicks it: a product page's
// first answer does not wait for it.

import { h } from "./coverage-calc-util.js";
import { planName, errorWords } from "./coverage-calc-form.js";

/**
 * Opens the dialog: `o` = { ctx (the mode's context), results (`{plan, answer | error}` per plan),
 * product, now, opener (the button, focused again on close), root (where the dialog goes),
 * priceText (a price's words) }.
 */
export function openDetails(o) {
  const { ctx, results, product, opener, root } = o;
  const { t, lang } = ctx;
  const title = h("h2", { id: "offer-dialog-title", class: "heading", text: t("offer.title", { product: product.name[lang] }) });
  const close = h("button", { type: "button", id: "offer-close", class: "button offer__close", part: "button", text: t("offer.close") });
  const dialog = h("dialog", { class: "offer__dialog", part: "offer-dialog", "aria-labelledby": title.id },
    h("div", { class: "offer__dialog-head" }, title, close),
    results.map((r) => planSection(o, r)),
    termsSection(o));
  close.addEventListener("click", () => dialog.close());
  // Escape closes it (the dialog's own cancel); focus goes back to the button that opened it.
  dialog.addEventListener("close", () => {
    dialog.remove();
    if (opener.isConnected) opener.focus();
  });
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener("click", (e) => { if (e.target === dialog) dialog.close(); });
  root.append(dialog);
  dialog.showModal();
  close.focus();
}

function fact(term, value) {
  return value === null || value === undefined || value === "" ? null
    : h("div", {}, h("dt", { text: term }), Array.isArray(value)
      ? h("dd", {}, value.map((line) => h("span", { class: "block", text: line })))
      : h("dd", { text: value }));
}

function planSection(o, r) {
  const { ctx, now, priceText } = o;
  const { t, fmt } = ctx;
  const a = r.answer;
  if (!a) return h("section", { class: "offer__section" }, h("h3", { text: planName(ctx, r.plan) }), h("p", { class: "error", text: errorWords(t, r.error) }));
  const ent = a.family === "care-enterprise";
  const p = ent ? "en." : "";
  const verdict = [t(a.eligible ? "buy.yes" : "buy.no")];
  if (a.eligible && a.route) verdict.push(t(`${p}route.${a.route}`));
  if (a.closed) verdict.push(t(`${p}reason.${a.closed.reason}`));
  const rows = [
    fact(t("offer.price"), priceText(a.price)),
    fact(t("offer.eligibility"), verdict),
    a.window ? fact(t("deadline"), `${fmt.instant(a.deadline)} — ${t("offer.window", { hours: a.window.hours })}`) : null,
    a.service ? fact(t("service"), fmt.period(a.service)) : null,
  ];
  if (ent) {
    const g = a.gives;
    if (g.replacements !== null) {
      rows.push(fact(t("en.replacements", { n: g.replacements }), g.replacementFees.map((f, i) => `${t("en.feeN", { n: i + 1 })}: ${fmt.fee(f)}`).join(" / ")));
    }
    if (g.unlimitedWithinLimit) rows.push(fact(t("en.limit"), fmt.fee(g.limit)));
    if (g.warrantyExtensionMonths) rows.push(fact(t("warrantyExt"), t("en.warrantyMonths", { n: g.warrantyExtensionMonths })));
  } else {
    rows.push(fact(t("replacements", { n: a.replacements }),
      a.flyaway === "yes" ? t("flyawayMax", { n: a.flyawayMax }) : t(`flyaway.${a.flyaway}`)));
    rows.push(fact(t("replacementFee"), fmt.fee(a.fees.replacement)));
    if (a.flyaway === "yes") rows.push(fact(t("flyawayFee"), fmt.fee(a.fees.flyaway)));
    if (a.warrantyExtension) rows.push(fact(t("warrantyExt"), fmt.period(a.warrantyExtension)));
  }
  const alt = a.closed?.alternative;
  const conditions = ent ? [
    a.gives.sharedLimit ? t("en.shared") : null,
    a.gives.mode === "repair-only-with-loaner" ? t("en.repairOnly") : null,
    ...a.conditions.map((c) => t(`en.cond.${c}`)), ...a.notes.map((n) => t(`en.note.${n}`)),
  ].filter(Boolean) : [];
  return h("section", { class: "offer__section", part: "offer-section" },
    h("h3", { text: planName(ctx, r.plan) }),
    h("dl", { class: "facts" }, rows),
    alt ? h("div", { class: "route" },
      h("h4", { text: t("alt.heading") }),
      h("ol", {}, t(`${p}alt.steps`, { hours: alt.hours }).map((s) => h("li", { text: s })))) : null,
    conditions.length ? h("div", {}, h("h4", { text: t("offer.conditions") }), h("ul", { class: "plain" }, conditions.map((text) => h("li", { text })))) : null);
}

function termsSection(o) {
  const { ctx, results, product } = o;
  const { t } = ctx;
  const ok = results.filter((r) => r.answer).map((r) => r.answer);
  const files = [product.source, ...ok.flatMap((a) => a.edition?.sources ?? [])];
  const seen = new Set();
  const docs = files.filter((f) => {
    const key = String(f).slice(0, 3);
    if (!f || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rules = [...new Set(ok.flatMap((a) => a.rules))];
  return h("section", { class: "offer__section", part: "offer-section" },
    h("h3", { text: t("offer.terms") }),
    h("ul", { class: "sources" }, docs.map((file) => {
      const doc = t.source(file);
      if (!doc) return h("li", { text: file });
      const title = doc.url
        ? h("a", { href: doc.url, target: "_blank", rel: "noopener noreferrer", part: "source-link", text: doc.title })
        : h("cite", { text: doc.title });
      return h("li", {}, title, h("span", { class: "muted", text: ` — ${doc.by}` }));
    })),
    h("h4", { text: t("rules") }),
    h("ul", { class: "rules" }, rules.map((id) => h("li", {}, h("span", { class: "rule-id", text: id }), " ", t.rule(id) ?? ""))));
}
