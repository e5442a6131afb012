#!/usr/bin/env node
/**
 * `npm test`: unit tests, backend integration tests against real PostgreSQL,
 * and the Playwright e2e suite against a real backend + storefront.
 *
 * PostgreSQL: with DATABASE_URL, every suite creates its own throwaway database
 * on that server (the named database is never touched); without it, an embedded
 * PostgreSQL is started in a temporary folder and removed afterwards.
 */
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from "../backend/scripts/lib/database.mjs"
import { reportAndExit, UserError } from "../backend/scripts/lib/errors.mjs"
import { ensureChromium } from "./lib/chromium.mjs"
import { assertPortFree, build, ONE_ADDRESS_LIMITS, REFERENCE_DATA_FIXTURE, ROOT, startStack } from "./lib/stack.mjs"
import fakePdok from "../backend/integration-tests/utils/fake-pdok.js"
import { startFakeStripe } from "./lib/fake-stripe.mjs"
import { flakyTests } from "./lib/playwright-report.mjs"

const RESULTS = path.join(ROOT, ".data/test-results")
const PARTS = ["unit", "integration", "e2e"]
const only = process.argv.slice(2) // e.g. `npm test -- unit integration`
const wanted = (phase) => !only.length || only.includes(phase)
const totals = { passed: 0, failed: 0, skipped: 0 }
const summary = []

function run(command, args, { cwd = ROOT, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "inherit", "inherit"] })
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

const phaseStarted = new Map()
/** Marks the start of a suite, whose duration record() prints beside its counts. */
const startPhase = (name) => phaseStarted.set(name, Date.now())
const minutes = (ms) => `${(ms / 60_000).toFixed(1)} min`

function record(name, counts, exitCode) {
  // A runner that exits non-zero without a failed test (a crash, no tests found) still counts as a failure.
  const failed = exitCode !== 0 && counts.failed === 0 ? 1 : counts.failed
  totals.passed += counts.passed
  totals.failed += failed
  totals.skipped += counts.skipped
  const took = phaseStarted.has(name) ? ` (${minutes(Date.now() - phaseStarted.get(name))})` : ""
  summary.push(`${exitCode === 0 ? "✔" : "✖"} ${name}: ${counts.passed} passed, ${failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}${took}`)
}

const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null)
const jestCounts = (file) => {
  const r = readJson(file)
  return { passed: r?.numPassedTests ?? 0, failed: r?.numFailedTests ?? 0, skipped: r?.numPendingTests ?? 0 }
}

async function jestPhase(name, script, env, files = []) {
  startPhase(name)
  const out = path.join(RESULTS, `${name.replace(/\W+/g, "-")}.json`)
  fs.rmSync(out, { force: true })
  const code = await run("npm", ["run", script, "--workspace", "backend", "--", "--json", `--outputFile=${out}`, ...files], {
    env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", ...env },
  })
  record(name, jestCounts(out), code)
}

async function unitPhase() {
  await jestPhase("backend unit", "test:unit")

  startPhase("storefront unit")
  const vitestOut = path.join(RESULTS, "storefront-unit.json")
  fs.rmSync(vitestOut, { force: true })
  const code = await run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestOut}`], {
    cwd: path.join(ROOT, "storefront"),
  })
  record("storefront unit", jestCounts(vitestOut), code)

  startPhase("scripts and compose")
  const nodeOut = path.join(RESULTS, "scripts.tap")
  const nodeCode = await run(process.execPath, [
    "--test",
    "--test-reporter=spec",
    "--test-reporter-destination=stdout",
    "--test-reporter=tap",
    `--test-reporter-destination=${nodeOut}`,
    "scripts/test/",
  ])
  const tap = fs.existsSync(nodeOut) ? fs.readFileSync(nodeOut, "utf8") : ""
  const count = (label) => Number(tap.match(new RegExp(`^# ${label} (\\d+)`, "m"))?.[1] ?? 0)
  record("scripts and compose", { passed: count("pass"), failed: count("fail"), skipped: count("skipped") }, nodeCode)
}

async function integrationPhase(serverUrl) {
  const u = new URL(serverUrl)
  // INTEGRATION_SPECS="groups.spec.ts tier-prices.spec.ts" runs only those files (local work; CI runs all).
  const specs = (process.env.INTEGRATION_SPECS ?? "").split(/\s+/).filter(Boolean).map((f) => `integration-tests/http/${path.basename(f)}`)
  // @medusajs/test-utils creates (and drops) its own database per test file on this server.
  await jestPhase("backend integration", "test:integration", {
    // The in-process test runner waits on Medusa's local event bus; Redis is covered by the e2e run.
    REDIS_URL: "",
    DB_HOST: u.hostname === "127.0.0.1" ? "localhost" : u.hostname, // test-utils turns on SSL for anything but "localhost"
    DB_PORT: u.port || "5432",
    DB_USERNAME: decodeURIComponent(u.username || "postgres"),
    DB_PASSWORD: decodeURIComponent(u.password || ""),
  }, specs)
}

