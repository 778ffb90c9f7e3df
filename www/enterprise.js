// DJI Care Enterprise on the page (docs/rules.md EN-1 … EN-13): its own tab with three views:
//   - sales: products × units, Basic and Plus side by side for 0 … N incidents, the break-even;
//   - Plus contract: the shared limit, its members (joined or not, why) and claims;
//   - status: a Basic / Plus (or Renew) plan held, with the Renew window and the reminders.
//
// Self-contained on purpose (other views are added to the same page in parallel): this module
// adds its own tab and panel, its own words (Japanese and English), and talks to the page only
// through the tab list, the language button and `getLang()` of i18n.js. No inline script or
// style (the server's Content-Security-Policy forbids both).

import init, { catalog as loadCatalog, compare, plusContract, status } from "/pkg/index.js";
import { getLang, locale, ruleText } from "./i18n.js";
import { $, h, intl } from "./dom.js";

// ---------------------------------------------------------------------------------------------
// Words

const WORDS = {
  ja: {
    tab: "Enterprise",
    heading: "DJI Care Enterprise",
    intro: "法人向けドローン・ジンバルカメラのプラン。Basic と Plus の比較、Plus の保守限度額共有、加入中のプランと更新プランを調べます。",
    "view.label": "計算の種類",
    "view.sales": "Basic と Plus の比較",
    "view.contract": "Plus 限度額共有",
    "view.status": "加入中のプラン",
    product: "製品",
    units: "台数",
    addProduct: "製品を追加",
    remove: "削除",
    incidents: "事故の件数（最大）",
    repairCost: "1件あたりの修理費用（円・税込）",
    fleet: "機体・ペイロード",
    basic: "Basic",
    plus: "Plus",
    planPrice: "プラン価格（合計）",
    sharedLimit: "共有される保守限度額",
    notComputable: "計算できません",
    priceUnknownPlus: "プラン価格（非公開）＋",
    missing: "公開されていない情報",
    "missing.price": "プラン価格",
    "missing.replacement-fee-1": "初回交換費用",
    "missing.replacement-fee-2": "二回目交換費用",
    "missing.limit": "保守限度額",
    "missing.plan-not-offered": "このプランの対象外",
    tableCaption: "事故の件数ごとのお客様の支払総額",
    incidentsCol: "件数",
    cheaperCol: "安い方",
    "cheaper.basic": "Basic",
    "cheaper.plus": "Plus",
    "cheaper.same": "同額",
    breakEven: ({ n }) => `事故が ${n} 件以上なら Plus の方が安くなります。`,
    noBreakEven: ({ n }) => `0〜${n} 件の範囲では Plus の方が安くなることはありません。`,
    unknownBreakEven: "価格が公開されていないため、損益分岐点は出せません。",
    repairInstead: ({ product, nth, fee, cost }) => `${product}: ${nth}回目の交換費用 ${fee} が修理費用 ${cost} より高いため、交換を使わずに修理費用を支払う計算です。`,
    repairsInsteadCell: ({ n }) => `うち修理 ${n} 件`,
    assumptions: "前提: 修理費用は1件ごとに同額、事故は各機に順番に発生（全機の1回目の交換の後に2回目）、Basic は1台2回まで交換しその後は修理費用を全額負担、Plus の全機は1つの限度額を共有（加入から30日以内に関連付け）。",
    activatedOn: "契約の初回アクティベーション日",
    owner: "所有者（ユーザー）",
    region: "購入国・地域",
    members: "関連付けた製品",
    memberId: "識別名・シリアル",
    date: "関連付け日",
    ownerOptional: "所有者（空欄なら契約と同じ）",
    regionOptional: "購入国（空欄なら契約と同じ）",
    video: "ビデオ審査に合格",
    addMember: "製品を追加",
    claims: "請求（修理・交換）",
    claimMember: "製品",
    claimDate: "日付",
    amount: "金額（円）",
    addClaim: "請求を追加",
    now: "現在日時（日本時間 UTC+9）",
    pool: "共有限度額",
    poolLimit: "限度額",
    poolUsed: "使用済み",
    poolLeft: "残り",
    joinUntil: "共有に参加できる最終日",
    period: "有効期間",
    joined: "共有",
    notJoined: "共有対象外",
    "reason.after-share-window": "初回アクティベーションから30日を過ぎて関連付け",
    "reason.other-owner": "別のユーザーの製品",
    "reason.other-region": "別の国で購入",
    ownLimit: "製品の限度額",
    ownShare: "製品単体の残り",
    renewCol: "Plus Renew",
    claimsTable: "請求の適用（日付順）",
    from: "適用先",
    "from.pool": "共有限度額",
    "from.own-limit": "製品の限度額",
    covered: "補償",
    customerPays: "お客様負担",
    leftAfter: "残り",
    customerPaidTotal: "お客様負担の合計",
    renewPool: ({ n, limit }) => `今 Plus Renew できる共有製品: ${n} 台、更新後の共有限度額 ${limit}`,
    plan: "プラン",
    "plan.enterprise-basic": "Basic",
    "plan.enterprise-plus": "Plus",
    "plan.enterprise-basic-renew": "Basic Renew",
    "plan.enterprise-plus-renew": "Plus Renew",
    start: "開始日",
    statusClaims: "これまでの交換・修理",
    statusVideo: "ビデオによる機体審査に合格済み（期限後8〜30日の更新に必要）",
    "state.active": "有効",
    "state.expired": "期限切れ",
    "state.not-started": "開始前",
    replacementsLeft: ({ left, given }) => `交換 残り ${left} 回 / ${given} 回`,
    nextFee: "次の交換費用",
    limitLeft: "限度額の残り",
    limitUsed: "使用済み",
    customerPaid: "お客様負担",
    renew: "更新プラン（Renew）",
    "renew.possible": "今すぐ購入できます",
    "renew.status.available": "購入できます",
    "renew.status.not-started": "プランがまだ始まっていません",
    "renew.status.no-replacement-left": "交換回数が残っていないため購入できません",
    "renew.status.own-share-below-threshold": "製品単体の限度額の残りが30%未満のため購入できません",
    "renew.status.video-inspection-required": "ビデオによる機体審査の合格が必要です",
    "renew.status.window-closed": "期限後30日を過ぎたため購入できません",
    "renew.status.not-offered": "この製品の更新プランはカタログにありません",
    "renew.status.not-in-sources": "更新プランの更新（3年目）は資料にありません",
    "stage.not-started": "開始前",
    "stage.while-valid": "有効期間中",
    "stage.special-without-video": "特別対応（期限後7日以内）",
    "stage.special-with-video": "特別対応（期限後8〜30日・ビデオ審査）",
    "stage.closed": "終了",
    windows: "更新できる期間",
    window1: ({ d }) => `〜${d}: 有効期間中`,
    window2: ({ a, b }) => `〜${b}: 期限後7日以内（特別対応）`,
    window3: ({ a, b }) => `${a}〜${b}: ビデオ審査に合格すれば可（特別対応）`,
    needs: "申請に必要なもの",
    "needs.serial-number": "製品のシリアル番号",
    "needs.video-link": "ビデオのリンク",
    "needs.plan-wanted": "購入希望のサービス名",
    renewPrice: "価格",
    renewFee: "交換費用（1回）",
    renewLimit: "保守限度額",
    renewPeriod: "更新後の期間",
    reminders: "更新案内メール",
    reminder: ({ n, d }) => `${n}日前: ${d}`,
    due: "送信日を過ぎています",
    notPublished: "非公開",
    notOffered: "対象外",
    rules: "根拠となる規則",
    error: "入力を確認してください",
    loading: "計算中…",
  },
  en: {
    tab: "Enterprise",
    heading: "DJI Care Enterprise",
    intro: "Plans for enterprise drones and gimbal cameras: Basic against Plus, the Plus shared limit, a plan held and its Renew.",
    "view.label": "Calculation",
    "view.sales": "Basic vs Plus",
    "view.contract": "Plus shared limit",
    "view.status": "Plan held",
    product: "Product",
    units: "Units",
    addProduct: "Add a product",
    remove: "Remove",
    incidents: "Incidents (at most)",
    repairCost: "Repair cost of one incident (JPY, tax incl.)",
    fleet: "Aircraft and payloads",
    basic: "Basic",
    plus: "Plus",
    planPrice: "Plan prices (total)",
    sharedLimit: "Shared coverage limit",
    notComputable: "Cannot be computed",
    priceUnknownPlus: "plan price (not published) +",
    missing: "Not published",
    "missing.price": "plan price",
    "missing.replacement-fee-1": "first replacement fee",
    "missing.replacement-fee-2": "second replacement fee",
    "missing.limit": "coverage limit",
    "missing.plan-not-offered": "this plan is not offered",
    tableCaption: "What the customer pays in all, by number of incidents",
    incidentsCol: "Incidents",
    cheaperCol: "Cheaper",
    "cheaper.basic": "Basic",
    "cheaper.plus": "Plus",
    "cheaper.same": "Same",
    breakEven: ({ n }) => `From ${n} incidents on, Plus is cheaper.`,
    noBreakEven: ({ n }) => `Plus is never cheaper within 0 … ${n} incidents.`,
    unknownBreakEven: "A price is not published: no break-even can be given.",
    repairInstead: ({ product, nth, fee, cost }) => `${product}: replacement ${nth} costs ${fee}, more than the repair (${cost}); the customer pays the repair instead.`,
    repairsInsteadCell: ({ n }) => `of which ${n} repaired`,
    assumptions: "Assumes: every incident costs the repair cost given; incidents fall on the units in turn (every unit's first replacement before any second); Basic gives 2 replacements per unit, then full repairs; all Plus units share one limit (associated within 30 days).",
    activatedOn: "Contract's first activation",
    owner: "Owner (user)",
    region: "Country of purchase",
    members: "Products associated",
    memberId: "Label or serial",
    date: "Associated on",
    ownerOptional: "Owner (blank: the contract's)",
    regionOptional: "Country (blank: the contract's)",
    video: "Video inspection passed",
    addMember: "Add a product",
    claims: "Claims (repairs, replacements)",
    claimMember: "Product",
    claimDate: "Date",
    amount: "Amount (JPY)",
    addClaim: "Add a claim",
    now: "Now (Japan time, UTC+9)",
    pool: "Shared limit",
    poolLimit: "Limit",
    poolUsed: "Used",
    poolLeft: "Left",
    joinUntil: "Last day to join",
    period: "Period",
    joined: "Shares",
    notJoined: "Does not share",
    "reason.after-share-window": "associated more than 30 days after the first activation",
    "reason.other-owner": "another user's product",
    "reason.other-region": "bought in another country",
    ownLimit: "Own limit",
    ownShare: "Own share left",
    renewCol: "Plus Renew",
    claimsTable: "Claims applied (by date)",
    from: "Applied to",
    "from.pool": "shared limit",
    "from.own-limit": "own limit",
    covered: "Covered",
    customerPays: "Customer pays",
    leftAfter: "Left",
    customerPaidTotal: "Customer pays in all",
    renewPool: ({ n, limit }) => `Sharing products that can buy Plus Renew now: ${n}; shared limit after renewal ${limit}`,
    plan: "Plan",
    "plan.enterprise-basic": "Basic",
    "plan.enterprise-plus": "Plus",
    "plan.enterprise-basic-renew": "Basic Renew",
    "plan.enterprise-plus-renew": "Plus Renew",
    start: "Start date",
    statusClaims: "Replacements and repairs so far",
    statusVideo: "Video inspection passed (needed 8–30 days after expiry)",
    "state.active": "Active",
    "state.expired": "Expired",
    "state.not-started": "Not started",
    replacementsLeft: ({ left, given }) => `${left} of ${given} replacements left`,
    nextFee: "Next replacement fee",
    limitLeft: "Limit left",
    limitUsed: "Used",
    customerPaid: "Customer paid",
    renew: "Renew",
    "renew.possible": "Can be bought now",
    "renew.status.available": "Can be bought",
    "renew.status.not-started": "The plan has not started",
    "renew.status.no-replacement-left": "No replacement left: cannot be bought",
    "renew.status.own-share-below-threshold": "Less than 30 % of the product's own limit left: cannot be bought",
    "renew.status.video-inspection-required": "Needs a passed video inspection",
    "renew.status.window-closed": "More than 30 days after expiry: cannot be bought",
    "renew.status.not-offered": "The catalog has no Renew for this product",
    "renew.status.not-in-sources": "Renewing a Renew (a third year) is not in the sources",
    "stage.not-started": "not started",
    "stage.while-valid": "while valid",
    "stage.special-without-video": "special handling (within 7 days after expiry)",
    "stage.special-with-video": "special handling (8–30 days after expiry, video inspection)",
    "stage.closed": "closed",
    windows: "When Renew can be bought",
    window1: ({ d }) => `until ${d}: while valid`,
    window2: ({ a, b }) => `until ${b}: within 7 days after expiry (special handling)`,
    window3: ({ a, b }) => `${a} … ${b}: with a passed video inspection (special handling)`,
    needs: "The request needs",
    "needs.serial-number": "the serial number",
    "needs.video-link": "the video link",
    "needs.plan-wanted": "the plan wanted",
    renewPrice: "Price",
    renewFee: "Replacement fee (one)",
    renewLimit: "Coverage limit",
    renewPeriod: "Renewed period",
    reminders: "Renewal reminder e-mails",
    reminder: ({ n, d }) => `${n} days before: ${d}`,
    due: "date reached",
    notPublished: "not published",
    notOffered: "not offered",
    rules: "Rules applied",
    error: "Please check the input",
    loading: "Computing…",
  },
};

