/**
 * GET /health/ready: 200 when this storefront can serve a visitor with a session, else 503.
 * A page with a session needs the session store (Redis with REDIS_URL; without it files on this
 * machine, always there) and the backend (its own readiness route: PostgreSQL and Redis). The
 * home page alone is no such check: it renders without a session and from the micro-cache, so it
 * stayed 200 while Redis was down and every page with a session answered 500 (#25).
 *
 * The answer names each check in `checks` ("ok", "unreachable", "not ready", "files"); when the
 * backend is not ready, `backendChecks` repeats which of its dependencies failed (its own
 * `checks`: PostgreSQL as `database`, `redis`); when not ready, `reason` says why in one Dutch
 * sentence. Never an address, URL or error text: the route is public. docker-compose.yml's health
 * check asks this route.
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

/** The backend's dependencies as its readiness route names them (backend/src/lib/readiness.ts), with their Dutch names. */
const BACKEND_DEPENDENCIES = { database: "PostgreSQL", redis: "Redis" };
const BACKEND_CHECK_RESULTS = new Set(["ok", "unreachable", "not configured"]);

/**
 * The backend's `checks` from its 503 answer, only the known names and results (nothing else of
 * its body is passed on); undefined when the body has none.
 */
async function backendChecksOf(response) {
  const body = await response.json().catch(() => undefined);
  const checks = body?.checks;
  if (!checks || typeof checks !== "object") return undefined;
  const known = Object.keys(BACKEND_DEPENDENCIES)
    .filter((name) => BACKEND_CHECK_RESULTS.has(checks[name]))
    .map((name) => [name, checks[name]]);
  return known.length ? Object.fromEntries(known) : undefined;
}

/** "de backend is niet gereed (Redis antwoordt niet)", naming what the backend said failed. */
function backendNotReadyReason(backendChecks, status) {
  const failed = Object.entries(backendChecks ?? {})
    .filter(([, result]) => result === "unreachable")
    .map(([name]) => BACKEND_DEPENDENCIES[name]);
  if (!failed.length) return `de backend is niet gereed (antwoord ${status})`;
  return `de backend is niet gereed (${failed.join(" en ")} ${failed.length > 1 ? "antwoorden" : "antwoordt"} niet)`;
}

/**
 * @param {{ redisUrl?: string, backendUrl?: string, timeoutMs?: number }} options
 * @returns {Promise<{ ready: boolean, status: "ready" | "unavailable", checks: { sessions: string, backend: string },
 *   backendChecks?: Record<string, string>, reason?: string }>}
 */
export async function checkReadiness({ redisUrl, backendUrl, timeoutMs = READINESS_TIMEOUT_MS }) {
  let backendAnswer;
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
          if (response.ok) {
            await response.body?.cancel();
            return "ok";
          }
          backendAnswer = { status: response.status, checks: await backendChecksOf(response) };
          return "not ready";
        }, timeoutMs + 2000)
      : Promise.resolve("not configured"),
  ]);
  const reasons = [];
  if (sessions === "unreachable") reasons.push("de sessieopslag (Redis) antwoordt niet");
  if (backend === "unreachable") reasons.push("de backend antwoordt niet");
  if (backend === "not ready") reasons.push(backendNotReadyReason(backendAnswer?.checks, backendAnswer?.status));
  if (backend === "not configured") reasons.push("MEDUSA_BACKEND_URL is niet ingesteld");
  if (!reasons.length) return { ready: true, status: "ready", checks: { sessions, backend } };
  return {
    ready: false,
    status: "unavailable",
    checks: { sessions, backend },
    ...(backend === "not ready" && backendAnswer?.checks && { backendChecks: backendAnswer.checks }),
    reason: `Niet gereed: ${reasons.join("; ")}.`,
  };
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
  // A client that never connected (an unreachable Redis) would queue QUIT while it retries: drop it.
  await Promise.all(
    [...redisClients.values()].map((client) => (client.status === "ready" ? client.quit().catch(() => client.disconnect()) : client.disconnect())),
  );
  redisClients.clear();
}
