// Contract checks for docker-compose.yml and the Dockerfiles it builds.
// No Docker engine is needed: the compose file is parsed with `yaml`, the
// Dockerfiles are read as text, and the environment variables each app reads
// are discovered by scanning its source.
//
//   node --test scripts/test/

import { describe, test } from "node:test"
import assert from "node:assert/strict"
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import YAML from "yaml"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
// COMPOSE_FILE (as docker compose reads it; first entry) checks another file, e.g. a variant.
const COMPOSE_PATH = path.resolve(ROOT, process.env.COMPOSE_FILE?.split(path.delimiter)[0] || "docker-compose.yml")
const COMPOSE_DIR = path.dirname(COMPOSE_PATH)

const SERVICE_NAMES = ["postgres", "redis", "backend", "worker", "storefront"]
const APP_SERVICES = { backend: "backend", worker: "backend", storefront: "storefront" }

/** Variables read by tools (Medusa CLI, remix-serve, Node) rather than by our code. */
const TOOL_VARS = {
  backend: ["NODE_ENV", "PORT", "MEDUSA_DISABLE_TELEMETRY"],
  storefront: ["NODE_ENV", "PORT"],
}
/** Variables the official images read themselves. */
const IMAGE_VARS = {
  postgres: [
    "POSTGRES_USER",
    "POSTGRES_PASSWORD",
    "POSTGRES_DB",
    "POSTGRES_INITDB_ARGS",
    "POSTGRES_INITDB_WALDIR",
    "POSTGRES_HOST_AUTH_METHOD",
    "PGDATA",
  ],
  redis: [],
}
/** Where each stateful image keeps its data. */
const DATA_DIRS = { postgres: "/var/lib/postgresql/data", redis: "/data" }

const MUST_HAVE = {
  backend: ["DATABASE_URL", "REDIS_URL", "JWT_SECRET", "COOKIE_SECRET", "MEDUSA_WORKER_MODE"],
  worker: ["DATABASE_URL", "REDIS_URL", "JWT_SECRET", "COOKIE_SECRET", "MEDUSA_WORKER_MODE"],
  storefront: ["MEDUSA_BACKEND_URL"],
}
const SECRET_VARS = ["JWT_SECRET", "COOKIE_SECRET"]

/**
 * Variables an app reads that a service deliberately does not get, each with the reason.
 * Every other variable the app reads must reach the service (#25: COMPANY_* and the other
 * settings never arrived, so invoices showed the fictional company).
 */
const BACKEND_NOT_PASSED = {
  ALLOW_DEFAULT_SECRETS: "never in a deployment",
  STRIPE_API_BASE_URL: "tests only (a Stripe stand-in on loopback)",
  DATABASE_SSL: "the compose postgres service speaks plain TCP on its private network",
  EMBEDDED_POSTGRES_PORT: "npm start's embedded PostgreSQL",
  EMBEDDED_POSTGRES_SHARED_DIR: "npm start's embedded PostgreSQL",
  PG_BIN_DIR: "npm run backup on the host",
  CHROMIUM_PATH: "browser tests",
  SESSION_SECRET: "storefront's (scripts/lib/stack.mjs passes it for npm start)",
  PUBLIC_STOREFRONT_URL: "storefront's (scripts/lib/stack.mjs passes it for npm start)",
}
const NOT_PASSED = {
  backend: {
    ...BACKEND_NOT_PASSED,
    SKIP_MIGRATIONS: "the server migrates and seeds",
    DISABLE_MEDUSA_ADMIN: "the server serves the admin",
  },
  worker: {
    ...BACKEND_NOT_PASSED,
    STORE_CORS: "the worker serves no API",
    ADMIN_CORS: "the worker serves no API",
    AUTH_CORS: "the worker serves no API",
    ADMIN_PASSWORD: "the server creates the staff login",
    PUBLISHABLE_KEY_FILE: "the server writes the key",
    BACKEND_PROCESSES: "one worker process",
    SEED_DEMO_GROUPS: "the server seeds",
    REFERENCE_DATA_FILE: "the server imports reference data",
    REFERENCE_DATA_TIMEOUT_MS: "the server imports reference data",
  },
  storefront: {
    E2E_ALLOW_ADD_DELAY: "e2e tests only",
    MEDUSA_PUBLISHABLE_KEY: "compose shares the key as a file (MEDUSA_PUBLISHABLE_KEY_FILE)",
    SESSION_DIR: "sessions live in the compose Redis (REDIS_URL)",
  },
}
/** Node releases in support (LTS) that Medusa 2.21 accepts ("^20.19.0 || >=22.12.0"): 22 and 24. */
const SUPPORTED_NODE_IMAGE = /^node:(22|24)-bookworm-slim$/

// ---------------------------------------------------------------------------
// Source scanning: which environment variables does an app read?

