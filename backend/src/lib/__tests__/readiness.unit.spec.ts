import net from "node:net"
import { checkReadiness, closeReadinessClients } from "../readiness"

/**
 * Real Redis (REDIS_URL, else the machine's 127.0.0.1:6379) and a real closed port; the
 * database side is any object with knex's `raw`, as Medusa's PG_CONNECTION is.
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
const failing = { raw: async () => Promise.reject(new Error("ECONNREFUSED")) }
const hanging = { raw: () => new Promise<never>(() => {}) }

afterAll(closeReadinessClients)

describe("checkReadiness", () => {
  it("is ready when the database and Redis answer", async () => {
    expect(await checkReadiness({ database: answering, redisUrl: REDIS_URL })).toEqual({ ready: true, database: "ok", redis: "ok" })
  })

  it("is ready without Redis when none is configured (npm start)", async () => {
    expect(await checkReadiness({ database: answering })).toEqual({ ready: true, database: "ok", redis: "not configured" })
  })

  it("is not ready when the database fails or hangs", async () => {
    expect(await checkReadiness({ database: failing, redisUrl: REDIS_URL })).toMatchObject({ ready: false, database: "unreachable", redis: "ok" })
    expect(await checkReadiness({ database: hanging }, 300)).toMatchObject({ ready: false, database: "unreachable" })
  })

  it("is not ready when the configured Redis does not answer", async () => {
    const url = `redis://127.0.0.1:${await closedPort()}/0`
    expect(await checkReadiness({ database: answering, redisUrl: url }, 500)).toEqual({ ready: false, database: "ok", redis: "unreachable" })
  })
})
