/**
 * Backups of what the shop cannot rebuild: the database (pg_dump's custom format), the uploads
 * (Medusa's local file provider) and the mail folder (.eml files when SMTP_URL is unset).
 *
 * A backup is a folder:
 *   database.dump   pg_dump --format=custom (restore with pg_restore, any table on its own too);
 *                   or database-files.tar: npm start's embedded PostgreSQL copied while stopped,
 *                   when this machine has no pg_dump of its version (the package ships none)
 *   uploads.tar     the uploads folder's contents
 *   mail.tar        the mail folder's contents
 *   manifest.json   when, from which server, and what it held (orders, groups, stock), so a
 *                   restore can show that it brought back the same shop
 *
 * Two places hold a shop: this machine (`npm start`, or any DATABASE_URL) and docker compose
 * (the same steps run inside the containers: pg_dump of the postgres service, tar in the backend's
 * volumes). See scripts/backup.mjs and scripts/restore.mjs.
 */
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { dropDatabase, ensureDatabase, queryOne, serverUrl } from "../../backend/scripts/lib/database.mjs"
import { UserError } from "../../backend/scripts/lib/errors.mjs"
import { describeCounts, FILES, readManifest, run } from "./backup-compose.mjs"

// The compose pair lives in backup-compose.mjs (Node's standard library only, so it runs on a
// host without npm ci); what both share (file names, the manifest, running a tool) comes from there.
export { backupCompose, describeCounts, FILES, readManifest, restoreCompose } from "./backup-compose.mjs"


/** What a backup must bring back: counted in the database before the dump and after a restore. */
export async function shopCounts(databaseUrl) {
  const row = await queryOne(
    databaseUrl,
    `select
       (select count(*)::int from "order" where deleted_at is null) as orders,
       (select count(*)::int from neighbourhood_group where deleted_at is null) as groups,
       (select coalesce(sum(stocked_quantity), 0)::int from inventory_level where deleted_at is null) as stocked,
       (select coalesce(sum(reserved_quantity), 0)::int from inventory_level where deleted_at is null) as reserved`
  )
  return { orders: row.orders, groups: row.groups, stocked: row.stocked, reserved: row.reserved }
}


// ---------------------------------------------------------------- PostgreSQL client tools

/** Major version of a server, from `server_version_num` (150019 → 15). */
export async function serverMajor(databaseUrl) {
  const row = await queryOne(databaseUrl, "select current_setting('server_version_num')::int as v")
  return Math.floor(row.v / 10000)
}

