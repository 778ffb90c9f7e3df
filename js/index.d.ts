// Types of the package's JavaScript API (`import … from "coverage-calc"`, browser and node alike).
// Hand-written over the request and answer types of src/types.d.ts (copied to pkg/types.d.ts):
// unlike wasm-bindgen's generated coverage_calc.d.ts they need no DOM lib (no Response, URL,
// RequestInfo, BufferSource or WebAssembly types), and `buy`/`status` have overloads, so a Care
// Refresh request is typed as the Care Refresh answer and an Enterprise request as the Enterprise
// answer.

import type {
  ApiFunction,
  BuyAnswer,
  BuyRequest,
  Catalog,
  CompareAnswer,
  CompareRequest,
  EnterpriseBuyAnswer,
  EnterpriseBuyRequest,
  EnterpriseStatusAnswer,
  EnterpriseStatusRequest,
  ErrorCode as ContractErrorCode,
  IproAnswer,
  IproRequest,
  PlusContractAnswer,
  PlusContractRequest,
  StatusAnswer,
  StatusRequest,
} from "./types.js";

export type * from "./types.js";

/** The plans of DJI Care Refresh (their requests are `BuyRequest` / `StatusRequest`). */
export type CareRefreshPlanId = "care-refresh-1y" | "care-refresh-2y";

/**
 * Every error code: those of the JSON contract, `not_initialised` (a function called before
 * `init()`) and `wasm_not_loaded` (`init()` could not load the .wasm; the original error is `cause`).
 */
export type ErrorCode = ContractErrorCode | "not_initialised" | "wasm_not_loaded";

/**
 * What every function throws on bad input: a real `Error` with a stable `code` and the `field`
 * it concerns, a path into the request (`claims[2].date`), or `null` when it concerns the request
 * as a whole (and for `not_initialised`, `wasm_not_loaded`). Mark the input from `field`; never
 * parse `message`.
 */
export interface CoverageCalcError extends Error {
  name: "CoverageCalcError";
  code: ErrorCode;
  field: string | null;
}

/**
 * Where `init()` finds the WebAssembly: a URL (a string, or a `URL` object: anything with an
 * `href`) to fetch, a `Response` or `Request`, the bytes (`ArrayBuffer`, a typed array, node's
 * `Buffer`), or a compiled `WebAssembly.Module` (typed as `object`, so no DOM lib is needed).
 */
export type WasmSource = string | { readonly href: string } | ArrayBuffer | ArrayBufferView | object;

/**
 * Loads the .wasm, once for the whole page (the widget uses the same instance). By default it
 * fetches `coverage_calc_bg.wasm` next to the module (`new URL(…, import.meta.url)`). In node the
 * package is already initialised on import, so this resolves at once.
 */
export default function init(options?: { module_or_path?: WasmSource | PromiseLike<WasmSource> }): Promise<void>;
/** Instantiates the .wasm synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(options: { module: ArrayBuffer | ArrayBufferView | object }): void;
/** Whether the .wasm is loaded. */
export function isInitialised(): boolean;

/** Every product, plan, edition and the terms (`catalog()`). */
export function catalog(): Catalog;

/** Can this plan still be bought for this product (DJI Care Enterprise: EN-1 … EN-11)? */
export function buy(request: EnterpriseBuyRequest): EnterpriseBuyAnswer;
/** Can this plan still be bought for this product (DJI Care Refresh: CR-1 … CR-7)? */
export function buy(request: BuyRequest & { plan: CareRefreshPlanId }): BuyAnswer;
/** A request whose plan is not known statically: either answer (narrow with `"family" in answer`). */
export function buy(request: BuyRequest | EnterpriseBuyRequest): BuyAnswer | EnterpriseBuyAnswer;

/** A DJI Care Enterprise plan held: what is left, the limit, the Renew window. */
export function status(request: EnterpriseStatusRequest): EnterpriseStatusAnswer;
/** A DJI Care Refresh plan held: replacements left, next fees, the extension window. */
export function status(request: StatusRequest & { plan: CareRefreshPlanId }): StatusAnswer;
/** A request whose plan is not known statically: either answer (narrow with `"family" in answer`). */
export function status(request: StatusRequest | EnterpriseStatusRequest): StatusAnswer | EnterpriseStatusAnswer;

/** A DJI Care Enterprise Plus shared-limit contract. */
export function plusContract(request: PlusContractRequest): PlusContractAnswer;
/** DJI Care Enterprise Basic vs Plus for a product or a fleet (EN-13). */
export function compare(request: CompareRequest): CompareAnswer;
/** The i-PRO warranty of a product (IP-1 … IP-6). */
export function ipro(request: IproRequest): IproAnswer;
/** The same functions with JSON text in and out. */
export function callJson(name: ApiFunction, request: string): string;
