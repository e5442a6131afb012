// The image's start skips migrations and seed when its database is already set up for this build
// and these settings (backend/scripts/lib/setup-state.mjs): a `docker compose restart` spent 7–11 min
// migrating and seeding again, past the storefront's health check (#25 operator walk). Against
// a real PostgreSQL: DATABASE_URL's server (CI), else the embedded one.
import assert from "node:assert/strict"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { after, before, test } from "node:test"
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from "../../backend/scripts/lib/database.mjs"
import { readSetupState, setupFingerprint, writeSetupState } from "../../backend/scripts/lib/setup-state.mjs"

async function freePort() {
  const server = net.createServer()
  await new Promise((r) => server.listen(0, "127.0.0.1", () => r(undefined)))
  const { port } = /** @type {net.AddressInfo} */ (server.address())
  await new Promise((r) => server.close(r))
  return port
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "bp-setup-state-"))
/** @type {string} */ let databaseUrl
/** @type {Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined} */ let embedded

before(async () => {
  let server = process.env.DATABASE_URL
  if (!server) {
    fs.chmodSync(work, 0o755) // as root the server runs as `postgres`, which must reach the data folder
    const port = await freePort()
    embedded = await startEmbeddedPostgres({ dataDir: path.join(work, "postgres"), port, persistent: false })
    server = embedded.url("postgres")
  }
  databaseUrl = withDatabase(server, `bp_setup_state_${process.pid}`)
  await ensureDatabase(databaseUrl)
})

after(async () => {
  await dropDatabase(databaseUrl).catch(() => {})
  await embedded?.stop()
  fs.rmSync(work, { recursive: true, force: true })
})

/** A stand-in build: a server folder with a migration and the Medusa packages beside it. */
function build(name) {
  const root = path.join(work, name)
  fs.mkdirSync(path.join(root, "server/src/modules/group/migrations"), { recursive: true })
  fs.writeFileSync(path.join(root, "server/src/modules/group/migrations/Migration1.js"), "up()")
  fs.mkdirSync(path.join(root, "server/public/admin"), { recursive: true })
  fs.writeFileSync(path.join(root, "server/public/admin/index.html"), "<html>")
  fs.mkdirSync(path.join(root, "node_modules/@medusajs/medusa"), { recursive: true })
  fs.writeFileSync(path.join(root, "node_modules/@medusajs/medusa/package.json"), JSON.stringify({ version: "2.10.0" }))
  return { server: path.join(root, "server"), modules: path.join(root, "node_modules") }
}

test("a new database has no setup; a finished one is remembered and read back", async () => {
  assert.equal(await readSetupState(databaseUrl), null)
  const b = build("a")
  const fingerprint = setupFingerprint(b.server, b.modules, {})
  await writeSetupState(databaseUrl, fingerprint)
  assert.equal(await readSetupState(databaseUrl), fingerprint)
  await writeSetupState(databaseUrl, "another")
  assert.equal(await readSetupState(databaseUrl), "another")
})

test("the same build and settings give the same fingerprint; a migration, a Medusa upgrade or a seed setting change it", () => {
  const b = build("b")
  const base = setupFingerprint(b.server, b.modules, { STOREFRONT_URL: "https://shop.example" })
  assert.equal(setupFingerprint(b.server, b.modules, { STOREFRONT_URL: "https://shop.example" }), base)
  // the admin's static files are not the database's business
  fs.writeFileSync(path.join(b.server, "public/admin/index.html"), "<html lang=nl>")
  assert.equal(setupFingerprint(b.server, b.modules, { STOREFRONT_URL: "https://shop.example" }), base)
  assert.notEqual(setupFingerprint(b.server, b.modules, { STOREFRONT_URL: "https://other.example" }), base)
  assert.notEqual(setupFingerprint(b.server, b.modules, { STOREFRONT_URL: "https://shop.example", STRIPE_API_KEY: "sk_test_x" }), base)
  assert.notEqual(setupFingerprint(b.server, b.modules, { STOREFRONT_URL: "https://shop.example", REDIS_URL: "redis://redis:6379" }), base)
  fs.writeFileSync(path.join(b.server, "src/modules/group/migrations/Migration2.js"), "up()")
  const migrated = setupFingerprint(b.server, b.modules, { STOREFRONT_URL: "https://shop.example" })
  assert.notEqual(migrated, base)
  fs.writeFileSync(path.join(b.modules, "@medusajs/medusa/package.json"), JSON.stringify({ version: "2.11.0" }))
  assert.notEqual(setupFingerprint(b.server, b.modules, { STOREFRONT_URL: "https://shop.example" }), migrated)
})
