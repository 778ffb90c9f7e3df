// The built wasm package, as the node tests load it (tests/node/*.mjs; this folder holds no
// tests of its own, so scripts/test.sh does not run it).

import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** `pkg/` of the repository, or `PKG_DIR`. */
export const pkgDir = process.env.PKG_DIR ? resolve(process.env.PKG_DIR) : join(repo, "pkg");

/**
 * The package's JS API, initialised with its wasm. Exits with a message when the package is
 * missing or not an ES module package (`make build` writes `pkg/package.json` with
 * `"type": "module"`; the glue imports its snippets, so it cannot be loaded any other way).
 */
export async function loadPackage() {
  try {
    const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
    if (manifest.type !== "module") throw new Error(`${join(pkgDir, "package.json")} does not say "type": "module"`);
    const api = await import(pathToFileURL(join(pkgDir, "index.js")).href);
    api.initSync({ module: readFileSync(join(pkgDir, "coverage_calc_bg.wasm")) });
    return api;
  } catch (e) {
    console.error(`cannot load the wasm package from ${pkgDir} (run make build, or set PKG_DIR): ${e.message}`);
    process.exit(1);
  }
}

/** The error codes of the TypeScript contract (src/types.d.ts `ErrorCode`); throws if none. */
export function contractCodes() {
  const text = readFileSync(join(repo, "src", "types.d.ts"), "utf8");
  const union = /export type ErrorCode\s*=([^;]*);/.exec(text);
  const codes = union ? [...union[1].matchAll(/"([a-z_]+)"/g)].map((m) => m[1]) : [];
  if (codes.length === 0) throw new Error("src/types.d.ts: no `ErrorCode` union found");
  return codes;
}
