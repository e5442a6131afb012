import { ConfigError, DEFAULT_SECRET, readBackendEnv } from "../env"

describe("readBackendEnv", () => {
  it("uses local defaults outside production", () => {
    const env = readBackendEnv({ DATABASE_URL: "postgres://localhost/shop" })
    expect(env.databaseUrl).toBe("postgres://localhost/shop")
    expect(env.jwtSecret).toBe(DEFAULT_SECRET)
    expect(env.storeCors).toBe("http://localhost:3000")
    expect(env.workerMode).toBe("shared")
    expect(env.redisUrl).toBeUndefined()
    expect(env.stripeApiKey).toBeUndefined()
  })

  it("refuses to start in production with the default secrets, naming them", () => {
    expect(() => readBackendEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/shop" })).toThrow(
      /Refusing to start in production with the default JWT_SECRET and COOKIE_SECRET/
    )
    expect(() =>
      readBackendEnv({ NODE_ENV: "production", JWT_SECRET: "a".repeat(64), COOKIE_SECRET: "  " })
    ).toThrow(/default COOKIE_SECRET: set COOKIE_SECRET/)
  })

  it("accepts production with real secrets", () => {
    const env = readBackendEnv({ NODE_ENV: "production", JWT_SECRET: "j".repeat(64), COOKIE_SECRET: "c".repeat(64) })
    expect(env.production).toBe(true)
    expect(env.jwtSecret).toBe("j".repeat(64))
  })

  it("rejects an unknown worker mode with a clear message", () => {
    expect(() => readBackendEnv({ MEDUSA_WORKER_MODE: "both" })).toThrow(ConfigError)
    expect(() => readBackendEnv({ MEDUSA_WORKER_MODE: "both" })).toThrow(/must be shared, worker or server, not "both"/)
  })

  it("a worker never serves the admin", () => {
    expect(readBackendEnv({ MEDUSA_WORKER_MODE: "worker" }).disableAdmin).toBe(true)
    expect(readBackendEnv({ MEDUSA_WORKER_MODE: "server" }).disableAdmin).toBe(false)
  })

  it("only an explicit COOKIE_SECURE=false turns Secure cookies off", () => {
    expect(readBackendEnv({ COOKIE_SECURE: "false" }).cookieSecure).toBe(false)
    expect(readBackendEnv({ COOKIE_SECURE: "0" }).cookieSecure).toBeUndefined()
    expect(readBackendEnv({}).cookieSecure).toBeUndefined()
  })
})