/** Plain words for the EN rule ids (the page's i18n.js has the others). */
const RULE_WORDS = {
  ja: {
    "EN-1": "新品・未アクティベーション、アクティベーション後96時間以内、または修理後の招待メールから72時間以内に購入",
    "EN-2": "プランと製品は同じ国・地域で正規ルートで購入、サービスもその国・地域のみ",
    "EN-3": "有効期間は1年（開始日0:00〜有効期限日24:00）",
    "EN-4": "Basic: 1年に2回まで交換（初回・二回目の交換費用）",
    "EN-5": "Plus: 保守限度額の範囲で回数無制限、超えた分はお客様負担",
    "EN-6": "同一ユーザー・同じ国で購入し、初回アクティベーションから30日以内に関連付けた Plus 製品は限度額を共有",
    "EN-7": "Zenmuse XT・XT2 は修理のみ、代替機の貸出あり（損傷は限度額から差し引き）",
    "EN-8": "Basic Renew: Basic が有効で交換が1回以上残っていれば購入可、交換1回・保証12か月延長",
    "EN-9": "Plus Renew: Plus が有効で製品単体の限度額が30%以上残っていれば購入可",
    "EN-10": "Renew は現在のプランの有効期限の翌日から1年",
    "EN-11": "期限後7日以内は特別対応、8〜30日はビデオ審査に合格すれば可、それ以降は不可",
    "EN-12": "更新案内メールは有効期限の30・15・7日前",
    "EN-13": "Basic と Plus の支払総額の比較",
  },
  en: {
    "EN-1": "new and not activated, within 96 hours of activation, or within 72 hours of the invitation e-mail after a repair",
    "EN-2": "plan and product bought in the same region through official channels; served only there",
    "EN-3": "valid for 1 year, 0:00 of the start date to 24:00 of the expiry date",
    "EN-4": "Basic: at most 2 replacements in the year, first and second fee",
    "EN-5": "Plus: unlimited within the coverage limit; beyond it the customer pays",
    "EN-6": "Plus products of one user, bought in one country, associated within 30 days of the first activation share one limit",
    "EN-7": "Zenmuse XT / XT2: repair only, a loaner on request (its damage comes off the limit)",
    "EN-8": "Basic Renew: Basic valid with at least 1 replacement left; 1 replacement, warranty extended 12 months",
    "EN-9": "Plus Renew: Plus valid with at least 30 % of the product's own limit left",
    "EN-10": "Renew runs 1 year from the day after the current plan expires",
    "EN-11": "special handling: within 7 days after expiry; 8–30 days with a passed video inspection; later never",
    "EN-12": "renewal reminders 30, 15 and 7 days before expiry",
    "EN-13": "what the customer pays in all under Basic and under Plus",
  },
};
const ruleWords = (id) => ruleText(id) ?? RULE_WORDS[getLang()]?.[id] ?? RULE_WORDS.en[id] ?? "";

