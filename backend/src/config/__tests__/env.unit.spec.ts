import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { ConfigError, DEFAULT_SECRET, DEFAULT_SELLER, defaultMailDir, parseTrustedProxies, readBackendEnv, readSeller } from "../env"

/** A public production shop configured as it should be. */
const PRODUCTION = {
  NODE_ENV: "production",
  JWT_SECRET: "j".repeat(64),
  COOKIE_SECRET: "c".repeat(64),
  STOREFRONT_URL: "https://shop.example.nl",
  MEDUSA_BACKEND_URL: "https://beheer.example.nl",
  TRUSTED_PROXIES: "10.0.0.2",
  CLIENT_IP_SECRET: "i".repeat(64),
  COMPANY_NAME: "Stichting Veilige Wijk",
  COMPANY_ADDRESS: "Piusstraat 12",
  COMPANY_POSTCODE: "5038 AB",
  COMPANY_CITY: "Tilburg",
  COMPANY_KVK: "12345678",
  COMPANY_BTW: "NL123456789B01",
  COMPANY_IBAN: "NL02 RABO 0123 4567 89",
  COMPANY_EMAIL: "winkel@veiligewijk.nl",
} as const

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
      /Refusing to start in production: JWT_SECRET and COOKIE_SECRET are not set \(the development default\)/
    )
    expect(() =>
      readBackendEnv({ NODE_ENV: "production", JWT_SECRET: "a".repeat(64), COOKIE_SECRET: "  " })
    ).toThrow(/: COOKIE_SECRET is not set \(the development default\): set it to a long random value/)
  })

  it("names the default secrets together with every other production problem, in one line (#25)", () => {
    let message = ""
    try {
      readBackendEnv({ NODE_ENV: "production", STOREFRONT_URL: "https://shop.example.nl" })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).not.toContain("\n")
    expect(message.match(/Refusing to start/g)).toHaveLength(1)
    for (const name of ["JWT_SECRET and COOKIE_SECRET", "MEDUSA_BACKEND_URL", "TRUSTED_PROXIES", "CLIENT_IP_SECRET", "COMPANY_NAME"]) {
      expect(message).toContain(name)
    }
  })

  it("accepts production with real secrets", () => {
    const env = readBackendEnv(PRODUCTION)
    expect(env.production).toBe(true)
    expect(env.jwtSecret).toBe("j".repeat(64))
    expect(env.trustedProxies).toEqual([{ address: "10.0.0.2", prefix: 32, family: "ipv4" }])
    expect(env.clientIpSecret).toBe("i".repeat(64))
  })

  describe("production defaults that are only safe on localhost", () => {
    it("refuses the default staff password", () => {
      expect(() => readBackendEnv({ ...PRODUCTION, ADMIN_PASSWORD: "buurtpreventie" })).toThrow(/ADMIN_PASSWORD is the default staff password/)
    })

    it("refuses COOKIE_SECURE=false", () => {
      expect(() => readBackendEnv({ ...PRODUCTION, COOKIE_SECURE: "false" })).toThrow(/COOKIE_SECURE=false sends session cookies over plain http/)
    })

    it("refuses a missing TRUSTED_PROXIES, but accepts an explicit none", () => {
      expect(() => readBackendEnv({ ...PRODUCTION, TRUSTED_PROXIES: "" })).toThrow(/TRUSTED_PROXIES is not set.*TRUSTED_PROXIES=none/)
      expect(readBackendEnv({ ...PRODUCTION, TRUSTED_PROXIES: "none" }).trustedProxies).toEqual([])
    })

    it("refuses a missing CLIENT_IP_SECRET", () => {
      expect(() => readBackendEnv({ ...PRODUCTION, CLIENT_IP_SECRET: undefined })).toThrow(/CLIENT_IP_SECRET is not set/)
    })

    it("refuses a public shop without the backend's public address: staff e-mails would link to localhost (#24 item 6)", () => {
      for (const missing of [undefined, "", "/"]) {
        expect(() => readBackendEnv({ ...PRODUCTION, MEDUSA_BACKEND_URL: missing })).toThrow(
          /MEDUSA_BACKEND_URL is not set: set it to the backend's public address/
        )
      }
      // MEDUSA_ADMIN_URL alone is enough for the links
      expect(readBackendEnv({ ...PRODUCTION, MEDUSA_BACKEND_URL: undefined, MEDUSA_ADMIN_URL: "https://beheer.example.nl/app" }).production).toBe(true)
    })

    it("treats a production shop without STOREFRONT_URL as public: the exemptions need an explicit loopback address", () => {
      expect(() => readBackendEnv({ ...PRODUCTION, STOREFRONT_URL: undefined, COOKIE_SECURE: "false", ADMIN_PASSWORD: "buurtpreventie" })).toThrow(
        /STOREFRONT_URL is not set: .*; ADMIN_PASSWORD is the default staff password.*; COOKIE_SECURE=false/
      )
    })

    it("refuses the fictional example company on invoices, naming each detail still at its default (#25)", () => {
      const fictional = Object.fromEntries(Object.keys(PRODUCTION).filter((key) => key.startsWith("COMPANY_")).map((key) => [key, undefined]))
      expect(() => readBackendEnv({ ...PRODUCTION, ...fictional })).toThrow(
        /COMPANY_NAME, COMPANY_ADDRESS, COMPANY_POSTCODE, COMPANY_CITY, COMPANY_KVK, COMPANY_BTW, COMPANY_IBAN, COMPANY_EMAIL are the fictional example company's: set your company's details/
      )
      // The fictional values typed in explicitly count as well; one left over is named alone.
      expect(() => readBackendEnv({ ...PRODUCTION, COMPANY_KVK: DEFAULT_SELLER.kvk })).toThrow(/: COMPANY_KVK is the fictional example company's/)
      expect(() => readBackendEnv({ ...PRODUCTION, COMPANY_IBAN: ` ${DEFAULT_SELLER.iban} ` })).toThrow(/COMPANY_IBAN is the fictional/)
      // The phone number is optional on an invoice.
      expect(readBackendEnv({ ...PRODUCTION, COMPANY_PHONE: undefined }).seller).toEqual({ ...readSeller(PRODUCTION), phone: DEFAULT_SELLER.phone })
    })

    it("keeps the example company for a shop on this machine (npm start, e2e, compose on localhost) and outside production", () => {
      const { COMPANY_NAME: _name, ...withoutName } = PRODUCTION
      expect(readBackendEnv({ ...withoutName, STOREFRONT_URL: "http://localhost:3000" }).seller.name).toBe(DEFAULT_SELLER.name)
      expect(readBackendEnv({ STOREFRONT_URL: "https://shop.example.nl" }).seller).toEqual(DEFAULT_SELLER)
    })

    it("names every problem at once", () => {
      expect(() =>
        readBackendEnv({ NODE_ENV: "production", JWT_SECRET: "j".repeat(64), COOKIE_SECRET: "c".repeat(64), COOKIE_SECURE: "false", STOREFRONT_URL: "https://shop.example.nl" })
      ).toThrow(/COOKIE_SECURE=false.*; TRUSTED_PROXIES is not set.*; CLIENT_IP_SECRET is not set/)
    })

    it("allows them for a shop that only runs on this machine (npm start, e2e, compose on localhost)", () => {
      for (const url of ["http://localhost:3000", "http://127.0.0.1:3300", "http://[::1]:3000"]) {
        const env = readBackendEnv({
          NODE_ENV: "production",
          JWT_SECRET: "j".repeat(64),
          COOKIE_SECRET: "c".repeat(64),
          STOREFRONT_URL: url,
          COOKIE_SECURE: "false",
          ADMIN_PASSWORD: "buurtpreventie",
        })
        expect(env.cookieSecure).toBe(false)
      }
      // …but not a public address that merely contains "localhost"
      expect(() =>
        readBackendEnv({ ...PRODUCTION, STOREFRONT_URL: "http://localhost.evil.example", COOKIE_SECURE: "false" })
      ).toThrow(/COOKIE_SECURE=false/)
    })
  })

  describe("TRUSTED_PROXIES and CLIENT_IP_SECRET", () => {
    it("reads addresses, CIDR blocks, loopback and none", () => {
      expect(parseTrustedProxies(undefined)).toEqual([])
      expect(parseTrustedProxies(" none ")).toEqual([])
      expect(parseTrustedProxies("10.0.0.2, 172.16.0.0/12 ,2001:db8::/32,loopback")).toEqual([
        { address: "10.0.0.2", prefix: 32, family: "ipv4" },
        { address: "172.16.0.0", prefix: 12, family: "ipv4" },
        { address: "2001:db8::", prefix: 32, family: "ipv6" },
        { address: "127.0.0.0", prefix: 8, family: "ipv4" },
        { address: "::1", prefix: 128, family: "ipv6" },
      ])
    })

    it.each(["proxy.example", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/8/1", "10.0.0.0/-1", "*"])("refuses %p with a clear message", (value) => {
      expect(() => readBackendEnv({ TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES: ".*" is not an IP address or CIDR block/)
    })

    it("refuses a short CLIENT_IP_SECRET", () => {
      expect(() => readBackendEnv({ CLIENT_IP_SECRET: "kort" })).toThrow(/CLIENT_IP_SECRET is too short \(4 characters\)/)
    })
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

  it("reads the Stripe API base URL, refusing anything but an http(s) origin and live keys", () => {
    expect(readBackendEnv({}).stripeApiBaseUrl).toBeUndefined()
    expect(readBackendEnv({ STRIPE_API_BASE_URL: "http://127.0.0.1:12111" }).stripeApiBaseUrl).toBe("http://127.0.0.1:12111")
    expect(() => readBackendEnv({ STRIPE_API_BASE_URL: "127.0.0.1:12111" })).toThrow(/STRIPE_API_BASE_URL must be an http\(s\) origin/)
    expect(() => readBackendEnv({ STRIPE_API_BASE_URL: "http://fake/v1" })).toThrow(ConfigError)
    expect(() => readBackendEnv({ STRIPE_API_KEY: "sk_live_abc", STRIPE_API_BASE_URL: "http://127.0.0.1:1" })).toThrow(/live key/)
  })

  it("reads the webhook delay and retries as whole numbers of at least 1", () => {
    expect(readBackendEnv({})).toMatchObject({ paymentWebhookDelayMs: 5000, paymentWebhookRetries: 3 })
    expect(readBackendEnv({ PAYMENT_WEBHOOK_DELAY_MS: "20", PAYMENT_WEBHOOK_RETRIES: "1" })).toMatchObject({
      paymentWebhookDelayMs: 20,
      paymentWebhookRetries: 1,
    })
    // Upstream treats 0 as "the default" (`delay || 5000`), so 0 is refused, not silently 5 s.
    expect(() => readBackendEnv({ PAYMENT_WEBHOOK_DELAY_MS: "0" })).toThrow(/PAYMENT_WEBHOOK_DELAY_MS must be a whole number of at least 1, not "0"/)
    expect(() => readBackendEnv({ PAYMENT_WEBHOOK_RETRIES: "2.5" })).toThrow(ConfigError)
  })

  it("mails into MAIL_DIR (made absolute), else <repository root>/.data/mail", () => {
    expect(readBackendEnv({ MAIL_DIR: "/var/mail/shop" }).mailDir).toBe("/var/mail/shop")
    expect(readBackendEnv({ MAIL_DIR: "rel/mail" }).mailDir).toBe(path.resolve("rel/mail"))
    const repoRoot = path.resolve(__dirname, "../../../..")
    expect(readBackendEnv({}).mailDir).toBe(path.join(repoRoot, ".data", "mail"))
    expect(readBackendEnv({}).smtpUrl).toBeUndefined()
    expect(readBackendEnv({}).mailFrom).toBe("Buurtpreventie Shop <bestellingen@buurtpreventie.local>")
  })

  it("sends group mails from MAIL_FROM_GROUPS, by default groepen@ the domain of MAIL_FROM", () => {
    expect(readBackendEnv({}).mailFromGroups).toBe("Buurtpreventie Shop <groepen@buurtpreventie.local>")
    expect(readBackendEnv({ MAIL_FROM: "Winkel <orders@shop.nl>" }).mailFromGroups).toBe("Winkel <groepen@shop.nl>")
    expect(readBackendEnv({ MAIL_FROM: "orders@shop.nl" }).mailFromGroups).toBe("groepen@shop.nl")
    expect(readBackendEnv({ MAIL_FROM_GROUPS: "Buurtgroepen <buurt@shop.nl>" }).mailFromGroups).toBe("Buurtgroepen <buurt@shop.nl>")
  })

  it("finds the repository root from the source and from a build in .medusa/server alike", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "bp-root-"))
    try {
      fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ workspaces: ["backend"] }))
      const source = path.join(root, "backend/src/config")
      const built = path.join(root, "backend/.medusa/server/src/config")
      fs.mkdirSync(built, { recursive: true })
      fs.mkdirSync(source, { recursive: true })
      fs.writeFileSync(path.join(root, "backend/package.json"), JSON.stringify({ name: "backend" }))
      fs.writeFileSync(path.join(root, "backend/.medusa/server/package.json"), JSON.stringify({ name: "backend" }))
      expect(defaultMailDir(source)).toBe(path.join(root, ".data", "mail"))
      expect(defaultMailDir(built)).toBe(path.join(root, ".data", "mail"))
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})

