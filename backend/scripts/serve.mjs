#!/usr/bin/env node
/**
 * Production entry point of the backend (Docker image, `npm start` in backend/):
 * checks the database, migrates and seeds (unless SKIP_MIGRATIONS=true, as for
 * the worker, or the database is already set up for this build and these settings:
 * lib/setup-state.mjs, so a restart starts at once), creates the staff login when ADMIN_EMAIL/ADMIN_PASSWORD are set,
 * writes the publishable key to PUBLISHABLE_KEY_FILE for the storefront, then
 * runs `medusa start` in the foreground (BACKEND_PROCESSES > 1: `--cluster`, with Redis).
 */
import fs from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { checkDatabase } from "./lib/database.mjs"
import { reportAndExit, UserError } from "./lib/errors.mjs"
import { readSetupState, setupFingerprint, writeSetupState } from "./lib/setup-state.mjs"
import {
  assertBuilt,
  BACKEND_DIR,
  ensureAdminUser,
  importReferenceData,
  migrate,
  readBackendProcesses,
  readPublishableKey,
  seed,
  SERVER_DIR,
  signalProcessGroup,
  startMedusa,
} from "./lib/medusa.mjs"

/**
 * The backend's own configuration check (src/config/env.ts, as built), before any Medusa
 * command: a refusal (e.g. production on a public address with the fictional company) is then
 * the one line the operator sees, instead of the same error inside "medusa db:migrate failed",
 * a stack trace, Medusa printing it twice and its telemetry banner.
 * @param {NodeJS.ProcessEnv} env
 */
async function checkConfiguration(env) {
  // Built as CommonJS: its exports are the module's named exports or its default export's fields.
  const built = await import(pathToFileURL(path.join(SERVER_DIR, "src/config/env.js")).href)
  const readBackendEnv = built.readBackendEnv ?? built.default?.readBackendEnv
  try {
    readBackendEnv(env)
  } catch (error) {
    if (/** @type {Error} */ (error)?.name === "ConfigError") throw new UserError(/** @type {Error} */ (error).message)
    throw error
  }
}

async function main() {
  const env = { ...process.env }
  if (!env.DATABASE_URL) throw new UserError("DATABASE_URL is not set: point it at PostgreSQL (postgres://user:password@host:5432/dbname)")
  assertBuilt()
  await checkConfiguration(env)
  const processes = readBackendProcesses(env)
  // The image has no embedded PostgreSQL: the error names the DATABASE_URL server only.
  await checkDatabase(env.DATABASE_URL, { embeddedAlternative: false })

  if (env.SKIP_MIGRATIONS !== "true") {
    const fingerprint = setupFingerprint(SERVER_DIR, path.join(BACKEND_DIR, "../node_modules"), env)
    if ((await readSetupState(env.DATABASE_URL)) === fingerprint) {
      console.log("The database is set up for this build and these settings: migrations and seed skipped.")
    } else {
      console.log("Migrating the database (and seeding a new one)…")
      await migrate(env)
      await seed(env)
      if (env.REFERENCE_DATA_FILE) {
        console.log(`Importing postcode reference data from ${env.REFERENCE_DATA_FILE}…`)
        await importReferenceData(env, env.REFERENCE_DATA_FILE)
      }
      await writeSetupState(env.DATABASE_URL, fingerprint)
    }
  }
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    if (await ensureAdminUser(env, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD })) {
      console.log(`Created staff login ${env.ADMIN_EMAIL}`)
    }
  }
  if (env.PUBLISHABLE_KEY_FILE) {
    const key = await readPublishableKey(env.DATABASE_URL)
    fs.mkdirSync(path.dirname(env.PUBLISHABLE_KEY_FILE), { recursive: true })
    fs.writeFileSync(env.PUBLISHABLE_KEY_FILE, `${key}\n`)
  }

  if (processes > 1) console.log(`Starting ${processes} Medusa processes (cluster, ${env.MEDUSA_WORKER_MODE || "shared"} mode)…`)
  const child = startMedusa(env, { onOutput: (chunk) => process.stdout.write(chunk), processes })
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(signal, () => signalProcessGroup(child, signal))
  child.on("exit", (code) => process.exit(code ?? 0))
}

main().catch(reportAndExit)
