// The widget's words in English: the page's own words (www/: tabs, header, footer). A chunk of their own
// (scripts/build-widget.mjs), loaded by coverage-calc-i18n.js `loadWords` when an element or a page
// needs them. Values are strings or functions of named parameters. tests/node/words.mjs checks that
// both languages have the same keys, and that each mode asks only for words of its groups.

/** The words, by key. */
export const words = {
  "page.tab.buy": "Can I buy?", "page.tab.status": "What's left?", "page.tab.enterprise-buy": "Enterprise: buy",
  "page.tab.enterprise-status": "Enterprise: held", "page.tab.contract": "Plus shared limit", "page.tab.compare": "Basic vs Plus",
  "page.tab.ipro": "i-PRO warranty",
  "page.skip": "Skip to the calculator",
  "page.peek": "See the answer",
  "page.now": "Compute as of (Japan time; empty: now)",
  "page.nowHint": "For example 2026-11-20 09:00: try \"what if\" with another date and time.",
  "page.tabs": "What to calculate",
  "page.copyLink": "Copy link",
  "page.copied": "A link to this view is copied.",
  "page.copyFailed": "It could not be copied: use the link in the address bar.",
  "page.langToggle": "日本語",
  "page.langToggleLabel": "日本語に切り替え",
  "page.care-refresh.title": "DJI Care Refresh calculator",
  "page.care-refresh.tagline": "Can you still buy a plan, and what does your plan have left?",
  "page.care-refresh.footer": "Prices are for Japan, tax included. The terms are read from public documents; DJI's official terms decide. Everything is computed in this browser; nothing you enter is sent anywhere.",
  "page.care-enterprise.title": "DJI Care Enterprise calculator",
  "page.care-enterprise.tagline": "Buying and renewing the enterprise plans, a plan held, the Plus shared limit, Basic against Plus.",
  "page.care-enterprise.footer": "Prices and limits are for Japan, tax included. The terms are read from DJI's \"DJI Care Enterprise\" presentation; DJI's official terms decide. Everything is computed in this browser; nothing you enter is sent anywhere.",
  "page.ipro.title": "i-PRO warranty calculator",
  "page.ipro.tagline": "How long the i-PRO product warranty and the Partners Circle 5-year warranty run, and whether a repair is free.",
  "page.ipro.footer": "The terms are read from i-PRO's warranty and repair presentation (revised December 2023); i-PRO's warranty terms decide. Everything is computed in this browser; nothing you enter is sent anywhere.",
};

/** Plain words for the rule ids of docs/rules.md. */
export const rules = {

};
