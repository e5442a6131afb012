/**
 * `npm run backup` / `npm run restore` (scripts/backup.mjs, scripts/restore.mjs) on a real shop:
 * an order placed through the store API, the seeded groups and stock, an upload and the order's
 * confirmation mail. Backed up, the target wiped, restored: the same orders, groups, stock and files.
 *
 * The restore goes into a second database (the app of this runner keeps its connections to the
 * first), filled with something else first, so the test also shows that a restore replaces what
 * it finds. pg_dump and pg_restore must match the server: the machine's PostgreSQL (CI) has its
 * client tools; the embedded server of `npm test` without DATABASE_URL ships none, and then this
 * file says so and skips.
 */
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { Client } from "pg"
import { seedGroups } from "../../src/seed/seed-groups"
import { useSeededShop } from "../utils/seeded-shop"
import { cartReadyForPayment, completeCart, startPayment, waitFor } from "../utils/checkout"

jest.setTimeout(300 * 1000)

const ROOT = path.resolve(__dirname, "../../..")
const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-backup-mail-"))
process.env.MAIL_DIR = MAIL_DIR
delete process.env.STRIPE_API_KEY
delete process.env.SMTP_URL

/** Runs scripts/backup.mjs or restore.mjs as an operator would; resolves with its output, throws with it. */
function cli(script: string, args: string[], databaseUrl: string): string {
  try {
    return execFileSync(process.execPath, [path.join(ROOT, "scripts", script), ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    })
  } catch (error: any) {
    throw new Error(`${script} failed (exit ${error.status}):\n${error.stdout}\n${error.stderr}`)
  }
}

/** Whether this machine has pg_dump for the test server's major version (asked through the backup library itself). */
function pgToolsFor(databaseUrl: string): string | undefined {
  const probe = `
    import { findPgTool, serverMajor } from ${JSON.stringify(path.join(ROOT, "scripts/lib/backup.mjs"))}
    const major = await serverMajor(process.env.PROBE_URL)
    try { findPgTool("pg_dump", major); findPgTool("pg_restore", major) } catch (e) { console.log(e.message) }`
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", probe], {
    env: { ...process.env, PROBE_URL: databaseUrl },
    encoding: "utf8",
  }).trim()
  return out || undefined
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** What must come back, row by row: orders with their totals, groups, stock per item and location. */
async function snapshot(url: string) {
  return withClient(url, async (c) => ({
    orders: (await c.query(`select id, display_id, email, status from "order" where deleted_at is null order by id`)).rows,
    items: (await c.query(`select order_id, quantity::text from order_item where deleted_at is null order by order_id, id`)).rows,
    groups: (await c.query(`select id, slug, status from neighbourhood_group where deleted_at is null order by id`)).rows,
    stock: (
      await c.query(
        `select inventory_item_id, location_id, stocked_quantity::int, reserved_quantity::int from inventory_level where deleted_at is null order by inventory_item_id, location_id`
      )
    ).rows,
  }))
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConfig }) => {
    const { store } = useSeededShop({ api, getContainer, mailDir: MAIL_DIR })
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "bp-backup-"))
    const uploads = path.join(work, "uploads")
    const backupDir = path.join(work, "backup")
    const sourceUrl: string = dbConfig.clientUrl
    const restoredUrl = `${sourceUrl}_restored`
    const serverUrl = sourceUrl.replace(/\/[^/]+$/, "/postgres")

    afterAll(async () => {
      fs.rmSync(work, { recursive: true, force: true })
      await withClient(serverUrl, (c) => c.query(`drop database if exists "${new URL(restoredUrl).pathname.slice(1)}" with (force)`))
    })

    it("backs up, wipes, restores: the same orders, groups, stock, uploads and mail", async () => {
      const missing = pgToolsFor(sourceUrl)
      if (missing) {
        console.warn(`backup.spec skipped: ${missing}`)
        return
      }
      // A shop with an order (stock reserved), the demo groups, an upload and the confirmation mail.
      await seedGroups(getContainer())
      const cart = await cartReadyForPayment(api, store, getContainer(), { lines: [{ sku: "STK-RAAM-1015-BIN", quantity: 3 }] })
      await startPayment(api, store, cart.id, "pp_system_default")
      const { body } = await completeCart(api, store, cart.id)
      expect(body.type).toBe("order")
      await waitFor(async () => fs.existsSync(MAIL_DIR) && fs.readdirSync(MAIL_DIR).some((f) => f.endsWith(".eml")), { what: "confirmation mail" })
      fs.mkdirSync(uploads, { recursive: true })
      fs.writeFileSync(path.join(uploads, "bord-voorbeeld.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))
      const before = await snapshot(sourceUrl)
      expect(before.orders).toHaveLength(1)
      expect(before.groups.length).toBeGreaterThan(0)
      expect(before.stock.some((row: any) => row.reserved_quantity === 3)).toBe(true)
      const mailBefore = fs.readdirSync(MAIL_DIR).sort()

      const out = cli("backup.mjs", [backupDir, `--uploads=${uploads}`, `--mail=${MAIL_DIR}`], sourceUrl)
      expect(out).toMatch(/Backed up 1 orders, \d+ groups, stock \d+ units \(3 reserved\)/)
      expect(fs.readFileSync(path.join(backupDir, "database.dump")).subarray(0, 5).toString()).toBe("PGDMP") // pg_dump's custom format

      // Wipe: the folders gone, the target database holding something else.
      fs.rmSync(uploads, { recursive: true, force: true })
      fs.rmSync(MAIL_DIR, { recursive: true, force: true })
      await withClient(serverUrl, (c) => c.query(`create database "${new URL(restoredUrl).pathname.slice(1)}"`))
      await withClient(restoredUrl, (c) => c.query(`create table leftover (id int); insert into leftover values (1)`))

      const restored = cli("restore.mjs", [backupDir, `--uploads=${uploads}`, `--mail=${MAIL_DIR}`], restoredUrl)
      expect(restored).toMatch(/Restored 1 orders/)
      expect(await snapshot(restoredUrl)).toEqual(before)
      const leftover = await withClient(restoredUrl, (c) => c.query(`select to_regclass('leftover') as t`))
      expect(leftover.rows[0].t).toBeNull()
      expect(fs.readFileSync(path.join(uploads, "bord-voorbeeld.png"))).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))
      expect(fs.readdirSync(MAIL_DIR).sort()).toEqual(mailBefore)
    })

    it("refuses a folder that is not a backup, naming what it needs", () => {
      expect(() => cli("restore.mjs", [work], restoredUrl)).toThrow(/is not a backup: it needs database.dump and manifest.json/)
    })
  },
})
