// Types of `coverage-calc/care-refresh`: the same API as `coverage-calc` (./index.d.ts), over the
// module with the Care Refresh rules alone (requests of other families are refused).
export * from "./index.js";
export { default } from "./index.js";
