#!/usr/bin/env node
/**
 * `npm run backup [-- <folder>]`: the shop's database (pg_dump, custom format), uploads and
 * mail folder into <folder> (default .data/backups/<date-time>). `npm run backup:compose`
 * does the same for the docker compose deployment. Restore with `npm run restore -- <folder>`. --uploads <dir> and --mail <dir> name other folders.
 */
import path from "node:path"
import { parseArgs } from "node:util"
import { reportAndExit } from "../backend/scripts/lib/errors.mjs"
import { backupCompose, backupLocal, describeCounts } from "./lib/backup.mjs"
import { localShop } from "./lib/backup-target.mjs"
import { DATA_DIR, ROOT } from "./lib/stack.mjs"

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
