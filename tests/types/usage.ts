// A caller's code against the generated types (pkg/coverage_calc.d.ts), type-checked strictly by
// `tsc -p tests/types` in scripts/test.sh; never run. Every request and answer type is used the way
// a page or a retailer's script would; the `@ts-expect-error` lines are mistakes the types must
// reject, so a `.d.ts` that loosens to `any` (or loses a field) fails the check.

import init, {
  buy,
  callJson,
  catalog,
  compare,
  initSync,
  plusContract,
  ipro,
  status,
  type ApiFunction,
  type BuyAnswer,
  type BuyRequest,
  type Catalog,
  type ClaimKind,
  type CompareAnswer,
  type CompareRequest,
  type EnterpriseBuyAnswer,
  type EnterpriseBuyRequest,
  type EnterpriseStatusAnswer,
  type EnterpriseStatusRequest,
  type PlusContractAnswer,
  type PlusContractRequest,
  type CoverageCalcError,
  type Edition,
  type ErrorCode,
  type Extension,
  type Fee,
  type IproAnswer,
  type IproRequest,
  type Period,
  type Product,
  type StatusAnswer,
  type StatusRequest,
  type Window,
} from "../../pkg/coverage_calc.js";

/** Exactly the same type (not merely assignable: `any` fails this). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const exact = <A, B>(proof: Equals<A, B>): Equals<A, B> => proof;

// The exports' signatures, exactly.
exact<ReturnType<typeof catalog>, Catalog>(true);
exact<Parameters<typeof catalog>, []>(true);
exact<ReturnType<typeof buy>, BuyAnswer | EnterpriseBuyAnswer>(true);
exact<Parameters<typeof buy>, [request: BuyRequest | EnterpriseBuyRequest]>(true);
exact<ReturnType<typeof status>, StatusAnswer | EnterpriseStatusAnswer>(true);
exact<Parameters<typeof status>, [request: StatusRequest | EnterpriseStatusRequest]>(true);
exact<ReturnType<typeof plusContract>, PlusContractAnswer>(true);
exact<Parameters<typeof plusContract>, [request: PlusContractRequest]>(true);
exact<ReturnType<typeof compare>, CompareAnswer>(true);
exact<Parameters<typeof compare>, [request: CompareRequest]>(true);
exact<ReturnType<typeof ipro>, IproAnswer>(true);
exact<Parameters<typeof ipro>, [request: IproRequest]>(true);
exact<ReturnType<typeof callJson>, string>(true);
exact<Parameters<typeof callJson>, [name: ApiFunction, request: string]>(true);
// @ts-expect-error: no such function
callJson("refund", "{}");
exact<CoverageCalcError["code"], ErrorCode>(true);
exact<CoverageCalcError["field"], string | null>(true);
// @ts-expect-error: the proof fails for a loose type
exact<ReturnType<typeof buy>, any>(true);

export async function load(bytes: BufferSource): Promise<void> {
  initSync({ module: bytes });
  await init();
}

/** A fee as text, narrowing the union. */
export function feeText(fee: Fee): string {
  switch (fee.status) {
    case "published":
      return `${fee.amount} ${fee.currency}`;
    case "not-published":
      return "not published";
    case "not-offered":
      return "not offered";
  }
}

export function periodText(p: Period | null): string {
  return p === null ? "—" : `${p.start} … ${p.end}`;
}

export function windowText(w: Window | null): string {
  return w === null ? "—" : `${w.opensAt} + ${w.hours.toFixed(0)} h`;
}

export function products(): Product[] {
  const c = catalog();
  const region: "JP" = c.region;
  const editions: Edition[] = c.editions;
  const firstEdition: string | null | undefined = editions[0]?.effectiveUntil;
  void region, firstEdition;
  for (const product of c.products) {
    const plans: string[] = product.plans;
    if ("careRefresh" in product.terms) {
      const t = product.terms.careRefresh;
      feeText(t.price1y) + feeText(t.price2y) + feeText(t.exchangeFee) + t.flyaway;
      const conditions: string[] = t.coverage.flyawayConditions;
      void conditions;
    } else {
      const t = product.terms.careEnterprise;
      const mode: "replace-or-repair" | "repair-only-with-loaner" = t.plusMode;
      feeText(t.basicPrice) + feeText(t.plusLimit) + mode;
    }
    void plans;
    // @ts-expect-error: the category is a closed set
    const wrong: "camera" = product.category;
    void wrong;
  }
  return c.products;
}

