import { copyFileSync, mkdirSync } from "node:fs";
import * as esbuild from "esbuild";

mkdirSync("dist", { recursive: true });
await esbuild.build({
  entryPoints: ["src/App.tsx"],
  bundle: true,
  format: "esm",
  outdir: "dist",
  minify: true,
  jsx: "automatic",
  loader: { ".wasm": "file" },
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
copyFileSync("index.html", "dist/index.html");
