/** A calendar date `YYYY-MM-DD` (Japan date, docs/rules.md T-1). */
export type DateString = string;
/** An RFC 3339 instant with an offset, e.g. `2026-11-20T10:00:00+09:00`. Answers give Japan time. */
export type InstantString = string;
/** A decimal amount as a string, e.g. `"85800"` (never a float). */
export type DecimalString = string;
/** A rule id of the rule book (docs/rules.md), e.g. `"CR-3"`. */
export type RuleId = string;
/** The functions of the JSON contract, by their JavaScript names (for `callJson`). */
export type ApiFunction = "catalog" | "buy" | "status" | "plusContract" | "compare" | "ipro";

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

/** The windows and counts of DJI Care Enterprise (EN-1 … EN-12), from `data/care_enterprise_terms.json`. */
export interface EnterpriseRules {
  activationWindowHours: number; invitationWindowHours: number; months: number;
  basicReplacements: number; basicRenewReplacements: number; basicRenewWarrantyExtensionMonths: number;
  shareWithinDays: number; plusRenewMinSharePercent: number;
  specialWithoutVideoDays: number; specialWithVideoDays: number; reminderDaysBefore: number[];
  sources: string[];
}

export interface Catalog {
  region: "JP"; currency: Currency; plans: Plan[]; products: Product[]; editions: Edition[];
  enterprise: EnterpriseRules;
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
  buyUntil: DateString | null;
  /** Whole days from today (Japan date of `now`) to `buyUntil`, 0 on that day; null unless `possible`. */
  daysLeft: number | null;
  price: Fee; totalMonthsAfter: number | null;
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
  /** Expired with replacements left: they can no longer be used on this plan (lead with the extension, not "Expired"). */
  leftNoLongerUsable: boolean;
  extension: Extension;
  edition: EditionRef;
  rules: RuleId[];
}

// ------------------------------------------------------------------ DJI Care Enterprise (EN-1 … EN-13)

/** Money in an answer: an exact decimal string with its currency. */
export interface Money { amount: DecimalString; currency: Currency }
/** Whole yen in a request: a decimal string (`"85800"`) or a whole number; never negative. */
export type YenInput = DecimalString | number;

export type EnterprisePlanId = "enterprise-basic" | "enterprise-plus" | "enterprise-basic-renew" | "enterprise-plus-renew";
export type PlusMode = "replace-or-repair" | "repair-only-with-loaner";

/** `buy` for Basic and Plus (EN-1): new, 96 h after activation, or 72 h after the invitation e-mail. */
export interface EnterpriseBuyNewRequest {
  plan: "enterprise-basic" | "enterprise-plus";
  product: string;
  activatedAt?: InstantString | null;
  invitationAt?: InstantString | null;
  /** Region of purchase (EN-2), `JP` by default. */
  region?: string | null;
  now: InstantString;
}
/** `buy` for a Renew plan (EN-8 … EN-11): the plan held, and the video inspection 8–30 days after expiry. */
export interface EnterpriseBuyRenewRequest {
  plan: "enterprise-basic-renew" | "enterprise-plus-renew";
  product: string;
  /** The Basic (for Basic Renew) or Plus (for Plus Renew) plan held. */
  held: {
    start: DateString;
    /** Basic: replacements used (default 0). */
    replacementsUsed?: number | null;
    /** Plus: what this product's claims used of its own limit (default 0). */
    claimed?: YenInput | null;
  };
  videoInspectionPassed?: boolean | null;
  region?: string | null;
  now: InstantString;
}
export type EnterpriseBuyRequest = EnterpriseBuyNewRequest | EnterpriseBuyRenewRequest;

/** What an Enterprise plan gives (EN-4, EN-5, EN-7, EN-8). */
export interface EnterpriseGives {
  /** Basic 2, Basic Renew 1; null for Plus (unlimited within the limit). */
  replacements: number | null;
  /** The fee of each replacement in order; empty for Plus. */
  replacementFees: Fee[];
  unlimitedWithinLimit: boolean;
  /** Plus: the limit this product brings; `not-offered` for Basic. */
  limit: Fee;
  sharedLimit: boolean;
  mode: PlusMode | null;
  replacementOffered: boolean;
  loanerOnRequest: boolean;
  warrantyExtensionMonths: number | null;
  replacementUnitsMayShowMarks: boolean;
  shippingPaidByDji: boolean;
  carriesOverPrevious: boolean;
}

