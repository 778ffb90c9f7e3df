// Helpers shared by the widget's modes: DOM building (never innerHTML), Japan time, Intl
// formatting, calendar files. No state, no globals.

/**
 * Creates an element. `props`: `class`, `text` (textContent), `part`, `on<event>` listeners, other
 * attributes (`true` → empty attribute; null/undefined/false → absent). Children: nodes or strings
 * (strings become text nodes, never markup).
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = String(value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element, with the same props and children as `h` (createElementNS; never markup). */
export function svg(tag, props = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") el.textContent = String(value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

// ---------------------------------------------------------------------------------------------
// Japan time (UTC+09:00, no daylight saving; docs/rules.md T-1)

const JST_MS = 9 * 60 * 60 * 1000;
const TOKYO = "Asia/Tokyo";

/** An RFC 3339 instant in Japan time, seconds included. */
export function toJstInstant(date) {
  return `${new Date(date.getTime() + JST_MS).toISOString().slice(0, 19)}+09:00`;
}

/** Is `YYYY-MM-DD` a real calendar date? */
export function isDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "");
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * Typed text as people write dates and times in Japan → plain ASCII: full-width digits, signs and
 * spaces (NFKC: 「２０２６－１２－０１　２０：００」), other dashes, 「2026年12月1日」, 「20時00分」 /
 * 「20時」, and a weekday in brackets 「(火)」 dropped.
 */