const w = (key, params = {}) => {
  const value = WORDS[getLang()]?.[key] ?? WORDS.en[key] ?? key;
  return typeof value === "function" ? value(params) : value;
};

// ---------------------------------------------------------------------------------------------
// Formatting helpers (the DOM helpers are in dom.js)


// "narrowSymbol": ¥ in English too (en-GB would write "JP¥").
const yenFormat = () => intl("NumberFormat", locale(), { style: "currency", currency: "JPY", currencyDisplay: "narrowSymbol" });
/** Money `{amount, currency}` or a Fee; `null` → a dash. */
function money(m) {
  if (!m) return "—";
  if (m.status === "not-published") return w("notPublished");
  if (m.status === "not-offered") return w("notOffered");
  // Amounts are exact decimal strings; whole yen fit a double exactly.
  return yenFormat().format(Number(m.amount));
}
function fmtDate(d) {
  if (!d) return "—";
  const [y, m, day] = d.split("-").map(Number);
  return intl("DateTimeFormat", locale(), { dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(y, m - 1, day));
}
const fmtPeriod = (p) => (p ? `${fmtDate(p.start)} – ${fmtDate(p.end)}` : "—");

/** "Now" in Japan time as a datetime-local value. */
function nowLocalValue() {
  const jst = new Date(Date.now() + 9 * 3600 * 1000);
  return jst.toISOString().slice(0, 16);
}
const localToInstant = (v) => (v ? `${v.length === 16 ? `${v}:00` : v}+09:00` : "");

let uid = 0;
const nextId = (prefix) => `en-${prefix}-${++uid}`;

/**
 * A labelled field. `path`: the request field its input sets (`fleet[0].units`, `members[1].owner`,
 * `now`), the `field` of the core's errors about it (see markError).
 */
function field(labelKey, input, extraClass = "", path = null) {
  const id = input.id || nextId("f");
  input.id = id;
  if (path) input.dataset.field = path;
  return h("div", { class: `field ${extraClass}`.trim() }, h("label", { for: id, "data-en": labelKey, text: w(labelKey) }), input);
}

let products = [];
const productName = (id) => products.find((p) => p.id === id)?.name[getLang()] ?? id;

function productSelect(value, filter = () => true) {
  const select = h("select", {});
  for (const p of products.filter(filter)) {
    const opt = h("option", { value: p.id, text: p.name[getLang()] });
    if (p.id === value) opt.selected = true;
    select.append(opt);
  }
  return select;
}

function rulesBlock(ids) {
  return h(
    "details",
    { class: "rules" },
    h("summary", {}, h("span", { class: "rules__title", text: w("rules") }), h("span", { class: "rules__ids" }, ids.map((id) => h("span", { class: "chip", text: id })))),
    h("ul", { class: "rules__list" }, ids.map((id) => h("li", {}, h("span", { class: "chip", text: id }), h("span", { text: ruleWords(id) })))),
  );
}

const ERROR_ID = "en-error";

function errorBox(error) {
  return h(
    "div",
    { class: "verdict verdict--no", role: "alert", id: ERROR_ID },
    h("div", { class: "verdict__icon", "aria-hidden": "true" }),
    h("div", { class: "verdict__text" }, h("p", { class: "verdict__title", text: w("error") }), h("p", { class: "verdict__sub" }, h("code", { text: error?.code ?? "error" }), " ", error?.message ?? String(error))),
  );
}

/** A table in a region that scrolls sideways on narrow screens, reachable by keyboard. */
function tableWrap(table, label) {
  return h("div", { class: "en-table-wrap", tabindex: "0", role: "region", "aria-label": label }, table);
}

function facts(rows) {
  return h("dl", { class: "facts" }, rows.filter(Boolean).map(([k, v]) => h("div", { class: "facts__row" }, h("dt", { text: k }), h("dd", {}, v))));
}

// ---------------------------------------------------------------------------------------------
// The tab and the panel

const state = {
  view: "sales",
  sales: { fleet: [{ product: "matrice-210-v2", units: 2 }, { product: "zenmuse-z30", units: 1 }], incidents: 8, repairCost: "300000" },
  contract: {
    activatedOn: "",
    owner: "",
    region: "JP",
    members: [],
    claims: [],
    now: "",
  },
  status: { plan: "enterprise-basic", product: "matrice-300-rtk", start: "", claims: [], video: false, now: "" },
};

let panel;
let tab;
let body;
let answerBody;

function buildTab() {
  const tablist = document.querySelector(".tabs");
  const lastPanel = [...document.querySelectorAll("main .panel")].pop();
  if (!tablist || !lastPanel) return false;
  tab = h("button", { type: "button", class: "tab", role: "tab", id: "tab-enterprise", "aria-controls": "panel-enterprise", "aria-selected": "false", tabindex: "0", "data-tab": "enterprise" },
    h("span", { class: "tab__icon tab__icon--enterprise", "aria-hidden": "true" }), h("span", { "data-en": "tab", text: w("tab") }));
  tablist.append(tab);
  panel = h("section", { class: "panel", id: "panel-enterprise", role: "tabpanel", "aria-labelledby": "tab-enterprise", tabindex: "-1", hidden: true });
  lastPanel.after(panel);
  tablist.addEventListener("click", (event) => {
    const clicked = /** @type {HTMLElement} */ (event.target).closest('[role="tab"]');
    if (!clicked) return;
    if (clicked === tab) selectEnterprise();
    else unselectEnterprise();
  });
  tablist.addEventListener("keydown", (event) => {
    // From this tab, the arrow keys go back to the page's own tabs (which handle their own keys).
    if (document.activeElement !== tab) return;
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    event.preventDefault();
    const all = /** @type {HTMLElement[]} */ ([...tablist.querySelectorAll('[role="tab"]')]);
    const i = all.indexOf(tab);
    const target = event.key === "ArrowLeft" ? all[(i - 1 + all.length) % all.length] : event.key === "End" ? all[all.length - 1] : all[0];
    if (target && target !== tab) {
      target.click();
      target.focus();
    }
  });
  return true;
}

function selectEnterprise() {
  for (const other of document.querySelectorAll('.tabs [role="tab"]')) {
    const mine = other === tab;
    other.setAttribute("aria-selected", String(mine));
    // This tab stays in the Tab order (tabindex 0): the page's arrow keys do not know it.
    /** @type {HTMLElement} */ (other).tabIndex = mine || other === tab ? 0 : -1;
    const controlled = $(other.getAttribute("aria-controls") ?? "");
    if (controlled) controlled.hidden = !mine;
  }
  render();
}

function unselectEnterprise() {
  tab.setAttribute("aria-selected", "false");
  panel.hidden = true;
  writeUrl();
}

// ---------------------------------------------------------------------------------------------
// URL: this tab's inputs as one parameter, `en` (JSON), and `tab=enterprise` while it is open,
// so a link can be shared. The page (app.js) keeps both when it writes its own state.

function writeUrl() {
  const p = new URLSearchParams(location.search);
  p.set("en", JSON.stringify(state));
  if (!panel.hidden) p.set("tab", "enterprise");
  else if (p.get("tab") === "enterprise") p.delete("tab");
  const query = p.toString();
  const url = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, "", url);
}

