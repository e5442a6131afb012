import { readBackendEnv } from "../env"
import { buildModules } from "../modules"

const resolves = (env: Record<string, string>) => buildModules(readBackendEnv(env)).map((m) => m.resolve)

describe("buildModules", () => {
  it("keeps Medusa's in-memory defaults without Redis or Stripe", () => {
    expect(resolves({})).toEqual([])
  })

  it("moves events, workflows, locks and cache to Redis when REDIS_URL is set", () => {
    expect(resolves({ REDIS_URL: "redis://127.0.0.1:6379" })).toEqual([
      "@medusajs/medusa/event-bus-redis",
      "@medusajs/medusa/workflow-engine-redis",
      "@medusajs/medusa/locking",
      "@medusajs/medusa/caching",
    ])
  })

  it("passes the Redis URL in the shape each Redis module reads", () => {
    const modules = Object.fromEntries(
      buildModules(readBackendEnv({ REDIS_URL: "redis://r:6379" })).map((m) => [m.resolve, m.options])
    )
    expect(modules["@medusajs/medusa/event-bus-redis"]).toEqual({ redisUrl: "redis://r:6379" })
    expect(modules["@medusajs/medusa/workflow-engine-redis"]).toEqual({ redis: { redisUrl: "redis://r:6379" } })
    expect(JSON.stringify(modules["@medusajs/medusa/locking"])).toContain('"redisUrl":"redis://r:6379"')
    expect(JSON.stringify(modules["@medusajs/medusa/caching"])).toContain('"redisUrl":"redis://r:6379"')
  })

  it("registers the Stripe provider only with STRIPE_API_KEY, passing the webhook secret", () => {
    const [payment] = buildModules(readBackendEnv({ STRIPE_API_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1" }))
    expect(payment.resolve).toBe("@medusajs/medusa/payment")
    expect(JSON.stringify(payment.options)).toContain('"apiKey":"sk_test_1"')
    expect(JSON.stringify(payment.options)).toContain('"webhookSecret":"whsec_1"')
  })
})
