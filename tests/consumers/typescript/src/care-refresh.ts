// A caller's code against `coverage-calc/care-refresh`: the same API and types as the full entry.
import initCareRefresh, { buy, type BuyAnswer, type CoverageCalcError } from "coverage-calc/care-refresh";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const exact = <A, B>(proof: Equals<A, B>): Equals<A, B> => proof;

export async function careRefresh(): Promise<boolean> {
  await initCareRefresh();
  const answer = buy({ plan: "care-refresh-2y", product: "dji-mini-4-pro", now: "2026-11-20T10:00:00+09:00" });
  exact<typeof answer, BuyAnswer>(true);
  try {
    buy({ plan: "enterprise-basic", product: "matrice-300-rtk", now: "2026-11-20T10:00:00+09:00" });
  } catch (e) {
    return (e as CoverageCalcError).code === "invalid_value";
  }
  return answer.eligible;
}
