// The widget's words in Japanese (the default): the page's own words (www/: tabs, header, footer). A chunk of their own
// (scripts/build-widget.mjs), loaded by coverage-calc-i18n.js `loadWords` when an element or a page
// needs them. Values are strings or functions of named parameters. tests/node/words.mjs checks that
// both languages have the same keys, and that each mode asks only for words of its groups.

/** The words, by key. */
export const words = {
  "page.tab.buy": "購入できる？", "page.tab.status": "プランの残り", "page.tab.enterprise-buy": "Enterprise 購入",
  "page.tab.enterprise-status": "Enterprise 加入中", "page.tab.contract": "Plus 限度額共有", "page.tab.compare": "Basic と Plus",
  "page.tab.ipro": "i-PRO 保証",
  "page.skip": "計算機へ移動",
  "page.peek": "結果を見る",
  "page.now": "計算の基準日時（日本時間・空欄なら現在）",
  "page.nowHint": "例：2026-11-20 09:00。仮の日時で「もし〜なら」を試せます。",
  "page.tabs": "計算の種類",
  "page.copyLink": "リンクをコピー",
  "page.copied": "この画面へのリンクをコピーしました。",
  "page.copyFailed": "コピーできませんでした。アドレスバーのリンクをお使いください。",
  "page.langToggle": "English",
  "page.langToggleLabel": "Switch to English",
  "page.care-refresh.title": "DJI Care Refresh 計算機",
  "page.care-refresh.tagline": "プランをまだ購入できるか、加入中のプランに何が残っているかを計算します。",
  "page.care-refresh.footer": "価格は日本国内・税込。条件は公開資料から読み取ったもので、最終的な判断は DJI の公式条件に従います。すべての計算はこのブラウザ内で行われ、入力はどこにも送信されません。",
  "page.care-enterprise.title": "DJI Care Enterprise 計算機",
  "page.care-enterprise.tagline": "法人向けプランの購入と更新、加入中のプラン、Plus の限度額共有、Basic と Plus の比較を計算します。",
  "page.care-enterprise.footer": "価格・限度額は日本国内・税込。条件は「DJI Care Enterprise ご説明資料」から読み取ったもので、最終的な判断は DJI の公式条件に従います。すべての計算はこのブラウザ内で行われ、入力はどこにも送信されません。",
  "page.ipro.title": "i-PRO 保証計算機",
  "page.ipro.tagline": "i-PRO 製品の保証とパートナーズサークル5年保証の期間、修理が無料かどうかを調べます。",
  "page.ipro.footer": "条件は i-PRO の「保証・修理制度ご説明資料」（2023年12月改版）から読み取ったもので、最終的な判断は i-PRO の保証規定に従います。すべての計算はこのブラウザ内で行われ、入力はどこにも送信されません。",
};

/** Plain words for the rule ids of docs/rules.md. */
export const rules = {

};
