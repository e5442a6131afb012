import net from "node:net"
import { checkReadiness, closeReadinessClients, readinessReason } from "../readiness"

/**
 * Real Redis (READINESS_TEST_REDIS_URL, else the machine's 127.0.0.1:6379) and real unreachable
 * ones (a closed port, port 1); the database side is any object with knex's `raw`, as Medusa's
 * PG_CONNECTION is.
 */
const REDIS_URL = process.env.READINESS_TEST_REDIS_URL || "redis://127.0.0.1:6379/5"

async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

const answering = { raw: async () => ({ rows: [{ "?column?": 1 }] }) }
const failing = { raw: async () => Promise.reject(new Error("connect ECONNREFUSED 10.1.2.3:5432 (postgres://shop:geheim@db.intern/shop)")) }
const hanging = { raw: () => new Promise<never>(() => {}) }

afterAll(closeReadinessClients)

describe("checkReadiness", () => {
  it("is ready when the database and Redis answer", async () => {
    expect(await checkReadiness({ database: answering, redisUrl: REDIS_URL })).toEqual({
      ready: true,
      status: "ready",
      checks: { database: "ok", redis: "ok" },
    })
  })

  it("is ready without Redis when none is configured (npm start)", async () => {
    expect(await checkReadiness({ database: answering })).toEqual({
      ready: true,
      status: "ready",
      checks: { database: "ok", redis: "not configured" },
    })
  })

  it("names PostgreSQL when the database fails or hangs, without its error or address", async () => {
    const failed = await checkReadiness({ database: failing, redisUrl: REDIS_URL })
    expect(failed).toEqual({
      ready: false,
      status: "unavailable",
      checks: { database: "unreachable", redis: "ok" },
      reason: "Niet gereed: PostgreSQL (de database) antwoordt niet.",
    })
    expect(JSON.stringify(failed)).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|geheim|db\.intern|postgres:\/\//)
    expect(await checkReadiness({ database: hanging }, 300)).toMatchObject({
      status: "unavailable",
      checks: { database: "unreachable", redis: "not configured" },
    })
  })

  it("names Redis when the configured Redis does not answer (a closed port, port 1), without its URL", async () => {
    const url = `redis://127.0.0.1:${await closedPort()}/0`
    expect(await checkReadiness({ database: answering, redisUrl: url }, 500)).toEqual({
      ready: false,
      status: "unavailable",
      checks: { database: "ok", redis: "unreachable" },
      reason: "Niet gereed: Redis antwoordt niet.",
    })
    const started = Date.now()
    const portOne = await checkReadiness({ database: answering, redisUrl: "redis://buurt:geheim-wachtwoord@127.0.0.1:1/0" }, 500)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(portOne).toMatchObject({ status: "unavailable", checks: { redis: "unreachable" }, reason: "Niet gereed: Redis antwoordt niet." })
    expect(JSON.stringify(portOne)).not.toMatch(/geheim|buurt|127\.0\.0\.1|redis:\/\//)
  })

  it("names both when both fail", async () => {
    expect(await checkReadiness({ database: failing, redisUrl: "redis://127.0.0.1:1/0" }, 500)).toMatchObject({
      status: "unavailable",
      checks: { database: "unreachable", redis: "unreachable" },
      reason: "Niet gereed: PostgreSQL (de database) en Redis antwoorden niet.",
    })
  })
})

describe("readinessReason", () => {
  it("says nothing when every configured dependency answers", () => {
    expect(readinessReason({ database: "ok", redis: "ok" })).toBeUndefined()
    expect(readinessReason({ database: "ok", redis: "not configured" })).toBeUndefined()
  })
})
