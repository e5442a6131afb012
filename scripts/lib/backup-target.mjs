/**
 * Where `npm run backup` / `npm run restore` find the shop on this machine: DATABASE_URL, else
 * the embedded PostgreSQL of `npm start` (started for the moment when it is not running);
 * Medusa's uploads (its local file provider writes to <cwd>/static, and `medusa start` runs in
 * backend/.medusa/server) and the mail folder (MAIL_DIR, else .data/mail).
 */
import net from "node:net"
import path from "node:path"
import { startEmbeddedPostgres } from "../../backend/scripts/lib/database.mjs"
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
 * @param {NodeJS.ProcessEnv} env @param {{ uploadsDir?: string, mailDir?: string }} [folders] other folders (--uploads, --mail)
 * @returns {Promise<{ databaseUrl: string, uploadsDir: string, mailDir: string, stop: () => Promise<void> }>}
 */
export async function localShop(env = process.env, folders = {}) {
  const uploadsDir = path.resolve(folders.uploadsDir ?? path.join(ROOT, "backend/.medusa/server/static"))
  const mailDir = path.resolve(folders.mailDir ?? (env.MAIL_DIR || path.join(DATA_DIR, "mail")))
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL, uploadsDir, mailDir, stop: async () => {} }
  const port = Number(env.EMBEDDED_POSTGRES_PORT || 54329)
  if (await listening(port)) {
    return { databaseUrl: `postgres://postgres:postgres@127.0.0.1:${port}/${EMBEDDED_DATABASE}`, uploadsDir, mailDir, stop: async () => {} }
  }
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port })
  return { databaseUrl: embedded.url(EMBEDDED_DATABASE), uploadsDir, mailDir, stop: embedded.stop }
}