export function buyNow(product: string, activatedAt: string | null): string {
  const request: BuyRequest = {
    plan: "care-refresh-2y",
    product,
    activatedAt,
    channel: "separate",
    region: "JP",
    now: new Date().toISOString(),
  };
  const answer = buy(request);
  // Enterprise answers say their family; a Care Refresh answer has none.
  if ("family" in answer) throw new Error(`not a Care Refresh answer: ${answer.family}`);
  const a: BuyAnswer = answer;
  const lines: string[] = [a.plan, a.product, feeText(a.price), feeText(a.fees.replacement), feeText(a.fees.flyaway)];
  if (a.eligible) {
    lines.push(`route ${a.route ?? "?"}`, periodText(a.service), periodText(a.warrantyExtension));
  } else if (a.closed !== null) {
    const reason: "window-closed" | "invitation-window-closed" | "region-not-priced" | "region-not-sold" = a.closed.reason;
    lines.push(reason, a.closed.alternative?.step ?? "", String(a.closed.alternative?.hours ?? 0));
  }
  lines.push(windowText(a.window), a.deadline ?? "", `${a.replacements}/${a.flyawayMax}`, a.flyaway, a.edition.id, ...a.rules);
  // @ts-expect-error: `eligible` is a boolean, not a string
  const e: string = a.eligible;
  // @ts-expect-error: `now` is required
  const missing: BuyRequest = { plan: "care-refresh-1y", product };
  // @ts-expect-error: no such channel
  const channel: BuyRequest = { plan: "care-refresh-1y", product, channel: "store", now: "" };
  void e, missing, channel;
  return lines.join("\n");
}

export function held(claims: { kind: ClaimKind; date: string }[]): string {
  const request: StatusRequest = {
    plan: "care-refresh-1y",
    product: "dji-mini-4-pro",
    start: "2026-01-10",
    boughtOn: null,
    chain: ["care-refresh-2y"],
    claims,
    now: "2026-11-20T12:00:00+09:00",
  };
  const answer = status(request);
  if ("family" in answer) throw new Error(`not a Care Refresh answer: ${answer.family}`);
  const s: StatusAnswer = answer;
  const state: "not-started" | "active" | "expired" = s.state;
  const ext: Extension = s.extension;
  const next: string = ext.possible && ext.period !== null ? `${ext.status} until ${ext.buyUntil ?? "?"}` : ext.status;
  const left: number = s.replacements.left + s.flyaway.left - s.warrantyRepairs;
  // @ts-expect-error: a date is a `YYYY-MM-DD` string, not a number
  const numericStart: StatusRequest = { ...request, start: 20260110 };
  void numericStart;
  // @ts-expect-error: no such claim kind
  const badClaim: ClaimKind = "theft";
  // @ts-expect-error: counts are numbers
  const given: string = s.replacements.given;
  void badClaim, given;
  return [state, String(s.active), periodText(s.period), next, String(left), feeText(s.nextReplacementFee),
    feeText(s.nextFlyawayFee), feeText(ext.price), String(ext.totalMonthsAfter ?? 0), periodText(s.warrantyExtension),
    s.flyawayOffered, s.edition.sources.join(","), ...s.rules].join("\n");
}

