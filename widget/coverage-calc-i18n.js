// Every word the widget shows, in Japanese (the default) and English: the tables of words are in
// coverage-calc-words-<lang>[-<group>].js (a chunk each: a page loads the languages and the groups
// of words it shows, WORD_GROUPS), the translator here. The core gives ids (rule ids, reasons, statuses,
// error codes, source files); the words for them live in those tables.

/** @typedef {"ja" | "en"} Lang */

export const LANGS = /** @type {const} */ (["ja", "en"]);

/** @param {string | null} value */
export const langOf = (value) => (value && value.toLowerCase().startsWith("en") ? "en" : "ja");
/** @param {Lang} lang the BCP 47 locale for Intl */
export const localeOf = (lang) => (lang === "en" ? "en-GB" : "ja-JP");

/**
 * The words the element may show before a language's words have arrived (chunks of their own:
 * coverage-calc-words-ja.js and -en.js): that they are loading, or why they could not be.
 */
const early = {
  ja: {
    loading: "計算エンジンを読み込み中…",
    loadFailed: "計算エンジンを読み込めませんでした。ページを再読み込みしてください。",
    loadTimeout: ({ s }) => `計算エンジンを読み込めませんでした（${s} 秒待っても届きません）。通信状況を確かめて、ページを再読み込みしてください。`,
    intlMissing: "このブラウザーは日付と金額を表示できないため（Intl がありません）、計算機を使えません。最新のブラウザーでお試しください。",
  },
  en: {
    loading: "Loading the calculator…",
    loadFailed: "The calculator could not be loaded. Please reload the page.",
    loadTimeout: ({ s }) => `The calculator could not be loaded (nothing arrived in ${s} seconds). Check the connection and reload the page.`,
    intlMissing: "This browser cannot format dates and yen (Intl is missing), so the calculator cannot work here. Please try a current browser.",
  },
};

/** The groups of words, each a chunk per language: `core` (every mode, Care Refresh), status mode's, the families', the page's. */
export const WORD_GROUPS = /** @type {const} */ (["core", "status", "enterprise", "ipro", "page"]);

/** The chunk of a group of words in a language (literal imports: the bundler splits each off). */
const CHUNKS = {
  ja: {
    core: () => import("./coverage-calc-words-ja.js"),
    status: () => import("./coverage-calc-words-ja-status.js"),
    enterprise: () => import("./coverage-calc-words-ja-enterprise.js"),
    ipro: () => import("./coverage-calc-words-ja-ipro.js"),
    page: () => import("./coverage-calc-words-ja-page.js"),
  },
  en: {
    core: () => import("./coverage-calc-words-en.js"),
    status: () => import("./coverage-calc-words-en-status.js"),
    enterprise: () => import("./coverage-calc-words-en-enterprise.js"),
    ipro: () => import("./coverage-calc-words-en-ipro.js"),
    page: () => import("./coverage-calc-words-en-page.js"),
  },
};

/** The groups of words the answers of a family need. */
export const groupsOf = (family) => (family === "care-enterprise" ? ["core", "enterprise"] : family === "ipro" ? ["core", "ipro"] : ["core"]);

/** The words loaded, by language: `{words, rules}` merged over the groups loaded (`groups`). */
const loaded = { ja: { groups: new Set(), words: {}, rules: {}, sources: {} }, en: { groups: new Set(), words: {}, rules: {}, sources: {} } };
/** The groups on their way, by `lang/group`. */
const loading = new Map();

/**
 * Loads groups of words of `lang` (`ja`, `en`; all groups by default), each chunk fetched once;
 * resolves to the language's translator.
 * @param {Lang} lang
 * @param {readonly string[]} groups
 */
export function loadWords(lang, groups = WORD_GROUPS) {
  const table = loaded[langOf(lang)];
  const chunks = CHUNKS[langOf(lang)];
  return Promise.all(groups.filter((g) => !table.groups.has(g) && chunks[g]).map((g) => {
    const key = `${langOf(lang)}/${g}`;
    if (!loading.has(key)) {
      loading.set(key, chunks[g]().then((m) => {
        Object.assign(table.words, m.words);
        Object.assign(table.rules, m.rules);
        Object.assign(table.sources, m.sources ?? {});
        table.groups.add(g);
      }).finally(() => loading.delete(key)));
    }
    return loading.get(key);
  })).then(() => translator(lang));
}

/** Whether `groups` of the words of `lang` are loaded (`translator(lang)` then knows their keys). */
export const wordsLoaded = (lang, groups) => groups.every((g) => loaded[langOf(lang)].groups.has(g));

/** The keys of one group of a language's words (`core` with the early ones), or of all (tests/node/words.mjs). */
export async function wordKeys(lang, group = null) {
  if (group) return Object.keys((await CHUNKS[lang][group]()).words).concat(group === "core" ? Object.keys(early[lang]) : []);
  await loadWords(lang);
  return [...Object.keys(early[lang]), ...Object.keys(loaded[lang].words)];
}



/**
 * A translator for one language: `t(key, params)`; a key missing (or not loaded yet: `loadWords`)
 * falls back to English when it is loaded, then to the key itself (never throws).
 * @param {Lang} lang
 */
export function translator(lang) {
  const own = loaded[langOf(lang)];
  const english = loaded.en;
  const dict = own.words;
  const t = (key, params = {}) => {
    const value = dict[key] ?? early[langOf(lang)][key] ?? english.words[key] ?? early.en[key];
    if (value === undefined) return key;
    return typeof value === "function" ? value(params) : value;
  };
  t.has = (key) => key in dict || key in english.words || key in early.ja;
  t.rule = (id) => own.rules[id] ?? english.rules[id] ?? null;
  /** A source document: `{title, by, url}` (url null when the sources give none), or null. */
  t.source = (file) => own.sources[String(file).slice(0, 3)] ?? english.sources[String(file).slice(0, 3)] ?? null;
  return t;
}