const ENV_NAME = "[A-Z_][A-Z0-9_]*"
const ENV_PATTERNS = [
  // process.env.NAME, env.NAME (a ProcessEnv passed around, e.g. readBackendEnv(env)); not
  // Vite's import.meta.env.PROD/DEV/MODE, constants of the build, not the running container's
  new RegExp(String.raw`(?<!import\.meta\.)\benv\??\.(${ENV_NAME})\b`, "g"),
  // process.env["NAME"], env['NAME']
  new RegExp(String.raw`\benv\??\.?\[\s*["'\`](${ENV_NAME})["'\`]\s*\]`, "g"),
]
// const { NAME, OTHER: alias = "x" } = process.env
const DESTRUCTURE = /\{([^{}]*)\}\s*=\s*process\.env\b/g

export function scanEnvNames(source) {
  const names = new Set()
  for (const pattern of ENV_PATTERNS) {
    for (const match of source.matchAll(pattern)) names.add(match[1])
  }
  for (const match of source.matchAll(DESTRUCTURE)) {
    for (const part of match[1].split(",")) {
      const key = part.split(/[:=]/)[0].trim()
      if (new RegExp(`^${ENV_NAME}$`).test(key)) names.add(key)
    }
  }
  return names
}

const SKIP_DIRS = new Set(["node_modules", ".medusa", "build", "dist", ".cache", "__tests__", "__mocks__"])
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/

function walk(dir, accept) {
  if (!existsSync(dir)) return []
  const out = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...walk(full, accept))
    } else if (entry.isFile() && accept(entry.name) && !TEST_FILE.test(entry.name)) {
      out.push(full)
    }
  }
  return out
}

const byExt = (...exts) => (name) => exts.some((ext) => name.endsWith(ext))

function appSourceFiles(app) {
  if (app === "backend") {
    const config = path.join(ROOT, "backend", "medusa-config.ts")
    return [
      ...(existsSync(config) ? [config] : []),
      // All of src, not only src/config: e.g. src/seed/seed-shop.ts reads STOREFRONT_URL
      // (the seed runs as a migration script inside the server container).
      ...walk(path.join(ROOT, "backend", "src"), byExt(".ts", ".tsx")),
      ...walk(path.join(ROOT, "backend", "scripts"), byExt(".mjs")),
      ...walk(path.join(ROOT, "scripts", "lib"), byExt(".mjs")),
    ]
  }
  if (app === "storefront") {
    return [
      ...walk(path.join(ROOT, "storefront", "app"), byExt(".ts", ".tsx")),
      // server.mjs and its modules (STOREFRONT_WORKERS, BODY_LIMIT_BYTES, …), not the folders below it.
      ...readdirSync(path.join(ROOT, "storefront"))
        .filter((name) => name.endsWith(".mjs") && !TEST_FILE.test(name))
        .map((name) => path.join(ROOT, "storefront", name)),
    ]
  }
  throw new Error(`unknown app ${app}`)
}

const scanCache = new Map()
function appReads(app) {
  if (!scanCache.has(app)) {
    const names = new Set()
    for (const file of appSourceFiles(app)) {
      for (const name of scanEnvNames(readFileSync(file, "utf8"))) names.add(name)
    }
    scanCache.set(app, names)
  }
  return scanCache.get(app)
}

// ---------------------------------------------------------------------------
// Compose helpers

const composeText = readFileSync(COMPOSE_PATH, "utf8")
const compose = YAML.parse(composeText, { merge: true })
const services = compose?.services ?? {}

/** Raw (uninterpolated) environment of a service as a plain object; list syntax normalised. */
function rawEnv(name) {
  const env = services[name]?.environment ?? {}
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((item) => {
        const text = String(item)
        const eq = text.indexOf("=")
        // `- NAME` alone passes the host's value through: model it as ${NAME}
        return eq === -1 ? [text, `\${${text}}`] : [text.slice(0, eq), text.slice(eq + 1)]
      })
    )
  }
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === null ? `\${${key}}` : String(value)])
  )
}

/**
 * Compose-style interpolation against a host environment (empty by default, so
 * defaults apply). Required variables that are unset become "<NAME>".
 */
function interpolate(value, host = {}) {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, braced, op, arg, bare) => {
      if (whole === "$$") return "$"
      const name = braced ?? bare
      const isSet = Object.hasOwn(host, name)
      const val = isSet ? host[name] : undefined
      const present = op?.startsWith(":") ? isSet && val !== "" : isSet
      switch (op?.replace(":", "")) {
        case "-":
          return present ? val : arg
        case "?":
          return present ? val : `<${name}>`
        case "+":
          return present ? arg : ""
        default:
          return val ?? ""
      }
    }
  )
}

function env(name) {
  return Object.fromEntries(Object.entries(rawEnv(name)).map(([k, v]) => [k, interpolate(v)]))
}

