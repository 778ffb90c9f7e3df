// A caller's code against the package's API types: both answer families with no cast, exactly.
import init, {
  buy,
  catalog,
  initSync,
  status,
  type BuyAnswer,
  type CoverageCalcError,
  type EnterpriseBuyAnswer,
  type EnterpriseStatusAnswer,
  type ErrorCode,
  type StatusAnswer,
} from "coverage-calc";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const exact = <A, B>(proof: Equals<A, B>): Equals<A, B> => proof;
const now = "2026-11-20T10:00:00+09:00";

export async function answers(bytes: Uint8Array): Promise<string[]> {
  initSync({ module: bytes });
  await init();
  await init({ module_or_path: "/assets/coverage_calc_bg.wasm" });

  const refresh = buy({ plan: "care-refresh-1y", product: "dji-mini-4-pro", now });
  exact<typeof refresh, BuyAnswer>(true);
  const replacements: number = refresh.replacements;

  const enterprise = buy({ plan: "enterprise-basic", product: "matrice-300-rtk", now });
  exact<typeof enterprise, EnterpriseBuyAnswer>(true);
  const family: "care-enterprise" = enterprise.family;

  const renew = buy({ plan: "enterprise-plus-renew", product: "matrice-300-rtk", held: { start: "2025-11-01", claimed: "100000" }, now });
  exact<typeof renew, EnterpriseBuyAnswer>(true);

  const held = status({ plan: "care-refresh-2y", product: "dji-mini-4-pro", start: "2026-01-10", claims: [{ kind: "replacement", date: "2026-03-01" }], now });
  exact<typeof held, StatusAnswer>(true);
  const left: number = held.replacements.left;

  const heldEnterprise = status({ plan: "enterprise-plus", product: "matrice-300-rtk", start: "2026-01-10", claims: [{ date: "2026-03-01", amount: 120000 }], now });
  exact<typeof heldEnterprise, EnterpriseStatusAnswer>(true);
  const reminders: number = heldEnterprise.reminders.length;

  // A plan only known at run time: either answer, narrowed without a cast.
  const planId: string = catalog().plans[0]?.id ?? "care-refresh-1y";
  const either = buy({ plan: planId, product: "dji-mini-4-pro", now });
  const text = "family" in either ? either.gives.shippingPaidByDji : either.fees.replacement.status;

  // @ts-expect-error: an Enterprise request does not give a Care Refresh answer
  const wrong: BuyAnswer = buy({ plan: "enterprise-plus", product: "matrice-300-rtk", now });
  // @ts-expect-error: `now` is required
  buy({ plan: "care-refresh-1y", product: "dji-mini-4-pro" });
  void wrong;
  return [String(replacements), family, String(left), String(reminders), String(text)];
}

export function explain(e: unknown): string {
  if (e instanceof Error && "code" in e) {
    const error = e as CoverageCalcError;
    const code: ErrorCode = error.code;
    if (code === "not_initialised") return "call init() first";
    return `${code} at ${error.field ?? "the request"}`;
  }
  return String(e);
}
