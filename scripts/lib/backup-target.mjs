/**
 * Where `npm run backup` / `npm run restore` find the shop on this machine: DATABASE_URL, else
 * the embedded PostgreSQL of `npm start` (started for the moment when it is not running);
 * Medusa's uploads (its local file provider writes to <cwd>/static, and `medusa start` runs in
 * backend/.medusa/server) and the mail folder (MAIL_DIR, else .data/mail).
 */
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { startEmbeddedPostgres } from "../../backend/scripts/lib/database.mjs"
import { UserError } from "../../backend/scripts/lib/errors.mjs"
import { DATA_DIR, ROOT } from "./stack.mjs"

export const EMBEDDED_DATABASE = "buurtpreventie" // see scripts/start.mjs

function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" })
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })
}

/**
 * npm start's embedded PostgreSQL as a backup target. `ownedHere`: this command started it (npm
 * start is not running), so it may stop it to copy or replace its data folder.
 * @typedef {{ dataDir: string, ownedHere: boolean, stop: () => Promise<void>, start: () => Promise<string> }} EmbeddedServer
 */

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {{ uploadsDir?: string, mailDir?: string, dataDir?: string, port?: number, mustExist?: boolean }} [options]
 *   other folders (--uploads, --mail); the embedded server's data folder and port (tests)
 * @returns {Promise<{ databaseUrl: string, uploadsDir: string, mailDir: string, embedded?: EmbeddedServer, stop: () => Promise<void> }>}
 */
export async function localShop(env = process.env, options = {}) {
  const uploadsDir = path.resolve(options.uploadsDir ?? path.join(ROOT, "backend/.medusa/server/static"))
  const mailDir = path.resolve(options.mailDir ?? (env.MAIL_DIR || path.join(DATA_DIR, "mail")))
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL, uploadsDir, mailDir, stop: async () => {} }
  const port = options.port ?? Number(env.EMBEDDED_POSTGRES_PORT || 54329)
  const dataDir = options.dataDir ?? path.join(DATA_DIR, "postgres")
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/${EMBEDDED_DATABASE}`
  if (await listening(port)) {
    const running = async () => {
      throw new UserError("npm start is running")
    }
    return { databaseUrl: url, uploadsDir, mailDir, embedded: { dataDir, ownedHere: false, stop: running, start: running }, stop: async () => {} }
  }
  if (options.mustExist && !fs.existsSync(dataDir)) {
    throw new UserError(`No shop here yet (${path.relative(process.cwd(), dataDir)} does not exist): run npm start once, or set DATABASE_URL to the shop's database`)
  }
  /** @type {Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined} */
  let server
  const embedded = {
    dataDir,
    ownedHere: true,
    start: async () => {
      server ??= await startEmbeddedPostgres({ dataDir, port })
      return url
    },
    stop: async () => {
      await server?.stop()
      server = undefined
    },
  }
  await embedded.start()
  return { databaseUrl: url, uploadsDir, mailDir, embedded, stop: embedded.stop }
}
