/**
 * Issue 15, items 2 and 4, replayed against the real app: rate limits that cannot be
 * sidestepped (path spellings, forged X-Forwarded-For, forged storefront headers, a
 * stranger locking out an admin), shared counts in Redis, and body limits with a Dutch 413.
 *
 * The limiter keeps its counts per process in memory here (REDIS_URL is unset for
 * integration tests), so every test uses its own accounts and addresses.
 */
import http from "node:http"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import Redis from "ioredis"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { seedShop } from "../../src/seed/seed-shop"
import { parseGeonamesPostalCodes } from "../../src/modules/neighbourhood-group/reference-data/geonames"
import { importReferenceDataWorkflow } from "../../src/workflows/groups/import-reference-data"
import { CLIENT_ADDRESS_HEADER, signClientAddress } from "../../src/api/middlewares/client-address"
import { createLimiter, type Limit } from "../../src/api/middlewares/rate-limit"
import { storeHeaders, waitFor } from "../utils/checkout"

// Generous: booting the app takes minutes when the machine is busy.
jest.setTimeout(300 * 1000)

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-security-"))
process.env.MAIL_DIR = MAIL_DIR
process.env.STOREFRONT_URL = "http://shop.test"
delete process.env.SMTP_URL
const CLIENT_IP_SECRET = "geheim-".repeat(8)
process.env.CLIENT_IP_SECRET = CLIENT_IP_SECRET
/** Redis for the shared-count test (db 3 unless told otherwise). */
const REDIS_URL = process.env.RATE_LIMIT_TEST_REDIS_URL || "redis://127.0.0.1:6379/3"

/** Two PC4 areas in GeoNames' format: enough for registrations, no file needed. */
const POSTCODES = "NL\t3581\tUtrecht\tUtrecht\t09\tUtrecht\t0344\t\t\t52.0904\t5.1342\t6\nNL\t3582\tUtrecht\tUtrecht\t09\tUtrecht\t0344\t\t\t52.0803\t5.1318\t6\n"

const STAFF = { email: "beheer-security@example.nl", password: "een-lang-staff-wachtwoord" }

const SIGN_IN_REFUSED = /^Te veel pogingen om in te loggen\. Probeer het over \d+ minuten opnieuw\.$/

