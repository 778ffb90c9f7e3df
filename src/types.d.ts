/** A calendar date `YYYY-MM-DD` (Japan date, RULES.md T-1). */
export type DateString = string;
/** An RFC 3339 instant with an offset, e.g. `2026-11-20T10:00:00+09:00`. Answers give Japan time. */
export type InstantString = string;
/** A decimal amount as a string, e.g. `"85800"` (never a float). */
export type DecimalString = string;
/** A rule id of RULES.md, e.g. `"CR-3"`. */
export type RuleId = string;

export type PlanId = "care-refresh-1y" | "care-refresh-2y" | "enterprise-basic" | "enterprise-plus"
  | "enterprise-basic-renew" | "enterprise-plus-renew" | "ipro-warranty" | "ipro-partners-5y";
export type Family = "care-refresh" | "care-enterprise" | "ipro";
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
  /** The i-PRO terms (IP-1 … IP-6), by product kind. */
  ipro: IproTerms;
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
  | "invalid_chain" | "out_of_range" | "unknown_kind" | "delivery_after_now" | "internal";

/** What every function throws on bad input: a real `Error` with a stable `code`. */
export interface CoverageCalcError extends Error { name: "CoverageCalcError"; code: ErrorCode }

// ------------------------------------------------------------------ i-PRO (RULES.md IP-1 … IP-6)

/** An i-PRO product kind; `non-repairable`: mounts, brackets, SD cards. */
export type IproKind = "camera" | "recorder" | "accessory" | "non-repairable";
/** What failed: the unit (hardware), a recorder's HDD, or software (a software fix). */
export type IproFailure = "unit" | "hdd" | "software";
/** Replacement unit (代替品交換), pick-up repair (引き取り修理), on-site repair (出張修理). */
export type IproForm = "replacement-unit" | "pick-up" | "on-site";
export type IproOnSite = "included" | "extra-cost" | "not-offered";
export type IproPayer = "partner" | "ipro";
export type IproPhase = "product-warranty" | "partners-5y" | "expired" | "not-covered";
export type IproNotCoveredReason = "kind-not-warranted" | "outside-japan";
export type IproPartnersReason = "kind-not-eligible" | "outside-japan" | "not-member" | "not-on-list";
export type IproNotFree = "expired" | "hdd-not-covered" | "software-not-covered" | "outside-japan" | "not-repairable";

/** What a kind gets in one phase. */
export interface IproService {
  forms: IproForm[]; onSite: IproOnSite;
  /** Recorders only; `null` for kinds without an HDD. */
  hddCovered: boolean | null;
  softwareCovered: boolean;
}
export interface IproKindTerms {
  id: IproKind; name: Names;
  productWarranty: boolean; partners: boolean; repairable: boolean; hasHdd: boolean; formsDependOnModel: boolean;
  /** `null` for a phase the kind does not have; `paid`: a repair after the warranty. */
  service: { "product-warranty": IproService | null; "partners-5y": IproService | null; paid: IproService | null };
}
export interface IproShipping { toIpro: IproPayer; back: IproPayer }
export interface IproTerms {
  sources: string[];
  productWarranty: { plan: "ipro-warranty"; months: number };
  partners: { plan: "ipro-partners-5y"; startsAfterMonths: number; months: number };
  kinds: IproKindTerms[];
  shipping: IproShipping;
  onSiteArea: { area: "all-japan"; remoteAreasExtraTravelCost: boolean };
  proof: "delivery-note"; requestThrough: "partner"; fallback: "ipro-inquiry-form";
  exclusions: { id: string; name: Names }[];
}

export interface IproRequest {
  kind: IproKind | string;
  /** The end user's delivery date (納品日), a Japan date; not after today. */
  deliveryDate: DateString;
  /** Sold to a Partners Circle member (IP-2). Needed only in years 2 to 5 (else `missing_field`). */
  partnersCircleMember?: boolean | null;
  /** The model is on i-PRO's 5-year list (IP-2). Needed only in years 2 to 5 for a member. */
  onFiveYearList?: boolean | null;
  /** Sold and used in Japan (IP-1). Needed for every kind but `non-repairable`. */
  inJapan?: boolean | null;
  /** What failed; `unit` by default. `hdd` only for a recorder. */
  failed?: IproFailure | null;
  now: InstantString;
}

export interface IproRepair {
  paid: boolean;
  /** The usual form first; empty when the product cannot be repaired. */
  forms: IproForm[];
  formsDependOnModel: boolean;
  onSite: IproOnSite;
  remoteAreasExtraTravelCost: boolean;
  /** Cannot be repaired: buy it again (IP-6). */
  rebuy: boolean;
}

export interface IproAnswer {
  kind: IproKind; deliveryDate: DateString;
  /** The Japan date of `now`. */
  today: DateString;
  failed: IproFailure;
  phase: IproPhase;
  /** Why there is no warranty at all (phase `not-covered`); empty otherwise. */
  notCovered: IproNotCoveredReason[];
  productWarranty: { plan: "ipro-warranty"; period: Period; applies: boolean };
  partners5y: {
    plan: "ipro-partners-5y"; period: Period;
    /** `null` when an answer that decides it was not given. */
    eligible: boolean | null;
    notEligible: IproPartnersReason[];
  };
  /** The five years since delivery (12 months each, T-2), for a timeline. */
  years: Period[];
  /** Whether this repair is free now, subject to the exclusions. */
  freeRepair: boolean;
  notFree: IproNotFree | null;
  /** `null` outside Japan (the Japanese terms do not say). */
  repair: IproRepair | null;
  /** Recorders only: whether the HDD is covered now. */
  hddCovered: boolean | null;
  /** Who pays shipping each way, when the unit is sent. */
  shipping: IproShipping | null;
  /** The proof of the delivery date, during a warranty. */
  proof: "delivery-note" | null;
  requestThrough: "partner";
  fallback: "ipro-inquiry-form";
  /** Ids of the exclusions (IP-4) to check; words in `catalog().ipro.exclusions`. */
  exclusions: string[];
  rules: RuleId[];
}
