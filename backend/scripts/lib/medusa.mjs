import { spawn } from "node:child_process"
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { queryOne } from "./database.mjs"
import { UserError } from "./errors.mjs"

export const BACKEND_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
/** `medusa build` output; production commands run from here. */
export const SERVER_DIR = path.join(BACKEND_DIR, ".medusa/server")
const MEDUSA_CLI = createRequire(path.join(BACKEND_DIR, "package.json")).resolve("@medusajs/cli/cli.js")

export const DEFAULT_ADMIN = { email: "admin@buurtpreventie.local", password: "buurtpreventie" }
export const PUBLISHABLE_KEY_TITLE = "Storefront" // see src/seed/seed-shop.ts

export function assertBuilt() {
  if (!fs.existsSync(path.join(SERVER_DIR, "medusa-config.js"))) {
    throw new UserError("The backend is not built: run `npm run build` (or `npm start` at the repository root)")
  }
}

/** Runs the Medusa CLI against the production build; resolves with its output. */
/** @param {string[]} args @param {{ env?: NodeJS.ProcessEnv, quiet?: boolean }} [options] */
export function runMedusa(args, { env, quiet = true } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MEDUSA_CLI, ...args], {
      cwd: SERVER_DIR,
      env: { MEDUSA_DISABLE_TELEMETRY: "true", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let output = ""
    const collect = (chunk) => {
      output += chunk
      if (!quiet) process.stdout.write(chunk)
    }
    child.stdout.on("data", collect)
    child.stderr.on("data", collect)
    child.on("error", reject)
    child.on("exit", (code) => {
      if (code === 0) resolve(output)
      else reject(Object.assign(new Error(`medusa ${args.join(" ")} failed (exit ${code}):\n${output.slice(-4000)}`), { output }))
    })
  })
}

/** Applies migrations and, on a new database, the seed (a Medusa migration script). */
export async function migrate(env) {
  await runMedusa(["db:migrate"], { env })
}

/**
 * Re-runs the idempotent seed (src/seed): repairs what is missing, such as the
 * payment providers of the regions after STRIPE_API_KEY was added.
 */
export async function seed(env) {
  await runMedusa(["exec", "./src/scripts/seed.js"], { env })
}

/** Rows of Dutch postcode areas imported for the group directory (0 before the first import). */
export async function countReferenceData(databaseUrl) {
  const row = await queryOne(databaseUrl, "select count(*)::int as count from postcode_area where deleted_at is null").catch(() => null)
  return row?.count ?? 0
}

/**
 * Imports the GeoNames postcode file for the group directory: a path or a URL
 * (GeoNames' current NL.zip with DOWNLOAD, short timeout). Passed through
 * REFERENCE_DATA_FILE: `medusa exec` does not hand command-line arguments on.
 */
export const GEONAMES_NL_URL = "https://download.geonames.org/export/zip/NL.zip"

export async function importReferenceData(env, source) {
  await runMedusa(["exec", "./src/scripts/import-reference-data.js"], {
    env: { REFERENCE_DATA_TIMEOUT_MS: "15000", ...env, REFERENCE_DATA_FILE: source },
  })
}

/** Creates the staff login when no user with that e-mail exists yet. */
export async function ensureAdminUser(env, { email: given, password }) {
  // one spelling per address: sign-in lower-cases it (src/lib/email.ts)
  const email = given.trim().toLowerCase()
  const existing = await queryOne(env.DATABASE_URL, `select id from "user" where lower(email) = $1 and deleted_at is null`, [email])
  if (existing) return false
  await runMedusa(["user", "-e", email, "-p", password], { env })
  return true
}

/** The seeded publishable API key the storefront sends with every store request. */
export async function readPublishableKey(databaseUrl) {
  const row = await queryOne(
    databaseUrl,
    `select token from api_key
      where type = 'publishable' and title = $1 and revoked_at is null and deleted_at is null
      order by created_at limit 1`,
    [PUBLISHABLE_KEY_TITLE]
  )
  if (!row) {
    throw new UserError("No publishable API key in the database: run the migrations (they seed the shop) or `npm run seed --workspace backend`")
  }
  return row.token
}

/**
 * BACKEND_PROCESSES: how many Medusa processes share this container's port (1: no cluster).
 * More than one runs `medusa start --cluster <n>`, which needs Redis for locking, events and
 * workflows. Medusa uses at most one process per core it sees.
 * @param {NodeJS.ProcessEnv} env @returns {number}
 */
export function readBackendProcesses(env) {
  const raw = env.BACKEND_PROCESSES?.trim()
  if (!raw) return 1
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UserError(`BACKEND_PROCESSES must be a whole number of at least 1, not "${env.BACKEND_PROCESSES}"`)
  const processes = Number(raw)
  if (processes > 1 && !env.REDIS_URL?.trim()) {
    throw new UserError(`BACKEND_PROCESSES=${processes} needs REDIS_URL: the processes share locks, events and workflows through Redis`)
  }
  return processes
}

/**
 * `medusa start` arguments for `processes` processes in MEDUSA_WORKER_MODE `mode`: in cluster
 * mode Medusa gives every process the mode "shared" unless told how many are servers or workers.
 * @param {number} processes @param {string | undefined} mode @returns {string[]}
 */
export function medusaStartArgs(processes, mode) {
  if (processes <= 1) return ["start"]
  const role = mode === "server" ? ["--servers", String(processes)] : mode === "worker" ? ["--workers", String(processes)] : []
  return ["start", "--cluster", String(processes), ...role]
}

/**
 * Starts `medusa start` from the build; the caller owns the child process. With more than one
 * process the child leads its own process group: stop it with stopProcessGroup, so every
 * cluster process gets the signal (Medusa's cluster primary does not pass it on).
 */
/** @param {NodeJS.ProcessEnv} env @param {{ onOutput?: (chunk: Buffer) => void, processes?: number }} [options] */
export function startMedusa(env, { onOutput, processes = 1 } = {}) {
  return startMedusaExec(medusaStartArgs(processes, env.MEDUSA_WORKER_MODE), { env, onOutput, detached: processes > 1 })
}

/** Sends `signal` to a child started with `detached` and to everything it forked. */
/** @param {import("node:child_process").ChildProcess} child @param {NodeJS.Signals} signal */
export function signalProcessGroup(child, signal) {
  try {
    if (child.pid) process.kill(-child.pid, signal)
  } catch {
    child.kill(signal)
  }
}

/** Starts any Medusa CLI command from the build without waiting for it; the caller owns the child process. */
/** @param {string[]} args @param {{ env?: NodeJS.ProcessEnv, onOutput?: (chunk: Buffer) => void, detached?: boolean }} [options] */
export function startMedusaExec(args, { env, onOutput, detached = false } = {}) {
  assertBuilt()
  const child = spawn(process.execPath, [MEDUSA_CLI, ...args], {
    cwd: SERVER_DIR,
    env: { MEDUSA_DISABLE_TELEMETRY: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached,
  })
  child.stdout.on("data", (c) => onOutput?.(c))
  child.stderr.on("data", (c) => onOutput?.(c))
  return child
}