let counter = 0
const unique = () => ++counter
/** A visitor's address as a trusted proxy on loopback reports it. */
const visitor = () => `198.51.${(counter >> 8) & 255}.${unique() & 255}`

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: { headers: Record<string, string> }

    const call = (p: Promise<any>) => p.catch((e: any) => (e.response ? e.response : Promise.reject(e)))
    const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
      call(api.post(url, body, { headers: { ...store.headers, ...headers }, maxRedirects: 0 }))
    const signIn = (url: string, email: string, password: string, headers: Record<string, string> = {}) =>
      call(api.post(url, { email, password }, { headers }))
    const registration = (n: number) => ({
      name: `Buurtpreventie Veiligheidslaan ${n}`,
      woonplaats: "Utrecht",
      postcodes: ["3581"],
      member_count: 12,
      admin_name: "Sanne Beheerder",
      admin_email: `sanne.${n}@example.nl`,
      admin_phone: "06 12345678",
      accepted_rules: true,
    })

    beforeAll(async () => {
      const container = getContainer()
      await seedShop(container, { storefrontUrl: "http://shop.test" })
      await importReferenceDataWorkflow(container).run({ input: { rows: parseGeonamesPostalCodes(POSTCODES) } })
      await createStaffUser(container)
    })

    beforeEach(async () => {
      process.env.TRUSTED_PROXIES = "loopback"
      store = await storeHeaders(getContainer())
    })

    /** Registration mails go out after the answer: let them finish before the database is restored. */
    afterEach(async () => {
      let last = -1
      await waitFor(
        async () => {
          const { rows } = await dbConnection.raw(
            "select (select count(*) from notification where status = 'pending')::int as pending, (select count(*) from notification)::int as total"
          )
          const settled = rows[0].pending === 0 && rows[0].total === last
          last = rows[0].total
          return settled
        },
        { what: "e-mails to settle", intervalMs: 150 }
      )
    })

    afterAll(() => fs.rmSync(MAIL_DIR, { recursive: true, force: true }))

    describe("sign-in limits", () => {
      it("counts every spelling of Medusa's sign-in route and of the e-mail address against one budget", async () => {
        const email = `raden-${unique()}@example.nl`
        const spellings = [
          "/auth/customer/emailpass",
          "/auth/customer/emailpass/",
          "/auth/customer/emailpass?terug=1",
          "/AUTH/customer/emailpass",
          "/auth/customer/emailpas%73",
          "/auth/%63ustomer/emailpass/",
        ]
        const accountSpellings = [email, email.toUpperCase(), ` ${email} `]
        // 10 failures, spread over every spelling, all reach Medusa's password check…
        for (let i = 0; i < 10; i++) {
          const answer = await signIn(spellings[i % spellings.length], accountSpellings[i % accountSpellings.length], `fout-${i}`)
          expect([i, answer.status]).toEqual([i, 401])
        }
        // …and then no spelling gets a fresh budget.
        // (404: a spelling Medusa does not route at all, so no password is checked either)
        const fresh: string[] = []
        for (const url of [...spellings, "/AUTH/customer/EMAILPASS", "//auth/customer/emailpass", "/auth//customer/emailpass", "/auth/customer/emailpass/?a=b"]) {
          const answer = await rawRequest(api.defaults.baseURL, "POST", url, { email, password: "nog-een-keer" })
          if (![429, 404].includes(answer.status)) fresh.push(`${url}: ${answer.status}`)
        }
        expect(fresh).toEqual([])
        const refused = await signIn("/auth/customer/emailpass", email.toUpperCase(), "nog-een-keer")
        expect(refused.status).toBe(429)
        expect(refused.data.message).toMatch(SIGN_IN_REFUSED)
        expect(Number(refused.headers["retry-after"])).toBeGreaterThan(60)
        // GET authenticates too in Medusa: it is limited as well
        const viaGet = await call(api.request({ method: "GET", url: "/auth/customer/emailpass", data: { email, password: "x" } }))
        expect(viaGet.status).toBe(429)
      })

      it("limits staff and notice-author sign-ins (which had no limit at all)", async () => {
        for (const actor of ["user", "notice_author"]) {
          const email = `${actor}-${unique()}@example.nl`
          for (let i = 0; i < 10; i++) expect((await signIn(`/auth/${actor}/emailpass`, email, `fout-${i}`)).status).toBe(401)
          const refused = await signIn(`/auth/${actor}/emailpass`, email, "fout")
          expect(refused.status).toBe(429)
          expect(refused.data.message).toMatch(SIGN_IN_REFUSED)
          expect(refused.headers["retry-after"]).toBeTruthy()
        }
      })

      it("does not let a stranger lock an admin out", async () => {
        const stranger = { "x-forwarded-for": visitor() }
        for (let i = 0; i < 10; i++) expect((await signIn("/auth/user/emailpass", STAFF.email, `gok-${i}`, stranger)).status).toBe(401)
        // refused attempts, however many, spend nothing of the account's own budget (100 an hour)
        for (let i = 0; i < 110; i++) expect((await signIn("/auth/user/emailpass", STAFF.email, `gok-${i}`, stranger)).status).toBe(429)

        // the admin, from their own address, still signs in (and again after that: success clears nothing shared)
        const admin = { "x-forwarded-for": visitor() }
        const signedIn = await signIn("/auth/user/emailpass", STAFF.email, STAFF.password, admin)
        expect(signedIn.status).toBe(200)
        expect(signedIn.data.token).toBeTruthy()
        expect((await signIn("/auth/user/emailpass", STAFF.email, STAFF.password, admin)).status).toBe(200)
        // the stranger stays refused, even with the right password
        expect((await signIn("/auth/user/emailpass", STAFF.email, STAFF.password, stranger)).status).toBe(429)
      })

      it("limits one address across many accounts (credential stuffing)", async () => {
        const from = { "x-forwarded-for": visitor() }
        for (let i = 0; i < 50; i++) {
          expect((await signIn("/auth/customer/emailpass", `lijst-${unique()}@example.nl`, "123456", from)).status).toBe(401)
        }
        expect((await signIn("/auth/customer/emailpass", `lijst-${unique()}@example.nl`, "123456", from)).status).toBe(429)
        // another address is not affected
        expect((await signIn("/auth/customer/emailpass", `lijst-${unique()}@example.nl`, "123456", { "x-forwarded-for": visitor() })).status).toBe(401)
      })

      it("limits staff password-reset mails per account, whatever the spelling", async () => {
        const reset = (url: string, identifier: string) => call(api.post(url, { identifier }, { headers: { "x-forwarded-for": visitor() } }))
        for (let i = 0; i < 5; i++) expect((await reset("/auth/user/emailpass/reset-password", STAFF.email)).status).toBe(201)
        const refused = await reset("/auth/user/emailpass/reset-password/", STAFF.email.toUpperCase())
        expect(refused.status).toBe(429)
        expect(refused.data.message).toMatch(/^Je hebt al een paar keer een nieuw wachtwoord aangevraagd\. Probeer het over \d+ minuten opnieuw\.$/)
        expect(refused.headers["retry-after"]).toBeTruthy()
      })
    })

    describe("client address", () => {
      it("without trusted proxies, a forged X-Forwarded-For does not reset the registration budget", async () => {
        process.env.TRUSTED_PROXIES = "none"
        const statuses: number[] = []
        for (let i = 0; i < 6; i++) statuses.push((await post("/store/groups", registration(unique()), { "x-forwarded-for": visitor() })).status)
        expect(statuses).toEqual([201, 201, 201, 201, 201, 429])
        const refused = await post("/store/groups", registration(unique()), { "x-forwarded-for": visitor() })
        expect(refused.data.message).toMatch(/^Je hebt al een paar groepen aangemeld\. Probeer het over \d+ minuten opnieuw\.$/)
      })

      it("behind a trusted proxy, entries the client wrote before the proxy's own are ignored", async () => {
        const real = visitor()
        const statuses: number[] = []
        for (let i = 0; i < 6; i++) {
          statuses.push((await post("/store/groups", registration(unique()), { "x-forwarded-for": `${visitor()}, ${real}` })).status)
        }
        expect(statuses).toEqual([201, 201, 201, 201, 201, 429])
      })

      it("believes the storefront's signed address, and ignores forged or unsigned ones", async () => {
        // The storefront's own address (as a trusted proxy on loopback reports it) uses up its
        // budget through forged headers: none of them counts as a different visitor…
        const storefront = { "x-forwarded-for": visitor() }
        const forged = [
          visitor(),
          signClientAddress(visitor(), "een-ander-geheim-".repeat(4)),
          signClientAddress(visitor(), CLIENT_IP_SECRET, Math.floor(Date.now() / 1000) - 3600),
          signClientAddress(visitor(), CLIENT_IP_SECRET).replace(/^[^ ]+/, visitor()),
          "",
          `${visitor()} ${Math.floor(Date.now() / 1000)}`,
        ]
        const statuses: number[] = []
        for (const value of forged) {
          statuses.push((await post("/store/groups", registration(unique()), { ...storefront, [CLIENT_ADDRESS_HEADER]: value })).status)
        }
        expect(statuses).toEqual([201, 201, 201, 201, 201, 429])
        // …while a visitor the storefront vouches for has their own
        const signed = { ...storefront, [CLIENT_ADDRESS_HEADER]: signClientAddress(visitor(), CLIENT_IP_SECRET) }
        expect((await post("/store/groups", registration(unique()), signed)).status).toBe(201)
      })
    })

    describe("body limits", () => {
      it("refuses an oversized form body with a Dutch 413 before validating it", async () => {
        const big = { ...registration(unique()), admin_name: "x".repeat(40 * 1024) }
        const refused = await post("/store/groups", big)
        expect(refused.status).toBe(413)
        expect(refused.data).toEqual({ type: "payload_too_large", message: expect.stringMatching(/^Dit verzoek is te groot\./) })
        // a normal one still works
        expect((await post("/store/groups", registration(unique()), { "x-forwarded-for": visitor() })).status).toBe(201)
      })

      it("counts streamed bytes when there is no Content-Length (chunked)", async () => {
        const answer = await rawChunkedPost(api.defaults.baseURL, "/store/groups/bestaat-niet/contact", store.headers, 2 * 1024 * 1024)
        expect(answer.status).toBe(413)
        expect(JSON.parse(answer.body).message).toMatch(/^Dit verzoek is te groot\./)
      })

      it("keeps Medusa's own default for other routes and answers it in Dutch too", async () => {
        const refused = await call(
          api.post("/store/carts", { metadata: { note: "x".repeat(150 * 1024) } }, { headers: store.headers })
        )
        expect(refused.status).toBe(413)
        expect(refused.data.message).toMatch(/^Dit verzoek is te groot\./)
      })
    })

    describe("shared counts (Redis)", () => {
      it("two limiters on one Redis (two processes, or before and after a restart) share one budget", async () => {
        const limit: Limit = { name: "test-shared", points: 3, durationSeconds: 60 }
        const namespace = `security-spec-${Date.now()}-${unique()}`
        const clients = [new Redis(REDIS_URL), new Redis(REDIS_URL), new Redis(REDIS_URL)]
        try {
          await Promise.all(clients.map((client) => client.ping()))
          const [server, worker, restarted] = clients.map((client) => createLimiter(limit, { redisUrl: REDIS_URL, namespace }, client))
          await server.consume("198.51.100.1")
          await worker.consume("198.51.100.1")
          await server.consume("198.51.100.1")
          await expect(worker.consume("198.51.100.1")).rejects.toMatchObject({ remainingPoints: 0 })
          await clients[0].quit()
          await clients[1].quit()
          // a process started later still sees the count
          await expect(restarted.consume("198.51.100.1")).rejects.toMatchObject({ msBeforeNext: expect.any(Number) })
          expect((await restarted.get("198.51.100.1"))?.consumedPoints).toBeGreaterThanOrEqual(3)
          await restarted.delete("198.51.100.1")
        } finally {
          for (const client of clients) if (client.status !== "end") await client.quit()
        }
      })
    })
  },
})

