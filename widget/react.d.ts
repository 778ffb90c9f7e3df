// React's JSX for <coverage-calc> (React 19: custom elements get attributes, and `on<event>` props
// as event listeners): `import "coverage-calc/widget/react"` instead of "coverage-calc/widget" in a
// React app. Only this entry needs @types/react.

import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { CoverageCalcAttributes, CoverageCalcElement, CoverageChangeEvent, CoverageSelectEvent } from "./coverage-calc.js";

export * from "./coverage-calc.js";

/** The props of `<coverage-calc>` in JSX. */
export interface CoverageCalcProps
  extends Omit<DetailedHTMLProps<HTMLAttributes<CoverageCalcElement>, CoverageCalcElement>, "lang">,
    CoverageCalcAttributes {
  /** The `coverage-change` event (React 19 adds it as a listener). */
  "oncoverage-change"?: (event: CoverageChangeEvent) => void;
  /** Offer mode: the `coverage-select` event (the plan picked, or null). */
  "oncoverage-select"?: (event: CoverageSelectEvent) => void;
}

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "coverage-calc": CoverageCalcProps;
    }
  }
}
