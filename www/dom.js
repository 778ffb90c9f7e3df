// DOM helpers and Intl formatters shared by the page's modules (app.js, enterprise.js,
// ipro.js). Elements are built with createElement and textContent only: no innerHTML of any
// input (the page runs under a strict CSP).

export const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

const SVG_NS = "http://www.w3.org/2000/svg";

/** Creates an element. `props`: class, text, on<event>, other attributes; children: nodes/strings. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, children);
  return el;
}

/** Creates an SVG element, like `h`. */
export function svg(tag, props = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setProps(el, props);
  append(el, children);
  return el;
}

function setProps(el, props) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.setAttribute("class", value);
    else if (key === "text") el.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** A `datetime-local` value (Japan time) as an RFC 3339 instant with +09:00, or null. */
export function localValueToInstant(value) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(value ?? "");
  return m ? `${m[1]}T${m[2]}:${m[3] ?? "00"}+09:00` : null;
}

/** Intl formatters, made once per kind, locale and options and kept: a `DateTimeFormat` with a
 * time zone costs milliseconds to make, and the page formats dozens of dates per answer. */
const formatters = new Map();
/**
 * @template {"DateTimeFormat" | "NumberFormat" | "RelativeTimeFormat"} K
 * @param {K} kind
 * @param {string} locale
 * @param {object} options
 * @returns {InstanceType<(typeof Intl)[K]>}
 */
export function intl(kind, locale, options) {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl[kind](locale, options);
    formatters.set(key, f);
  }
  return f;
}

/**
 * Where a core error points: its `field` path split into the request key, the row and the row's
 * key (`claims[2].date` → {key: "claims", index: 2, sub: "date"}; `now` → {key: "now", index:
 * null, sub: null}; `held.start` → {key: "held", index: null, sub: "start"}), or null when the
 * error concerns no field (`field: null`) or has none. Only `field` is read: the message is for
 * people and never parsed.
 * @returns {{key: string, index: number|null, sub: string|null} | null}
 */
export function errorPath(error) {
  const path = error && typeof error === "object" && typeof error.field === "string" ? error.field : "";
  const m = /^([A-Za-z_$][\w$]*)(?:\[(\d+)\])?(?:\.([A-Za-z_$][\w$]*))?/.exec(path);
  return m ? { key: m[1], index: m[2] === undefined ? null : Number(m[2]), sub: m[3] ?? null } : null;
}
