// Types of the widget <coverage-calc> (`import "coverage-calc/widget"`): the element class, its
// attributes as properties, the `coverage-change` event's detail, and the DOM's tag and event maps.
// Importing the module defines the element (in a browser; in node it defines nothing).
// React's JSX: `import "coverage-calc/widget/react"` (./react.d.ts).

import type {
  BuyAnswer,
  CompareAnswer,
  EnterpriseBuyAnswer,
  EnterpriseStatusAnswer,
  ErrorCode,
  IproAnswer,
  IproKind,
  PlanId,
  PlusContractAnswer,
  StatusAnswer,
} from "./index.js";

/**
 * What the widget answers. `buy` and `status` show a DJI Care Enterprise product in the Enterprise
 * views (`enterprise-buy`, `enterprise-status`); each lists only its family's products.
 */
export type CoverageCalcMode = "buy" | "status" | "enterprise-buy" | "enterprise-status" | "contract" | "compare" | "ipro"
  /** A product page's compact plan offer (not a tab of the calculator page): `coverage-select`, `value`. */
  | "offer";
export type CoverageCalcLang = "ja" | "en";

/** What an answer-less event says went wrong: an API error code, `input` (a field the form rejected), `not_available`. */
export type CoverageChangeError = ErrorCode | "input" | "not_available";

interface DetailBase {
  /** The language the widget shows. */
  lang: CoverageCalcLang;
  /** Set when there is no answer because the input is not valid (or the mode is not available). */
  error?: CoverageChangeError;
  /** With `error`: the request field it concerns when that is not a control of the form (`now`: the attribute). */
  field?: string;
  /** The form of the mode shown, as JSON: give it back as the `inputs` attribute to reopen the same answer. */
  inputs?: string;
  /**
   * With `inputs`: the mode's untouched form under the element's attributes, as JSON. A page's link
   * can keep only the fields of `inputs` that differ from it: the `inputs` attribute fills in the rest.
   * Absent in offer mode.
   */
  defaults?: string;
  /** The answer (or the errors) in one line, as the widget announces it: for a page's own summary bar. */
  summary?: string;
}
/** `buy` mode: `answer` is the answer for the plan chosen, `answers` those of every plan offered. */
export interface CoverageChangeBuyDetail extends DetailBase {
  mode: "buy";
  product: string | null;
  plan: PlanId | string | null;
  eligible?: boolean | null;
  answer: BuyAnswer | EnterpriseBuyAnswer | null;
  answers: (BuyAnswer | EnterpriseBuyAnswer)[];
}
/** `status` mode: the answer for the plan held. */
export interface CoverageChangeStatusDetail extends DetailBase {
  mode: "status";
  product: string | null;
  plan: PlanId | string | null;
  answer: StatusAnswer | EnterpriseStatusAnswer | null;
}
/** `enterprise-buy` (also `buy` mode on an Enterprise product): the answer for the plan chosen (Basic, Plus) or the Renew asked. */
export interface CoverageChangeEnterpriseBuyDetail extends DetailBase {
  mode: "enterprise-buy";
  product: string | null;
  plan: PlanId | string | null;
  eligible?: boolean | null;
  answer: EnterpriseBuyAnswer | null;
  answers: EnterpriseBuyAnswer[];
}
/** `enterprise-status` (also `status` mode on an Enterprise product): the answer for the plan held. */
export interface CoverageChangeEnterpriseStatusDetail extends DetailBase {
  mode: "enterprise-status";
  product: string | null;
  plan: PlanId | string | null;
  answer: EnterpriseStatusAnswer | null;
}
/** `contract` mode: a DJI Care Enterprise Plus contract and its shared limit. */
export interface CoverageChangeContractDetail extends DetailBase {
  mode: "contract";
  answer: PlusContractAnswer | null;
}
/** `compare` mode: Basic vs Plus for the fleet. */
export interface CoverageChangeCompareDetail extends DetailBase {
  mode: "compare";
  answer: CompareAnswer | null;
}
/** `ipro` mode: the i-PRO warranty answer. */
export interface CoverageChangeIproDetail extends DetailBase {
  mode: "ipro";
  kind: IproKind | null;
  answer: IproAnswer | null;
}
/** `offer` mode: `answer` is the answer for the plan picked (null for "No plan"), `answers` those of every plan offered. */
export interface CoverageChangeOfferDetail extends DetailBase {
  mode: "offer";
  product: string | null;
  plan: PlanId | string | null;
  eligible?: boolean | null;
  answer: BuyAnswer | EnterpriseBuyAnswer | null;
  answers: (BuyAnswer | EnterpriseBuyAnswer)[];
}
/** The `detail` of a `coverage-change` event (narrow on `mode`). */
export type CoverageChangeDetail =
  | CoverageChangeBuyDetail
  | CoverageChangeStatusDetail
  | CoverageChangeEnterpriseBuyDetail
  | CoverageChangeEnterpriseStatusDetail
  | CoverageChangeContractDetail
  | CoverageChangeCompareDetail
  | CoverageChangeIproDetail
  | CoverageChangeOfferDetail;