export function normalizeTyped(text) {
  return String(text ?? "").normalize("NFKC")
    .replace(/[\u2010-\u2015\u2212\u30FC]/g, "-")
    .replace(/\s*\([^()]*\)/g, " ")
    .replace(/(\d{1,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, "$1-$2-$3 ")
    .replace(/(\d{1,2})\s*時\s*(\d{1,2})\s*分(?:\s*(\d{1,2})\s*秒)?/g, (_, hh, mm, ss) => `${hh}:${mm}${ss ? `:${ss}` : ""}`)
    .replace(/(\d{1,2})\s*時/g, "$1:00")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A typed date → `YYYY-MM-DD`, else null: `2026-11-20`, `2026/11/20`, `2026-1-2`,
 * 「2026年11月20日」, full-width digits.
 */
export function parseDate(text) {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(normalizeTyped(text));
  if (!m) return null;
  const value = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  return isDate(value) ? value : null;
}

/**
 * A typed Japan date and time (`2026-11-20 09:00`, `2026/11/20 9:00:30`, `2026-11-20T09:00`,
 * 「2026年12月1日 20:00」, full-width digits) → an RFC 3339 instant with +09:00, else null. A date
 * alone is 0:00 Japan time that day (the forms say so: `isDateOnly`).
 */
export function parseJstInstant(text) {
  const typed = normalizeTyped(text);
  const dateOnly = parseDate(typed);
  if (dateOnly) return `${dateOnly}T00:00:00+09:00`;
  const m = /^(\S+?)(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(typed);
  if (!m) return null;
  const date = parseDate(m[1]);
  const [hh, mm, ss] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (!date || hh > 23 || mm > 59 || ss > 59) return null;
  const pad = (n) => String(n).padStart(2, "0");
  return `${date}T${pad(hh)}:${pad(mm)}:${pad(ss)}+09:00`;
}

/** Is the typed text a date without a time (then it means 0:00 Japan time)? */
export const isDateOnly = (text) => parseDate(text) !== null;

// ---------------------------------------------------------------------------------------------
// Formatting through Intl

/**
 * An Intl formatter, made once per kind, locale and options and kept (as `intl()` in the page's
 * www/dom.js): a `DateTimeFormat` with a time zone costs milliseconds to make, and every render
 * and tick formats.
 */
const intlCache = new Map();
function intl(kind, locale, options) {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = intlCache.get(key);
  if (f === undefined) {
    f = new Intl[kind](locale, options);
    intlCache.set(key, f);
  }
  return f;
}

/** @param {string} locale */
export function formatters(locale, t) {
  const day = { timeZone: TOKYO, year: "numeric", month: "long", day: "numeric", weekday: "short" };
  // "narrowSymbol": ¥ in English too (en-GB would write "JP¥").
  const yen = intl("NumberFormat", locale, { style: "currency", currency: "JPY", currencyDisplay: "narrowSymbol" });
  const instantFmt = intl("DateTimeFormat", locale, { ...day, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const instantSecFmt = intl("DateTimeFormat", locale, { ...day, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  const dateFmt = intl("DateTimeFormat", locale, day);

  /** An instant in Japan time, with "(Japan time)". */
  const instant = (iso) => {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return String(iso);
    return `${(d.getUTCSeconds() !== 0 ? instantSecFmt : instantFmt).format(d)} (${t("jst")})`;
  };
  /** A Japan date `YYYY-MM-DD`. */
  const date = (value) => {
    const d = new Date(`${value}T12:00:00+09:00`);
    return Number.isNaN(d.getTime()) ? String(value) : dateFmt.format(d);
  };
  const dayMonthFmt = intl("DateTimeFormat", locale, { timeZone: TOKYO, month: "short", day: "numeric" });
  /** A Japan date as day and month: 「12月8日」, "8 Dec". */
  const dayMonth = (value) => {
    const d = new Date(`${value}T12:00:00+09:00`);
    return Number.isNaN(d.getTime()) ? String(value) : dayMonthFmt.format(d);
  };
  const period = (p) => t("period", { start: date(p.start), end: date(p.end) });
  /** A fee: yen without decimals (the exact decimal string goes to Intl, not through a float). */
  const fee = (f) => {
    if (!f) return "—";
    if (f.status === "published") return f.currency === "JPY" ? yen.format(f.amount) : `${f.amount} ${f.currency}`;
    return t(`fee.${f.status}`);
  };
  /** 「あと2日」 / "in 2 days": minutes under 2 h, hours under 2 days, then whole days. */
  const relative = (targetIso, nowIso) => {
    const diff = Date.parse(targetIso) - Date.parse(nowIso);
    if (!Number.isFinite(diff)) return "";
    const abs = Math.abs(diff);
    const MINUTE = 60_000, HOUR = 60 * MINUTE, DAY = 24 * HOUR;
    const [n, unit] = abs < 2 * HOUR ? [Math.floor(abs / MINUTE), "minute"]
      : abs < 2 * DAY ? [Math.floor(abs / HOUR), "hour"] : [Math.floor(abs / DAY), "day"];
    return t(diff < 0 ? "relAgo" : "relIn", { n, unit });
  };
  /** A precise countdown "1日 23時間59分12秒" to `targetIso`, or null when passed. */
  const countdown = (targetIso, nowIso) => {
    const diff = Date.parse(targetIso) - Date.parse(nowIso);
    if (!Number.isFinite(diff) || diff < 0) return null;
    const s = Math.floor(diff / 1000);
    return t("hms", { d: Math.floor(s / 86400), h: Math.floor((s % 86400) / 3600), m: Math.floor((s % 3600) / 60), s: s % 60 });
  };
  const integer = intl("NumberFormat", locale, { maximumFractionDigits: 0 });
  const compactYen = intl("NumberFormat", locale, { style: "currency", currency: "JPY", currencyDisplay: "narrowSymbol", notation: "compact", maximumFractionDigits: 1 });
  /** Yen in short, for a chart's axis: ￥11.8万, ¥117.7k. */
  const yenCompact = (n) => compactYen.format(n);
  /** A whole number with the locale's separators: 100,000. */
  const count = (n) => integer.format(n);
  return { instant, date, dayMonth, period, fee, relative, countdown, count, yenCompact };
}

// ---------------------------------------------------------------------------------------------
// Calendar files (RFC 5545), built here and downloaded from a blob: URL (no network)

const icsEscape = (text) => String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
const icsUtc = (date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
const icsDay = (dateString) => dateString.replace(/-/g, "");
function nextDay(dateString) {
  const d = new Date(`${dateString}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
/** Folds a line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
function icsFold(line) {
  const encoder = new TextEncoder();
  const out = [];
  let current = "";
  let bytes = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = "";
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

/**
 * A calendar of events. Each: `{uid, title, description, at}` (an instant: a 30-minute event
 * ending at it) or `{uid, title, description, day}` (a Japan date: an all-day event), with
 * `alarms`: ISO durations before it (`-P7D`, `-PT2H`).
 */
export function buildIcs(events, stamp = new Date()) {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//coverage-calc//widget//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  for (const e of events) {
    lines.push("BEGIN:VEVENT", `UID:${e.uid}@coverage-calc`, `DTSTAMP:${icsUtc(stamp)}`);
    if (e.at) {
      const end = new Date(e.at);
      lines.push(`DTSTART:${icsUtc(new Date(end.getTime() - 30 * 60_000))}`, `DTEND:${icsUtc(end)}`);
    } else {
      lines.push(`DTSTART;VALUE=DATE:${icsDay(e.day)}`, `DTEND;VALUE=DATE:${icsDay(nextDay(e.day))}`);
    }
    lines.push(`SUMMARY:${icsEscape(e.title)}`, `DESCRIPTION:${icsEscape(e.description ?? "")}`);
    for (const trigger of e.alarms ?? []) {
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", `TRIGGER:${trigger}`, `DESCRIPTION:${icsEscape(e.title)}`, "END:VALARM");
    }
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(icsFold).join("\r\n")}\r\n`;
}

/** Downloads `text` as a file through a link inside `root` (the shadow root). */
export function download(root, filename, text, type = "text/calendar;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: filename, hidden: true });
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
