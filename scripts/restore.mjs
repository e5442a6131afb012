#!/usr/bin/env node
/**
 * `npm run restore -- <folder>`: replaces the shop's database, uploads and mail folder with a
 * backup made by `npm run backup` (stop `npm start` first: the database is dropped and created
 * anew, so the next `npm start` migrates and seeds it as a new one). `npm run restore:compose -- <folder>` does the same for docker compose (it stops and
 * starts the app containers itself).
 */
import path from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { reportAndExit, UserError } from "../backend/scripts/lib/errors.mjs"
import { describeCounts, restoreCompose } from "./lib/backup-compose.mjs"

// The compose pair needs Node's standard library only (no `npm ci` on the host): see backup.mjs.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { compose: { type: "boolean", default: false }, uploads: { type: "string" }, mail: { type: "string" } },
  })
  const compose = values.compose
  const given = positionals[0]
  if (!given) throw new UserError(`Name the backup to restore: npm run restore${compose ? ":compose -- .data/backups/compose-<date-time>" : " -- .data/backups/<date-time>"} (backup printed the command)`)
  const fromDir = path.resolve(given)
  const started = Date.now()
  let result
  if (compose) {
    result = await restoreCompose({ root: ROOT, fromDir })
  } else {
    const { restoreLocal } = await import("./lib/backup.mjs")
    const { localShop } = await import("./lib/backup-target.mjs")
    const shop = await localShop(process.env, { uploadsDir: values.uploads, mailDir: values.mail })
    try {
      result = await restoreLocal({ ...shop, fromDir })
    } finally {
      await shop.stop()
    }
  }
  const same = JSON.stringify(result.counts) === JSON.stringify(result.manifest.counts)
  console.log(`Restored ${describeCounts(result.counts)} from ${given} (backed up ${result.manifest.createdAt}) in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (!same) throw new UserError(`The restored shop differs from the backup: it held ${describeCounts(result.manifest.counts)}`)
  // The apps were only started again: ready within a minute or two (a backup of an older build migrates first).
  if (compose) console.log("The backend, worker and storefront are starting again; `docker compose up -d --wait` returns once they are healthy.")
}

main().catch(reportAndExit)