export type RenewStage = "not-started" | "while-valid" | "special-without-video" | "special-with-video" | "closed";
export type RenewStatus = "available" | "not-started" | "no-replacement-left" | "own-share-below-threshold"
  | "video-inspection-required" | "window-closed" | "not-offered" | "not-in-sources";
/** A product's own share of its Plus limit (EN-9). `percentLeft` has 2 decimals, rounded toward zero. */
export interface OwnShare {
  limit: Money; used: Money; left: Money; percentLeft: DecimalString; thresholdPercent: number; meetsThreshold: boolean;
}
/** Renew of a plan held (EN-8 … EN-11). */
export interface Renew {
  plan: "enterprise-basic-renew" | "enterprise-plus-renew" | null;
  possible: boolean; status: RenewStatus; stage: RenewStage;
  replacementsLeft: number | null; ownShare: OwnShare | null; conditionMet: boolean;
  /** E, E+7, E+8, E+30 around the expiry date E (T-4). */
  dates: { validUntil: DateString; withoutVideoUntil: DateString; withVideoFrom: DateString; withVideoUntil: DateString };
  /** When `possible`: the last date it stays possible as the request stands (E+30 with a passed video inspection, else E+7); else null. */
  buyUntil: DateString | null;
  /** Whole days from today (Japan date of `now`) to `buyUntil`, 0 on that day; null unless `possible`. */
  daysLeft: number | null;
  videoInspection: "not-needed" | "needed" | "passed";
  /** What a special-handling request needs. */
  needs: ("serial-number" | "video-link" | "plan-wanted")[];
  price: Fee; replacementFee: Fee; limit: Fee;
  /** 1 year from the day after the plan held expires (EN-10). */
  period: Period | null;
}

export type EnterpriseRoute = "not-activated" | "within-window" | "invitation" | "renew" | "special-handling";
export interface EnterpriseBuyAnswer {
  family: "care-enterprise";
  plan: EnterprisePlanId; product: string; category: Category;
  eligible: boolean;
  route: EnterpriseRoute | null;
  window: Window | null;
  deadline: InstantString | null;
  closed: {
    reason: "window-closed" | "invitation-window-closed" | "region-not-priced" | "renew-not-possible";
    alternative: { route: "invitation"; rule: RuleId; step: "repair-at-dji-support"; hours: number } | null;
  } | null;
  price: Fee;
  gives: EnterpriseGives;
  service: Period | null;
  warrantyExtension: Period | null;
  renew: Renew | null;
  conditions: string[];
  notes: string[];
  rules: RuleId[];
}

/** `status` of an Enterprise plan held. Basic claims are `{date}`; Plus claims `{date, amount}`. */
export interface EnterpriseStatusRequest {
  plan: EnterprisePlanId;
  product: string;
  start: DateString;
  claims?: { date: DateString; amount?: YenInput | null }[];
  videoInspectionPassed?: boolean | null;
  now: InstantString;
}
/** A claim applied to a limit (EN-5): covered up to what is left, the rest is the customer's. */
export interface AppliedClaim {
  /** Position in the request (claims are applied in date order). */
  index: number;
  member?: string;
  product: string; date: DateString; amount: Money;
  from: "pool" | "own-limit";
  covered: Money; customerPays: Money; leftAfter: Money;
}
export interface Reminder { daysBefore: number; date: DateString; due: boolean }
export interface EnterpriseStatusAnswer {
  family: "care-enterprise";
  plan: EnterprisePlanId; product: string;
  state: "not-started" | "active" | "expired"; active: boolean; period: Period;
  replacements: Count | null;
  nextReplacementFee: Fee;
  limit: { limit: Fee; used: Money; customerPaid: Money; left: Money | null } | null;
  claims: AppliedClaim[];
  gives: EnterpriseGives;
  warrantyExtension: Period | null;
  /** Expired with replacements (Basic) or limit (Plus) left: no longer usable; Renew does not carry it over. */
  leftNoLongerUsable: boolean;
  renew: Renew;
  reminders: Reminder[];
  rules: RuleId[];
}

