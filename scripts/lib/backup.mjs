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
import { execFileSync, spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { dropDatabase, ensureDatabase, queryOne, serverUrl } from "../../backend/scripts/lib/database.mjs"
import { UserError } from "../../backend/scripts/lib/errors.mjs"

export const FILES = { database: "database.dump", databaseFiles: "database-files.tar", uploads: "uploads.tar", mail: "mail.tar", manifest: "manifest.json" }

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

export const describeCounts = (c) => `${c.orders} orders, ${c.groups} groups, stock ${c.stocked} units (${c.reserved} reserved)`

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

/** @param {string} command @param {string[]} args @param {{ env?: NodeJS.ProcessEnv, input?: string, output?: string }} [options] */
function run(command, args, { env, input, output } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: [input ? "pipe" : "ignore", output ? "pipe" : "ignore", "pipe"] })
    let stderr = ""
    child.stderr.on("data", (c) => (stderr += c))
    if (input) fs.createReadStream(input).pipe(child.stdin)
    // Done when the program has exited and, for an output file, every byte is written.
    const written = output ? new Promise((done) => child.stdout.pipe(fs.createWriteStream(output)).on("finish", () => done(undefined))) : Promise.resolve()
    child.on("error", reject)
    child.on("close", (code) =>
      code === 0
        ? written.then(() => resolve(undefined))
        : reject(new UserError(`${path.basename(command)} ${args[0] ?? ""} failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`))
    )
  })
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

export function readManifest(dir) {
  const file = path.join(dir, FILES.manifest)
  const database = [FILES.database, FILES.databaseFiles].find((name) => fs.existsSync(path.join(dir, name)))
  if (!fs.existsSync(file) || !database) {
    throw new UserError(`${dir} is not a backup: it needs ${FILES.database} and ${FILES.manifest} (made by npm run backup)`)
  }
  return { database, ...JSON.parse(fs.readFileSync(file, "utf8")) }
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

// ---------------------------------------------------------------- docker compose

/** `docker compose <args>` in the repository, streaming a file in or out. */
/** @param {string} root @param {string[]} args @param {{ input?: string, output?: string }} [streams] */
function compose(root, args, streams = {}) {
  return run("docker", ["compose", "--project-directory", root, ...args], { env: process.env, ...streams })
}

/** Counts through psql in the postgres container (the host has no route to it). */
async function composeCounts(root) {
  const sql = `select json_build_object(
    'orders', (select count(*) from "order" where deleted_at is null),
    'groups', (select count(*) from neighbourhood_group where deleted_at is null),
    'stocked', (select coalesce(sum(stocked_quantity), 0) from inventory_level where deleted_at is null),
    'reserved', (select coalesce(sum(reserved_quantity), 0) from inventory_level where deleted_at is null))`
  const out = execFileSync(
    "docker",
    ["compose", "--project-directory", root, "exec", "-T", "postgres", "sh", "-c", 'psql -U "$POSTGRES_USER" -d "$POSTGRES_DB" -At -c "$0"', sql],
    { encoding: "utf8" }
  )
  return JSON.parse(out.trim())
}

const PG_IN_CONTAINER = 'exec "$0" -U "$POSTGRES_USER" -d "$POSTGRES_DB" "$@"'

/** The compose deployment: pg_dump inside the postgres service, tar inside the backend's volumes. */
export async function backupCompose({ root, outDir }) {
  fs.mkdirSync(outDir, { recursive: true })
  const counts = await composeCounts(root)
  await compose(root, ["exec", "-T", "postgres", "sh", "-c", PG_IN_CONTAINER, "pg_dump", "--format=custom", "--no-owner", "--no-privileges"], {
    output: path.join(outDir, FILES.database),
  })
  for (const [folder, file] of [["static", FILES.uploads], ["mail", FILES.mail]]) {
    await compose(root, ["exec", "-T", "backend", "tar", "-C", `/app/backend/${folder}`, "-cf", "-", "."], { output: path.join(outDir, file) })
  }
  const major = Number(execFileSync("docker", ["compose", "--project-directory", root, "exec", "-T", "postgres", "postgres", "--version"], { encoding: "utf8" }).match(/\(PostgreSQL\) (\d+)/)?.[1])
  const manifest = { createdAt: new Date().toISOString(), postgres: major, counts, compose: true }
  fs.writeFileSync(path.join(outDir, FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

/**
 * Stops the apps, replaces database, uploads and mail, empties Redis (cached answers, queued
 * events and rate-limit counts belong to the replaced shop), starts the apps again.
 */
export async function restoreCompose({ root, fromDir }) {
  const manifest = readManifest(fromDir)
  await compose(root, ["stop", "storefront", "worker", "backend"])
  // Dropped and created anew, so nothing of the wiped or newer shop stays.
  const recreate = 'psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres -c "DROP DATABASE IF EXISTS \\"$POSTGRES_DB\\" WITH (FORCE)" -c "CREATE DATABASE \\"$POSTGRES_DB\\""'
  await compose(root, ["exec", "-T", "postgres", "sh", "-c", recreate])
  await compose(root, ["exec", "-T", "postgres", "sh", "-c", PG_IN_CONTAINER, "pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"], {
    input: path.join(fromDir, FILES.database),
  })
  for (const [folder, file] of [["static", FILES.uploads], ["mail", FILES.mail]]) {
    if (!fs.existsSync(path.join(fromDir, file))) continue
    await compose(root, ["run", "--rm", "--no-deps", "-T", "--entrypoint", "sh", "backend", "-c", `find /app/backend/${folder} -mindepth 1 -delete && tar -C /app/backend/${folder} -xf -`], {
      input: path.join(fromDir, file),
    })
  }
  await compose(root, ["exec", "-T", "redis", "redis-cli", "FLUSHALL"])
  await compose(root, ["start", "backend", "worker", "storefront"])
  return { manifest, counts: await composeCounts(root) }
}