export function sales(units: number): string {
  const request: CompareRequest = { fleet: [{ product: "matrice-300-rtk", units }], incidents: 5, repairCost: "250000" };
  const a: CompareAnswer = compare(request);
  // @ts-expect-error: incidents are required
  const missing: CompareRequest = { product: "matrice-300-rtk", repairCost: 1 };
  // @ts-expect-error: a quote has no `price`; it is `basicPrice` or `plusPrice`
  const typo: CompareRequest = { product: "matrice-300-rtk", quote: { price: "99000" }, incidents: 1, repairCost: 1 };
  void missing, typo;
  const quoted = compare({
    fleet: [{ product: "matrice-300-rtk", units, quote: { basicPrice: "99000", plusPrice: 165000 } }],
    incidents: 4, repairCost: "250000",
  });
  const marks: string[] = (quoted.plus.quoted ?? []).map((q) => `${q.line} ${q.item} ${q.amount.amount} ${q.published?.amount ?? "-"}`);
  const feeQuoted: boolean = quoted.repairInstead.some((r) => r.quoted === true);
  return JSON.stringify(a) + marks.join(",") + String(feeQuoted);
}

export function pool(): string {
  const request: PlusContractRequest = {
    activatedOn: "2026-04-01",
    owner: "A",
    members: [{ product: "matrice-300-rtk", date: "2026-04-01" }],
    claims: [{ member: "#1", date: "2026-06-01", amount: "300000" }],
    now: "2026-11-20T12:00:00+09:00",
  };
  const a: PlusContractAnswer = plusContract(request);
  const renew: EnterpriseBuyRequest = { plan: "enterprise-plus-renew", product: "matrice-300-rtk", held: { start: "2026-04-01" }, now: request.now };
  const held: EnterpriseStatusRequest = { plan: "enterprise-basic", product: "matrice-300-rtk", start: "2026-04-01", now: request.now };
  const r = buy(renew);
  const h = status(held);
  const e: EnterpriseBuyAnswer | null = "family" in r ? r : null;
  const st: EnterpriseStatusAnswer | null = "family" in h ? h : null;
  return [a.pool.left.amount, String(e?.eligible), String(st?.active)].join("\n");
}

export function repair(deliveryDate: string, member: boolean | null): string {
  const request: IproRequest = { kind: "recorder", deliveryDate, partnersCircleMember: member, inJapan: true, failed: "hdd", now: new Date().toISOString() };
  const a = ipro(request);
  const phase: "product-warranty" | "partners-5y" | "expired" | "not-covered" | "undecided" = a.phase;
  const open: string[] = a.phase === "undecided" ? [...(a.possiblePhases ?? []), ...(a.undecidedBy ?? [])] : [];
  // @ts-expect-error: a phase left open is a concrete phase
  const openPhase: NonNullable<typeof a.possiblePhases>[number] = "undecided";
  void openPhase;
  const lines = [phase, String(a.freeRepair), a.notFree ?? "", periodText(a.productWarranty.period), periodText(a.partners5y.period),
    String(a.partners5y.eligible ?? "undecided"), ...a.partners5y.notEligible, ...a.years.map(periodText), ...a.notCovered,
    ...a.exclusions, ...a.rules, a.requestThrough, a.fallback, a.proof ?? "", String(a.hddCovered), ...open];
  if (a.repair !== null) lines.push(...a.repair.forms, a.repair.onSite, String(a.repair.paid), String(a.repair.rebuy));
  if (a.shipping !== null) lines.push(a.shipping.toIpro, a.shipping.back);
  // @ts-expect-error: no such failure
  const failed: IproRequest = { ...request, failed: "screen" };
  // @ts-expect-error: `freeRepair` is a boolean
  const free: string = a.freeRepair;
  void failed, free;
  return lines.join("\n");
}

/** How a caller branches on the error codes. */
export function explain(e: unknown): string {
  if (e instanceof Error && "code" in e) {
    const error = e as CoverageCalcError;
    const code: ErrorCode = error.code;
    const name: "CoverageCalcError" = error.name;
    const field: string | null = error.field;
    switch (code) {
      case "invalid_instant":
      case "invalid_date":
        return `${name}: check ${field ?? "the dates"} (${error.message})`;
      case "unknown_product":
        return "unknown product";
      default:
        return code;
    }
  }
  // @ts-expect-error: not an error code
  const notACode: ErrorCode = "not_a_code";
  return String(notACode);
}
