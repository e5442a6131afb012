#!/usr/bin/env node
/**
 * CI's check of what a newcomer runs: `npm start` on the embedded default (no
 * DATABASE_URL, no REDIS_URL) until both servers answer, a product page and
 * /groepen return 200, then Ctrl-C (SIGINT to the process group, as a terminal
 * sends it) stops everything: no process of the group and no port is left.
 * It starts twice: the second, warm start must skip migrations and seed, and
 * its time to ready is printed beside the target.
 *
 *   node scripts/start-smoke.mjs      (ports: SMOKE_BACKEND_PORT, SMOKE_STOREFRONT_PORT, SMOKE_POSTGRES_PORT)
 */
import assert from "node:assert/strict"
import { spawn } from "node:child_process"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const ports = {
  backend: Number(process.env.SMOKE_BACKEND_PORT || 9400),
  storefront: Number(process.env.SMOKE_STOREFRONT_PORT || 3400),
  postgres: Number(process.env.SMOKE_POSTGRES_PORT || 54349),
}
const WARM_TARGET_S = 15
const PRODUCT = "/producten/straatbord-whatsapp-buurtpreventie"

function portFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen(port, () => server.close(() => resolve(true)))
  })
}

const groupAlive = (pgid) => {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

/** One `npm start`: resolves with its output and seconds to ready once both pages answer. */
async function startOnce(label) {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, BACKEND_PORT: String(ports.backend), STOREFRONT_PORT: String(ports.storefront), EMBEDDED_POSTGRES_PORT: String(ports.postgres) }
  delete env.DATABASE_URL
  delete env.REDIS_URL
  const started = Date.now()
  // Its own process group, so SIGINT reaches every process as Ctrl-C in a terminal does.
  const child = spawn("npm", ["start"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
  let output = ""
  const collect = (chunk) => {
    output += chunk
    process.stdout.write(`[${label}] ${chunk}`)
  }
  child.stdout.on("data", collect)
  child.stderr.on("data", collect)
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })))

  try {
    const deadline = Date.now() + 15 * 60_000
    while (!/is running \(ready in/.test(output)) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}) before the shop was ready`)
      if (Date.now() > deadline) throw new Error("npm start was not ready within 15 minutes")
      await new Promise((r) => setTimeout(r, 250))
    }
    const ready = Number(/ready in ([\d.]+) s/.exec(output)[1])
    for (const url of [`http://localhost:${ports.storefront}${PRODUCT}`, `http://localhost:${ports.storefront}/groepen`, `http://localhost:${ports.backend}/health`]) {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) })
      assert.equal(response.status, 200, `${url} answered ${response.status}`)
      console.log(`[${label}] ✔ ${url} 200`)
    }
    return { output, ready, startedAt: started }
  } finally {
    process.kill(-child.pid, "SIGINT")
    const timer = setTimeout(() => process.kill(-child.pid, "SIGKILL"), 30_000)
    const { code } = await exited
    // the group's other processes (servers, PostgreSQL) need a moment after npm itself
    for (let i = 0; i < 100 && groupAlive(child.pid); i++) await new Promise((r) => setTimeout(r, 100))
    clearTimeout(timer)
    assert.equal(groupAlive(child.pid), false, "a process of `npm start` outlived Ctrl-C")
    for (const [name, port] of Object.entries(ports)) assert.ok(await portFree(port), `port ${port} (${name}) still in use after Ctrl-C`)
    console.log(`[${label}] ✔ Ctrl-C stopped everything (exit ${code}), ports free`)
  }
}

async function main() {
  for (const [name, port] of Object.entries(ports)) assert.ok(await portFree(port), `port ${port} (${name}) is in use before the smoke test`)
  const cold = await startOnce("cold")
  const warm = await startOnce("warm")
  assert.match(warm.output, /Migrations unchanged \(skipped\)/, "the warm start migrated again")
  assert.match(warm.output, /Seed unchanged \(skipped\)/, "the warm start seeded again")
  console.log(`\nstart smoke test passed: cold start ready in ${cold.ready} s, warm restart ready in ${warm.ready} s (target < ${WARM_TARGET_S} s)`)
}

main().catch((error) => {
  console.error(`\n✖ start smoke test failed: ${error.message}`)
  process.exit(1)
})