/** A list of rows from a link: plain objects of strings, numbers and booleans only. */
const rowsFrom = (value) => (Array.isArray(value)
  ? value.filter((row) => row && typeof row === "object" && !Array.isArray(row)
    && Object.values(row).every((v) => ["string", "number", "boolean"].includes(typeof v)))
  : null);

/** Restores the inputs from a link's `en` parameter; anything unreadable keeps the defaults. */
function readUrl() {
  const text = new URLSearchParams(location.search).get("en");
  if (!text) return;
  let saved;
  try {
    saved = JSON.parse(text);
  } catch {
    return;
  }
  if (!saved || typeof saved !== "object") return;
  if (["sales", "contract", "status"].includes(saved.view)) state.view = saved.view;
  for (const part of ["sales", "contract", "status"]) {
    const from = saved[part];
    if (!from || typeof from !== "object") continue;
    const into = state[part];
    for (const key of Object.keys(into)) {
      if (Array.isArray(into[key])) {
        const rows = rowsFrom(from[key]);
        if (rows) into[key] = rows;
      } else if (typeof from[key] === typeof into[key]) {
        into[key] = from[key];
      }
    }
  }
}

function render() {
  panel.replaceChildren();
  panel.append(h("div", { class: "panel__intro" }, h("h2", { text: w("heading") }), h("p", { text: w("intro") })));
  const views = h("div", { class: "segmented en-views", role: "radiogroup", "aria-label": w("view.label") });
  for (const v of ["sales", "contract", "status"]) {
    const id = `en-view-${v}`;
    const input = h("input", { type: "radio", name: "en-view", id, value: v, checked: state.view === v });
    input.addEventListener("change", () => {
      state.view = v;
      render();
      $(id)?.focus();
    });
    views.append(input, h("label", { for: id, text: w(`view.${v}`) }));
  }
  panel.append(views);
  const layout = h("div", { class: "layout en-layout" });
  body = h("form", { class: "card form", novalidate: true });
  body.addEventListener("submit", (e) => {
    e.preventDefault();
    compute();
  });
  answerBody = h("div", { class: "answer__body", "aria-live": "polite" });
  layout.append(body, h("section", { class: "answer", tabindex: "-1", "aria-label": w("view." + state.view) }, answerBody));
  panel.append(layout);
  if (state.view === "sales") salesForm();
  else if (state.view === "contract") contractForm();
  else statusForm();
  compute();
}

