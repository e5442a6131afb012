/**
 * Brings up the whole shop: build (turbo, cached), migrate + seed, staff login,
 * backend and storefront. Used by `npm start` and by the e2e run of `npm test`.
 */
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { ensureDatabase } from "../../backend/scripts/lib/database.mjs"
import { UserError } from "../../backend/scripts/lib/errors.mjs"
import {
  DEFAULT_ADMIN,
  ensureAdminUser,
  countReferenceData,
  GEONAMES_NL_URL,
  importReferenceData,
  migrate,
  readPublishableKey,
  seed,
  startMedusa,
  startMedusaExec,
} from "../../backend/scripts/lib/medusa.mjs"
import { isLoopbackUrl } from "../../backend/scripts/lib/public-address.mjs"
import { fileFingerprint, loadStartState, migrationFingerprint, seedFingerprint } from "./start-state.mjs"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
export const DATA_DIR = path.join(ROOT, ".data")
const STOREFRONT_DIR = path.join(ROOT, "storefront")
const TURBO = path.join(ROOT, "node_modules/turbo/bin/turbo")
const STOREFRONT_SERVER = path.join(STOREFRONT_DIR, "server.mjs")

export async function assertPortFree(port, what, variable) {
  await new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", (/** @type {NodeJS.ErrnoException} */ error) =>
      reject(
        error.code === "EADDRINUSE"
          ? new UserError(`Port ${port} (${what}) is already in use: stop whatever runs there (\`lsof -i :${port}\`) or set ${variable} to a free port`)
          : error
      )
    )
    server.listen(port, () => server.close(resolve))
  })
}

/** Builds what changed: turbo restores unchanged builds from its cache. */
export function build({ quiet = false } = {}) {
  return run(process.execPath, [TURBO, "run", "build", "--output-logs=errors-only"], {
    cwd: ROOT,
    quiet,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1", MEDUSA_DISABLE_TELEMETRY: "true" },
  })
}

function run(command, args, { cwd, env, quiet }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    const collect = (chunk) => {
      output += chunk
      if (!quiet) process.stdout.write(chunk)
    }
    child.stdout.on("data", collect)
    child.stderr.on("data", collect)
    child.on("error", reject)
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(" ")} failed (exit ${code}):\n${output.slice(-6000)}`))
    )
  })
}

/**
 * Random JWT/cookie secrets kept in .data/ so local sessions survive restarts, and the
 * secret with which the storefront signs visitors' addresses for the backend (clientIp).
 * A file from before a secret existed gets the missing one added.
 */
export function localSecrets() {
  const file = path.join(DATA_DIR, "local-secrets.json")
  const existing = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {}
  const secrets = { ...existing }
  for (const name of ["jwt", "cookie", "clientIp"]) secrets[name] ??= crypto.randomBytes(32).toString("hex")
  if (Object.keys(secrets).length !== Object.keys(existing).length) {
    fs.mkdirSync(DATA_DIR, { recursive: true })
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  }
  return secrets
}

async function waitForHttp(url, child, name, output, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The ${name} stopped while starting (exit ${child.exitCode}):\n${output().slice(-4000)}`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`The ${name} did not answer at ${url} within ${timeoutMs / 1000} s:\n${output().slice(-4000)}`)
}

function stopChild(child) {
  if (!child || child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000)
    child.once("exit", () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill("SIGTERM")
    // `medusa start --cluster` forwards no signal: its primary exits once its workers have.
    for (const pid of childPids(child.pid)) {
      try {
        process.kill(pid, "SIGTERM")
      } catch {
        // gone already
      }
    }
  })
}

/** The direct children of a process (Linux), e.g. the workers of a cluster's primary. */
function childPids(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number)
  } catch {
    return []
  }
}

/**
 * The shop's per-visitor budgets (backend/src/config/env.ts: orders per address and e-mail
 * address, new carts, group registrations and report-link lookups per address), lifted for the stacks whose every
 * visitor comes from 127.0.0.1, most with one e-mail address: the e2e suite (`npm test -- e2e`)
 * and the benches. Left at the shipped values they answer 429 long before what is being tested
 * or measured is reached. The budgets themselves are tested in backend/integration-tests/http/
 * (security-orders, security-third-look and security-groups specs). scripts/test/stack-limits.test.mjs
 * fails when the backend gains a limit this list does not lift.
 */