/** Volume mounts of a service, short and long syntax, as { source, target, readOnly, named }. */
function mounts(name) {
  return (services[name]?.volumes ?? []).map((spec) => {
    if (typeof spec === "string") {
      const parts = spec.split(":")
      const [source, target, mode = ""] = parts.length === 1 ? [undefined, parts[0]] : parts
      const named = Boolean(source) && !/^[./~$]/.test(source)
      return { source, target, readOnly: mode.split(",").includes("ro"), named }
    }
    const named = (spec.type ?? "volume") === "volume" && Boolean(spec.source)
    return { source: spec.source, target: spec.target, readOnly: Boolean(spec.read_only), named }
  })
}

/** Container ports from `ports`, short and long syntax. */
function containerPorts(name) {
  return (services[name]?.ports ?? []).map((spec) => {
    if (typeof spec === "object") return String(spec.target)
    const withoutProto = String(spec).split("/")[0]
    return withoutProto.split(":").at(-1)
  })
}

function dependsOn(name) {
  const deps = services[name]?.depends_on ?? {}
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, "service_started"]))
  return Object.fromEntries(
    Object.entries(deps).map(([d, spec]) => [d, spec?.condition ?? "service_started"])
  )
}

function buildOf(name) {
  const build = services[name]?.build
  if (!build) return undefined
  const context = path.resolve(COMPOSE_DIR, typeof build === "string" ? build : build.context ?? ".")
  const dockerfile = path.resolve(context, (typeof build === "object" && build.dockerfile) || "Dockerfile")
  return { context, dockerfile }
}

/** The final stage of a Dockerfile: base image, EXPOSEd ports, WORKDIR, USER, COPY sources. */
function parseDockerfile(file) {
  const text = readFileSync(file, "utf8")
  const lines = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
  const stages = []
  /** ARGs declared before the first FROM, with their defaults (usable in FROM lines). */
  const globalArgs = {}
  for (const line of lines) {
    const [instruction, ...rest] = line.split(/\s+/)
    const args = rest.join(" ")
    const op = instruction.toUpperCase()
    if (op === "ARG" && stages.length === 0) {
      const [name, value = ""] = args.split("=")
      globalArgs[name] = value
      continue
    }
    if (op === "FROM") {
      const [image, , alias] = rest
      const resolved = image.replace(/\$\{?(\w+)\}?/g, (_, name) => globalArgs[name] ?? "")
      stages.push({ image, resolved, alias, expose: [], workdir: "/", user: "root", copies: [], chowned: [] })
      continue
    }
    const stage = stages.at(-1)
    if (!stage) continue
    if (op === "EXPOSE") stage.expose.push(...rest.map((p) => p.split("/")[0]))
    if (op === "WORKDIR") stage.workdir = path.posix.resolve(stage.workdir, args)
    if (op === "USER") stage.user = args
    if (op === "COPY" || op === "ADD") {
      const words = rest.filter((w) => !w.startsWith("--"))
      const fromStage = rest.some((w) => w.startsWith("--from="))
      if (!fromStage) stage.copies.push(...words.slice(0, -1))
      if (rest.some((w) => /^--chown=node(:node)?$/.test(w))) stage.chowned.push(words.at(-1))
    }
  }
  return { stages, final: stages.at(-1), globalArgs, text }
}

/** Port a service listens on inside its container, from its PORT variable. */
function servicePort(name) {
  return env(name).PORT
}

// ---------------------------------------------------------------------------

describe("env scanner", () => {
  test("finds process.env.X, env.X, env['X'] and destructuring; ignores camelCase fields", () => {
    const found = scanEnvNames(`
      const a = process.env.DATABASE_URL
      const b = env.JWT_SECRET ?? env["COOKIE_SECRET"]
      const { REDIS_URL, PORT: port = 9000 } = process.env
      const c = env.databaseUrl
      const d = import.meta.env.PROD && import.meta.env.DEV
    `)
    assert.deepEqual(
      [...found].sort(),
      ["COOKIE_SECRET", "DATABASE_URL", "JWT_SECRET", "PORT", "REDIS_URL"],
      "scanEnvNames must find exactly the upper-case env reads in the sample"
    )
  })

  test("backend source scan finds the core variables (scanner is not vacuous)", () => {
    const reads = appReads("backend")
    for (const name of ["DATABASE_URL", "JWT_SECRET", "COOKIE_SECRET", "REDIS_URL"]) {
      assert.ok(
        reads.has(name),
        `backend: scanning ${appSourceFiles("backend").length} source file(s) did not find ${name}; the scanner or the source layout is broken`
      )
    }
  })

  test("storefront source scan finds MEDUSA_BACKEND_URL (scanner is not vacuous)", () => {
    const files = appSourceFiles("storefront")
    assert.ok(
      appReads("storefront").has("MEDUSA_BACKEND_URL"),
      `storefront: scanning ${files.length} file(s) under storefront/app did not find MEDUSA_BACKEND_URL`
    )
  })
})

