#!/usr/bin/env node
// A dependency-free static server for the calculator page.
//
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--root <repo>]
//
// `/pkg/…` is served from `<root>/pkg/` (the wasm-bindgen package), every other path from
// `<root>/www/` (`/` is `www/index.html`). Nothing outside those two folders is ever served:
// `..`, encoded slashes, NUL bytes and symbolic links that lead out are all a 404. HTML answers
// carry a strict Content-Security-Policy. Tests can start it in-process:
//
//   import { startServer } from "./scripts/serve.mjs";
//   const server = await startServer({ port: 0 });   // 0: any free port
//   await fetch(server.url);
//   await server.close();

import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository: the parent of this script's folder. */
const DEFAULT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

export const MIME_TYPES = Object.freeze({
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ics": "text/calendar; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
});

function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** Is `child` the folder `parent` or inside it? Both absolute and normalised. */
function isInside(parent, child) {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * The file a URL path names, or null. `pathname` is the raw (still percent-encoded) path.
 * @param {{www: string, pkg: string}} roots real paths of the two served folders
 */
async function resolveFile(roots, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // A decoded "/" or "\" inside a segment, or a NUL byte, never names a real file of ours.
  if (decoded.includes("\0") || decoded.includes("\\") || /%2f|%5c/i.test(pathname)) return null;
  if (!decoded.startsWith("/")) return null;

  let base = roots.www;
  let rest = decoded;
  if (decoded === "/pkg" || decoded.startsWith("/pkg/")) {
    base = roots.pkg;
    rest = decoded.slice("/pkg".length);
  }
  const segments = rest.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.some((s) => s === "..")) return null;

  let file = path.join(base, ...segments);
  if (!isInside(base, file)) return null;
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = path.join(file, "index.html");
      info = await stat(file);
    }
    if (!info.isFile()) return null;
    // Symbolic links must not lead out of the served folder.
    const real = await realpath(file);
    if (!isInside(base, real)) return null;
    return { file: real, size: info.size, mtime: info.mtime };
  } catch {
    return null;
  }
}

function sendText(res, status, text, extraHeaders = {}) {
  const body = Buffer.from(`${text}\n`, "utf8");
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": body.length,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    ...extraHeaders,
  });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

/**
 * Starts the server. Resolves when it listens.
 * @param {{port?: number, host?: string, root?: string, quiet?: boolean}} [options]
 * @returns {Promise<{url: string, port: number, host: string, server: import("node:http").Server, close: () => Promise<void>}>}
 */
export async function startServer({ port = 8080, host = "127.0.0.1", root = DEFAULT_ROOT } = {}) {
  const absoluteRoot = path.resolve(root);
  const realOrSelf = async (p) => realpath(p).catch(() => p);
  const roots = {
    www: await realOrSelf(path.join(absoluteRoot, "www")),
    pkg: await realOrSelf(path.join(absoluteRoot, "pkg")),
  };

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        sendText(res, 405, "method not allowed", { Allow: "GET, HEAD" });
        return;
      }
      let pathname;
      try {
        pathname = new URL(req.url ?? "/", "http://localhost").pathname;
      } catch {
        sendText(res, 400, "bad request");
        return;
      }
      // Reject raw traversal before URL normalisation could hide it ("/a/../../x").
      const rawPath = (req.url ?? "/").split(/[?#]/, 1)[0];
      if (/(^|\/)\.\.?(\/|$)/.test(rawPath) || /%2e%2e/i.test(rawPath)) {
        sendText(res, 404, "not found");
        return;
      }
      const found = await resolveFile(roots, pathname);
      if (!found) {
        sendText(res, 404, "not found");
        return;
      }
      const type = mimeType(found.file);
      const headers = {
        "Content-Type": type,
        "Content-Length": found.size,
        "Last-Modified": found.mtime.toUTCString(),
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      };
      if (type.startsWith("text/html")) {
        headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY;
        headers["X-Frame-Options"] = "DENY";
      }
      res.writeHead(200, headers);
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      const stream = createReadStream(found.file);
      stream.on("error", () => res.destroy());
      stream.pipe(res);
    } catch {
      if (!res.headersSent) sendText(res, 500, "internal error");
      else res.destroy();
    }
  });

  await new Promise((resolve, reject) => {
    const onError = (error) => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });

  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${actualPort}/`;

  let closing = null;
  const close = () => {
    closing ??= new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    });
    return closing;
  };
  return { url, port: actualPort, host, server, close };
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      i += 1;
      if (i >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[i];
    };
    switch (flag) {
      case "--port": {
        const text = value();
        const port = Number(text);
        if (!/^\d+$/.test(text) || port > 65535) throw new Error(`--port must be 0…65535, not \`${text}\``);
        options.port = port;
        break;
      }
      case "--host":
        options.host = value();
        break;
      case "--root":
        options.root = value();
        break;
      case "-h":
      case "--help":
        options.help = true;
        break;
      default:
        throw new Error(`unknown argument \`${arg}\``);
    }
  }
  return options;
}

const USAGE = "usage: node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--root <repo>]";

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`serve: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  let running;
  try {
    running = await startServer(options);
  } catch (error) {
    console.error(`serve: cannot listen: ${error.message}`);
    process.exit(1);
  }
  console.log(`Serving ${running.url}  (www/ and pkg/ of ${path.resolve(options.root ?? DEFAULT_ROOT)}; Ctrl-C stops)`);
  const stop = (signal) => {
    console.log(`serve: ${signal}, stopping`);
    running.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) main();
