// npm run backup / restore against npm start's embedded PostgreSQL: back up, wipe, restore, the same
// orders, groups and stock. The embedded package ships no pg_dump, so where this machine has none of
// its version the data folder is copied while the server is stopped; with one, pg_dump is used.
// (backend/integration-tests/http/backup.spec.ts covers a full Medusa shop on a PostgreSQL server.)
import assert from "node:assert/strict"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { test } from "node:test"
import pg from "pg"
import { backupLocal, restoreLocal, shopCounts } from "../lib/backup.mjs"
import { EMBEDDED_DATABASE, localShop } from "../lib/backup-target.mjs"
import { ensureDatabase } from "../../backend/scripts/lib/database.mjs"

async function freePort() {
  const server = net.createServer()
  await new Promise((r) => server.listen(0, "127.0.0.1", () => r(undefined)))
  const { port } = /** @type {net.AddressInfo} */ (server.address())
  await new Promise((r) => server.close(r))
  return port
}

/** The three tables the counts read, with the columns they read, and a few rows. */
const SCHEMA = `
  create table "order" (id text primary key, display_id int, deleted_at timestamptz);
  create table neighbourhood_group (id text primary key, slug text, deleted_at timestamptz);
  create table inventory_level (id text primary key, stocked_quantity numeric, reserved_quantity numeric, deleted_at timestamptz);
  insert into "order" values ('order_1', 1, null), ('order_2', 2, null), ('order_3', 3, now());
  insert into neighbourhood_group values ('nbgrp_1', 'wijk-noord', null), ('nbgrp_2', 'wijk-zuid', null);
  insert into inventory_level values ('ilev_1', 120, 3, null), ('ilev_2', 40, 0, null);`

async function sql(url, text) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await client.query(text)
  } finally {
    await client.end()
  }
}

test("npm start's embedded database: backed up, wiped, restored with the same orders, groups and stock", { timeout: 180_000 }, async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bp-backup-embedded-"))
  fs.chmodSync(work, 0o755) // as root the server runs as `postgres`, which must reach the data folder
  const options = {
    dataDir: path.join(work, "postgres"),
    port: await freePort(),
    uploadsDir: path.join(work, "uploads"),
    mailDir: path.join(work, "mail"),
  }
  const env = { ...process.env, DATABASE_URL: "" }
  try {
    // A shop: the database with its rows, an upload and a mail.
    let shop = await localShop(env, options)
    await ensureDatabase(shop.databaseUrl)
    await sql(shop.databaseUrl, SCHEMA)
    fs.mkdirSync(options.uploadsDir, { recursive: true })
    fs.writeFileSync(path.join(options.uploadsDir, "bord.png"), "png")
    fs.mkdirSync(options.mailDir, { recursive: true })
    fs.writeFileSync(path.join(options.mailDir, "bestelling-1.eml"), "Subject: Bestelling 1\n")
    const before = await shopCounts(shop.databaseUrl)
    assert.deepEqual(before, { orders: 2, groups: 2, stocked: 160, reserved: 3 })
    await shop.stop()

    shop = await localShop(env, { ...options, mustExist: true })
    const manifest = await backupLocal({ ...shop, outDir: path.join(work, "backup") })
    await shop.stop()
    assert.deepEqual(manifest.counts, before)

    // Wipe: rows gone, folders gone.
    shop = await localShop(env, options)
    await sql(shop.databaseUrl, `delete from "order"; delete from neighbourhood_group; update inventory_level set stocked_quantity = 0`)
    assert.equal((await shopCounts(shop.databaseUrl)).orders, 0)
    fs.rmSync(options.uploadsDir, { recursive: true })
    fs.rmSync(options.mailDir, { recursive: true })

    const { counts } = await restoreLocal({ ...shop, fromDir: path.join(work, "backup") })
    await shop.stop()
    assert.deepEqual(counts, before)
    assert.equal(fs.readFileSync(path.join(options.uploadsDir, "bord.png"), "utf8"), "png")
    assert.deepEqual(fs.readdirSync(options.mailDir), ["bestelling-1.eml"])

    // …and it is the database npm start uses: started again, the rows are there.
    shop = await localShop(env, options)
    assert.deepEqual(await shopCounts(shop.databaseUrl), before)
    assert.equal(new URL(shop.databaseUrl).pathname, `/${EMBEDDED_DATABASE}`)
    await shop.stop()
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
})
