import { copyFileSync, mkdirSync } from "node:fs";
import * as esbuild from "esbuild";

mkdirSync("dist", { recursive: true });
await esbuild.build({
  entryPoints: ["main.js"],
  bundle: true,
  format: "esm",
  outdir: "dist",
  minify: true,
  loader: { ".wasm": "file" },
  logLevel: "warning",
});
copyFileSync("index.html", "dist/index.html");
