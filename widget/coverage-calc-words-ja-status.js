// The widget's words in Japanese (the default): those of status mode alone (a Care Refresh plan held). A chunk
// of their own (scripts/build-widget.mjs), loaded by coverage-calc-i18n.js `loadWords` when an
// element or a page needs them. Values are strings or functions of named parameters.
// tests/node/words.mjs checks that both languages have the same keys, and that each mode asks only
// for words of its groups.

/** The words, by key. */
export const words = {
  boughtOn: "プランの購入日（任意）",
  chain: "これまでのプラン（継続の場合）",
  "chain.none": "なし（最初のプラン）",
  "chain.1y": "1年版 → 現在のプラン",
  "chain.1y1y": "1年版 → 1年版 → 現在のプラン",
  "chain.2y": "2年版 → 現在のプラン",
  "kind.replacement": "リフレッシュ交換",
  "kind.flyaway": "フライアウェイ交換",
  "kind.warranty-repair": "保証修理（品質不良）",

  leftNoLongerUsable: "期間が終了したため、残りの交換はこのプランではもう使えません",
  flyawayLeft: "フライアウェイ交換の残り",
  nextFlyawayFee: "次のフライアウェイ交換の料金",
  "ext.available": ({ until }) => `${until} までに 1 年版を購入すると延長できます。`,
  "ext.not-started": ({ until }) => `補償の満了後、${until} までに 1 年版を購入すると延長できます。`,
  "ext.window-closed": ({ until }) => `購入期限（${until}）を過ぎました。`,
  "ext.chain-at-maximum": "補償の合計が上限の 3 年に達するため、これ以上延長できません。",
  "ext.not-in-edition": "この版の規約には継続プランがありません。",
  extPeriod: "延長後の期間",
  extPrice: "継続プランの価格",

  summaryStatus: ({ state, left }) => `${state}。残り ${left} 回`,
};

/** Plain words for the rule ids of docs/rules.md (none of their own). */
export const rules = {};