/** Replaces the answer with the given nodes (null and false are skipped). */
function show(...nodes) {
  answerBody.replaceChildren(...nodes.filter((n) => n !== null && n !== undefined && n !== false));
}

let pending = 0;
function schedule() {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(compute);
}

function compute() {
  clearMarks();
  try {
    if (state.view === "sales") renderSales(compare(salesRequest()));
    else if (state.view === "contract") renderContract(plusContract(contractRequest()));
    else renderStatus(status(statusRequest()));
  } catch (error) {
    show(errorBox(error));
    markError(error);
  }
  writeUrl();
}

/**
 * Marks the input an error from the core is about, found from the error's `field` path only (the
 * message is for people, never parsed): the control whose `data-field` is that path
 * (`claims[1].amount` → the amount of claim row 2; `claims[1]` → the first control of that row).
 * It gets aria-invalid and is described by the error box. With `field` null, or a path no control
 * of this view sets, the error box alone shows the error, at the form level.
 */
function markError(error) {
  const path = typeof error?.field === "string" ? error.field : null;
  if (!path) return;
  const controls = /** @type {HTMLElement[]} */ ([...body.querySelectorAll("[data-field]")]);
  // A whole row (`claims[2]`): its first control.
  const control = controls.find((el) => el.dataset.field === path)
    ?? (/\]$/.test(path) ? controls.find((el) => el.dataset.field?.startsWith(`${path}.`)) : undefined);
  if (!control) return;
  control.setAttribute("aria-invalid", "true");
  const described = (control.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  control.setAttribute("aria-describedby", [...described.filter((id) => id !== ERROR_ID), ERROR_ID].join(" "));
  (control.closest(".field") ?? control.closest(".check") ?? control.closest(".group"))?.classList.add("is-invalid");
}

function clearMarks() {
  if (!body) return;
  for (const el of body.querySelectorAll("[aria-invalid]")) {
    el.removeAttribute("aria-invalid");
    const rest = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((id) => id && id !== ERROR_ID);
    if (rest.length) el.setAttribute("aria-describedby", rest.join(" "));
    else el.removeAttribute("aria-describedby");
  }
  for (const el of body.querySelectorAll(".is-invalid")) el.classList.remove("is-invalid");
}

// A list of rows, each a small grid of fields, with add and remove.
function rowList(items, makeRow, addKey, make) {
  const list = h("ol", { class: "claims en-rows" });
  const draw = () => {
    list.replaceChildren();
    items.forEach((item, i) => {
      const li = h("li", { class: "claim en-row" }, h("span", { class: "claim__n", "aria-hidden": "true", text: String(i + 1) }), makeRow(item, i));
      li.append(h("button", { type: "button", class: "button button--icon claim__remove", "aria-label": `${w("remove")} ${i + 1}`, onclick: () => { items.splice(i, 1); draw(); schedule(); } }, h("span", { "aria-hidden": "true", text: "×" })));
      list.append(li);
    });
  };
  draw();
  const add = h("button", { type: "button", class: "button button--secondary", onclick: () => { items.push(make()); draw(); schedule(); } }, h("span", { "aria-hidden": "true", text: "＋ " }), w(addKey));
  return [list, add];
}

function bind(input, set, event = "input") {
  input.addEventListener(event, () => {
    set(input instanceof HTMLInputElement && input.type === "checkbox" ? input.checked : input.value);
    schedule();
  });
  return input;
}

// ---------------------------------------------------------------------------------------------
// Sales: Basic against Plus (EN-13)

function salesForm() {
  const s = state.sales;
  const [list, add] = rowList(
    s.fleet,
    (line, i) => h("div", { class: "en-row__fields" },
      field("product", bind(productSelect(line.product), (v) => { line.product = v; }, "change"), "field--compact", `fleet[${i}].product`),
      field("units", bind(h("input", { type: "text", inputmode: "numeric", value: String(line.units), autocomplete: "off" }), (v) => { line.units = v; }), "field--compact", `fleet[${i}].units`)),
    "addProduct",
    () => ({ product: "phantom-4-rtk", units: 1 }),
  );
  body.append(
    h("fieldset", { class: "group" }, h("legend", { text: w("fleet") }), list, add),
    field("incidents", bind(h("input", { type: "text", inputmode: "numeric", value: String(s.incidents), autocomplete: "off" }), (v) => { s.incidents = v; }), "", "incidents"),
    field("repairCost", bind(h("input", { type: "text", inputmode: "numeric", value: s.repairCost, autocomplete: "off" }), (v) => { s.repairCost = v; }), "", "repairCost"),
  );
}

const asCount = (v) => (/^\d+$/.test(String(v).trim()) ? Number(String(v).trim()) : String(v));

