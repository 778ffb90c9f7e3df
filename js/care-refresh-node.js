// `coverage-calc/care-refresh` in node (`exports["./care-refresh"].node`): the same module as
// ./care-refresh.js, initialised on import from its .wasm next to this file.

import { readFileSync } from "node:fs";
import { initSync } from "./care-refresh.js";

initSync({ module: readFileSync(new URL("./coverage_calc_care_refresh_bg.wasm", import.meta.url)) });

export { default, initSync, isInitialised, catalog, buy, status, plusContract, compare, ipro, callJson } from "./care-refresh.js";