/** `plusContract`: a Plus shared-limit contract (EN-5, EN-6, EN-7, EN-9). */
export interface PlusContractRequest {
  /** Japan date of the contract's first activation. */
  activatedOn: DateString;
  owner: string;
  /** Region of purchase, `JP` by default. */
  region?: string | null;
  members?: {
    /** A serial number or a label; `#1`, `#2` … by default. */
    id?: string | null;
    product: string;
    /** Japan date it was associated with the contract. */
    date: DateString;
    /** Default: the contract's owner / region. */
    owner?: string | null; region?: string | null;
    videoInspectionPassed?: boolean | null;
  }[];
  claims?: { member: string; date: DateString; amount: YenInput }[];
  now: InstantString;
}
export interface PlusContractMember {
  id: string; product: string; date: DateString; owner: string; region: string;
  joined: boolean;
  reasons: ("after-share-window" | "other-owner" | "other-region")[];
  period: Period; limit: Money; claims: number; ownShare: OwnShare; customerPaid: Money;
  mode: PlusMode; renew: Renew;
}
export interface PlusContractAnswer {
  family: "care-enterprise"; plan: "enterprise-plus";
  period: Period; state: "active" | "expired";
  /** The last date a product can be associated and join (first activation + 30 days). */
  joinUntil: DateString;
  pool: { members: string[]; limit: Money; used: Money; left: Money };
  members: PlusContractMember[];
  /** In the order applied. */
  claims: AppliedClaim[];
  customerPaid: Money;
  renewPool: { members: string[]; limit: Money };
  reminders: Reminder[];
  rules: RuleId[];
}

/**
 * Figures a dealer quoted for one unit of a product (EN-13), whole yen each; any may be left out.
 * Each is used in place of DJI's figure, published or not, and marked in the answer
 * (`CompareSide.quoted`). A quote for a plan the product does not take is `plan_not_offered`.
 */
export interface CompareQuote {
  basicPrice?: YenInput; plusPrice?: YenInput; plusLimit?: YenInput; basicFee1?: YenInput; basicFee2?: YenInput;
}
export interface CompareFleetLine { product: string; units?: number; quote?: CompareQuote }
/** `compare` (EN-13): a product (`product`, `units`, `quote`) or a fleet (each line with its own `quote`). */
export interface CompareRequest {
  product?: string; units?: number;
  /** With `product` only. */
  quote?: CompareQuote;
  fleet?: CompareFleetLine[];
  /** Compare 0 … this many incidents (at most 1000). */
  incidents: number;
  /** The repair cost of one incident. */
  repairCost: YenInput;
}
export interface CompareMissing {
  product: string; plan: "enterprise-basic" | "enterprise-plus";
  item: "plan-not-offered" | "price" | "replacement-fee-1" | "replacement-fee-2" | "limit";
}
export type CompareItem = "price" | "replacement-fee-1" | "replacement-fee-2" | "limit";
/** A figure that came from a dealer's quote, not DJI's table. */
export interface CompareQuoted {
  /** The fleet line it was quoted on (0 for a single `product`). */
  line: number;
  product: string; plan: "enterprise-basic" | "enterprise-plus"; item: CompareItem;
  /** The quoted figure, per unit. */
  amount: Money;
  /** DJI's published figure it replaces; `null` when DJI publishes none. */
  published: Money | null;
}
export interface CompareSide {
  plan: "enterprise-basic" | "enterprise-plus"; complete: boolean;
  price: Money | null; limit: Money | null; missing: CompareMissing[];
  /**
   * Present only when some figure of this side came from a quote. Mark the side's `price` when an
   * item is `price`, its `limit` when one is `limit`; the rows' `basicIncidents` when a Basic fee is
   * quoted, `plusIncidents` when a limit is; a total when its side has any.
   */
  quoted?: CompareQuoted[];
}
export interface CompareRow {
  incidents: number;
  basicIncidents: Money | null; basicTotal: Money | null; basicReplacements: number; basicRepairsInstead: number;
  plusIncidents: Money | null; plusTotal: Money | null;
  cheaper: "basic" | "plus" | "same" | null;
}
export interface CompareAnswer {
  family: "care-enterprise"; units: number; repairCost: Money;
  basic: CompareSide; plus: CompareSide;
  rows: CompareRow[];
  /** The first number of incidents at which Plus is cheaper; null when not within 0 … N or unknown. */
  plusCheaperFrom: number | null;
  /** Basic fees higher than the repair cost: the customer pays the repair instead. */
  repairInstead: {
    product: string; replacement: number; fee: Money; repairCost: Money;
    /** Present (`true`) only when the fee is a quoted figure. */
    quoted?: true;
  }[];
  assumptions: string[];
  rules: RuleId[];
}

