// Reads an answer tape (src/tape.rs) straight out of the wasm module's memory and builds the
// JavaScript objects (and writes requests as JSON text for it): faster than JSON.parse of the same answer, since nothing is scanned as
// text and field names arrive once per module instance, then by number. Imported by the
// wasm-bindgen glue; not part of the public API.

const NULL = 0, TRUE = 1, FALSE = 2, INT = 3, NUMBER = 4, STRING = 5, NAME = 6, NEW_NAME = 7, ARRAY = 8, OBJECT = 9;

/** The names each module instance has sent, by its memory (a new instance starts afresh). */
const tables = new WeakMap();
const decoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });

// The tape being read (module state: one reading at a time, never re-entered). `ops` views the
// whole wasm memory and is made again only when the memory grows (its old buffer is detached),
// so a reading allocates no typed array but the text's.
let ops = new Uint32Array(0);
let bytes = new Uint8Array(0);
let text = "";
let names = [];
let i = 0;

/**
 * A request as JSON text, or `undefined` for a value JSON cannot write (`undefined`, a BigInt, a
 * cycle, a throwing getter): one call from wasm, where `JSON.stringify` through js-sys took two.
 */
export function requestText(value) {
  try {
    const text = JSON.stringify(value);
    return typeof text === "string" ? text : undefined;
  } catch {
    return undefined;
  }
}

export function readTape(memory, opsPtr, opsLen, textPtr, textLen) {
  const buffer = memory.buffer;
  if (ops.buffer !== buffer) {
    ops = new Uint32Array(buffer);
    bytes = new Uint8Array(buffer);
  }
  text = textLen === 0 ? "" : decoder.decode(bytes.subarray(textPtr, textPtr + textLen));
  names = tables.get(memory);
  if (names === undefined) {
    names = [];
    tables.set(memory, names);
  }
  i = opsPtr >>> 2;
  const answer = value();
  if (i !== (opsPtr >>> 2) + opsLen) throw new Error("coverage-calc: malformed answer tape (length)");
  return answer;
}

function value() {
  let op = ops[i++];
  while (op === NEW_NAME) {
    const at = ops[i + 2], len = ops[i + 3];
    i += 4;
    // As a property key, so the engine stores the name in its string table once: every later
    // object built with it then skips that lookup.
    names.push(Object.keys({ [text.slice(at, at + len)]: 0 })[0]);
    op = ops[i++];
  }
  switch (op) {
    case NULL: return null;
    case TRUE: return true;
    case FALSE: return false;
    case INT: return ops[i++] | 0;
    case NUMBER: {
      const at = ops[i], len = ops[i + 1];
      i += 2;
      return Number(text.slice(at, at + len));
    }
    case STRING: {
      const at = ops[i + 2], len = ops[i + 3];
      i += 4;
      return text.slice(at, at + len);
    }
    case NAME: return names[ops[i++]];
    case ARRAY: {
      const n = ops[i++];
      const a = new Array(n);
      for (let k = 0; k < n; k++) a[k] = value();
      return a;
    }
    case OBJECT: {
      const n = ops[i++];
      const o = {};
      for (let k = 0; k < n; k++) {
        const key = value();
        o[key] = value();
      }
      return o;
    }
    default: throw new Error(`coverage-calc: malformed answer tape at ${i - 1}`);
  }
}
