/**
 * What the image's start (scripts/serve.mjs) already did to its database: migrations, seed and
 * the postcode import, for this build and these settings. Kept in the database itself, in the
 * table bp_setup_state, so that `docker compose restart` starts Medusa at once instead of
 * migrating and seeding again: two extra boots of the Medusa CLI that took 7–11 min on a loaded
 * 2-core machine, past the storefront's health check (issue #25's operator walk). In the
 * database rather than a volume: a restored backup carries the state of the build that made
 * it, so restoring an older shop migrates again. (`npm start` keeps the same facts in
 * .data/start-state.json: scripts/lib/start-state.mjs.)
 */
import crypto from "node:crypto"
import fs from "node:fs"
import { queryOne } from "./database.mjs"
import { hashTree, medusaVersions } from "./fingerprint.mjs"

const TABLE = "bp_setup_state"

/**
 * The fingerprint of a start's setup: the built server (migrations, links, seed and all code),
 * the installed Medusa packages, and the settings the migrations and seed read.
 * @param {string} serverDir @param {string} modulesDir node_modules holding @medusajs @param {NodeJS.ProcessEnv} env
 */
export function setupFingerprint(serverDir, modulesDir, env) {
  const reference = env.REFERENCE_DATA_FILE ? fs.statSync(env.REFERENCE_DATA_FILE, { throwIfNoEntry: false }) : undefined
  const settings = [
    Boolean(env.REDIS_URL), // Redis brings modules with tables of their own (workflow engine)
    env.SEED_DEMO_GROUPS ?? "",
    Boolean(env.STRIPE_API_KEY),
    env.STOREFRONT_URL ?? "",
    env.REFERENCE_DATA_FILE ? `${env.REFERENCE_DATA_FILE}:${reference?.size ?? "?"}:${reference?.mtimeMs ?? "?"}` : "",
  ]
  // the whole build (a new image, a new fingerprint), but not the admin's static files
  const build = hashTree(serverDir, [""], ["node_modules", "public"])
  return crypto.createHash("sha256").update(JSON.stringify([build, medusaVersions(modulesDir), settings])).digest("hex")
}

/** The fingerprint of the last setup that finished on this database, or null (none yet, or an older shop without the table). */
export async function readSetupState(databaseUrl) {
  const exists = await queryOne(databaseUrl, "select to_regclass($1) is not null as present", [TABLE])
  if (!exists?.present) return null
  const row = await queryOne(databaseUrl, `select fingerprint from ${TABLE} where name = 'setup'`)
  return row?.fingerprint ?? null
}

/** Records a finished setup (after migrations, seed and import all succeeded). */
export async function writeSetupState(databaseUrl, fingerprint) {
  await queryOne(databaseUrl, `create table if not exists ${TABLE} (name text primary key, fingerprint text not null, done_at timestamptz not null default now())`)
  await queryOne(
    databaseUrl,
    `insert into ${TABLE} (name, fingerprint) values ('setup', $1) on conflict (name) do update set fingerprint = excluded.fingerprint, done_at = now()`,
    [fingerprint]
  )
}