function salesRequest() {
  const s = state.sales;
  return {
    fleet: s.fleet.map((l) => ({ product: l.product, units: asCount(l.units) })),
    incidents: asCount(s.incidents),
    repairCost: String(s.repairCost).replace(/[,\s円¥]/g, ""),
  };
}

function side(answerSide, key) {
  const missing = answerSide.missing.map((m) => h("li", { text: `${productName(m.product)}: ${w(`missing.${m.item}`)}` }));
  return h("div", { class: `count en-side en-side--${key}` },
    h("p", { class: "count__title", text: w(key) }),
    facts([
      [w("planPrice"), h("span", { class: "money money--big", text: answerSide.price ? money(answerSide.price) : w("notComputable") })],
      key === "plus" ? [w("sharedLimit"), h("span", { class: "money", text: money(answerSide.limit) })] : null,
    ]),
    missing.length ? h("div", { class: "subblock" }, h("p", { class: "subblock__title", text: w("missing") }), h("ul", { class: "bullets" }, missing)) : null);
}

/** A total, or when the plan price is unknown, what the incidents cost on top of it. */
function totalCell(total, incidents) {
  if (total) return h("span", { class: "money", text: money(total) });
  if (incidents) return h("span", {}, h("span", { class: "note", text: `${w("priceUnknownPlus")} ` }), h("span", { class: "money", text: money(incidents) }));
  return h("span", { text: "—" });
}

function renderSales(a) {
  const table = h("table", { class: "en-table" },
    h("caption", { text: w("tableCaption") }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: w("incidentsCol") }), h("th", { scope: "col", text: w("basic") }), h("th", { scope: "col", text: w("plus") }), h("th", { scope: "col", text: w("cheaperCol") }))),
    h("tbody", {}, a.rows.map((r) => h("tr", { class: r.cheaper ? `en-row--${r.cheaper}` : "" },
      h("th", { scope: "row", text: String(r.incidents) }),
      h("td", {}, totalCell(r.basicTotal, r.basicIncidents), r.basicRepairsInstead ? h("span", { class: "note", text: ` (${w("repairsInsteadCell", { n: r.basicRepairsInstead })})` }) : null),
      h("td", {}, totalCell(r.plusTotal, r.plusIncidents)),
      h("td", { text: r.cheaper ? w(`cheaper.${r.cheaper}`) : "—" })))));
  const n = a.rows.length - 1;
  const verdict = a.plusCheaperFrom !== null
    ? w("breakEven", { n: a.plusCheaperFrom })
    : a.basic.complete && a.plus.complete ? w("noBreakEven", { n }) : w("unknownBreakEven");
  show(
    h("div", { class: `verdict ${a.plusCheaperFrom !== null ? "verdict--yes" : "verdict--wait"}` }, h("div", { class: "verdict__icon", "aria-hidden": "true" }), h("div", { class: "verdict__text" }, h("p", { class: "verdict__title", text: verdict }))),
    h("div", { class: "counts" }, side(a.basic, "basic"), side(a.plus, "plus")),
    a.repairInstead.length ? h("ul", { class: "bullets" }, a.repairInstead.map((r) => h("li", { text: w("repairInstead", { product: productName(r.product), nth: r.replacement, fee: money(r.fee), cost: money(r.repairCost) }) }))) : null,
    tableWrap(table, w("tableCaption")),
    h("p", { class: "note", text: w("assumptions") }),
    rulesBlock(a.rules),
  );
}

// ---------------------------------------------------------------------------------------------
// Plus shared-limit contract (EN-5, EN-6, EN-7, EN-9)

const plusProducts = (p) => p.plans.includes("enterprise-plus") && p.terms.careEnterprise?.plusLimit.status === "published";

function contractForm() {
  const c = state.contract;
  const [members, addMember] = rowList(
    c.members,
    (m, i) => h("div", { class: "en-row__fields" },
      field("memberId", bind(h("input", { type: "text", value: m.id, autocomplete: "off" }), (v) => { m.id = v; }), "field--compact", `members[${i}].id`),
      field("product", bind(productSelect(m.product, plusProducts), (v) => { m.product = v; }, "change"), "field--compact", `members[${i}].product`),
      field("date", bind(h("input", { type: "date", value: m.date }), (v) => { m.date = v; }), "field--compact", `members[${i}].date`),
      field("ownerOptional", bind(h("input", { type: "text", value: m.owner, autocomplete: "off" }), (v) => { m.owner = v; }), "field--compact", `members[${i}].owner`),
      field("regionOptional", bind(h("input", { type: "text", value: m.region, autocomplete: "off", maxlength: "8" }), (v) => { m.region = v; }), "field--compact", `members[${i}].region`),
      h("div", { class: "check" }, (() => {
        const box = bind(h("input", { type: "checkbox", id: nextId("video"), checked: m.video, "data-field": `members[${i}].videoInspectionPassed` }), (v) => { m.video = v; }, "change");
        return [box, h("label", { for: box.id, text: w("video") })];
      })())),
    "addMember",
    () => ({ id: `#${c.members.length + 1}`, product: "zenmuse-h20", date: c.activatedOn, owner: "", region: "", video: false }),
  );
  const [claims, addClaim] = rowList(
    c.claims,
    (cl, i) => h("div", { class: "en-row__fields" },
      field("claimMember", bind(h("input", { type: "text", value: cl.member, autocomplete: "off" }), (v) => { cl.member = v; }), "field--compact", `claims[${i}].member`),
      field("claimDate", bind(h("input", { type: "date", value: cl.date }), (v) => { cl.date = v; }), "field--compact", `claims[${i}].date`),
      field("amount", bind(h("input", { type: "text", inputmode: "numeric", value: cl.amount, autocomplete: "off" }), (v) => { cl.amount = v; }), "field--compact", `claims[${i}].amount`)),
    "addClaim",
    () => ({ member: c.members[0]?.id ?? "#1", date: c.now.slice(0, 10), amount: "100000" }),
  );
  body.append(
    h("div", { class: "field-row" },
      field("activatedOn", bind(h("input", { type: "date", value: c.activatedOn }), (v) => { c.activatedOn = v; }), "", "activatedOn"),
      field("owner", bind(h("input", { type: "text", value: c.owner, autocomplete: "off" }), (v) => { c.owner = v; }), "", "owner")),
    field("region", bind(h("input", { type: "text", value: c.region, autocomplete: "off", maxlength: "8" }), (v) => { c.region = v; }), "", "region"),
    h("fieldset", { class: "group" }, h("legend", { text: w("members") }), members, addMember),
    h("fieldset", { class: "group" }, h("legend", { text: w("claims") }), claims, addClaim),
    field("now", bind(h("input", { type: "datetime-local", value: c.now }), (v) => { c.now = v; }), "", "now"),
  );
}

