#!/usr/bin/env node
/**
 * `npm run backup [-- <folder>]`: the shop's database (pg_dump, custom format), uploads and
 * mail folder into <folder> (default .data/backups/<date-time>). `npm run backup:compose`
 * does the same for the docker compose deployment. Restore with `npm run restore -- <folder>`. --uploads <dir> and --mail <dir> name other folders.
 * The compose pair needs Node's standard library only (no `npm ci` on the host); the modules
 * for a backup of this machine (PostgreSQL client, embedded PostgreSQL) load only for that.
 */
import path from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { reportAndExit } from "../backend/scripts/lib/errors.mjs"
import { backupCompose, describeCounts } from "./lib/backup-compose.mjs"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const DATA_DIR = path.join(ROOT, ".data")

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { compose: { type: "boolean", default: false }, uploads: { type: "string" }, mail: { type: "string" } },
  })
  const compose = values.compose
  const given = positionals[0]
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").replace(/-\d+Z$/, "Z")
  const outDir = path.resolve(given ?? path.join(DATA_DIR, "backups", compose ? `compose-${stamp}` : stamp))
  const started = Date.now()
  let manifest
  if (compose) {
    manifest = await backupCompose({ root: ROOT, outDir })
  } else {
    const { backupLocal } = await import("./lib/backup.mjs")
    const { localShop } = await import("./lib/backup-target.mjs")
    const shop = await localShop(process.env, { uploadsDir: values.uploads, mailDir: values.mail, mustExist: true })
    try {
      manifest = await backupLocal({ ...shop, outDir })
    } finally {
      await shop.stop()
    }
  }
  console.log(`Backed up ${describeCounts(manifest.counts)} to ${path.relative(process.cwd(), outDir) || "."} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  console.log(`Restore with: npm run restore${compose ? ":compose" : ""} -- ${outDir}`)
}

main().catch(reportAndExit)