describe("services, healthchecks, restart policies and volumes", () => {
  test("all five services exist", () => {
    const missing = SERVICE_NAMES.filter((name) => !services[name])
    assert.deepEqual(missing, [], `docker-compose.yml lacks service(s): ${missing.join(", ")}`)
  })

  for (const name of SERVICE_NAMES) {
    test(`${name}: has a healthcheck and a restart policy`, () => {
      const hc = services[name]?.healthcheck
      assert.ok(hc, `service ${name} has no healthcheck`)
      assert.notEqual(hc.disable, true, `service ${name} disables its healthcheck`)
      const cmd = Array.isArray(hc.test) ? hc.test : [hc.test]
      assert.ok(
        cmd.length > 0 && cmd[0] !== "NONE" && cmd.join(" ").trim() !== "",
        `service ${name} has an empty healthcheck test`
      )
      assert.ok(services[name]?.restart, `service ${name} has no restart policy`)
    })
  }

  for (const name of ["postgres", "redis"]) {
    test(`${name}: data directory is a declared named volume`, () => {
      const mount = mounts(name).find((m) => m.target === DATA_DIRS[name])
      assert.ok(mount, `service ${name} mounts nothing at its data directory ${DATA_DIRS[name]}`)
      assert.ok(mount.named, `service ${name}: ${DATA_DIRS[name]} is not a named volume (${mount.source})`)
      assert.ok(
        compose.volumes && Object.hasOwn(compose.volumes, mount.source),
        `service ${name}: volume "${mount.source}" is not declared under top-level volumes`
      )
    })
  }

  test("backend: uploads directory is a declared named volume", () => {
    const build = buildOf("backend")
    const workdir = build && existsSync(build.dockerfile) ? parseDockerfile(build.dockerfile).final?.workdir : undefined
    const uploads = path.posix.join(workdir ?? "/app/backend", "static")
    const mount = mounts("backend").find((m) => m.target === uploads)
    assert.ok(mount, `service backend mounts nothing at its uploads directory ${uploads}`)
    assert.ok(mount.named, `service backend: ${uploads} is not a named volume`)
    assert.ok(
      compose.volumes && Object.hasOwn(compose.volumes, mount.source),
      `service backend: volume "${mount.source}" is not declared under top-level volumes`
    )
  })

  test("every named volume used by a service is declared at top level", () => {
    const undeclared = SERVICE_NAMES.flatMap((name) =>
      mounts(name)
        .filter((m) => m.named && !(compose.volumes && Object.hasOwn(compose.volumes, m.source)))
        .map((m) => `${name}:${m.source}`)
    )
    assert.deepEqual(undeclared, [], `undeclared named volume(s): ${undeclared.join(", ")}`)
  })

  test("startup order waits for healthy dependencies", () => {
    const expected = {
      backend: ["postgres", "redis"],
      worker: ["backend"],
      storefront: ["backend"],
    }
    for (const [name, deps] of Object.entries(expected)) {
      const actual = dependsOn(name)
      for (const dep of deps) {
        assert.equal(
          actual[dep],
          "service_healthy",
          `service ${name} must depend_on ${dep} with condition service_healthy (has ${actual[dep] ?? "nothing"})`
        )
      }
    }
  })
})

