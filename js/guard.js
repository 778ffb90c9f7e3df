// The JS API of coverage-calc: wasm-bindgen's glue (./coverage_calc.js), each function guarded
// so that an interrupted call cannot corrupt a later one.
//
// A call is interrupted when a JS exception unwinds through the wasm module while it works: a
// host page's throwing setter or getter on Object.prototype while an answer object is built, or
// the JS stack limit (a call made from deep recursion). Rust's cleanup does not run then: the
// module's shadow stack, a borrowed cell or memory may be left half-done. So after any exception
// that is not one of the API's own coded errors, the next call first instantiates the module
// afresh (wasm-bindgen's `__wbg_reset_state`, built with --experimental-reset-state-function):
// no state survives an interruption. The API's own errors (`CoverageCalcError`, with `code` and
// `field`) are answers that returned cleanly and need no reset.

import init, * as glue from "./coverage_calc.js";

export { init as default };
export const initSync = glue.initSync;

let interrupted = false;

/** Whether `e` is the API's own coded error (thrown after the wasm call returned cleanly). */
function isOwnError(e) {
  return e instanceof Error && e.name === "CoverageCalcError" && Object.hasOwn(e, "code") && Object.hasOwn(e, "field");
}

function guarded(fn) {
  return function (...args) {
    if (interrupted) {
      // Still deep in recursion this may overflow too: then the flag stays, and the next call
      // tries again.
      glue.__wbg_reset_state();
      interrupted = false;
    }
    // Interrupted until the call is seen to end cleanly: even the checks below can run into the
    // stack limit, and then the flag must already say so.
    interrupted = true;
    try {
      const answer = fn(...args);
      interrupted = false;
      return answer;
    } catch (e) {
      if (isOwnError(e)) interrupted = false;
      throw e;
    }
  };
}

export const catalog = guarded(glue.catalog);
export const buy = guarded(glue.buy);
export const status = guarded(glue.status);
export const plusContract = guarded(glue.plusContract);
export const compare = guarded(glue.compare);
export const ipro = guarded(glue.ipro);
export const callJson = guarded(glue.callJson);
