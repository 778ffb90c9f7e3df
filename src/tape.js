// Reads an answer tape (src/tape.rs) straight out of the wasm module's memory and builds the
// JavaScript objects: faster than JSON.parse of the same answer, since nothing is scanned as
// text and field names arrive once per module instance, then by number. Imported by the
// wasm-bindgen glue; not part of the public API.

const NULL = 0, TRUE = 1, FALSE = 2, INT = 3, NUMBER = 4, STRING = 5, NAME = 6, NEW_NAME = 7, ARRAY = 8, OBJECT = 9;

/** The names each module instance has sent, by its memory (a new instance starts afresh). */
const tables = new WeakMap();
const decoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });

// The tape being read (module state: one reading at a time, never re-entered).
let ops = new Uint32Array(0);
let text = "";
let names = [];
let i = 0;

export function readTape(memory, opsPtr, opsLen, textPtr, textLen) {
  const buffer = memory.buffer;
  ops = new Uint32Array(buffer, opsPtr, opsLen);
  text = textLen === 0 ? "" : decoder.decode(new Uint8Array(buffer, textPtr, textLen));
  names = tables.get(memory);
  if (names === undefined) {
    names = [];
    tables.set(memory, names);
  }
  i = 0;
  const answer = value();
  ops = new Uint32Array(0); // hold no view of the wasm memory between calls
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
