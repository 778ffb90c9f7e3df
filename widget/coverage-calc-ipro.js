// i-PRO mode: the warranty and the Partners Circle five-year timeline with "now" (IP-1 … IP-6).
// It needs the package's `ipro` function (the i-PRO issue); until the package has it, the widget
// says the mode is not available in this version instead of failing.
//
// To plug the view in: replace `create` below with a form (kind, delivery date, Partners Circle,
// 5-year list, used in Japan, what failed) that calls `ctx.api.ipro(request)` and renders the
// five-year timeline, then `ctx.emit({mode: "ipro", …})`.

import { h } from "./coverage-calc-util.js";

export default {
  name: "ipro",
  requires: ["ipro"],
  /** @param {any} ctx */
  create(ctx) {
    const el = h("div", { class: "mode mode--ipro" },
      h("h2", { class: "heading", part: "heading", text: ctx.t("mode.ipro") }),
      h("p", { class: "notice", part: "notice", text: ctx.t("unavailable", { mode: ctx.t("mode.ipro") }) }));
    return { el, tick: () => {}, refresh: () => {} };
  },
};
