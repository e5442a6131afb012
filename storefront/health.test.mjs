import http from "node:http";
import net from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeReadinessClients, readinessRoute } from "./health.mjs";

// A real Express app with the readiness route, the real Redis of this machine (REDIS_TEST_URL,
// default 127.0.0.1:6379 db 5) or a closed port, and a stand-in backend on loopback whose
// /health/ready answers what the test says.
const LIVE_REDIS = process.env.REDIS_TEST_URL || "redis://127.0.0.1:6379/5";

/** A loopback port nothing listens on. */
async function closedPort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let backendStatus = 200;
/** The body of the stand-in backend's /health/ready; default: what the real one answers for its status. */
let backendBody;
const servers = [];
let backendUrl;

async function listen(handler) {
  const server = http.createServer(handler);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}`;
}

/** A storefront with only the readiness route in front of a page that says "pagina". */
async function storefront(options) {
  const app = express();
  app.use(readinessRoute({ timeoutMs: 1000, ...options }));
  app.get("*", (_req, res) => res.send("pagina"));
  return listen(app);
}

beforeAll(async () => {
  backendUrl = await listen((req, res) => {
    res.writeHead(req.url === "/health/ready" ? backendStatus : 404, { "Content-Type": "application/json" });
    res.end(JSON.stringify(backendBody ?? { ready: backendStatus === 200 }));
  });
});

afterAll(async () => {
  await closeReadinessClients();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

const get = async (url) => {
  const response = await fetch(url);
  return { status: response.status, cacheControl: response.headers.get("cache-control"), body: await response.json() };
};

describe("GET /health/ready", () => {
  it("is ready when the session store (Redis) and the backend answer", async () => {
    backendStatus = 200;
    const base = await storefront({ redisUrl: LIVE_REDIS, backendUrl });
    const answer = await get(`${base}/health/ready`);
    expect(answer).toEqual({
      status: 200,
      cacheControl: "no-store",
      body: { ready: true, status: "ready", checks: { sessions: "ok", backend: "ok" } },
    });
  });

  it("is not ready, 503 with a plain Dutch reason, when Redis (the session store) is down", async () => {
    backendStatus = 200;
    const base = await storefront({ redisUrl: `redis://127.0.0.1:${await closedPort()}`, backendUrl });
    const started = Date.now();
    const answer = await get(`${base}/health/ready`);
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({
      ready: false,
      status: "unavailable",
      checks: { sessions: "unreachable", backend: "ok" },
      reason: "Niet gereed: de sessieopslag (Redis) antwoordt niet.",
    });
    // Within the probe's time limit, not a hanging health check.
    expect(Date.now() - started).toBeLessThan(3000);
    // Other pages are not this route's business.
    expect(await (await fetch(`${base}/`)).text()).toBe("pagina");
  });

  it("names what the backend said failed (PostgreSQL or Redis), by field and in Dutch, passing nothing else on", async () => {
    backendStatus = 503;
    backendBody = {
      ready: false,
      status: "unavailable",
      checks: { database: "ok", redis: "unreachable", extra: "redis://geheim@10.0.0.9" },
      reason: "Niet gereed: Redis antwoordt niet. redis://geheim@10.0.0.9",
    };
    try {
      const base = await storefront({ redisUrl: LIVE_REDIS, backendUrl });
      const redisDown = await get(`${base}/health/ready`);
      expect(redisDown.status).toBe(503);
      expect(redisDown.body).toEqual({
        ready: false,
        status: "unavailable",
        checks: { sessions: "ok", backend: "not ready" },
        backendChecks: { database: "ok", redis: "unreachable" },
        reason: "Niet gereed: de backend is niet gereed (Redis antwoordt niet).",
      });
      expect(JSON.stringify(redisDown.body)).not.toMatch(/geheim|10\.0\.0\.9/);

      backendBody = { ready: false, status: "unavailable", checks: { database: "unreachable", redis: "ok" } };
      expect((await get(`${base}/health/ready`)).body).toMatchObject({
        backendChecks: { database: "unreachable", redis: "ok" },
        reason: "Niet gereed: de backend is niet gereed (PostgreSQL antwoordt niet).",
      });

      backendBody = { ready: false, status: "unavailable", checks: { database: "unreachable", redis: "unreachable" } };
      expect((await get(`${base}/health/ready`)).body.reason).toBe("Niet gereed: de backend is niet gereed (PostgreSQL en Redis antwoorden niet).");
    } finally {
      backendBody = undefined;
    }
  });

  it("is not ready when the backend answers an error without checks, or does not answer", async () => {
    backendStatus = 503;
    const notReady = await get(`${await storefront({ redisUrl: LIVE_REDIS, backendUrl })}/health/ready`);
    expect(notReady.status).toBe(503);
    expect(notReady.body).toEqual({
      ready: false,
      status: "unavailable",
      checks: { sessions: "ok", backend: "not ready" },
      reason: "Niet gereed: de backend is niet gereed (antwoord 503).",
    });

    const gone = await get(`${await storefront({ redisUrl: LIVE_REDIS, backendUrl: `http://127.0.0.1:${await closedPort()}` })}/health/ready`);
    expect(gone.status).toBe(503);
    expect(gone.body).toMatchObject({
      status: "unavailable",
      checks: { backend: "unreachable" },
      reason: "Niet gereed: de backend antwoordt niet.",
    });
  });

  it("names both the session store and the backend when both fail", async () => {
    backendStatus = 503;
    backendBody = { ready: false, status: "unavailable", checks: { database: "ok", redis: "unreachable" } };
    try {
      const base = await storefront({ redisUrl: "redis://127.0.0.1:1", backendUrl });
      expect((await get(`${base}/health/ready`)).body).toMatchObject({
        checks: { sessions: "unreachable", backend: "not ready" },
        reason: "Niet gereed: de sessieopslag (Redis) antwoordt niet; de backend is niet gereed (Redis antwoordt niet).",
      });
    } finally {
      backendBody = undefined;
    }
  });

  it("without REDIS_URL the sessions are files on this machine: ready when the backend is", async () => {
    backendStatus = 200;
    const answer = await get(`${await storefront({ backendUrl })}/health/ready`);
    expect(answer).toMatchObject({ status: 200, body: { ready: true, status: "ready", checks: { sessions: "files", backend: "ok" } } });
  });
});