export type ErrorCode =
  | "invalid_json" | "invalid_request" | "unknown_field" | "unknown_plan" | "unknown_product"
  | "product_not_in_family" | "plan_not_offered" | "invalid_instant" | "invalid_date" | "invalid_value"
  | "activation_after_now" | "invitation_before_activation" | "invitation_after_now" | "missing_field"
  | "too_many_claims" | "flyaway_not_offered" | "claim_outside_period" | "claim_after_now"
  | "invalid_chain" | "out_of_range" | "unknown_kind" | "delivery_after_now" | "internal"
  | "invalid_amount" | "member_before_contract" | "price_not_published";

/**
 * What every function throws on bad input: a real `Error` with a stable `code` and the `field`
 * it concerns, as a path into the request (`"claims[2].date"`, `"members[1].owner"`,
 * `"held.start"`), or `null` when it concerns the request as a whole (text that is not JSON).
 * Mark the input from `field`; never parse `message`.
 */
export interface CoverageCalcError extends Error { name: "CoverageCalcError"; code: ErrorCode; field: string | null }

// ------------------------------------------------------------------ i-PRO (docs/rules.md IP-1 … IP-6)

/** An i-PRO product kind; `non-repairable`: mounts, brackets, SD cards. */
export type IproKind = "camera" | "recorder" | "accessory" | "non-repairable";
/** What failed: the unit (hardware), a recorder's HDD, or software (a software fix). */
export type IproFailure = "unit" | "hdd" | "software";
/** Replacement unit (代替品交換), pick-up repair (引き取り修理), on-site repair (出張修理). */
export type IproForm = "replacement-unit" | "pick-up" | "on-site";
export type IproOnSite = "included" | "extra-cost" | "not-offered";
export type IproPayer = "partner" | "ipro";
/**
 * `undecided`: the request left out answers that decide the phase (`undecidedBy`), and this
 * repair's answer (`freeRepair`) is the same in every phase they leave open (`possiblePhases`).
 */
export type IproPhase = "product-warranty" | "partners-5y" | "expired" | "not-covered" | "undecided";
/** The answers an i-PRO request may leave out when they cannot change this repair's answer. */
export type IproFact = "inJapan" | "partnersCircleMember" | "onFiveYearList";
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
  /**
   * Sold to a Partners Circle member (IP-2). Needed only in years 2 to 5, and only when it changes
   * whether this repair is free (else `missing_field`); an HDD or a software fix there is paid either way.
   */
  partnersCircleMember?: boolean | null;
  /** The model is on i-PRO's 5-year list (IP-2). Needed as membership is, for a member. */
  onFiveYearList?: boolean | null;
  /**
   * Sold and used in Japan (IP-1). Needed for every kind but `non-repairable` when it changes
   * whether this repair is free (not after year 5, for instance).
   */
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
  /** Phase `undecided` only: the phases left open (a concrete phase each). */
  possiblePhases?: Exclude<IproPhase, "undecided">[];
  /** Phase `undecided` only: the facts not given that would decide the phase (not this repair's answer). */
  undecidedBy?: IproFact[];
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
  /**
   * `null` outside Japan (the Japanese terms do not say), and in phase `undecided` when the phases
   * left open repair differently (e.g. in Japan or not).
   */
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
