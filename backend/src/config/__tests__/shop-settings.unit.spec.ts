import { ConfigError, readBackendEnv, readReconcileSettings, readShopSettings } from "../env"

describe("readShopSettings", () => {
  it("defaults: threshold 10, the admin login's address, the local storefront and admin", () => {
    expect(readShopSettings({})).toEqual({
      lowStockThreshold: 10,
      staffEmail: "admin@buurtpreventie.local",
      storefrontUrl: "http://localhost:3000",
      adminUrl: "http://localhost:9000/app",
    })
    expect(readShopSettings({ ADMIN_EMAIL: "beheer@example.nl" }).staffEmail).toBe("beheer@example.nl")
  })

  it("reads LOW_STOCK_THRESHOLD, STAFF_EMAIL, STOREFRONT_URL and MEDUSA_BACKEND_URL", () => {
    expect(
      readShopSettings({
        LOW_STOCK_THRESHOLD: " 0 ",
        STAFF_EMAIL: "team@example.nl",
        ADMIN_EMAIL: "x@example.nl",
        STOREFRONT_URL: "https://winkel.example.nl/",
        MEDUSA_BACKEND_URL: "https://api.example.nl/",
      })
    ).toEqual({ lowStockThreshold: 0, staffEmail: "team@example.nl", storefrontUrl: "https://winkel.example.nl", adminUrl: "https://api.example.nl/app" })
  })

  it("uses MEDUSA_ADMIN_URL for every admin link, before MEDUSA_BACKEND_URL (invites and low-stock mails included)", () => {
    expect(readShopSettings({ MEDUSA_ADMIN_URL: "https://beheer.example.nl", MEDUSA_BACKEND_URL: "https://api.example.nl" }).adminUrl).toBe(
      "https://beheer.example.nl/app"
    )
    expect(readShopSettings({ MEDUSA_ADMIN_URL: "https://beheer.example.nl/app/" }).adminUrl).toBe("https://beheer.example.nl/app")
  })

  it("falls back to the local backend when MEDUSA_BACKEND_URL is relative (the admin bundle's '/')", () => {
    expect(readShopSettings({ MEDUSA_BACKEND_URL: "/" }).adminUrl).toBe("http://localhost:9000/app")
  })

  it("refuses a threshold that is not a whole number ≥ 0, also at start", () => {
    for (const bad of ["-1", "2.5", "tien"]) {
      expect(() => readShopSettings({ LOW_STOCK_THRESHOLD: bad })).toThrow(ConfigError)
      expect(() => readBackendEnv({ LOW_STOCK_THRESHOLD: bad })).toThrow(/LOW_STOCK_THRESHOLD must be a whole number/)
    }
  })
})

describe("readReconcileSettings", () => {
  it("defaults to 15 minutes and 72 hours and refuses negative numbers at start", () => {
    expect(readReconcileSettings({})).toEqual({ afterMinutes: 15, windowHours: 72 })
    expect(readReconcileSettings({ PAYMENT_RECONCILE_AFTER_MINUTES: "5" }).afterMinutes).toBe(5)
    expect(() => readBackendEnv({ PAYMENT_RECONCILE_WINDOW_HOURS: "-1" })).toThrow(/PAYMENT_RECONCILE_WINDOW_HOURS must be a number ≥ 0/)
  })
})
