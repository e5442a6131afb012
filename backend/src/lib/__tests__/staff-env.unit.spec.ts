import { ConfigError } from "../../config/env"
import { readStaffEnv } from "../staff-env"

describe("readStaffEnv", () => {
  it("defaults: threshold 10, the admin login's address, the local admin", () => {
    expect(readStaffEnv({})).toEqual({ lowStockThreshold: 10, staffEmail: "admin@buurtpreventie.local", adminUrl: "http://localhost:9000/app" })
    expect(readStaffEnv({ ADMIN_EMAIL: "beheer@example.nl" }).staffEmail).toBe("beheer@example.nl")
  })

  it("reads LOW_STOCK_THRESHOLD, STAFF_EMAIL and MEDUSA_BACKEND_URL", () => {
    expect(
      readStaffEnv({ LOW_STOCK_THRESHOLD: " 0 ", STAFF_EMAIL: "team@example.nl", ADMIN_EMAIL: "x@example.nl", MEDUSA_BACKEND_URL: "https://api.example.nl/" })
    ).toEqual({ lowStockThreshold: 0, staffEmail: "team@example.nl", adminUrl: "https://api.example.nl/app" })
  })

  it("refuses a threshold that is not a whole number ≥ 0", () => {
    for (const bad of ["-1", "2.5", "tien"]) expect(() => readStaffEnv({ LOW_STOCK_THRESHOLD: bad })).toThrow(ConfigError)
  })

  it("falls back to the local backend when MEDUSA_BACKEND_URL is relative (the admin bundle's '/')", () => {
    expect(readStaffEnv({ MEDUSA_BACKEND_URL: "/" }).adminUrl).toBe("http://localhost:9000/app")
  })
})
