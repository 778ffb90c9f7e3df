/** A calendar date `YYYY-MM-DD` (Japan date, RULES.md T-1). */
export type DateString = string;
/** An RFC 3339 instant with an offset, e.g. `2026-11-20T10:00:00+09:00`. Answers give Japan time. */
export type InstantString = string;
/** A decimal amount as a string, e.g. `"85800"` (never a float). */
export type DecimalString = string;
/** A rule id of RULES.md, e.g. `"CR-3"`. */
export type RuleId = string;

export type PlanId = "care-refresh-1y" | "care-refresh-2y" | "enterprise-basic" | "enterprise-plus"
  | "enterprise-basic-renew" | "enterprise-plus-renew";
export type Family = "care-refresh" | "care-enterprise";
export type Category = "drone" | "handheld" | "gimbal-camera" | "accessory";
export type FlyawayOffer = "yes" | "no" | "unknown";
export type Currency = "JPY";

/** A price or fee: published with its amount, not published in the sources, or not offered. */
export type Fee =
  | { status: "published"; amount: DecimalString; currency: Currency }
  | { status: "not-published" }
  | { status: "not-offered" };

export interface Names { ja: string; en: string }
/** Calendar dates, both ends included: from 0:00 of `start` to 24:00 of `end`, Japan time. */
export interface Period { start: DateString; end: DateString }
/** A window of exact hours (T-3, T-5); the answer's `deadline` is the last instant inside. */
export interface Window { opensAt: InstantString; hours: number }

export interface Plan { id: PlanId; family: Family; months: number; name: Names; sources: string[] }

/** What both Care Refresh plans give besides replacements (CR-8, CR-9, CR-11). */
export interface Coverage {
  shippingPaidByDji: boolean; waterDamageCovered: boolean; warrantyRepairsUseReplacements: boolean;
  /** What a flyaway replacement needs; empty when flyaway is not offered. */
  flyawayConditions: string[];
  /** What a flyaway replacement never covers. */
  flyawayExclusions: string[];
}
export interface RefreshTerms {
  price1y: Fee; price2y: Fee; exchangeFee: Fee; flyaway: FlyawayOffer; flyawayFee: Fee; coverage: Coverage;
}
export interface EnterpriseTerms {
  basicPrice: Fee; basicFee1: Fee; basicFee2: Fee; basicRenewPrice: Fee; basicRenewFee: Fee;
  plusPrice: Fee; plusLimit: Fee; plusRenewPrice: Fee; plusRenewLimit: Fee;
  plusMode: "replace-or-repair" | "repair-only-with-loaner";
}
export type Terms = { careRefresh: RefreshTerms } | { careEnterprise: EnterpriseTerms };

export interface Product {
  /** Id exactly as in the spec's CSV, e.g. `dji-mavic-3`. */
  id: string; family: Family; name: Names; category: Category;
  /** The plans this product can take. */
  plans: PlanId[];
  /** The seed document its row is read from. */
  source: string;
  terms: Terms;
}

export interface Allowance { replacements: number; flyawayMax: number }
export interface ExtensionTerms { plan: PlanId; afterExpiryDays: number; months: number; maxTotalMonths: number }
/** An edition of the Care Refresh terms, for plans bought on Japan dates in [effectiveFrom, effectiveUntil). */
export interface Edition {
  id: string; effectiveFrom: DateString | null; effectiveUntil: DateString | null;
  droneWindowHours: number; handheldWindowHours: number; invitationWindowHours: number;
  plans: Record<string, Allowance>; extension: ExtensionTerms | null; sources: string[]; summary: Names;
}

export interface Catalog {
  region: "JP"; currency: Currency; plans: Plan[]; products: Product[]; editions: Edition[];
}

export interface BuyRequest {
  plan: PlanId | string;
  product: string;
  /** When the product was activated; absent or null when new and not activated. */
  activatedAt?: InstantString | null;
  /** When DJI's invitation e-mail arrived after an inspection or repair (CR-4). */
  invitationAt?: InstantString | null;
  /** `separate` (default): the plan starts on the day of purchase; `with-product`: two days after shipping. */
  channel?: "separate" | "with-product" | null;
  /** Needed with `channel: "with-product"`. */
  shippingDate?: DateString | null;
  /** Region of purchase (CR-5), ISO code; `JP` by default. */
  region?: string | null;
  /** "Now": the instant of purchase. */
  now: InstantString;
}

export type Route = "not-activated" | "within-window" | "invitation";
export type ClosedReason = "window-closed" | "invitation-window-closed" | "region-not-priced" | "region-not-sold";
export interface Alternative { route: Route; rule: RuleId; step: "paid-inspection-or-repair-at-dji-support"; hours: number }
export interface Closed { reason: ClosedReason; alternative: Alternative | null }
export interface EditionRef { id: string; sources: string[] }

export interface BuyAnswer {
  plan: PlanId; product: string;
  eligible: boolean;
  route: Route | null;
  window: Window | null;
  deadline: InstantString | null;
  closed: Closed | null;
  price: Fee;
  fees: { replacement: Fee; flyaway: Fee };
  replacements: number; flyawayMax: number; flyaway: FlyawayOffer;
  service: Period | null;
  warrantyExtension: Period | null;
  edition: EditionRef;
  rules: RuleId[];
}

export type ClaimKind = "replacement" | "flyaway" | "warranty-repair";
export interface ClaimRequest { kind: ClaimKind; date: DateString }

export interface StatusRequest {
  plan: PlanId | string;
  product: string;
  /** Service start date of the plan held. */
  start: DateString;
  /** Japan date of purchase, for the edition of the terms; the start date by default. */
  boughtOn?: DateString | null;
  /** Earlier plans of the chain, oldest first, e.g. `["care-refresh-2y"]` (CR-14). */
  chain?: PlanId[];
  claims?: ClaimRequest[];
  now: InstantString;
}

export interface Count { given: number; used: number; left: number }
export type ExtensionStatus = "available" | "not-started" | "window-closed" | "chain-at-maximum" | "not-in-edition";
export interface Extension {
  possible: boolean; status: ExtensionStatus; plan: PlanId | null; period: Period | null;
  buyUntil: DateString | null; price: Fee; totalMonthsAfter: number | null;
}

export interface StatusAnswer {
  plan: PlanId; product: string;
  state: "not-started" | "active" | "expired";
  active: boolean;
  period: Period;
  replacements: Count; flyaway: Count; flyawayOffered: FlyawayOffer;
  warrantyRepairs: number;
  nextReplacementFee: Fee; nextFlyawayFee: Fee;
  warrantyExtension: Period | null;
  extension: Extension;
  edition: EditionRef;
  rules: RuleId[];
}

export type ErrorCode =
  | "invalid_json" | "invalid_request" | "unknown_field" | "unknown_plan" | "unknown_product"
  | "product_not_in_family" | "plan_not_offered" | "invalid_instant" | "invalid_date" | "invalid_value"
  | "activation_after_now" | "invitation_before_activation" | "invitation_after_now" | "missing_field"
  | "too_many_claims" | "flyaway_not_offered" | "claim_outside_period" | "claim_after_now"
  | "invalid_chain" | "out_of_range" | "internal";

/** What every function throws on bad input: a real `Error` with a stable `code`. */
export interface CoverageCalcError extends Error { name: "CoverageCalcError"; code: ErrorCode }