function toolMajor(bin) {
  try {
    const out = execFileSync(bin, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
    const match = out.match(/\(PostgreSQL\) (\d+)/)
    return match ? Number(match[1]) : undefined
  } catch {
    return undefined
  }
}

/**
 * The pg_dump / pg_restore for a server of major version `major`: the same major where one is
 * installed (a newer pg_dump writes settings an older server refuses on restore), else the
 * newest newer one. Looks in PG_BIN_DIR, Debian's /usr/lib/postgresql/<n>/bin and PATH.
 * The embedded server's package ships no client tools.
 */
export function findPgTool(name, major) {
  const candidates = []
  if (process.env.PG_BIN_DIR) candidates.push(path.join(process.env.PG_BIN_DIR, name))
  const debian = "/usr/lib/postgresql"
  if (fs.existsSync(debian)) {
    for (const version of fs.readdirSync(debian)) candidates.push(path.join(debian, version, "bin", name))
  }
  candidates.push(name) // PATH
  const found = candidates.map((bin) => ({ bin, major: toolMajor(bin) })).filter((t) => t.major !== undefined && t.major >= major)
  found.sort((a, b) => (a.major === major ? -1 : b.major === major ? 1 : b.major - a.major))
  if (!found.length) {
    throw new UserError(
      `No ${name} for PostgreSQL ${major} on this machine: install PostgreSQL ${major}'s client tools (Debian: postgresql-client-${major}) or point PG_BIN_DIR at their bin folder`
    )
  }
  return found[0].bin
}

/** libpq reads the URL itself; the password must not appear in the process list, so it goes through PGPASSWORD. */
function pgArgs(databaseUrl) {
  const u = new URL(databaseUrl)
  const password = decodeURIComponent(u.password)
  u.password = ""
  return { url: u.toString(), env: { ...process.env, ...(password && { PGPASSWORD: password }) } }
}

// ---------------------------------------------------------------- folders (uploads, mail)

async function tarFolder(folder, file) {
  fs.mkdirSync(folder, { recursive: true })
  await run("tar", ["-C", folder, "-cf", file, "."])
}

async function untarFolder(file, folder) {
  // Replace, not merge: a restored shop has exactly the backed-up files.
  fs.rmSync(folder, { recursive: true, force: true })
  fs.mkdirSync(folder, { recursive: true })
  await run("tar", ["-C", folder, "-xf", file])
}

// ---------------------------------------------------------------- this machine

/**
 * @param {{ databaseUrl: string, uploadsDir: string, mailDir: string, outDir: string, embedded?: import("./backup-target.mjs").EmbeddedServer }} options
 */
export async function backupLocal({ databaseUrl, uploadsDir, mailDir, outDir, embedded }) {
  const major = await serverMajor(databaseUrl)
  const counts = await shopCounts(databaseUrl)
  let pgDump
  try {
    pgDump = findPgTool("pg_dump", major)
  } catch (error) {
    if (!embedded) throw error
  }
  fs.mkdirSync(outDir, { recursive: true })
  if (pgDump) {
    const { url, env } = pgArgs(databaseUrl)
    await run(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${path.join(outDir, FILES.database)}`, `--dbname=${url}`], { env })
  } else {
    // The embedded server, and no pg_dump of its version: its data folder, copied while stopped, is the backup.
    if (!embedded.ownedHere) {
      throw new UserError(
        `npm start is running, and this machine has no pg_dump for its PostgreSQL ${major}: stop npm start (Ctrl-C) and run npm run backup again (the database folder is then copied), or install postgresql-client-${major}`
      )
    }
    await embedded.stop()
    await run("tar", ["-C", fs.realpathSync(embedded.dataDir), "-cf", path.join(outDir, FILES.databaseFiles), "."])
  }
  await tarFolder(uploadsDir, path.join(outDir, FILES.uploads))
  await tarFolder(mailDir, path.join(outDir, FILES.mail))
  const manifest = { createdAt: new Date().toISOString(), postgres: major, database: pgDump ? FILES.database : FILES.databaseFiles, counts }
  fs.writeFileSync(path.join(outDir, FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

/**
 * Replaces the database (dropped and created anew, so nothing of the wiped or newer shop stays)
 * and the two folders with the backup's. The shop must be stopped: its connections are ended.
 * @param {{ databaseUrl: string, uploadsDir: string, mailDir: string, fromDir: string, embedded?: import("./backup-target.mjs").EmbeddedServer }} options
 */
export async function restoreLocal({ databaseUrl, uploadsDir, mailDir, fromDir, embedded }) {
  const manifest = readManifest(fromDir)
  if (manifest.database === FILES.databaseFiles) {
    if (!embedded?.ownedHere) {
      throw new UserError(`This backup is a copy of npm start's embedded PostgreSQL: stop npm start (Ctrl-C), unset DATABASE_URL and run npm run restore again`)
    }
    await embedded.stop()
    const dataDir = fs.existsSync(embedded.dataDir) ? fs.realpathSync(embedded.dataDir) : embedded.dataDir
    await untarFolder(path.join(fromDir, FILES.databaseFiles), dataDir)
    await embedded.start()
  } else {
    // The server must exist and answer before anything is dropped.
    const major = await serverMajor(serverUrl(databaseUrl))
    const pgRestore = findPgTool("pg_restore", Math.max(major, manifest.postgres))
    await dropDatabase(databaseUrl)
    await ensureDatabase(databaseUrl)
    const { url, env } = pgArgs(databaseUrl)
    await run(pgRestore, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${url}`, path.join(fromDir, FILES.database)], { env })
  }
  if (fs.existsSync(path.join(fromDir, FILES.uploads))) await untarFolder(path.join(fromDir, FILES.uploads), uploadsDir)
  if (fs.existsSync(path.join(fromDir, FILES.mail))) await untarFolder(path.join(fromDir, FILES.mail), mailDir)
  const counts = await shopCounts(databaseUrl)
  return { manifest, counts }
}