/** A request with the path exactly as given (axios would read `//auth/…` as another host). */
function rawRequest(baseUrl: string | undefined, method: string, rawPath: string, body: unknown) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { hostname, port } = new URL(baseUrl ?? "")
    const payload = JSON.stringify(body)
    const req = http.request({ hostname, port, method, path: rawPath, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } })
    req.on("response", (res) => {
      let text = ""
      res.setEncoding("utf8")
      res.on("data", (chunk) => (text += chunk))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on("error", reject)
    req.end(payload)
  })
}

/** Sends `size` bytes chunked (no Content-Length) and reports the answer and how much was written before it. */
function rawChunkedPost(baseUrl: string | undefined, urlPath: string, headers: Record<string, string>, size: number) {
  return new Promise<{ status: number; body: string; bytesSent: number }>((resolve, reject) => {
    const url = new URL(urlPath, baseUrl)
    let bytesSent = 0
    const req = http.request(url, { method: "POST", headers: { ...headers, "content-type": "application/json", "transfer-encoding": "chunked" } })
    req.on("response", (res) => {
      let body = ""
      res.setEncoding("utf8")
      res.on("data", (chunk) => (body += chunk))
      res.on("end", () => {
        req.destroy()
        resolve({ status: res.statusCode ?? 0, body, bytesSent })
      })
    })
    req.on("error", (error: NodeJS.ErrnoException) => {
      // the server may close the connection while we are still writing
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error)
    })
    const chunk = Buffer.alloc(16 * 1024, "a")
    const pump = () => {
      while (bytesSent < size) {
        bytesSent += chunk.length
        if (!req.write(chunk)) return req.once("drain", pump)
      }
      req.end()
    }
    req.write('{"message":"')
    pump()
  })
}

async function createStaffUser(container: MedusaContainer) {
  const auth = container.resolve(Modules.AUTH)
  const users = container.resolve(Modules.USER)
  const user = await users.createUsers({ email: STAFF.email, first_name: "Beheer" })
  const { authIdentity, error } = await auth.register("emailpass", { body: STAFF } as any)
  if (error || !authIdentity) throw new Error(`Could not create the staff login: ${error}`)
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
}
