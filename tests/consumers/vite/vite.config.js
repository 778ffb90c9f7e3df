// The dev server's pre-bundler (optimizeDeps) would copy the package's modules into
// node_modules/.vite/deps/ without the .wasm next to them (`new URL(…, import.meta.url)` then
// points at a file that is not there): serve coverage-calc as it is. The production build needs
// nothing (README, "Install from npm").
import { defineConfig } from "vite";

export default defineConfig({
  optimizeDeps: { exclude: ["coverage-calc"] },
  build: { target: "es2022" },
  logLevel: "warn",
});