function contractRequest() {
  const c = state.contract;
  const opt = (v) => (String(v ?? "").trim() ? String(v).trim() : null);
  return {
    activatedOn: c.activatedOn,
    owner: c.owner,
    region: opt(c.region),
    members: c.members.map((m) => ({ id: opt(m.id), product: m.product, date: m.date, owner: opt(m.owner), region: opt(m.region), videoInspectionPassed: m.video })),
    claims: c.claims.map((cl) => ({ member: cl.member, date: cl.date, amount: String(cl.amount).replace(/[,\s円¥]/g, "") })),
    now: localToInstant(c.now),
  };
}

function renewCell(r) {
  return h("span", { class: `tag ${r.possible ? "tag--good" : "tag--bad"}`, text: w(`renew.status.${r.status}`) });
}

function renderContract(a) {
  const members = h("table", { class: "en-table" },
    h("caption", { text: w("members") }),
    h("thead", {}, h("tr", {}, ["memberId", "product", "joined", "ownLimit", "ownShare", "renewCol"].map((k) => h("th", { scope: "col", text: w(k) })))),
    h("tbody", {}, a.members.map((m) => h("tr", {},
      h("th", { scope: "row", text: m.id }),
      h("td", { text: productName(m.product) }),
      h("td", {}, m.joined ? h("span", { class: "tag tag--good", text: w("joined") }) : h("span", {}, h("span", { class: "tag tag--bad", text: w("notJoined") }), " ", m.reasons.map((r) => w(`reason.${r}`)).join(" / "))),
      h("td", { class: "money", text: money(m.limit) }),
      h("td", {}, h("span", { class: "money", text: money(m.ownShare.left) }), ` (${m.ownShare.percentLeft} %)`),
      h("td", {}, renewCell(m.renew))))));
  const claims = a.claims.length
    ? h("table", { class: "en-table" },
      h("caption", { text: w("claimsTable") }),
      h("thead", {}, h("tr", {}, ["claimDate", "claimMember", "amount", "from", "covered", "customerPays", "leftAfter"].map((k) => h("th", { scope: "col", text: w(k) })))),
      h("tbody", {}, a.claims.map((c) => h("tr", {},
        h("th", { scope: "row", text: fmtDate(c.date) }),
        h("td", { text: `${c.member} (${productName(c.product)})` }),
        h("td", { class: "money", text: money(c.amount) }),
        h("td", { text: w(`from.${c.from}`) }),
        h("td", { class: "money", text: money(c.covered) }),
        h("td", { class: `money ${c.customerPays.amount !== "0" ? "en-pays" : ""}`, text: money(c.customerPays) }),
        h("td", { class: "money", text: money(c.leftAfter) })))))
    : null;
  show(
    h("div", { class: "counts" },
      h("div", { class: "count" }, h("p", { class: "count__title", text: w("pool") }),
        facts([[w("poolLimit"), h("span", { class: "money money--big", text: money(a.pool.limit) })], [w("poolUsed"), money(a.pool.used)], [w("poolLeft"), h("span", { class: "money", text: money(a.pool.left) })], [w("customerPaidTotal"), money(a.customerPaid)]])),
      h("div", { class: "count" }, facts([[w("period"), fmtPeriod(a.period)], [w("joinUntil"), fmtDate(a.joinUntil)], [w("reminders"), a.reminders.map((r) => w("reminder", { n: r.daysBefore, d: fmtDate(r.date) })).join(" · ")]]))),
    tableWrap(members, w("members")),
    claims ? tableWrap(claims, w("claimsTable")) : null,
    h("p", { class: "note", text: w("renewPool", { n: a.renewPool.members.length, limit: money(a.renewPool.limit) }) }),
    rulesBlock(a.rules),
  );
}

// ---------------------------------------------------------------------------------------------
// Status of a Basic / Plus (or Renew) plan held, with the Renew window (EN-3 … EN-12)

function statusForm() {
  const s = state.status;
  const plans = h("div", { class: "segmented", role: "radiogroup", "aria-label": w("plan"), "data-field": "plan" });
  for (const p of ["enterprise-basic", "enterprise-plus", "enterprise-basic-renew", "enterprise-plus-renew"]) {
    const id = `en-status-plan-${p}`;
    const input = h("input", { type: "radio", name: "en-status-plan", id, value: p, checked: s.plan === p });
    input.addEventListener("change", () => {
      s.plan = p;
      const fits = products.find((x) => x.id === s.product)?.plans.includes(p);
      if (!fits) s.product = products.find((x) => x.plans.includes(p))?.id ?? s.product;
      if (!p.includes("plus")) for (const c of s.claims) c.amount = "";
      render();
    });
    plans.append(input, h("label", { for: id, text: w(`plan.${p}`) }));
  }
  const isPlus = s.plan.includes("plus");
  const [claims, addClaim] = rowList(
    s.claims,
    (c, i) => h("div", { class: "en-row__fields" },
      field("claimDate", bind(h("input", { type: "date", value: c.date }), (v) => { c.date = v; }), "field--compact", `claims[${i}].date`),
      isPlus ? field("amount", bind(h("input", { type: "text", inputmode: "numeric", value: c.amount, autocomplete: "off" }), (v) => { c.amount = v; }), "field--compact", `claims[${i}].amount`) : null),
    "addClaim",
    () => ({ date: s.now.slice(0, 10), amount: isPlus ? "100000" : "" }),
  );
  const video = bind(h("input", { type: "checkbox", id: "en-status-video", checked: s.video, "data-field": "videoInspectionPassed" }), (v) => { s.video = v; }, "change");
  body.append(
    h("fieldset", { class: "group" }, h("legend", { text: w("plan") }), plans),
    field("product", bind(productSelect(s.product, (p) => p.plans.includes(s.plan)), (v) => { s.product = v; }, "change"), "", "product"),
    field("start", bind(h("input", { type: "date", value: s.start }), (v) => { s.start = v; }), "", "start"),
    h("fieldset", { class: "group" }, h("legend", { text: w("statusClaims") }), claims, addClaim),
    h("div", { class: "check" }, video, h("label", { for: "en-status-video", text: w("statusVideo") })),
    field("now", bind(h("input", { type: "datetime-local", value: s.now }), (v) => { s.now = v; }), "", "now"),
  );
}

