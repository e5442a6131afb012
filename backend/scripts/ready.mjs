#!/usr/bin/env node
/**
 * Health check of the backend image (docker-compose.yml): exits 0 when this container is
 * ready to work, 1 with one line saying why not.
 *   node scripts/ready.mjs http://127.0.0.1:9000/health/ready   (server: the readiness route
 *     answers 200 only when PostgreSQL and Redis answer)
 *   node scripts/ready.mjs http://127.0.0.1:9000/health         (worker: it serves no API, so
 *     after Medusa's /health this script asks PostgreSQL and Redis itself)
 */
import { Redis } from "ioredis"
import { checkDatabase } from "./lib/database.mjs"

const TIMEOUT_MS = 4000
const url = process.argv[2] || `http://127.0.0.1:${process.env.PORT || 9000}/health/ready`

async function redisAnswers(redisUrl) {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: TIMEOUT_MS, retryStrategy: () => null })
  client.on("error", () => {})
  try {
    await client.connect()
    return (await client.ping()) === "PONG"
  } finally {
    client.disconnect()
  }
}

async function main() {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) })
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${await response.text().catch(() => "")}`.trim())
  if (process.env.MEDUSA_WORKER_MODE !== "worker") return
  if (process.env.DATABASE_URL) await checkDatabase(process.env.DATABASE_URL, { embeddedAlternative: false })
  if (process.env.REDIS_URL && !(await redisAnswers(process.env.REDIS_URL))) throw new Error("Redis does not answer PING")
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`not ready: ${String(error?.message ?? error).split("\n")[0]}`)
    process.exit(1)
  }
)
