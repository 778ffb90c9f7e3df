// Compare mode (sales): DJI Care Enterprise Basic vs Plus side by side, and what the customer pays
// against the number of incidents with the break-even (EN-13). It needs the package's `compare`
// function (the Enterprise issue); until the package has it, the widget says the mode is not
// available in this version instead of failing.
//
// To plug the view in: replace `create` below with a form (products × units, incidents, repair
// cost) that calls `ctx.api.compare(request)` and renders the answer (an SVG chart built with
// document.createElementNS, never markup strings), then `ctx.emit({mode: "compare", …})`.

import { h } from "./coverage-calc-util.js";

export default {
  name: "compare",
  requires: ["compare"],
  /** @param {any} ctx */
  create(ctx) {
    const el = h("div", { class: "mode mode--compare" },
      h("h2", { class: "heading", part: "heading", text: ctx.t("mode.compare") }),
      h("p", { class: "notice", part: "notice", text: ctx.t("unavailable", { mode: ctx.t("mode.compare") }) }));
    return { el, tick: () => {}, refresh: () => {} };
  },
};
