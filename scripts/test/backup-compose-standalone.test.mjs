// `npm run backup:compose` / `restore:compose` on an operator's host that has Node and the clone
// but never ran `npm ci` (#25 item 3): the scripts are copied to a folder without node_modules
// and run there against a stand-in `docker` on PATH that answers like the compose services
// (the real services: `npm run test:compose`).
import assert from "node:assert/strict"
import { execFile } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { test } from "node:test"
import { fileURLToPath } from "node:url"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

const FAKE_DOCKER = `#!/bin/sh
# Records each call; answers what the compose services would.
printf '%s\\n' "$*" | head -n 1 >> "$FAKE_DOCKER_LOG"
case "$*" in
  *json_build_object*) echo '{"orders": 3, "groups": 2, "stocked": 40, "reserved": 1}' ;;
  *"postgres --version"*) echo "postgres (PostgreSQL) 15.8" ;;
  *pg_dump*) printf 'PGDMP-nep' ;;
  *"tar -C /app/backend/static -cf"*) printf 'uploads-tar' ;;
  *"tar -C /app/backend/mail -cf"*) printf 'mail-tar' ;;
  *) cat > "$FAKE_DOCKER_LOG.stdin.$$" ;;
esac
`

/** @param {string} dir @param {string[]} args @param {NodeJS.ProcessEnv} env @returns {Promise<{ code: number, stdout: string, stderr: string }>} */
function node(dir, args, env) {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: dir, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout: String(stdout), stderr: String(stderr) })
    )
  })
}

test("backup:compose and restore:compose run with Node's standard library only (no npm ci on the host)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bp-backup-standalone-"))
  try {
    // The clone's scripts, without any node_modules (none above os.tmpdir() either: checked below).
    fs.cpSync(path.join(ROOT, "scripts"), path.join(dir, "scripts"), { recursive: true, filter: (src) => !src.includes("node_modules") })
    fs.cpSync(path.join(ROOT, "backend/scripts"), path.join(dir, "backend/scripts"), { recursive: true })
    fs.copyFileSync(path.join(ROOT, "package.json"), path.join(dir, "package.json"))
    const bin = path.join(dir, "bin")
    fs.mkdirSync(bin)
    fs.writeFileSync(path.join(bin, "docker"), FAKE_DOCKER, { mode: 0o755 })
    const log = path.join(dir, "docker.log")
    const env = { PATH: `${bin}${path.delimiter}${process.env.PATH}`, FAKE_DOCKER_LOG: log, HOME: dir }

    // Sanity: this folder really cannot load the development install.
    const pg = await node(dir, ["--input-type=module", "-e", 'await import("pg")'], env)
    assert.notEqual(pg.code, 0, "pg is resolvable from the copy: the test would prove nothing")

    const backupDir = path.join(dir, "backup")
    const backup = await node(dir, ["scripts/backup.mjs", "--compose", backupDir], env)
    assert.equal(backup.code, 0, backup.stderr)
    assert.match(backup.stdout, /^Backed up 3 orders, 2 groups, stock 40 units \(1 reserved\)/)
    assert.equal(fs.readFileSync(path.join(backupDir, "database.dump"), "utf8"), "PGDMP-nep")
    assert.equal(fs.readFileSync(path.join(backupDir, "uploads.tar"), "utf8"), "uploads-tar")
    assert.equal(fs.readFileSync(path.join(backupDir, "mail.tar"), "utf8"), "mail-tar")
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, "manifest.json"), "utf8"))
    assert.deepEqual({ postgres: manifest.postgres, counts: manifest.counts, compose: manifest.compose }, {
      postgres: 15,
      counts: { orders: 3, groups: 2, stocked: 40, reserved: 1 },
      compose: true,
    })

    fs.writeFileSync(log, "")
    const restore = await node(dir, ["scripts/restore.mjs", "--compose", backupDir], env)
    assert.equal(restore.code, 0, restore.stderr)
    assert.match(restore.stdout, /^Restored 3 orders, 2 groups, stock 40 units \(1 reserved\) from /)
    const calls = fs.readFileSync(log, "utf8").trim().split("\n")
    const order = ["stop storefront worker backend", "DROP DATABASE", "pg_restore", "find /app/backend/static", "find /app/backend/mail", "FLUSHALL", "start backend worker storefront"]
    const positions = order.map((step) => calls.findIndex((call) => call.includes(step)))
    assert.ok(positions.every((p) => p >= 0), `missing steps in:\n${calls.join("\n")}`)
    assert.deepEqual([...positions].sort((a, b) => a - b), positions, `steps out of order:\n${calls.join("\n")}`)

    // Without a folder: one line saying what to name.
    const bare = await node(dir, ["scripts/restore.mjs", "--compose"], env)
    assert.equal(bare.code, 1)
    assert.match(bare.stderr, /Name the backup to restore: npm run restore:compose -- /)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
