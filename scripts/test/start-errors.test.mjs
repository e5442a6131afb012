// `npm start` with bad configuration stops with one clear line, not a stack trace.
import assert from "node:assert/strict"
import { spawn } from "node:child_process"
import net from "node:net"
import path from "node:path"
import { test } from "node:test"
import { fileURLToPath } from "node:url"

const START = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../start.mjs")

function runStart(env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [START], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (c) => (stdout += c))
    child.stderr.on("data", (c) => (stderr += c))
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000)
    child.on("exit", (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

function assertOneLine(stderr, pattern) {
  const lines = stderr.split("\n").filter((l) => l.trim())
  assert.equal(lines.length, 1, `expected one error line, got:\n${stderr}`)
  assert.match(lines[0], pattern)
  assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace")
}

async function freePort() {
  const server = net.createServer()
  await new Promise((r) => server.listen(0, () => r(undefined)))
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address())
  await new Promise((r) => server.close(r))
  return port
}

test("an unreachable DATABASE_URL names the server and what to do", async () => {
  const port = await freePort() // nothing listens there
  const { code, stderr } = await runStart({
    DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/shop`,
    BACKEND_PORT: String(await freePort()),
    STOREFRONT_PORT: String(await freePort()),
  })
  assert.equal(code, 1)
  assertOneLine(stderr, new RegExp(`Cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\).*unset DATABASE_URL`))
})

test("a DATABASE_URL that is not a postgres URL is refused", async () => {
  const { code, stderr } = await runStart({
    DATABASE_URL: "mysql://root@127.0.0.1/shop",
    BACKEND_PORT: String(await freePort()),
    STOREFRONT_PORT: String(await freePort()),
  })
  assert.equal(code, 1)
  assertOneLine(stderr, /DATABASE_URL must start with postgres:\/\//)
})

test("a port in use names the port and the variable to change", async () => {
  const blocker = net.createServer()
  await new Promise((r) => blocker.listen(0, () => r(undefined)))
  const { port } = /** @type {import("node:net").AddressInfo} */ (blocker.address())
  try {
    const { code, stderr } = await runStart({ BACKEND_PORT: String(port), DATABASE_URL: "postgres://postgres@127.0.0.1:1/x" })
    assert.equal(code, 1)
    assertOneLine(stderr, new RegExp(`Port ${port} \\(backend\\) is already in use: .*BACKEND_PORT`))
  } finally {
    blocker.close()
  }
})

test("a port that is not a number is refused", async () => {
  const { code, stderr } = await runStart({ STOREFRONT_PORT: "drieduizend" })
  assert.equal(code, 1)
  assertOneLine(stderr, /STOREFRONT_PORT must be a port number, not "drieduizend"/)
})

// #24 item 6: a shop with a public address gets no default staff login; the operator chooses it.
test("a public STOREFRONT_URL without ADMIN_PASSWORD is refused before anything starts", async () => {
  const port = await freePort() // nothing listens there: the refusal must come before the database
  const { code, stderr } = await runStart({
    STOREFRONT_URL: "https://shop.example.nl",
    ADMIN_PASSWORD: "",
    DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/shop`,
    BACKEND_PORT: String(await freePort()),
    STOREFRONT_PORT: String(await freePort()),
  })
  assert.equal(code, 1)
  assertOneLine(stderr, /ADMIN_PASSWORD is not set: .*https:\/\/shop\.example\.nl/)
})

test("a public STOREFRONT_URL with the default staff password is refused too", async () => {
  const port = await freePort()
  const { code, stderr } = await runStart({
    STOREFRONT_URL: "https://shop.example.nl",
    ADMIN_PASSWORD: "buurtpreventie",
    DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/shop`,
    BACKEND_PORT: String(await freePort()),
    STOREFRONT_PORT: String(await freePort()),
  })
  assert.equal(code, 1)
  assertOneLine(stderr, /ADMIN_PASSWORD is the default staff password/)
})

test("a public STOREFRONT_URL does not get plain-http cookies by default", async () => {
  // npm start's COOKIE_SECURE=false default is for localhost only: with a public address and
  // nothing else wrong, the one refusal left is the missing proxy configuration, not cookies.
  const { stackEnv } = await import("../lib/stack.mjs")
  const secrets = { jwt: "j", cookie: "c", clientIp: "i" }
  const publicEnv = stackEnv({ STOREFRONT_URL: "https://shop.example.nl" }, { storefrontPort: 3000, backendPort: 9000 }, secrets)
  assert.equal(publicEnv.COOKIE_SECURE, undefined)
  const localEnv = stackEnv({}, { storefrontPort: 3000, backendPort: 9000 }, secrets)
  assert.equal(localEnv.COOKIE_SECURE, "false")
  assert.equal(localEnv.STOREFRONT_URL, "http://localhost:3000")
})
