// The package's JavaScript API in node (`exports["."].node`): the same module as ./index.js,
// initialised on import from the .wasm next to this file, so `import { buy } from "coverage-calc"`
// answers with no init call (`await init()` and `initSync()` are accepted and do nothing).

import { readFileSync } from "node:fs";
import { initSync } from "./index.js";

initSync({ module: readFileSync(new URL("./coverage_calc_bg.wasm", import.meta.url)) });

export { default, initSync, isInitialised, catalog, buy, status, plusContract, compare, ipro, callJson } from "./index.js";