export const ONE_ADDRESS_LIMITS = Object.freeze({
  ORDER_LIMIT_PER_ADDRESS: "100000",
  ORDER_LIMIT_PER_EMAIL: "100000",
  ORDER_LIMIT_PER_EMAIL_DAY: "100000",
  CART_LIMIT_PER_ADDRESS: "100000",
  GROUP_REGISTRATION_LIMIT_PER_ADDRESS: "100000",
  // Per signed-in group admin, not per address: the groups bench asks thousands of times as one admin.
  NEARBY_GROUPS_LIMIT_PER_ACCOUNT: "100000",
  MESSAGE_REPORT_LOOKUP_LIMIT_PER_ADDRESS: "100000",
  // The storefront's own: posts to its one cart route per address per minute.
  CART_CHANGE_LIMIT_PER_ADDRESS: "100000",
})

/** The project's own reference-data fixture (real GeoNames rows; see its README). */
export const REFERENCE_DATA_FIXTURE = path.join(ROOT, "backend/integration-tests/fixtures/geonames-pc4-sample.txt")
/** The full GeoNames file beside the repository, when a developer has it (never required). */
export const SHARED_REFERENCE_DATA = path.resolve(ROOT, "../shared/data/geonames-postal-nl.txt")
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The group directory's postcode and municipality data, without blocking a start
 * on the network. An explicit file (REFERENCE_DATA_FILE) is imported when it
 * changed. A database without any gets the full file beside the repository when
 * present, else the shipped fixture, at once (so a first start offline shows a
 * working directory); GeoNames' current file is then tried in the background
 * (`backgroundDownload`), at most once a day, until it succeeds.
 * @param {NodeJS.ProcessEnv} env @param {{ file?: string, download: boolean }} options
 * @param {(message: string) => void} step @param {Awaited<ReturnType<typeof loadStartState>> | undefined} state
 */
async function ensureReferenceData(env, { file, download }, step, state) {
  if (file) {
    // Medusa runs in the build folder: make a relative path absolute from where `npm start` ran.
    const source = /^https?:\/\//i.test(file) ? file : path.resolve(file)
    if (state?.get().referenceData === fileFingerprint(source) && (await countReferenceData(env.DATABASE_URL)) > 0) return false
    step(`Importing postcode reference data from ${source}`)
    await importReferenceData(env, source)
    state?.save({ referenceData: fileFingerprint(source) })
    return false
  }
  if ((await countReferenceData(env.DATABASE_URL)) === 0) {
    const local = fs.existsSync(SHARED_REFERENCE_DATA) ? SHARED_REFERENCE_DATA : REFERENCE_DATA_FIXTURE
    step(`Importing postcode reference data from ${path.relative(ROOT, local)}`)
    await importReferenceData(env, local)
    state?.save({ referenceData: local === REFERENCE_DATA_FIXTURE ? "fixture" : fileFingerprint(local) })
  }
  if (!download || !state) return false
  const { referenceData, downloadTriedAt = 0 } = state.get()
  // Only replace what came with the repository, and try the network at most once a day.
  return referenceData === "fixture" && Date.now() - downloadTriedAt >= DAY_MS
}

/**
 * Tries GeoNames' current file after the shop is up; the shop keeps running on
 * the fixture when it fails. Returns the child process (stopped with the stack).
 */
function backgroundDownload(env, state, log) {
  state.save({ downloadTriedAt: Date.now() })
  console.log("  Trying GeoNames' current postcode file in the background (the shop is already up)…")
  const child = startMedusaExec(["exec", "./src/scripts/import-reference-data.js"], {
    env: { REFERENCE_DATA_TIMEOUT_MS: "15000", ...env, REFERENCE_DATA_FILE: GEONAMES_NL_URL },
    onOutput: (chunk) => log("reference-data", chunk),
  })
  child.on("exit", (code, signal) => {
    if (signal) return // stopped with the shop
    if (code === 0) {
      state.save({ referenceData: GEONAMES_NL_URL })
      console.log("  Imported GeoNames' current postcode file.")
    } else {
      console.log(
        "  GeoNames unreachable: the directory uses the postcodes shipped with the repository; retried at the next start after 24 h. Import yourself: REFERENCE_DATA_FILE=/path/to/NL.txt npm start"
      )
    }
  })
  return child
}

