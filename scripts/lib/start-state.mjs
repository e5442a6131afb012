/**
 * What an earlier start already did to a database, so a warm `npm start` skips
 * it: the migrations (skipped while neither migration sources nor the installed
 * Medusa packages changed), the seed (skipped while its version is the same),
 * which reference data was imported, and when GeoNames was last tried.
 * Kept in .data/start-state.json, one entry per database (server, name and the
 * database's oid, so a dropped and recreated database counts as new).
 */
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { queryOne } from "../../backend/scripts/lib/database.mjs"
import { hashTree, medusaVersions as medusaVersionsIn } from "../../backend/scripts/lib/fingerprint.mjs"

/** "name@version" of every installed @medusajs package: an upgrade may bring migrations. */
const medusaVersions = (root) => medusaVersionsIn(path.join(root, "node_modules"))

export const hashOf = (...parts) => crypto.createHash("sha256").update(JSON.stringify(parts)).digest("hex")

/** Inputs of `medusa db:migrate`: module migrations, links, migration scripts, the module configuration. */
export function migrationFingerprint(root, env) {
  const backend = path.join(root, "backend")
  const modules = path.join(backend, "src/modules")
  const migrationDirs = fs.existsSync(modules)
    ? fs.readdirSync(modules).sort().map((m) => path.join("src/modules", m, "migrations"))
    : []
  return hashOf(
    hashTree(backend, [...migrationDirs, "src/links", "src/migration-scripts", "src/config/modules.ts", "medusa-config.ts"]),
    medusaVersions(root),
    // Redis brings modules with their own tables (workflow engine) and feature flags.
    Boolean(env.REDIS_URL)
  )
}

/** The seed's version: its sources and the settings it reads. */
export function seedFingerprint(root, env) {
  const backend = path.join(root, "backend")
  return hashOf(
    hashTree(backend, ["src/seed", "src/scripts/seed.ts", "src/config/modules.ts", "src/config/env.ts"]),
    medusaVersions(root),
    env.SEED_DEMO_GROUPS ?? "",
    Boolean(env.STRIPE_API_KEY),
    env.STOREFRONT_URL ?? ""
  )
}

/** Size and modification time stand in for a file's content (reading 4 MB on every start is what we avoid). */
export function fileFingerprint(file) {
  if (/^https?:\/\//i.test(file)) return file
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  return stat ? `${path.resolve(file)}:${stat.size}:${stat.mtimeMs}` : path.resolve(file)
}

async function databaseKey(databaseUrl) {
  const u = new URL(databaseUrl)
  const row = await queryOne(databaseUrl, "select oid::text as oid from pg_database where datname = current_database()")
  return `${u.hostname}:${u.port || 5432}${u.pathname}#${row?.oid ?? "?"}`
}

/** The state of one database; `save(patch)` merges and writes it. */
export async function loadStartState(dataDir, databaseUrl) {
  const file = path.join(dataDir, "start-state.json")
  const key = await databaseKey(databaseUrl)
  const read = () => {
    try {
      return JSON.parse(fs.readFileSync(file, "utf8"))
    } catch {
      return {}
    }
  }
  return {
    get: () => read()[key] ?? {},
    save: (patch) => {
      const all = read()
      all[key] = { ...all[key], ...patch }
      fs.mkdirSync(dataDir, { recursive: true })
      fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(all, null, 2)}\n`)
      fs.renameSync(`${file}.tmp`, file)
    },
  }
}
