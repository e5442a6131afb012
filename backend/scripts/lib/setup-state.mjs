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
import path from "node:path"
import { queryOne } from "./database.mjs"

const TABLE = "bp_setup_state"

/**
 * sha256 over the relative paths and contents of every file under `dir` (sorted), skipping the
 * folders named in `skip`: a new image brings a new build, and so a new fingerprint.
 * @param {string} dir @param {string[]} [skip]
 */
export function hashBuild(dir, skip = ["node_modules", "public"]) {
  const hash = crypto.createHash("sha256")
  /** @param {string} relative */
  const walk = (relative) => {
    const full = path.join(dir, relative)
    const stat = fs.statSync(full, { throwIfNoEntry: false })
    if (!stat) return
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) if (!skip.includes(name)) walk(path.join(relative, name))
      return
    }
    hash.update(`${relative}\0`).update(fs.readFileSync(full)).update("\0")
  }
  walk("")
  return hash.digest("hex")
}

/**
 * The fingerprint of a start's setup: the built server (migrations, links, seed and all code),
 * the installed Medusa packages, and the settings the migrations and seed read.
 * @param {string} serverDir @param {string} modulesDir node_modules holding @medusajs @param {NodeJS.ProcessEnv} env
 */
export function setupFingerprint(serverDir, modulesDir, env) {
  const scope = path.join(modulesDir, "@medusajs")
  const medusa = fs.existsSync(scope)
    ? fs.readdirSync(scope).sort().map((name) => {
        const manifest = path.join(scope, name, "package.json")
        return `${name}@${fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, "utf8")).version : "?"}`
      })
    : []
  const reference = env.REFERENCE_DATA_FILE ? fs.statSync(env.REFERENCE_DATA_FILE, { throwIfNoEntry: false }) : undefined
  const settings = [
    Boolean(env.REDIS_URL), // Redis brings modules with tables of their own (workflow engine)
    env.SEED_DEMO_GROUPS ?? "",
    Boolean(env.STRIPE_API_KEY),
    env.STOREFRONT_URL ?? "",
    env.REFERENCE_DATA_FILE ? `${env.REFERENCE_DATA_FILE}:${reference?.size ?? "?"}:${reference?.mtimeMs ?? "?"}` : "",
  ]
  return crypto.createHash("sha256").update(JSON.stringify([hashBuild(serverDir), medusa, settings])).digest("hex")
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
