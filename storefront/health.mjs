/**
 * GET /health/ready: 200 when this storefront can serve a visitor with a session, else 503.
 * A page with a session needs the session store (Redis with REDIS_URL; without it files on this
 * machine, always there) and the backend (its own readiness route: PostgreSQL and Redis). The
 * home page alone is no such check: it renders without a session and from the micro-cache, so it
 * stayed 200 while Redis was down and every page with a session answered 500 (#25).
 *
 * The answer names each check ("ok", "unreachable", "not ready", "files") and, when not ready,
 * says why in one Dutch sentence. docker-compose.yml's health check asks this route.
 */
import { Redis } from "ioredis";

export const READY_PATH = "/health/ready";
/** How long the session store may take to answer PING before it counts as unreachable. */
export const READINESS_TIMEOUT_MS = 2000;

/** One long-lived client per URL: a probe every few seconds must not open a connection each time. */
const redisClients = new Map();

function redisClient(url) {
  let client = redisClients.get(url);
  if (!client) {
    client = new Redis(url, { maxRetriesPerRequest: 1, connectionName: "bp-sf-readiness", lazyConnect: false });
    client.on("error", () => {
      // ioredis reconnects by itself; a failing PING is what the probe reports.
    });
    redisClients.set(url, client);
  }
  return client;
}

/** Resolves "ok" when `work` succeeds within `timeoutMs`, else `failure`. */
async function within(work, timeoutMs, failure = "unreachable") {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
  });
  try {
    return (await Promise.race([work(), timeout])) ?? "ok";
  } catch {
    return failure;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * @param {{ redisUrl?: string, backendUrl?: string, timeoutMs?: number }} options
 * @returns {Promise<{ ready: boolean, sessions: string, backend: string, reason?: string }>}
 */
export async function checkReadiness({ redisUrl, backendUrl, timeoutMs = READINESS_TIMEOUT_MS }) {
  const [sessions, backend] = await Promise.all([
    redisUrl
      ? within(async () => {
          if ((await redisClient(redisUrl).ping()) !== "PONG") throw new Error("no PONG");
        }, timeoutMs)
      : Promise.resolve("files"),
    backendUrl
      ? within(async () => {
          // The backend's own readiness check may take up to 2 s itself.
          const response = await fetch(new URL(READY_PATH, backendUrl), { signal: AbortSignal.timeout(timeoutMs + 2000) });
          await response.body?.cancel();
          return response.ok ? "ok" : "not ready";
        }, timeoutMs + 2000)
      : Promise.resolve("not configured"),
  ]);
  const reasons = [];
  if (sessions === "unreachable") reasons.push("de sessieopslag (Redis) antwoordt niet");
  if (backend === "unreachable") reasons.push("de backend antwoordt niet");
  if (backend === "not ready") reasons.push("de backend is niet gereed (database of Redis)");
  if (backend === "not configured") reasons.push("MEDUSA_BACKEND_URL is niet ingesteld");
  const ready = reasons.length === 0;
  return { ready, sessions, backend, ...(!ready && { reason: `Niet gereed: ${reasons.join("; ")}.` }) };
}

/**
 * Express middleware answering GET/HEAD READY_PATH; every other request passes on.
 * @param {{ redisUrl?: string, backendUrl?: string, timeoutMs?: number }} options
 */
export function readinessRoute(options) {
  return async (req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || req.path !== READY_PATH) return next();
    const result = await checkReadiness(options);
    res.status(result.ready ? 200 : 503);
    res.set("Cache-Control", "no-store");
    res.json(result);
  };
}

/** Closes the Redis clients (tests). */
export async function closeReadinessClients() {
  await Promise.all([...redisClients.values()].map((client) => client.quit().catch(() => client.disconnect())));
  redisClients.clear();
}
