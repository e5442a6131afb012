/**
 * `npm run backup:compose` / `npm run restore:compose`: the compose deployment's backup, with
 * Node's standard library only, so an operator's host needs Node and this clone but no `npm ci`
 * (scripts/backup.mjs and restore.mjs load the rest only for a backup of this machine).
 * pg_dump and pg_restore run inside the postgres service, tar inside the backend's image.
 * The backup's layout (FILES, manifest.json) is the one scripts/lib/backup.mjs describes.
 */
import { execFileSync, spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { UserError } from "../../backend/scripts/lib/errors.mjs"

export const FILES = { database: "database.dump", databaseFiles: "database-files.tar", uploads: "uploads.tar", mail: "mail.tar", manifest: "manifest.json" }

export const describeCounts = (c) => `${c.orders} orders, ${c.groups} groups, stock ${c.stocked} units (${c.reserved} reserved)`

/** @param {string} command @param {string[]} args @param {{ env?: NodeJS.ProcessEnv, input?: string, output?: string }} [options] */
export function run(command, args, { env, input, output } = {}) {
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

export function readManifest(dir) {
  const file = path.join(dir, FILES.manifest)
  const database = [FILES.database, FILES.databaseFiles].find((name) => fs.existsSync(path.join(dir, name)))
  if (!fs.existsSync(file) || !database) {
    throw new UserError(`${dir} is not a backup: it needs ${FILES.database} and ${FILES.manifest} (made by npm run backup)`)
  }
  return { database, ...JSON.parse(fs.readFileSync(file, "utf8")) }
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