/**
 * The environment of the backend (and, with its own additions, the storefront) that `npm start`
 * and the test stacks run: the caller's settings win, local defaults fill the rest. Plain-http
 * cookies (COOKIE_SECURE=false) are a default on localhost only: a public STOREFRONT_URL gets
 * the backend's production checks without npm start weakening them.
 * @param {NodeJS.ProcessEnv} given @param {{ backendPort: number, storefrontPort: number }} ports
 * @param {{ jwt: string, cookie: string, clientIp: string }} secrets
 * @returns {NodeJS.ProcessEnv}
 */
export function stackEnv(given, { backendPort, storefrontPort }, secrets) {
  const backendUrl = `http://localhost:${backendPort}`
  const storefrontUrl = `http://localhost:${storefrontPort}`
  const shopUrl = given.STOREFRONT_URL || storefrontUrl
  return {
    ...given,
    NODE_ENV: "production",
    PORT: String(backendPort),
    JWT_SECRET: given.JWT_SECRET || secrets.jwt,
    COOKIE_SECRET: given.COOKIE_SECRET || secrets.cookie,
    COOKIE_SECURE: given.COOKIE_SECURE || (isLoopbackUrl(shopUrl) ? "false" : undefined),
    // Backend and storefront share it: the storefront signs each visitor's address for the backend's rate limits.
    CLIENT_IP_SECRET: given.CLIENT_IP_SECRET || secrets.clientIp,
    STOREFRONT_URL: shopUrl,
    // Links in e-mails (invites, staff alerts) point at this backend's admin.
    MEDUSA_BACKEND_URL: given.MEDUSA_BACKEND_URL || backendUrl,
    STORE_CORS: given.STORE_CORS || storefrontUrl,
    ADMIN_CORS: given.ADMIN_CORS || backendUrl,
    AUTH_CORS: given.AUTH_CORS || `${storefrontUrl},${backendUrl}`,
  }
}

/**
 * Starts backend and storefront against `databaseUrl` (created when missing).
 * `log(name, chunk)` receives their output. Resolves once both answer HTTP.
 * @param {{
 *   databaseUrl: string, backendPort?: number, storefrontPort?: number, admin?: { email: string, password: string },
 *   env?: Record<string, string>, log?: (name: string, chunk: Buffer | string) => void, step?: (message: string) => void,
 *   worker?: boolean, cluster?: number, startTimeoutMs?: number, referenceData?: { file?: string, download: boolean }, remember?: boolean,
 * }} options
 */
