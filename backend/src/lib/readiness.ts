/**
 * Readiness: the process answers AND the services every request needs answer. Medusa's own
 * `/health` only says the HTTP server listens (see @medusajs/medusa commands/start.js), so a
 * backend whose database or Redis is gone still looks healthy there. Load balancers and the
 * compose health checks ask `GET /health/ready` (src/api/health/ready) instead.
 *
 * The answer names each dependency and its state, and when not ready says which failed in one
 * Dutch sentence. It never carries a connection string, host name or driver error: the route is
 * public (a load balancer probes it without credentials).
 */
import Redis from "ioredis"

export type CheckResult = "ok" | "unreachable" | "not configured"
export type ReadinessChecks = { database: CheckResult; redis: CheckResult }
export type Readiness = {
  ready: boolean
  /** "ready", or "unavailable" when a dependency failed (the route then answers 503). */
  status: "ready" | "unavailable"
  /** Each dependency by name: PostgreSQL (`database`) and Redis (`redis`, "not configured" without REDIS_URL). */
  checks: ReadinessChecks
  /** Only when unavailable: which dependency failed, in Dutch ("Niet gereed: Redis antwoordt niet."). */
  reason?: string
}

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

/** The Dutch sentence naming what failed, or undefined when nothing did. */
export function readinessReason({ database, redis }: ReadinessChecks): string | undefined {
  const failed = [database === "unreachable" && "PostgreSQL (de database)", redis === "unreachable" && "Redis"].filter(
    (name): name is string => Boolean(name)
  )
  if (!failed.length) return undefined
  return `Niet gereed: ${failed.join(" en ")} ${failed.length > 1 ? "antwoorden" : "antwoordt"} niet.`
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
  const checks = { database: db, redis }
  const reason = readinessReason(checks)
  return reason ? { ready: false, status: "unavailable", checks, reason } : { ready: true, status: "ready", checks }
}

/** Closes the Redis clients (tests). */
export async function closeReadinessClients(): Promise<void> {
  // A client that never connected (an unreachable Redis) would queue QUIT while it retries: drop it.
  await Promise.all(
    [...redisClients.values()].map((client) => (client.status === "ready" ? client.quit().catch(() => client.disconnect()) : client.disconnect()))
  )
  redisClients.clear()
}