describe("builds, Dockerfiles and ports", () => {
  test(".dockerignore keeps host node_modules and build output out of the context", () => {
    const file = path.join(ROOT, ".dockerignore")
    assert.ok(existsSync(file), ".dockerignore is missing at the build context root")
    const patterns = readFileSync(file, "utf8").split(/\r?\n/).map((l) => l.trim())
    for (const needed of ["node_modules", ".medusa", "build", ".git"]) {
      assert.ok(
        patterns.some((p) => p === needed || p === `**/${needed}`),
        `.dockerignore does not exclude ${needed}`
      )
    }
  })

  for (const name of Object.keys(APP_SERVICES)) {
    test(`${name}: build context, Dockerfile, EXPOSE, ports and PORT agree`, () => {
      const build = buildOf(name)
      assert.ok(build, `service ${name} has no build section`)
      assert.ok(
        existsSync(build.context) && statSync(build.context).isDirectory(),
        `service ${name}: build context ${path.relative(ROOT, build.context) || "."} does not exist`
      )
      assert.ok(
        existsSync(build.dockerfile),
        `service ${name}: dockerfile ${path.relative(ROOT, build.dockerfile)} does not exist`
      )
      assert.ok(
        existsSync(path.join(build.context, "package-lock.json")),
        `service ${name}: build context has no package-lock.json (npm ci needs it)`
      )

      const { stages, final } = parseDockerfile(build.dockerfile)
      const df = path.relative(ROOT, build.dockerfile)
      assert.ok(stages.length >= 2, `${df}: expected a multi-stage build`)
      // The Node release is a build argument (NODE_IMAGE): a supported LTS by default, and compose passes the same.
      assert.match(final.resolved, SUPPORTED_NODE_IMAGE, `${df}: runtime stage must default to a supported Node LTS image (has ${final.resolved})`)
      assert.equal(final.image, "${NODE_IMAGE}", `${df}: runtime stage must be FROM \${NODE_IMAGE}`)
      const composeArg = services[name]?.build?.args?.NODE_IMAGE
      assert.ok(composeArg, `service ${name}: build.args.NODE_IMAGE is not passed`)
      assert.equal(interpolate(composeArg), final.resolved, `service ${name}: NODE_IMAGE default differs from ${df}'s`)
      assert.ok(!["", "root", "0"].includes(final.user.split(":")[0]), `${df}: runtime stage runs as root`)
      assert.equal(final.expose.length, 1, `${df}: runtime stage must EXPOSE exactly one port (has ${final.expose.join(", ") || "none"})`)
      const exposed = final.expose[0]

      const port = servicePort(name)
      assert.equal(port, exposed, `service ${name}: PORT=${port} but ${df} EXPOSEs ${exposed}`)

      const published = containerPorts(name)
      if (name === "worker") {
        assert.deepEqual(published, [], "service worker must not publish ports")
      } else {
        assert.deepEqual(
          published,
          [exposed],
          `service ${name}: container port in ports (${published.join(", ") || "none"}) must be ${exposed}, the EXPOSEd port`
        )
      }

      const hc = [services[name]?.healthcheck?.test ?? []].flat().join(" ")
      assert.ok(hc.includes(`:${exposed}/`), `service ${name}: healthcheck does not probe port ${exposed}`)
    })

    test(`${name}: every COPY source in its Dockerfile exists in the build context`, () => {
      const build = buildOf(name)
      assert.ok(build && existsSync(build.dockerfile), `service ${name}: no Dockerfile to check`)
      const missing = parseDockerfile(build.dockerfile)
        .stages.flatMap((s) => s.copies)
        .filter((src) => !/[*?[]/.test(src) && !existsSync(path.join(build.context, src)))
      assert.deepEqual(
        missing,
        [],
        `service ${name}: ${path.relative(ROOT, build.dockerfile)} copies path(s) missing from the context: ${missing.join(", ")}`
      )
    })
  }
})

describe("environment contract", () => {
  for (const [name, app] of Object.entries(APP_SERVICES)) {
    test(`${name}: every variable set in compose is one the ${app} reads`, () => {
      const reads = appReads(app)
      const allowed = new Set([...reads, ...TOOL_VARS[app]])
      const unknown = Object.keys(rawEnv(name)).filter((key) => !allowed.has(key))
      assert.deepEqual(
        unknown,
        [],
        `service ${name} sets variable(s) the ${app} never reads (typo, or the app does not read it yet): ${unknown.join(", ")}`
      )
    })

    test(`${name}: must-have variables are set`, () => {
      const values = env(name)
      const missing = MUST_HAVE[name].filter((key) => !values[key])
      if (name === "storefront" && !values.MEDUSA_PUBLISHABLE_KEY && !values.MEDUSA_PUBLISHABLE_KEY_FILE) {
        missing.push("MEDUSA_PUBLISHABLE_KEY or MEDUSA_PUBLISHABLE_KEY_FILE")
      }
      assert.deepEqual(missing, [], `service ${name} lacks required variable(s): ${missing.join(", ")}`)
    })
  }

  for (const [name, app] of Object.entries(APP_SERVICES)) {
    test(`${name}: every setting the ${app} reads reaches it, or is left out on purpose (#25)`, () => {
      const set = new Set(Object.keys(rawEnv(name)))
      const missing = [...appReads(app)].filter((key) => !set.has(key) && !Object.hasOwn(NOT_PASSED[name], key)).sort()
      assert.deepEqual(
        missing,
        [],
        `service ${name} never gets ${missing.join(", ")}: pass each on (\`NAME:\` without a value) or list it in NOT_PASSED.${name} with the reason`
      )
      const stale = Object.keys(NOT_PASSED[name]).filter((key) => !appReads(app).has(key) || set.has(key))
      assert.deepEqual(stale, [], `NOT_PASSED.${name} lists ${stale.join(", ")}, which the ${app} no longer reads or the service gets`)
    })

    test(`${name}: optional settings pass on "unset" as unset, never as an empty string (#25)`, () => {
      const emptied = Object.entries(rawEnv(name))
        .filter(([, value]) => /^\$\{[A-Z_][A-Z0-9_]*:?-\}$/.test(value))
        .map(([key, value]) => `${key}: ${value}`)
      assert.deepEqual(emptied, [], `service ${name}: use \`NAME:\` (passed on as given) instead of ${emptied.join(", ")}`)
    })
  }

  test("the operator's company reaches the backend and the worker as given (#25)", () => {
    for (const name of ["backend", "worker"]) {
      const host = { COMPANY_NAME: "Stichting Veilige Wijk" }
      const backend = Object.fromEntries(Object.entries(rawEnv(name)).map(([k, v]) => [k, interpolate(v, host)]))
      assert.equal(backend.COMPANY_NAME, host.COMPANY_NAME, `service ${name}: COMPANY_NAME does not reach it`)
    }
  })

  for (const name of ["postgres", "redis"]) {
    test(`${name}: only variables the ${name} image reads are set`, () => {
      const unknown = Object.keys(rawEnv(name)).filter((key) => !IMAGE_VARS[name].includes(key))
      assert.deepEqual(unknown, [], `service ${name} sets unknown variable(s): ${unknown.join(", ")}`)
    })
  }
})

describe("wiring between services", () => {
  const pg = env("postgres")
  const pgUser = pg.POSTGRES_USER || "postgres"
  const pgDb = pg.POSTGRES_DB || pgUser

  for (const name of ["backend", "worker"]) {
    test(`${name}: DATABASE_URL points at the postgres service with its user, password and db`, () => {
      const raw = env(name).DATABASE_URL
      assert.ok(raw, `service ${name} has no DATABASE_URL`)
      const url = new URL(raw)
      assert.match(url.protocol, /^postgres(ql)?:$/, `service ${name}: DATABASE_URL is not a postgres:// URL`)
      assert.equal(url.hostname, "postgres", `service ${name}: DATABASE_URL host must be the postgres service`)
      assert.ok(["", "5432"].includes(url.port), `service ${name}: DATABASE_URL port ${url.port} is not 5432`)
      assert.equal(decodeURIComponent(url.username), pgUser, `service ${name}: DATABASE_URL user must be POSTGRES_USER (${pgUser})`)
      assert.equal(
        decodeURIComponent(url.password),
        pg.POSTGRES_PASSWORD,
        `service ${name}: DATABASE_URL password must be POSTGRES_PASSWORD`
      )
      assert.equal(url.pathname.slice(1), pgDb, `service ${name}: DATABASE_URL database must be POSTGRES_DB (${pgDb})`)
    })

    test(`${name}: REDIS_URL points at the redis service`, () => {
      const raw = env(name).REDIS_URL
      assert.ok(raw, `service ${name} has no REDIS_URL`)
      const url = new URL(raw)
      assert.match(url.protocol, /^rediss?:$/, `service ${name}: REDIS_URL is not a redis:// URL`)
      assert.equal(url.hostname, "redis", `service ${name}: REDIS_URL host must be the redis service`)
      assert.ok(["", "6379"].includes(url.port), `service ${name}: REDIS_URL port ${url.port} is not 6379`)
    })
  }

  test("worker shares the backend's database, redis and secrets", () => {
    const backend = rawEnv("backend")
    const worker = rawEnv("worker")
    for (const key of ["DATABASE_URL", "REDIS_URL", ...SECRET_VARS, "STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET"]) {
      assert.equal(worker[key], backend[key], `service worker: ${key} differs from service backend's`)
    }
  })

  test("worker modes: backend is the server, worker the worker", () => {
    assert.equal(env("backend").MEDUSA_WORKER_MODE, "server", "service backend: MEDUSA_WORKER_MODE must be server")
    assert.equal(env("worker").MEDUSA_WORKER_MODE, "worker", "service worker: MEDUSA_WORKER_MODE must be worker")
    assert.equal(env("worker").SKIP_MIGRATIONS, "true", "service worker: SKIP_MIGRATIONS must be true (the server migrates)")
    assert.notEqual(env("backend").SKIP_MIGRATIONS, "true", "service backend: must not skip migrations")
  })

  test("storefront: MEDUSA_BACKEND_URL is the backend service on its container port", () => {
    const raw = env("storefront").MEDUSA_BACKEND_URL
    assert.ok(raw, "service storefront has no MEDUSA_BACKEND_URL")
    const url = new URL(raw)
    assert.equal(url.hostname, "backend", "service storefront: MEDUSA_BACKEND_URL host must be the backend service")
    const backendPort = servicePort("backend")
    const port = url.port || (url.protocol === "https:" ? "443" : "80")
    assert.equal(port, backendPort, `service storefront: MEDUSA_BACKEND_URL port must be the backend's container port ${backendPort}`)
  })

  test("storefront: publishable key file lies in a volume the backend writes at PUBLISHABLE_KEY_FILE", (t) => {
    const sf = env("storefront")
    if (!sf.MEDUSA_PUBLISHABLE_KEY_FILE) {
      assert.ok(sf.MEDUSA_PUBLISHABLE_KEY, "service storefront sets neither MEDUSA_PUBLISHABLE_KEY_FILE nor MEDUSA_PUBLISHABLE_KEY")
      t.skip("storefront uses a literal MEDUSA_PUBLISHABLE_KEY")
      return
    }
    const file = sf.MEDUSA_PUBLISHABLE_KEY_FILE
    const inside = (target, p) => p.startsWith(target.replace(/\/$/, "") + "/")
    const sfMount = mounts("storefront").find((m) => m.named && inside(m.target, file))
    assert.ok(sfMount, `service storefront: MEDUSA_PUBLISHABLE_KEY_FILE ${file} is not inside a named volume`)
    assert.ok(sfMount.readOnly, `service storefront: volume ${sfMount.source} should be mounted read-only`)

    const backendFile = env("backend").PUBLISHABLE_KEY_FILE
    assert.ok(backendFile, "service backend has no PUBLISHABLE_KEY_FILE")
    const beMount = mounts("backend").find((m) => m.source === sfMount.source)
    assert.ok(beMount, `service backend does not mount volume ${sfMount.source} (storefront reads its key from it)`)
    assert.ok(!beMount.readOnly, `service backend mounts ${sfMount.source} read-only but must write the key file`)
    assert.ok(inside(beMount.target, backendFile), `service backend: PUBLISHABLE_KEY_FILE ${backendFile} is not inside volume ${sfMount.source} (${beMount.target})`)
    assert.equal(
      path.posix.relative(beMount.target, backendFile),
      path.posix.relative(sfMount.target, file),
      `backend writes ${backendFile} but storefront reads ${file}: not the same file in volume ${sfMount.source}`
    )
  })
})

describe("secrets", () => {
  for (const name of ["backend", "worker"]) {
    for (const key of SECRET_VARS) {
      test(`${name}: ${key} comes from the host and is required`, () => {
        const raw = rawEnv(name)[key]
        assert.ok(raw !== undefined, `service ${name} does not set ${key}`)
        assert.match(
          raw,
          new RegExp(String.raw`^\$\{${key}:?\?[^}]*\}$`),
          `service ${name}: ${key} must be exactly \${${key}:?message} (required, from the host), not "${raw}"`
        )
      })
    }
  }

  test("no service bypasses the production secret check", () => {
    const offenders = Object.keys(services).filter((name) => env(name).ALLOW_DEFAULT_SECRETS === "true")
    assert.deepEqual(offenders, [], `ALLOW_DEFAULT_SECRETS=true set in: ${offenders.join(", ")}`)
  })

  test("the default development secret does not appear in the compose file", () => {
    assert.ok(
      !composeText.includes("supersecret"),
      "docker-compose.yml contains a 'supersecret' literal; secrets must come from the host"
    )
  })
})

describe("the deployment's own settings (#25 items 1-4, #24 item 6)", () => {
  const APP_NAMES = Object.keys(APP_SERVICES)

  test("no Dockerfile needs an image registry for its frontend (# syntax=)", () => {
    for (const name of APP_NAMES) {
      const { text } = parseDockerfile(buildOf(name).dockerfile)
      assert.doesNotMatch(text, /^#\s*syntax\s*=/im, `${path.relative(ROOT, buildOf(name).dockerfile)}: drop the # syntax= line`)
    }
  })

  test("backend: the runtime user owns node_modules (Medusa's migrator writes dist/migrations into @medusajs modules)", () => {
    const { final } = parseDockerfile(buildOf("backend").dockerfile)
    for (const dir of ["./node_modules", "./backend/node_modules"]) {
      assert.ok(final.chowned.includes(dir), `backend/Dockerfile: COPY ${dir} without --chown=node:node: medusa db:migrate fails with EACCES as USER ${final.user}`)
    }
  })

  test("storefront: the image carries every module server.mjs imports, whatever their names", () => {
    const server = readFileSync(path.join(ROOT, "storefront/server.mjs"), "utf8")
    const local = [...server.matchAll(/from\s+["']\.\/([^"']+)["']/g)].map((m) => m[1])
    assert.ok(local.length > 0, "server.mjs imports no local module: the scan is broken")
    const { final } = parseDockerfile(buildOf("storefront").dockerfile)
    const copied = final.copies.map((src) => new RegExp(`^${src.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`))
    for (const file of local) {
      assert.ok(copied.some((re) => re.test(`storefront/${file}`)), `storefront/Dockerfile does not copy storefront/${file} (server.mjs imports it)`)
    }
  })

  test("public addresses come from the host, required, never a loopback default", () => {
    for (const name of ["backend", "worker"]) {
      const raw = rawEnv(name)
      assert.match(raw.STOREFRONT_URL, /^\$\{STOREFRONT_URL:\?[^}]+\}$/, `service ${name}: STOREFRONT_URL must be \${STOREFRONT_URL:?…}`)
      assert.match(raw.MEDUSA_BACKEND_URL, /^\$\{BACKEND_URL:\?[^}]+\}$/, `service ${name}: MEDUSA_BACKEND_URL must be \${BACKEND_URL:?…}`)
    }
    assert.match(rawEnv("storefront").PUBLIC_STOREFRONT_URL, /^\$\{STOREFRONT_URL:\?[^}]+\}$/)
    const loopback = Object.keys(services).flatMap((name) =>
      Object.entries(rawEnv(name))
        .filter(([, value]) => /localhost|127\.0\.0\.1/.test(value))
        .map(([key]) => `${name}.${key}`)
    )
    assert.deepEqual(loopback, [], `loopback addresses in compose switch off the production refusals: ${loopback.join(", ")}`)
  })

  test("CORS and public URLs of the backend follow the two address variables", () => {
    const host = { STOREFRONT_URL: "https://shop.example.nl", BACKEND_URL: "https://beheer.example.nl" }
    const backend = Object.fromEntries(Object.entries(rawEnv("backend")).map(([k, v]) => [k, interpolate(v, host)]))
    assert.equal(backend.STORE_CORS, host.STOREFRONT_URL)
    assert.equal(backend.ADMIN_CORS, host.BACKEND_URL)
    assert.deepEqual(backend.AUTH_CORS.split(",").sort(), [host.BACKEND_URL, host.STOREFRONT_URL].sort())
    assert.equal(backend.MEDUSA_BACKEND_URL, host.BACKEND_URL)
  })

  test("unsafe settings are never defaulted: cookies, proxies (the apps refuse them on a public address)", () => {
    for (const name of [...APP_NAMES]) {
      const raw = rawEnv(name)
      for (const key of ["COOKIE_SECURE", "TRUSTED_PROXIES", "TRUST_PROXY"]) {
        if (!(key in raw)) continue
        assert.equal(interpolate(raw[key]), "", `service ${name}: ${key} must come from the host without a default (has "${interpolate(raw[key])}")`)
      }
    }
  })

  test("host ports are variables, one per published service, on BIND_ADDRESS", () => {
    const expected = { backend: "BACKEND_PORT", storefront: "STOREFRONT_PORT" }
    for (const [name, variable] of Object.entries(expected)) {
      const specs = services[name].ports
      assert.equal(specs.length, 1, `service ${name}: publish exactly one port`)
      const spec = String(specs[0])
      assert.match(
        spec,
        new RegExp(`^\\$\\{BIND_ADDRESS:-127\\.0\\.0\\.1\\}:\\$\\{${variable}:-\\d+\\}:\\d+$`),
        `service ${name}: publish \${BIND_ADDRESS:-127.0.0.1}:\${${variable}:-…}:<container port>`
      )
      // Unset: loopback only (a TLS reverse proxy on the host in front); 0.0.0.0 exposes the port on every interface.
      const [containerPort] = containerPorts(name)
      assert.match(interpolate(spec), new RegExp(`^127\\.0\\.0\\.1:\\d+:${containerPort}$`), `service ${name}: must publish on 127.0.0.1 by default`)
      assert.equal(interpolate(spec, { BIND_ADDRESS: "0.0.0.0", [variable]: "8080" }), `0.0.0.0:8080:${containerPort}`)
      assert.equal(interpolate(spec, { BIND_ADDRESS: "10.0.0.5" }).split(":")[0], "10.0.0.5")
    }
  })

  test(".env.template documents the host side of the published ports (BIND_ADDRESS and the two ports)", () => {
    const template = readFileSync(path.join(ROOT, ".env.template"), "utf8")
    for (const name of ["BIND_ADDRESS", "BACKEND_PORT", "STOREFRONT_PORT"]) {
      assert.match(template, new RegExp(`^#? ?${name}=`, "m"), `.env.template has no line for ${name}`)
    }
  })

  // The try-out keeps its settings in .env: given only on one command line, every later compose
  // command (ps, stop, down, the backup scripts) stopped at "required variable … is missing" (#25 walk).
  test("the header's try-out copies .env.template, which has a line for every variable compose requires", () => {
    const required = new Set([...composeText.matchAll(/\$\{([A-Z_][A-Z0-9_]*):\?/g)].map((m) => m[1]))
    const header = composeText.split("\n").filter((line) => line.startsWith("#")).join("\n")
    assert.match(header, /cp \.env\.template \.env/, "docker-compose.yml's header should start the try-out from .env.template")
    const template = readFileSync(path.join(ROOT, ".env.template"), "utf8")
    const missing = [...required].filter((name) => !new RegExp(`^${name}=`, "m").test(template))
    assert.deepEqual(missing, [], `.env.template has no line for ${missing.join(", ")}`)
  })

  test("health checks ask for readiness (database and Redis), not only a listening process", () => {
    assert.match([services.backend.healthcheck.test].flat().join(" "), /\/health\/ready/, "backend: health check must use /health/ready")
    assert.match([services.worker.healthcheck.test].flat().join(" "), /scripts\/ready\.mjs/, "worker: health check must run scripts/ready.mjs")
    assert.ok(existsSync(path.join(ROOT, "backend/scripts/ready.mjs")), "backend/scripts/ready.mjs is missing")
    assert.ok(existsSync(path.join(ROOT, "backend/src/api/health/ready/route.ts")), "the readiness route is missing")
    // The home page renders without a session: it stayed 200 while Redis was down (#25).
    assert.match([services.storefront.healthcheck.test].flat().join(" "), /:3000\/health\/ready'/, "storefront: health check must use /health/ready")
    assert.match(readFileSync(path.join(ROOT, "storefront/server.mjs"), "utf8"), /readinessRoute\(/, "storefront/server.mjs does not mount the readiness route")
  })
})