export async function startStack({
  databaseUrl,
  backendPort = 9000,
  storefrontPort = 3000,
  admin = DEFAULT_ADMIN,
  env: extraEnv = {},
  log = () => {},
  step = () => {},
  /** With REDIS_URL: run a separate worker process beside the server, as in production. */
  worker = false,
  /** With REDIS_URL: `medusa start --cluster <n>`, n processes serving one port (0: one process). */
  cluster = 0,
  /** How long the backend and storefront may take to answer (a heavily loaded machine needs more). */
  startTimeoutMs = 180_000,
  /** Postcode reference data: a file to import (REFERENCE_DATA_FILE), and whether to try GeoNames in the background. */
  referenceData = { file: process.env.REFERENCE_DATA_FILE, download: true },
  /** Remember migrations, seed and imports in .data/start-state.json (false for throwaway test databases). */
  remember = true,
}) {
  const backendUrl = `http://localhost:${backendPort}`
  const storefrontUrl = `http://localhost:${storefrontPort}`
  const secrets = localSecrets()
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...stackEnv(process.env, { backendPort, storefrontPort }, secrets), DATABASE_URL: databaseUrl, ...extraEnv }

  await ensureDatabase(databaseUrl)
  // A warm start skips what nothing changed: the fingerprints of migrations and seed per database.
  const state = remember ? await loadStartState(DATA_DIR, databaseUrl) : undefined
  const migrations = migrationFingerprint(ROOT, env)
  if (state?.get().migrations === migrations) {
    step("Migrations unchanged (skipped)")
  } else {
    step("Migrating the database")
    await migrate(env)
    state?.save({ migrations, seed: undefined })
  }
  const seedVersion = seedFingerprint(ROOT, env)
  if (state?.get().seed === seedVersion) {
    step("Seed unchanged (skipped)")
  } else {
    step("Seeding what is missing")
    await seed(env)
    state?.save({ seed: seedVersion })
  }
  if (await ensureAdminUser(env, admin)) console.log(`  (created the staff login ${admin.email})`)
  const tryDownload = await ensureReferenceData(env, referenceData, step, state)
  const publishableKey = await readPublishableKey(databaseUrl)

  const children = []
  const stop = async () => {
    await Promise.all(children.map(stopChild))
  }
  try {
    step(worker ? "Starting the backend server and a worker (Redis)" : cluster ? `Starting the backend (cluster of ${cluster}, Redis)` : "Starting the backend")
    if (cluster && !env.REDIS_URL) throw new UserError("A cluster needs REDIS_URL (locks, events and workflows go through Redis)")
    let backendOutput = ""
    const onBackendOutput = (chunk) => {
      backendOutput = (backendOutput + chunk).slice(-20_000)
      log("backend", chunk)
    }
    const backendEnv = worker ? { ...env, MEDUSA_WORKER_MODE: "server" } : env
    const backend = cluster
      ? startMedusaExec(["start", "--cluster", String(cluster)], { env: backendEnv, onOutput: onBackendOutput })
      : startMedusa(backendEnv, { onOutput: onBackendOutput })
    children.push(backend)
    await waitForHttp(`${backendUrl}/health`, backend, "backend", () => backendOutput, startTimeoutMs)

    let workerProcess
    let workerUrl
    if (worker) {
      if (!env.REDIS_URL) throw new UserError("A separate worker needs REDIS_URL (events and workflows go through Redis)")
      const workerPort = backendPort + 1
      workerUrl = `http://localhost:${workerPort}`
      let workerOutput = ""
      workerProcess = startMedusa(
        { ...env, PORT: String(workerPort), MEDUSA_WORKER_MODE: "worker", DISABLE_MEDUSA_ADMIN: "true" },
        {
          onOutput: (chunk) => {
            workerOutput = (workerOutput + chunk).slice(-20_000)
            log("worker", chunk)
          },
        }
      )
      children.push(workerProcess)
      await waitForHttp(`${workerUrl}/health`, workerProcess, "worker", () => workerOutput, startTimeoutMs)
    }

    step("Starting the storefront")
    let storefrontOutput = ""
    const storefront = spawn(process.execPath, [STOREFRONT_SERVER], {
      cwd: STOREFRONT_DIR,
      env: {
        ...env,
        PORT: String(storefrontPort),
        MEDUSA_BACKEND_URL: backendUrl,
        MEDUSA_PUBLISHABLE_KEY: publishableKey,
        SESSION_SECRET: process.env.SESSION_SECRET || secrets.session || secrets.cookie,
        // The shop's public address, as the backend knows it (localhost for npm start and the tests).
        PUBLIC_STOREFRONT_URL: process.env.PUBLIC_STOREFRONT_URL || env.STOREFRONT_URL,
      },
      stdio: ["ignore", "pipe", "pipe"],
    })
    children.push(storefront)
    const onStorefront = (chunk) => {
      storefrontOutput = (storefrontOutput + chunk).slice(-20_000)
      log("storefront", chunk)
    }
    storefront.stdout.on("data", onStorefront)
    storefront.stderr.on("data", onStorefront)
    await waitForHttp(storefrontUrl, storefront, "storefront", () => storefrontOutput, startTimeoutMs)

    if (tryDownload) children.push(backgroundDownload(env, state, log))
    const running = { backend, storefront, ...(workerProcess && { worker: workerProcess }) }
    return { backendUrl, storefrontUrl, workerUrl, publishableKey, admin, children: running, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
