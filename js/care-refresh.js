// The package's JavaScript API with the Care Refresh rules alone, `import … from
// "coverage-calc/care-refresh"`: the same functions as ./index.js over a module about 70 KB gzip
// smaller (pkg/coverage_calc_care_refresh_bg.wasm, its own glue and instance). Requests of other
// families are refused with `unknown_plan` / `unknown_product`. The widget <coverage-calc> loads
// it by itself when all it shows is Care Refresh. Copied into pkg/ by scripts/package.mjs.

import initGlue, * as glue from "./coverage_calc_care_refresh.js";
import { guardedApi } from "./api.js";

const api = guardedApi("care-refresh", initGlue, glue);

export default api.init;
export const { initSync, isInitialised, catalog, buy, status, plusContract, compare, ipro, callJson } = api;
