// The backend's database errors fit the situation (#25 item 4): in the image (docker compose,
// DATABASE_URL set, no embedded PostgreSQL) they name the DATABASE_URL server and what to check,
// never the embedded PostgreSQL; `npm start` on this machine may still suggest it.
import assert from "node:assert/strict"
import { execFile } from "node:child_process"
import http from "node:http"
import net from "node:net"
import path from "node:path"
import { test } from "node:test"
import { fileURLToPath } from "node:url"
import { checkDatabase, explainConnectionError } from "../../backend/scripts/lib/database.mjs"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

/** A loopback port nothing listens on. */
async function closedPort() {
  const server = net.createServer()
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)))
  const address = /** @type {net.AddressInfo} */ (server.address())
  await new Promise((resolve) => server.close(() => resolve(undefined)))
  return address.port
}

/** @param {Promise<unknown>} promise @returns {Promise<string>} */
async function messageOf(promise) {
  try {
    await promise
  } catch (error) {
    return /** @type {Error} */ (error).message
  }
  assert.fail("expected an error")
}

test("the backend image (no embedded PostgreSQL): a refused connection names the DATABASE_URL server and what to check", async () => {
  const port = await closedPort()
  const url = `postgres://medusa:geheim@127.0.0.1:${port}/medusa`
  const saved = process.env.DATABASE_URL
  process.env.DATABASE_URL = url
  try {
    const message = await messageOf(checkDatabase(url, { embeddedAlternative: false }))
    assert.match(message, new RegExp(`^Cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\), the server DATABASE_URL names: check that the server runs`))
    assert.match(message, /docker compose ps postgres/)
    assert.doesNotMatch(message, /embedded/i)
    assert.doesNotMatch(message, /geheim/, "never the password")
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL
    else process.env.DATABASE_URL = saved
  }
})

test("an unknown host in DATABASE_URL is named as such", () => {
  const env = { DATABASE_URL: "postgres://medusa@postgres:5432/medusa" }
  const error = Object.assign(new Error("getaddrinfo ENOTFOUND postgres"), { code: "ENOTFOUND" })
  const message = explainConnectionError(env.DATABASE_URL, error, { embeddedAlternative: false, env }).message
  assert.match(message, /^Cannot reach PostgreSQL at postgres:5432 \(ENOTFOUND\), the server DATABASE_URL names: the host postgres is unknown here: check the host in DATABASE_URL/)
  assert.doesNotMatch(message, /embedded/i)
})

test("npm start on this machine: DATABASE_URL set may be unset for the embedded PostgreSQL; unset, the embedded one is named", () => {
  const url = "postgres://postgres@127.0.0.1:1/shop"
  const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })
  assert.match(explainConnectionError(url, refused, { env: { DATABASE_URL: url } }).message, /, or unset DATABASE_URL to use the embedded PostgreSQL$/)
  assert.match(explainConnectionError(url, refused, { env: {} }).message, /^Cannot reach the embedded PostgreSQL at 127\.0\.0\.1:1 \(ECONNREFUSED\)/)
})

test("the worker's health check (scripts/ready.mjs) says in one line which server it cannot reach", async () => {
  // Medusa's /health answers; the database DATABASE_URL names does not.
  const health = http.createServer((_req, res) => res.end("OK"))
  await new Promise((resolve) => health.listen(0, "127.0.0.1", () => resolve(undefined)))
  const healthPort = /** @type {net.AddressInfo} */ (health.address()).port
  const dbPort = await closedPort()
  try {
    const { code, stderr } = await new Promise((resolve) => {
      execFile(
        process.execPath,
        [path.join(ROOT, "backend/scripts/ready.mjs"), `http://127.0.0.1:${healthPort}/health`],
        { env: { ...process.env, MEDUSA_WORKER_MODE: "worker", DATABASE_URL: `postgres://medusa:medusa@127.0.0.1:${dbPort}/medusa`, REDIS_URL: "" } },
        (error, _stdout, stderr) => resolve({ code: error?.code ?? 0, stderr })
      )
    })
    assert.equal(code, 1)
    assert.equal(stderr.trim().split("\n").length, 1, stderr)
    assert.match(stderr, new RegExp(`^not ready: Cannot reach PostgreSQL at 127\\.0\\.0\\.1:${dbPort} \\(ECONNREFUSED\\), the server DATABASE_URL names`))
    assert.doesNotMatch(stderr, /embedded/i)
  } finally {
    await new Promise((resolve) => health.close(() => resolve(undefined)))
  }
})
