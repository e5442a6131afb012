#!/usr/bin/env node
/**
 * Production server of the storefront. Like `remix-serve`, but it can run one
 * worker per core (STOREFRONT_WORKERS, default: available cores) because server
 * rendering is CPU-bound, and it does not log every request unless LOG_REQUESTS=true.
 */
import compression from "compression";
import express from "express";
import { microCache } from "./micro-cache.mjs";
import { remixWithContext } from "./request-context.mjs";
import { bodyLimit, withBufferedBody } from "./body-limit.mjs";
import { formBodiesOnly } from "./form-body.mjs";
import { sameOriginPosts } from "./same-origin.mjs";
import { securityHeaders } from "./security-headers.mjs";
import { staticFiles } from "./static-files.mjs";
import { trustProxySetting } from "./trust-proxy.mjs";
import { AsyncLocalStorage } from "node:async_hooks";
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { refuseMalformedUrls } from "./malformed-url.mjs";
import { allowedMethodsOnly } from "./allowed-methods.mjs";
import { readinessRoute } from "./health.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT || 3000);
// `npm run dev`: the same server with Vite in middleware mode (Remix's custom-server setup), so
// development gets the request context too; `remix vite:dev` has no getLoadContext hook.
const dev = process.argv.includes("--dev");
if (dev) process.env.NODE_ENV ??= "development";
const workers = dev ? 1 : Number(process.env.STOREFRONT_WORKERS || os.availableParallelism());

const vite = dev ? await (await import("vite")).createServer({ root: here, server: { middlewareMode: true } }) : null;
const loadBuild = () =>
  vite ? vite.ssrLoadModule("virtual:remix/server-build") : import(pathToFileURL(path.join(here, "build/server/index.js")).href);

if (cluster.isPrimary && workers > 1) {
  // Loading the build checks the configuration once (one clear line and exit 1 when wrong) before forking.
  await loadBuild();
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  cluster.on("exit", (worker, code) => {
    // A configuration error exits every worker with 1: stop instead of restarting in a loop.
    if (stopping || code === 1) {
      stopping = true;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code ?? 0);
      return;
    }
    cluster.fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
    });
  }
  console.log(`http://localhost:${port} (${workers} workers)`);
} else {
  const build = await loadBuild();
  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy set TRUST_PROXY (e.g. 1) so req.ip is the visitor's address;
  // the backend rate-limits group sign-ups and contact messages per visitor. Unset: the
  // socket's address, X-Forwarded-For ignored (trust-proxy.mjs).
  app.set("trust proxy", trustProxySetting(process.env.TRUST_PROXY));
  // nosniff, Referrer-Policy, HSTS over HTTPS, and a default Content-Security-Policy (pages set their own)
  app.use(securityHeaders());
  // GET /health/ready: the session store and the backend answer (health.mjs; compose's health check).
  app.use(readinessRoute({ redisUrl: process.env.REDIS_URL, backendUrl: process.env.MEDUSA_BACKEND_URL }));
  // A path with a broken percent-escape or a control character: 400 with a Dutch page.
  app.use(refuseMalformedUrls());
  // GET, HEAD and POST only: anything else 405 with a Dutch page (TRACE gave Express's English 500).
  app.use(allowedMethodsOnly());
  // Only the shop's own pages may post (403 otherwise); the legacy ?_data= requests are refused.
  app.use(sameOriginPosts({ siteOrigin: build.entry.module.siteOrigin }));
  app.use(compression());
  // /assets a year (fingerprinted), product images a day, the rest an hour (static-files.mjs); Vite serves them in development.
  app.use(vite ? vite.middlewares : staticFiles(path.join(here, "build/client")));
  if (process.env.LOG_REQUESTS === "true") {
    app.use((req, res, next) => {
      const started = performance.now();
      res.on("finish", () => console.log(`${req.method} ${req.originalUrl} ${res.statusCode} ${(performance.now() - started).toFixed(1)} ms`));
      next();
    });
  }
  // Identical page requests of visitors without a session (cookie __bp) within MICRO_CACHE_MS (default 2 s) are served from memory.
  app.use(microCache({ ttlMs: Number(process.env.MICRO_CACHE_MS ?? 2000), sessionCookie: "(?:__Host-bp|__bp)" }));
  // One context per request (session, backend client, cart), its session committed once after the route (request-context.mjs).
  // In development the build is loaded again per request, so edits apply without a restart.
  const remix = remixWithContext({ build: vite ? loadBuild : build, mode: process.env.NODE_ENV });
  // The visitor's address for every backend call made while serving this request; the app signs
  // it for the backend's rate limits (app/lib/backend/client-address.server.ts, same global symbol).
  const clientAddresses = (globalThis[Symbol.for("buurtpreventie.clientAddress")] ??= new AsyncLocalStorage());
  // Form bodies over BODY_LIMIT_BYTES (64 KB) are refused with 413 before Remix reads them;
  // a body that is no form (no or another Content-Type) with 400 (form-body.mjs).
  app.all(
    "*",
    formBodiesOnly(),
    bodyLimit({ limitBytes: Number(process.env.BODY_LIMIT_BYTES || 64 * 1024) }),
    (req, res, next) => clientAddresses.run(req.ip, () => remix(withBufferedBody(req), res, next)),
  );
  const server = app.listen(port, () => {
    if (workers <= 1) console.log(`http://localhost:${port}`);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => server.close(() => process.exit(0)));
}
