// The widget's words in English: those of status mode alone (a Care Refresh plan held). A chunk
// of their own (scripts/build-widget.mjs), loaded by coverage-calc-i18n.js `loadWords` when an
// element or a page needs them. Values are strings or functions of named parameters.
// tests/node/words.mjs checks that both languages have the same keys, and that each mode asks only
// for words of its groups.

/** The words, by key. */
export const words = {
  boughtOn: "Date the plan was bought (optional)",
  chain: "Earlier plans (when extended)",
  "chain.none": "None (first plan)",
  "chain.1y": "1 year → this plan",
  "chain.1y1y": "1 year → 1 year → this plan",
  "chain.2y": "2 years → this plan",
  "kind.replacement": "Refresh replacement",
  "kind.flyaway": "Flyaway replacement",
  "kind.warranty-repair": "Warranty repair (defect)",

  leftNoLongerUsable: "The plan has ended: the replacements left can no longer be used on it",
  flyawayLeft: "Flyaway replacements left",
  nextFlyawayFee: "Next flyaway fee",
  "ext.available": ({ until }) => `Buy a 1-year plan by ${until} to extend.`,
  "ext.not-started": ({ until }) => `After expiry, buy a 1-year plan by ${until} to extend.`,
  "ext.window-closed": ({ until }) => `The last day to extend (${until}) has passed.`,
  "ext.chain-at-maximum": "Coverage already reaches the 3-year maximum: no further extension.",
  "ext.not-in-edition": "This edition of the terms has no extension.",
  extPeriod: "Extended period",
  extPrice: "Extension price",

  summaryStatus: ({ state, left }) => `${state}. ${left} replacements left`,
};

/** Plain words for the rule ids of docs/rules.md (none of their own). */
export const rules = {};
