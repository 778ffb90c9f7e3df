// The guarded API over one wasm-bindgen glue module: js/index.js (the full module) and
// js/care-refresh.js (the module with the Care Refresh rules alone) each make one, so both can be
// instantiated on one page. Copied into pkg/ by scripts/package.mjs.
//
// A call is interrupted when a JS exception unwinds through the wasm module while it works: a
// host page's throwing setter on Object.prototype while an answer object is built, or the JS
// stack limit (a call made from deep recursion). Rust's cleanup does not run then: the module's
// shadow stack, a borrowed cell or memory may be left half-done. So after any exception that is
// not one of the API's own coded errors, the next call first instantiates the module afresh
// (wasm-bindgen's `__wbg_reset_state`, built with --experimental-reset-state-function): no state
// survives an interruption (tests/node/defects.mjs).

/** Whether `e` is the API's own coded error (thrown after the wasm call returned cleanly). */
function isOwnError(e) {
  return e instanceof Error && e.name === "CoverageCalcError" && Object.hasOwn(e, "code") && Object.hasOwn(e, "field");
}

/** The error a function called before `init()` throws (name and `code` as the API's own errors). */
function notInitialised(name) {
  const error = new Error(`coverage-calc: ${name}() was called before the WebAssembly module was loaded: `
    + "call `await init()` (or `initSync({ module })`) first; in node, import \"coverage-calc\" (its node entry initialises itself)");
  return Object.assign(error, { name: "CoverageCalcError", code: "not_initialised", field: null });
}

/**
 * A failed load, explained: a server that answers the .wasm's URL with a page (a dev server's
 * fallback to index.html, a 404 page) gives a CompileError about the "magic word".
 */
function loadError(cause) {
  const notWasm = cause instanceof WebAssembly.CompileError || /magic word/i.test(String(cause?.message));
  const error = new Error(notWasm
    ? "coverage-calc: the .wasm's URL did not answer with WebAssembly (a 404 or an HTML page?): host the .wasm next to the "
      + "package's modules, or pass its URL: init({ module_or_path }) / CoverageCalcElement.wasmUrl; with Vite's dev server, "
      + "add optimizeDeps: { exclude: [\"coverage-calc\"] } (README, \"Install from npm\")"
    : `coverage-calc: the WebAssembly module could not be loaded: ${cause?.message ?? cause}`, { cause });
  return Object.assign(error, { name: "CoverageCalcError", code: "wasm_not_loaded", field: null });
}

/**
 * The APIs whose `init` or `initSync` a page has called, by name (`full`, `care-refresh`): the
 * widget then uses that instance rather than fetch another module.
 */
export const started = new Set();

/**
 * The API `name` over `glue` (a wasm-bindgen glue module, `initGlue` its default export): `init`,
 * `initSync`, `isInitialised` and the guarded functions.
 */
export function guardedApi(name, initGlue, glue) {
  let ready = false;
  let loading = null;
  let interrupted = false;

  /** Calls the glue's `fn`, guarded as the header says. */
  function call(name, fn, ...args) {
    if (!ready) throw notInitialised(name);
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
  }

  return {
    /**
     * Loads and instantiates the .wasm, once: later calls (and the widget's) return the same
     * promise. `options.module_or_path`: a URL or string (fetched), a Response, bytes or a
     * WebAssembly.Module; by default the glue's own .wasm next to it.
     */
    init(options) {
      started.add(name);
      if (ready) return Promise.resolve();
      loading ??= initGlue(options === undefined ? undefined : options).then(
        () => { ready = true; },
        (error) => { loading = null; throw loadError(error); },
      );
      return loading;
    },
    /** Instantiates the .wasm from its bytes or a WebAssembly.Module, synchronously: `{ module }`. */
    initSync(options) {
      started.add(name);
      if (ready) return;
      glue.initSync(options);
      ready = true;
    },
    /** Whether the .wasm is loaded (the functions below can be called). */
    isInitialised: () => ready,
    catalog: () => call("catalog", glue.catalog),
    buy: (request) => call("buy", glue.buy, request),
    status: (request) => call("status", glue.status, request),
    plusContract: (request) => call("plusContract", glue.plusContract, request),
    compare: (request) => call("compare", glue.compare, request),
    ipro: (request) => call("ipro", glue.ipro, request),
    callJson: (name, request) => call("callJson", glue.callJson, name, request),
  };
}
