/**
 * One migrated database per integration run, copied for every spec file.
 *
 * Medusa's test runner (@medusajs/test-utils) creates a database per spec file and runs every
 * module's migrations and the link sync into it: about 8 s of a quiet machine per file, 41 files.
 * PostgreSQL copies a migrated database in well under a second (CREATE DATABASE … TEMPLATE), so
 * global-setup.js migrates one database once, with Medusa's own `medusa db:migrate` (migration
 * scripts skipped: the runner never runs them either), and each spec's database starts as a copy
 * (utils/test-runner.ts). The runner still runs its migrations and link sync on the copy, which
 * find nothing to do, so a spec sees the same schema as before.
 */
const { spawn } = require("node:child_process")
const crypto = require("node:crypto")
const path = require("node:path")
const { Client } = require("pg")

/** Where the name of this run's migrated database travels to the jest workers. */
const TEMPLATE_ENV = "BP_MIGRATED_TEMPLATE_DB"
const BACKEND_DIR = path.resolve(__dirname, "..")

/** The server @medusajs/test-utils uses (DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD; see scripts/test.mjs). */
function credentials(database) {
  return {
    host: process.env.DB_HOST ?? "localhost",
    port: Number(process.env.DB_PORT ?? 5432),
    user: process.env.DB_USERNAME ?? "postgres",
    password: process.env.DB_PASSWORD || undefined,
    database,
  }
}

function databaseUrl(database) {
  const c = credentials(database)
  const auth = encodeURIComponent(c.user) + (c.password ? `:${encodeURIComponent(c.password)}` : "")
  return `postgres://${auth}@${c.host}:${c.port}/${encodeURIComponent(database)}`
}

const quote = (name) => `"${name.replace(/"/g, '""')}"`

async function onServer(work) {
  const client = new Client(credentials(process.env.DB_WAITINGROOM_DATABASE ?? "postgres"))
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

function migrate(database) {
  return new Promise((resolve, reject) => {
    const cli = require.resolve("@medusajs/cli/cli.js", { paths: [BACKEND_DIR] })
    const child = spawn(process.execPath, [cli, "db:migrate", "--skip-scripts"], {
      cwd: BACKEND_DIR,
      env: { ...process.env, DATABASE_URL: databaseUrl(database), MEDUSA_DISABLE_TELEMETRY: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    child.on("error", reject)
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`medusa db:migrate for the integration template failed (exit ${code}):\n${output.slice(-4000)}`)),
    )
  })
}

/** Creates and migrates this run's template; returns its name. */
async function createMigratedTemplate() {
  const name = `bp-int-migrated-${Date.now()}-${crypto.randomBytes(3).toString("hex")}`
  await onServer((client) => client.query(`CREATE DATABASE ${quote(name)}`))
  try {
    await migrate(name)
  } catch (error) {
    await dropTemplate(name).catch(() => undefined)
    throw error
  }
  return name
}

async function dropTemplate(name) {
  await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`))
}

/**
 * Creates `database` as a copy of the run's migrated template. Without a template (a spec run by
 * jest directly, without global-setup.js) it does nothing: the runner then migrates as before.
 */
async function copyMigratedTemplate(database) {
  const template = process.env[TEMPLATE_ENV]
  if (!template) return
  await onServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quote(database)} WITH (FORCE)`)
    // Two workers may copy at the same moment; PostgreSQL refuses a copy while another session
    // is connected to the template, which only the other copy's brief check can be.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${quote(database)} TEMPLATE ${quote(template)}`)
        return
      } catch (error) {
        if (error.code !== "55006" || attempt >= 20) throw error
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt))
      }
    }
  })
}

module.exports = { TEMPLATE_ENV, createMigratedTemplate, dropTemplate, copyMigratedTemplate }
