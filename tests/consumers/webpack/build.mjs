// webpack 5 with no configuration beyond entry and output: it emits the .wasm it finds in
// `new URL("./coverage_calc_bg.wasm", import.meta.url)` as an asset.
import { copyFileSync } from "node:fs";
import path from "node:path";
import webpack from "webpack";

const stats = await new Promise((done, fail) => webpack({
  mode: "production",
  entry: "./main.js",
  output: { path: path.resolve("dist"), filename: "main.js", clean: true },
}, (error, result) => (error ? fail(error) : done(result))));
if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
copyFileSync("index.html", "dist/index.html");