describe("payment on account and unpaid orders", () => {
  it("defaults: payment on account not forced on, reminder after 7 days, cancellation after 14", () => {
    expect(readBackendEnv({})).toMatchObject({ payOnAccount: false, unpaidOrderReminderDays: 7, unpaidOrderCancelDays: 14 })
  })

  it("reads PAY_ON_ACCOUNT and the two deadlines", () => {
    expect(readBackendEnv({ PAY_ON_ACCOUNT: "true", UNPAID_ORDER_REMINDER_DAYS: "3", UNPAID_ORDER_CANCEL_DAYS: "10" })).toMatchObject({
      payOnAccount: true,
      unpaidOrderReminderDays: 3,
      unpaidOrderCancelDays: 10,
    })
  })

  it("refuses a typo in PAY_ON_ACCOUNT and a cancellation before the reminder", () => {
    expect(() => readBackendEnv({ PAY_ON_ACCOUNT: "yes" })).toThrow(/PAY_ON_ACCOUNT must be true or false, not "yes"/)
    expect(() => readBackendEnv({ UNPAID_ORDER_REMINDER_DAYS: "14", UNPAID_ORDER_CANCEL_DAYS: "7" })).toThrow(/must be more than UNPAID_ORDER_REMINDER_DAYS/)
  })
})