async function e2ePhase(serverUrl) {
  startPhase("e2e (Playwright)") // with the build and the stack's start
  const chromium = ensureChromium()
  console.log("\nBuilding backend and storefront for the e2e suite (cached when unchanged)…")
  await build()

  const backendPort = Number(process.env.E2E_BACKEND_PORT || 9300)
  const storefrontPort = Number(process.env.E2E_STOREFRONT_PORT || 3300)
  await assertPortFree(backendPort, "e2e backend", "E2E_BACKEND_PORT")
  await assertPortFree(storefrontPort, "e2e storefront", "E2E_STOREFRONT_PORT")
  if (process.env.REDIS_URL) await assertPortFree(backendPort + 1, "e2e worker", "E2E_BACKEND_PORT")

  const databaseUrl = withDatabase(serverUrl, `bp_e2e_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`)
  await ensureDatabase(databaseUrl)
  // E-mails of the e2e run land here as .eml files; tests read them (order confirmations, shipping mails).
  const mailDir = path.join(RESULTS, "e2e-mail")
  fs.rmSync(mailDir, { recursive: true, force: true })
  const logFile = path.join(RESULTS, "e2e-servers.log")
  const log = fs.createWriteStream(logFile)
  let stack
  // Address lookups go to a Locatieserver-compatible fake on loopback, never to PDOK.
  const pdok = await fakePdok.startFakePdok()
  let stripe
  try {
    // Payments go to a loopback Stripe fake (API, Stripe.js stand-in, test bank): the suite stays offline.
    stripe = await startFakeStripe({ backendUrl: `http://localhost:${backendPort}`, log: (name, chunk) => log.write(`[${name}] ${chunk}`) })
    stack = await startStack({
      databaseUrl,
      backendPort,
      storefrontPort,
      env: {
        STOREFRONT_URL: `http://localhost:${storefrontPort}`,
        MAIL_DIR: mailDir,
        ADDRESS_LOOKUP_URL: pdok.url,
        ...stripe.env,
        // Staff switched "Betalen op rekening" on next to Stripe: most specs check out on account.
        PAY_ON_ACCOUNT: "true",
        // The specs place many orders, make carts and register groups (address, group-places, groups,
        // admin-messages specs) from one address, mostly with one e-mail address: the budgets are
        // lifted here and tested in the backend's integration specs.
        ...ONE_ADDRESS_LIMITS,
        // The security spec plays a TLS proxy on this machine (X-Forwarded-Proto: https → HSTS).
        // Unset, the storefront trusts no proxy (a visitor on loopback could forge its address).
        TRUST_PROXY: "loopback",
        // cart-promise.spec.ts holds an add on the server (cookie bp_test_add_delay) to leave the page meanwhile;
        // the storefront refuses this unless its public address is loopback.
        E2E_ALLOW_ADD_DELAY: "true",
      },
      // Tests never reach the internet and carry their own data: the fixture in the repository.
      referenceData: { file: REFERENCE_DATA_FIXTURE, download: false },
      remember: false, // a throwaway database: nothing to skip next time
      // With REDIS_URL the suite runs against the scaled-out shape: a server plus a worker sharing Redis.
      worker: Boolean(process.env.REDIS_URL),
      log: (name, chunk) => log.write(`[${name}] ${chunk}`),
      step: (message) => console.log(`→ ${message}…`),
    })
    const out = path.join(RESULTS, "e2e.json")
    fs.rmSync(out, { force: true })
    // E2E_SPECS="groups.spec.ts staff.spec.ts" runs only those files (local work; CI runs all).
    const specs = (process.env.E2E_SPECS ?? "").split(/\s+/).filter(Boolean)
    const code = await run("npx", ["playwright", "test", ...specs], {
      cwd: path.join(ROOT, "e2e"),
      env: {
        ...process.env,
        CHROMIUM_PATH: chromium,
        STOREFRONT_URL: stack.storefrontUrl,
        BACKEND_URL: stack.backendUrl,
        ...(stack.workerUrl && { WORKER_URL: stack.workerUrl }),
        PUBLISHABLE_KEY: stack.publishableKey,
        ADMIN_EMAIL: stack.admin.email,
        ADMIN_PASSWORD: stack.admin.password,
        PLAYWRIGHT_JSON_OUTPUT_NAME: out,
        MAIL_DIR: mailDir,
        STRIPE_FAKE_URL: stripe.url,
      },
    })
    const report = readJson(out)
    const stats = report?.stats ?? {}
    record("e2e (Playwright)", { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0 }, code)
    for (const name of flakyTests(report)) console.log(`⚠ flaky (failed once, passed on the retry): ${name}`)
    if (code !== 0) console.log(`Server output of the e2e run: ${path.relative(ROOT, logFile)}`)
  } finally {
    await stack?.stop()
    await stripe?.stop()
    await pdok.close()
    log.end()
    await dropDatabase(databaseUrl).catch((error) => console.warn(`Could not drop ${databaseUrl}: ${error.message}`))
  }
}

async function main() {
  const unknown = only.filter((part) => !PARTS.includes(part))
  if (unknown.length) {
    throw new UserError(`Unknown test part ${unknown.map((p) => `"${p}"`).join(", ")}: choose from ${PARTS.join(", ")} (e.g. npm test -- unit)`)
  }
  const started = Date.now()
  fs.mkdirSync(RESULTS, { recursive: true })

  let embedded
  let serverUrl = process.env.DATABASE_URL
  let tempDir
  if (!serverUrl && (wanted("integration") || wanted("e2e"))) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "bp-test-pg-"))
    fs.chmodSync(tempDir, 0o755)
    const port = Number(process.env.EMBEDDED_POSTGRES_PORT || 54339)
    await assertPortFree(port, "embedded PostgreSQL for tests", "EMBEDDED_POSTGRES_PORT")
    console.log(`No DATABASE_URL: running the tests on an embedded PostgreSQL (port ${port})`)
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "data"), port, persistent: false })
    serverUrl = embedded.url("postgres")
  }

  try {
    if (wanted("unit")) await unitPhase()
    if (wanted("integration")) await integrationPhase(serverUrl)
    if (wanted("e2e")) await e2ePhase(serverUrl)
  } finally {
    await embedded?.stop()
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true })
  }

  console.log(`\n${summary.join("\n")}\nTotal time ${((Date.now() - started) / 1000).toFixed(0)} s`)
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`)
  process.exit(totals.failed > 0 ? 1 : 0)
}

main().catch(reportAndExit)