export type CoverageChangeEvent = CustomEvent<CoverageChangeDetail>;

/**
 * The plan a shopper picked in `offer` mode: its id, its display name in the widget's language
 * (what a cart shows), its price in whole yen (null when DJI publishes none) and currency.
 */
export interface CoverageSelection {
  plan: PlanId;
  name: string;
  price: number | null;
  currency: "JPY" | null;
}
/** `coverage-select` (offer mode): the plan picked, or null for "No plan". Not dispatched before a pick. */
export type CoverageSelectEvent = CustomEvent<CoverageSelection | null>;

/** The attributes of `<coverage-calc>` (all optional, all strings in HTML). */
export interface CoverageCalcAttributes {
  /** A catalog product id (`catalog().products[].id`); in `ipro` mode an i-PRO kind. */
  product?: string;
  /** Plan ids separated by spaces or commas: the plans to offer. */
  plans?: string;
  mode?: CoverageCalcMode;
  lang?: CoverageCalcLang;
  /** An RFC 3339 instant (or `YYYY-MM-DD HH:MM`, Japan time) that pins "now". */
  now?: string;
  /**
   * The form of the mode shown, as JSON (`detail.inputs` of an earlier `coverage-change`): a shared
   * link reopens the same answer. A field left out keeps its untouched value (`detail.defaults`), a
   * row's field that of the list's untouched first row; a boolean field also takes `"true"`, `"false"`.
   */
  inputs?: string;
  /** Where the .wasm is; read when the first element connects. */
  "wasm-url"?: string;
}

/** The element `<coverage-calc>`. Each attribute is also a property (null when absent; `lang` as on every element). */
export declare class CoverageCalcElement extends HTMLElement {
  /**
   * Where the .wasm is (for a CDN, or a bundler that does not follow `new URL(…, import.meta.url)`):
   * set before the first element connects; it names the module of every element (loaded through
   * the full API). null (default): the first element's `wasm-url`, else
   * `coverage_calc_care_refresh_bg.wasm` for an element that shows only Care Refresh and
   * `coverage_calc_bg.wasm` for the others, next to the widget's module.
   */
  static wasmUrl: string | { readonly href: string } | null;
  static readonly observedAttributes: string[];
  /**
   * The widget's words for `lang`: `words("en")("mode.buy")`; a page's tabs and its `page.*` words.
   * Each language's words are a chunk of their own: before they are loaded (`loadWords`, or an
   * element in that language), a key gives itself back.
   */
  static words(lang: CoverageCalcLang | (string & {})): (key: string, params?: Record<string, unknown>) => string;
  /** Loads the words of `lang` (once) and resolves to `words(lang)`. */
  static loadWords(lang: CoverageCalcLang | (string & {})): Promise<(key: string, params?: Record<string, unknown>) => string>;
  /** The modes in the order a page shows them, with the family of their products. */
  static readonly modes: { mode: CoverageCalcMode; family: "care-refresh" | "care-enterprise" | "ipro" }[];
  product: string | null;
  plans: string | null;
  mode: CoverageCalcMode | (string & {}) | null;
  /** HTMLElement's own `lang` (the `lang` attribute, "" when absent): `ja` (default) or `en`. */
  lang: CoverageCalcLang | (string & {});
  now: string | null;
  inputs: string | null;
  wasmUrl: string | null;
  /** The last `coverage-change` detail, or null. */
  readonly answer: CoverageChangeDetail | null;
  /** Offer mode: the plan picked (the last `coverage-select` detail), or null ("No plan", the default). */
  readonly value: CoverageSelection | null;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: CoverageCalcElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: CoverageCalcElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "coverage-calc": CoverageCalcElement;
  }
  interface HTMLElementEventMap {
    "coverage-change": CoverageChangeEvent;
    "coverage-select": CoverageSelectEvent;
  }
}
