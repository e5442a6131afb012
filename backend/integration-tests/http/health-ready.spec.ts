import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { closeReadinessClients } from "../../src/lib/readiness"

jest.setTimeout(300 * 1000) // database setup (migrations) on 2 shared cores can take minutes

/**
 * GET /health/ready through the real app on the real PostgreSQL. The route reads REDIS_URL per
 * request (src/config/env.ts, readRedisUrl), so a test can point it at a live Redis or at one that
 * cannot answer (port 1) without booting the app with Redis modules.
 */
const LIVE_REDIS_URL = process.env.READINESS_TEST_REDIS_URL || "redis://127.0.0.1:6379/5"
/** Port 1 on loopback: nothing listens there; user and password must never reach the answer. */
const DEAD_REDIS_URL = "redis://bp-readiness:geheim-wachtwoord@127.0.0.1:1/0"

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api }) => {
    const original = process.env.REDIS_URL
    afterEach(() => {
      if (original === undefined) delete process.env.REDIS_URL
      else process.env.REDIS_URL = original
    })
    afterAll(closeReadinessClients)

    const ready = () => api.get("/health/ready", { validateStatus: () => true, transformResponse: (body: string) => body })

    it("answers 200 naming each dependency: PostgreSQL ok, Redis not configured (npm start's shape)", async () => {
      delete process.env.REDIS_URL
      const response = await ready()
      expect(response.status).toBe(200)
      expect(response.headers["cache-control"]).toBe("no-store")
      expect(JSON.parse(response.data)).toEqual({ ready: true, status: "ready", checks: { database: "ok", redis: "not configured" } })
    })

    it("answers 200 when the configured Redis answers PING", async () => {
      process.env.REDIS_URL = LIVE_REDIS_URL
      const response = await ready()
      expect(response.status).toBe(200)
      expect(JSON.parse(response.data)).toEqual({ ready: true, status: "ready", checks: { database: "ok", redis: "ok" } })
    })

    it("answers 503 naming Redis, in Dutch and by field, when Redis cannot be reached; no URL, host or credentials", async () => {
      process.env.REDIS_URL = DEAD_REDIS_URL
      const started = Date.now()
      const response = await ready()
      expect(response.status).toBe(503)
      expect(JSON.parse(response.data)).toEqual({
        ready: false,
        status: "unavailable",
        checks: { database: "ok", redis: "unreachable" },
        reason: "Niet gereed: Redis antwoordt niet.",
      })
      expect(response.data).not.toMatch(/geheim|bp-readiness|127\.0\.0\.1|redis:\/\/|ECONNREFUSED/)
      // Within the probe's time limit (2 s per check), not a hanging health check.
      expect(Date.now() - started).toBeLessThan(10_000)
    })
  },
})
