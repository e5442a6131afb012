/**
 * Readiness: the process answers AND the services every request needs answer. Medusa's own
 * `/health` only says the HTTP server listens (see @medusajs/medusa commands/start.js), so a
 * backend whose database or Redis is gone still looks healthy there. Load balancers and the
 * compose health checks ask `GET /health/ready` (src/api/health/ready) instead.
 */
import Redis from "ioredis"

export type CheckResult = "ok" | "unreachable" | "not configured"
export type Readiness = { ready: boolean; database: CheckResult; redis: CheckResult }

/** How long one check may take before the service counts as unreachable. */
export const READINESS_TIMEOUT_MS = 2000

type Queryable = { raw: (sql: string) => Promise<unknown> }

const redisClients = new Map<string, Redis>()

/** One long-lived client per URL: a probe every few seconds must not open a connection each time. */
function redisClient(url: string): Redis {
  let client = redisClients.get(url)
  if (!client) {
    client = new Redis(url, { maxRetriesPerRequest: 1, connectionName: "bp-readiness", lazyConnect: false })
    client.on("error", () => {
      // ioredis reconnects by itself; a failing ping is what the probe reports.
    })
    redisClients.set(url, client)
  }
  return client
}

async function within<T>(work: () => Promise<T>, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), timeoutMs)
  })
  try {
    await Promise.race([work(), timeout])
    return "ok"
  } catch {
    return "unreachable"
  } finally {
    clearTimeout(timer)
  }
}

/** Asks PostgreSQL (`select 1` through Medusa's own connection pool) and, when configured, Redis (PING). */
export async function checkReadiness(
  { database, redisUrl }: { database: Queryable; redisUrl?: string },
  timeoutMs = READINESS_TIMEOUT_MS
): Promise<Readiness> {
  const [db, redis] = await Promise.all([
    within(() => database.raw("select 1"), timeoutMs),
    redisUrl
      ? within(async () => {
          if ((await redisClient(redisUrl).ping()) !== "PONG") throw new Error("no PONG")
        }, timeoutMs)
      : Promise.resolve<CheckResult>("not configured"),
  ])
  return { ready: db === "ok" && redis !== "unreachable", database: db, redis }
}

/** Closes the Redis clients (tests). */
export async function closeReadinessClients(): Promise<void> {
  await Promise.all([...redisClients.values()].map((client) => client.quit().catch(() => client.disconnect())))
  redisClients.clear()
}
