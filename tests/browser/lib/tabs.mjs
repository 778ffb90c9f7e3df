// The page's tabs for the browser tests: each widget mode, the family its header speaks of, how
// to fill its form (a locator of the widget: its shadow DOM is pierced), and what its answer says.
// Used by tests/browser/page.mjs and tests/browser/screenshots.mjs.

export const NOW = "2026-11-20T12:00:00+09:00";
/** Each tab, how to fill it, and what its answer says. */
export const TABS = [
  {
    mode: "buy", family: "care-refresh", header: "DJI Care Refresh 計算機",
    fill: async (w) => {
      await w.locator("#buy-product").selectOption("dji-mini-4-pro");
      await w.locator("#buy-activated-yes").check();
      await w.locator("#buy-activated-at").fill("2026-11-19 09:00");
    },
    says: "購入できます",
  },
  {
    mode: "status", family: "care-refresh", header: "DJI Care Refresh 計算機",
    fill: async (w) => {
      await w.locator("#status-product").selectOption("dji-mini-4-pro");
      await w.locator("#status-start").fill("2026-01-10");
      await w.locator("#status-add-claim").click();
      await w.locator("#status-claim-1-date").fill("2026-05-01");
    },
    says: "2 回中 残り 1 回",
  },
  {
    mode: "enterprise-buy", family: "care-enterprise", header: "DJI Care Enterprise 計算機",
    fill: async (w) => {
      await w.locator("#enbuy-product").selectOption("phantom-4-rtk");
      await w.locator("#enbuy-activated-yes").check();
      await w.locator("#enbuy-activated-at").fill("2026-11-17 12:00");
    },
    says: "￥68,200",
  },
  {
    mode: "enterprise-status", family: "care-enterprise", header: "DJI Care Enterprise 計算機",
    fill: async (w) => {
      await w.locator("#enstatus-product").selectOption("matrice-300-rtk");
      await w.locator("#enstatus-plan-enterprise-plus").check();
      await w.locator("#enstatus-start").fill("2026-03-01");
      await w.locator("#enstatus-add-claim").click();
      await w.locator("#enstatus-claim-1-date").fill("2026-05-01");
      await w.locator("#enstatus-claim-1-amount").fill("100000");
    },
    says: "￥464,500",
  },
  {
    mode: "contract", family: "care-enterprise", header: "DJI Care Enterprise 計算機",
    fill: async (w) => {
      await w.locator("#contract-activated-on").fill("2026-01-10");
      await w.locator("#contract-owner").fill("Sora Survey KK");
      await w.locator("#contract-member-1-product").selectOption("matrice-210-v2");
      await w.locator("#contract-add-member").click();
      await w.locator("#contract-member-2-product").selectOption("zenmuse-h20t");
      await w.locator("#contract-member-2-date").fill("2026-02-09");
    },
    says: "￥1,623,800",
  },
  {
    mode: "compare", family: "care-enterprise", header: "DJI Care Enterprise 計算機",
    fill: async (w) => {
      await w.locator("#compare-1-product").selectOption("phantom-4-rtk");
      await w.locator("#compare-cost").fill("100000");
    },
    says: "3 件以上なら Plus の方が安くなります",
  },
  {
    mode: "ipro", family: "ipro", header: "i-PRO 保証計算機",
    fill: async (w) => {
      await w.locator("#ipro-delivery").fill("2026-04-01");
    },
    says: "製品保証の期間中です",
  },
];