function statusRequest() {
  const s = state.status;
  const isPlus = s.plan.includes("plus");
  return {
    plan: s.plan,
    product: s.product,
    start: s.start,
    claims: s.claims.map((c) => (isPlus ? { date: c.date, amount: String(c.amount).replace(/[,\s円¥]/g, "") } : { date: c.date })),
    videoInspectionPassed: s.video,
    now: localToInstant(s.now),
  };
}

function renderStatus(a) {
  const r = a.renew;
  const held = a.replacements
    ? [[w("replacementsLeft", { left: a.replacements.left, given: a.replacements.given }), ""], [w("nextFee"), h("span", { class: "money", text: money(a.nextReplacementFee) })]]
    : [[w("limitLeft"), h("span", { class: "money money--big", text: a.limit?.left ? money(a.limit.left) : money(a.limit?.limit) })], [w("limitUsed"), money(a.limit?.used)], [w("customerPaid"), money(a.limit?.customerPaid)]];
  const windows = h("ul", { class: "bullets" },
    h("li", { text: w("window1", { d: fmtDate(r.dates.validUntil) }) }),
    h("li", { text: w("window2", { b: fmtDate(r.dates.withoutVideoUntil) }) }),
    h("li", { text: w("window3", { a: fmtDate(r.dates.withVideoFrom), b: fmtDate(r.dates.withVideoUntil) }) }));
  show(
    h("div", { class: `verdict ${a.active ? "verdict--yes" : a.state === "expired" ? "verdict--no" : "verdict--wait"}` },
      h("div", { class: "verdict__icon", "aria-hidden": "true" }),
      h("div", { class: "verdict__text" }, h("p", { class: "verdict__title", text: w(`state.${a.state}`) }), h("p", { class: "verdict__sub", text: fmtPeriod(a.period) }))),
    facts(held),
    h("div", { class: "block" },
      h("h4", { text: w("renew") }),
      h("div", { class: `verdict ${r.possible ? "verdict--yes" : "verdict--no"}` }, h("div", { class: "verdict__icon", "aria-hidden": "true" }),
        h("div", { class: "verdict__text" }, h("p", { class: "verdict__title", text: r.possible ? w("renew.possible") : w(`renew.status.${r.status}`) }), h("p", { class: "verdict__sub", text: w(`stage.${r.stage}`) }))),
      r.plan ? facts([
        [w("renewPrice"), h("span", { class: "money", text: money(r.price) })],
        r.replacementFee.status !== "not-offered" ? [w("renewFee"), money(r.replacementFee)] : null,
        r.limit.status !== "not-offered" ? [w("renewLimit"), money(r.limit)] : null,
        [w("renewPeriod"), fmtPeriod(r.period)],
        r.ownShare ? [w("ownShare"), `${money(r.ownShare.left)} (${r.ownShare.percentLeft} %)`] : null,
      ]) : null,
      h("p", { class: "subblock__title", text: w("windows") }), windows,
      r.needs.length ? h("div", { class: "subblock" }, h("p", { class: "subblock__title", text: w("needs") }), h("ul", { class: "bullets" }, r.needs.map((n) => h("li", { text: w(`needs.${n}`) })))) : null),
    h("div", { class: "block" }, h("h4", { text: w("reminders") }),
      h("ul", { class: "bullets" }, a.reminders.map((m) => h("li", {}, w("reminder", { n: m.daysBefore, d: fmtDate(m.date) }), m.due ? h("span", { class: "note", text: ` (${w("due")})` }) : null)))),
    rulesBlock(a.rules),
  );
}

// ---------------------------------------------------------------------------------------------
// Start

/** Resolves once the page (app.js) has loaded the core and drawn its own tabs. */
function pageReady() {
  return new Promise((done) => {
    if (document.body.classList.contains("is-ready")) return done(undefined);
    const observer = new MutationObserver(() => {
      if (!document.body.classList.contains("is-ready")) return;
      observer.disconnect();
      done(undefined);
    });
    observer.observe(document.body, { attributes: true, attributeFilter: ["class"] });
  });
}

async function main() {
  // Read before the page rewrites the query string with its own state.
  const wanted = new URLSearchParams(location.search).get("tab") === "enterprise";
  if (!buildTab()) return;
  document.getElementById("lang-toggle")?.addEventListener("click", () => {
    // The page switches its language first (its listener was added first); then redraw.
    setTimeout(() => {
      for (const el of document.querySelectorAll("[data-en]")) el.textContent = w(/** @type {HTMLElement} */ (el).dataset.en ?? "");
      if (!panel.hidden) render();
    }, 0);
  });
  try {
    await init();
    products = loadCatalog().products.filter((p) => p.family === "care-enterprise");
  } catch (error) {
    console.error("coverage-calc enterprise: cannot load the rules core", error);
    return;
  }
  const now = nowLocalValue();
  const today = now.slice(0, 10);
  const monthsAgo = (n) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - n);
    return d.toISOString().slice(0, 10);
  };
  const c = state.contract;
  c.activatedOn = monthsAgo(3);
  c.owner = getLang() === "ja" ? "株式会社サンプル測量" : "Sample Survey Ltd";
  c.now = now;
  c.members.push(
    { id: "M210-1", product: "matrice-210-v2", date: c.activatedOn, owner: "", region: "", video: false },
    { id: "H20T-1", product: "zenmuse-h20t", date: c.activatedOn, owner: "", region: "", video: false },
  );
  c.claims.push({ member: "H20T-1", date: monthsAgo(1), amount: "450000" });
  state.status.start = monthsAgo(11);
  state.status.now = now;
  state.status.claims.push({ date: monthsAgo(5), amount: "" });
  readUrl();
  if (wanted) {
    await pageReady();
    selectEnterprise();
  }
}

main();
