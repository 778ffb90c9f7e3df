// A page's code using the widget's types: the element, its properties, its event's detail.
import { CoverageCalcElement, type CoverageChangeDetail, type CoverageSelection } from "coverage-calc/widget";
import type { BuyAnswer } from "coverage-calc";

CoverageCalcElement.wasmUrl = "/static/coverage_calc_bg.wasm";

export function mount(parent: HTMLElement): CoverageCalcElement {
  const el = document.createElement("coverage-calc");
  const same: CoverageCalcElement = el;
  el.product = "dji-mini-4-pro";
  el.mode = "status";
  el.lang = "en";
  el.plans = "care-refresh-1y care-refresh-2y";
  el.addEventListener("coverage-change", (event) => {
    const detail: CoverageChangeDetail = event.detail;
    if (detail.mode === "buy" && detail.answer !== null && !("family" in detail.answer)) {
      const answer: BuyAnswer = detail.answer;
      console.log(answer.replacements, detail.answers.length);
    } else if (detail.mode === "ipro") {
      console.log(detail.kind, detail.answer?.phase);
    } else if (detail.error !== undefined) {
      console.log(detail.error);
    }
    // A link keeps the fields that differ from the untouched form.
    const form: string | undefined = detail.inputs, untouched: string | undefined = detail.defaults;
    void form, untouched;
  });
  // Offer mode: the plan a shopper picked, by name for the cart (null: "No plan").
  el.addEventListener("coverage-select", (event) => {
    const picked: CoverageSelection | null = event.detail;
    if (picked !== null) console.log(picked.name, picked.price ?? "on request", el.value?.plan);
  });
  const found = document.querySelector("coverage-calc");
  const last: CoverageChangeDetail | null = found?.answer ?? null;
  void last, same;
  // @ts-expect-error: no such mode
  const mode: CoverageChangeDetail["mode"] = "refund";
  void mode;
  parent.append(el);
  return el;
}
