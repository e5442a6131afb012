/**
 * Issue 24, "Security, second look": an attacker's walk against the running shop, through real HTTP.
 * 1. a customer token without an actor (a staff or wijkagent login signed in on the customer path)
 *    made a customer for any e-mail address through `POST /store/customers`;
 * 4. the reset-password request told known from unknown addresses by its time;
 * 5. a NUL character in a path or query reached PostgreSQL (500); unconfigured auth providers
 *    answered with the provider configuration (401); unknown routes got Express's HTML page.
 */
import http from "node:http"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { NOT_FOUND_MESSAGE, REGISTRATION_CLOSED_MESSAGE } from "../../src/api/middlewares/auth-accounts"
import { INVALID_CHARACTERS_MESSAGE } from "../../src/api/middlewares/request-hygiene"
import { STAFF_PASSWORD } from "../utils/admin"
import { storeHeaders } from "../utils/checkout"
import { seedShop } from "../../src/seed/seed-shop"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-second-look-"))
process.env.MAIL_DIR = MAIL_DIR
process.env.STOREFRONT_URL = "http://shop.test"
delete process.env.SMTP_URL

type Answer = { status: number; body: string; headers: http.IncomingHttpHeaders }

/** A request with the path exactly as written (axios would normalise `%00` and the like). */
function raw(baseUrl: string | undefined, method: string, rawPath: string, headers: Record<string, string> = {}, body?: unknown) {
  return new Promise<Answer>((resolve, reject) => {
    const { hostname, port } = new URL(baseUrl ?? "")
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = http.request({
      hostname,
      port,
      method,
      path: rawPath,
      headers: { ...headers, ...(payload === undefined ? {} : { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) }) },
    })
    req.on("response", (res) => {
      let text = ""
      res.setEncoding("utf8")
      res.on("data", (chunk) => (text += chunk))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }))
    })
    req.on("error", reject)
    req.end(payload)
  })
}
const json = (answer: Answer) => {
  try {
    return JSON.parse(answer.body)
  } catch {
    return { unparsable: answer.body.slice(0, 200) }
  }
}

async function staffLogin(container: MedusaContainer, email: string) {
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password: STAFF_PASSWORD } } as any)
  if (!authIdentity) throw new Error(`staff login ${email}: ${error}`)
  await createUserAccountWorkflow(container).run({ input: { authIdentityId: authIdentity.id, userData: { email } } })
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
const p90 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)]
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let ip = 0
    const nextIp = () => `10.77.${(++ip >> 8) & 255}.${ip & 255}`
    let key: Record<string, string> = {}
    const base = () => api.defaults.baseURL as string

    beforeAll(async () => {
      await seedShop(getContainer(), { storefrontUrl: "http://shop.test" })
    })
    beforeEach(async () => {
      key = (await storeHeaders(getContainer())).headers as Record<string, string>
    })
    afterAll(() => fs.rmSync(MAIL_DIR, { recursive: true, force: true }))

    describe("item 1: a customer token without an actor", () => {
      it("makes no customer through POST /store/customers, in any spelling, and sees no account", async () => {
        const staff = `staf-${Date.now()}@buurtpreventie.test`
        await staffLogin(getContainer(), staff)
        // the staff login, signed in on the customer path: a customer token without actor_id
        const signIn = await raw(base(), "POST", "/auth/customer/emailpass", { "x-forwarded-for": nextIp() }, { email: staff, password: STAFF_PASSWORD })
        expect(signIn.status).toBe(200)
        const token = json(signIn).token as string
        expect(typeof token).toBe("string")
        const headers = { ...key, authorization: `Bearer ${token}` }

        const victim = "slachtoffer@example.nl"
        const answers: string[] = []
        for (const url of ["/store/customers", "/store/customers/", "/STORE/Customers", "/store/customers?fields=id", "/store/%63ustomers", "/store//customers"]) {
          const answer = await raw(base(), "POST", url, headers, { email: victim, first_name: "Aan", last_name: "Valler" })
          const body = json(answer)
          answers.push(`${url} ${answer.status} ${[REGISTRATION_CLOSED_MESSAGE, NOT_FOUND_MESSAGE].includes(body.message)}`)
        }
        expect(answers).toEqual([
          "/store/customers 403 true",
          "/store/customers/ 403 true",
          "/STORE/Customers 403 true",
          "/store/customers?fields=id 403 true",
          "/store/%63ustomers 404 true",
          "/store//customers 404 true",
        ])
        // and for the other methods: nothing answers with data
        for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
          const answer = await raw(base(), method, "/store/customers", headers)
          expect([method, [403, 404].includes(answer.status)]).toEqual([method, true])
        }
        const customers = await getContainer().resolve(Modules.CUSTOMER).listCustomers({ email: [victim, staff] })
        expect(customers).toEqual([])

        // nothing under /store/customers/me either: no account, no address made
        for (const [method, url, body] of [
          ["GET", "/store/customers/me", undefined],
          ["POST", "/store/customers/me", { first_name: "X" }],
          ["POST", "/store/customers/me/addresses", { address_1: "Straat 1", city: "Utrecht", country_code: "nl", postal_code: "3581AB" }],
          ["GET", "/store/customers/me/addresses", undefined],
        ] as const) {
          const answer = await raw(base(), method, url, headers, body)
          expect([method, url, answer.status]).toEqual([method, url, 401])
        }
        // Medusa Cloud's staff sign-up does not exist in this shop
        const userToken = json(await raw(base(), "POST", "/auth/user/emailpass", { "x-forwarded-for": nextIp() }, { email: staff, password: STAFF_PASSWORD })).token
        const cloud = await raw(base(), "POST", "/cloud/auth/users", { authorization: `Bearer ${userToken}` }, {})
        expect(cloud.status).toBe(404)
        expect((await getContainer().resolve(Modules.CUSTOMER).listCustomers({ email: victim })).length).toBe(0)
      })
    })

    describe("item 5: requests no route should see", () => {
      it("refuses a NUL character in the path, the query or the body with one Dutch 400, on every route", async () => {
        const answers: string[] = []
        for (const [method, url, body] of [
          ["GET", "/store/groups/%00", undefined],
          ["GET", "/store/groups/abc%00def", undefined],
          ["GET", "/store/products?handle=%00", undefined],
          ["GET", "/store/products?handle[]=%00", undefined],
          ["GET", "/store/products?q=a%00", undefined],
          ["GET", "/store/groups?q=%00", undefined],
          ["GET", "/store/products/%00", undefined],
          ["GET", "/store/order-status/%00", undefined],
          ["GET", "/store/groups/%e0%a4%a", undefined],
          ["POST", "/store/withdrawals", { order_number: "1\u0000", email: "a@example.nl" }],
          ["POST", "/auth/customer/emailpass", { email: "a\u0000@example.nl", password: "x" }],
          ["POST", "/store/groups/x/contact", { name: "A", email: "a@example.nl", message: "\u0000" }],
        ] as const) {
          const answer = await raw(base(), method, url, { ...key, "x-forwarded-for": nextIp() }, body)
          answers.push(`${method} ${url} ${answer.status} ${json(answer).message}`)
        }
        expect(answers).toEqual(answers.map((line) => line.replace(/ \d+ .*$/, ` 400 ${INVALID_CHARACTERS_MESSAGE}`)))
      })

      it("answers 404 for auth providers the shop does not use, without naming its configuration", async () => {
        const answers: string[] = []
        for (const [method, url] of [
          ["GET", "/auth/customer/google"],
          ["POST", "/auth/customer/google"],
          ["GET", "/auth/customer/google/callback"],
          ["POST", "/auth/user/github"],
          ["POST", "/auth/notice_author/google/register"],
          ["POST", "/auth/customer/google/reset-password"],
          ["POST", "/auth/customer/EMAILPASS"],
          ["POST", "/auth/customer/Emailpass/reset-password"],
          ["POST", "/auth/user/%67oogle"],
          ["POST", "/auth/google/user"],
        ] as const) {
          const answer = await raw(base(), method, url, { "x-forwarded-for": nextIp() }, method === "POST" ? { email: "a@example.nl", password: "x" } : undefined)
          answers.push(`${method} ${url} ${answer.status} ${json(answer).message} ${/provider|configur/i.test(answer.body)}`)
        }
        expect(answers).toEqual(answers.map((line) => line.replace(/ \d+ .*$/, ` 404 ${NOT_FOUND_MESSAGE} false`)))
        // emailpass itself still works: a wrong password is a 401
        const wrong = await raw(base(), "POST", "/auth/customer/emailpass", { "x-forwarded-for": nextIp() }, { email: "niemand@example.nl", password: "fout-fout-1" })
        expect(wrong.status).toBe(401)
      })

      it("answers unknown routes with a Dutch JSON 404 and keeps Medusa's own answers on known ones", async () => {
        for (const [method, url, headers] of [
          ["GET", "/x", {}],
          ["GET", "/bestaat-niet/echt-niet", {}],
          ["POST", "/x", {}],
          ["DELETE", "/store/groups", key],
        ] as const) {
          const answer = await raw(base(), method, url, headers as Record<string, string>)
          expect([method, url, answer.status, answer.headers["content-type"]?.startsWith("application/json"), json(answer)]).toEqual([
            method,
            url,
            404,
            true,
            { type: "not_found", message: NOT_FOUND_MESSAGE },
          ])
          expect(answer.body).not.toMatch(/Cannot (GET|POST|DELETE)/)
        }
        // unknown admin routes: Medusa's 401 for a visitor (tells nothing), the Dutch 404 for staff
        expect((await raw(base(), "GET", "/admin/bestaat-niet")).status).toBe(401)
        const staff = `staf-404-${Date.now()}@buurtpreventie.test`
        await staffLogin(getContainer(), staff)
        const staffToken = json(await raw(base(), "POST", "/auth/user/emailpass", { "x-forwarded-for": nextIp() }, { email: staff, password: STAFF_PASSWORD })).token
        const unknownAdmin = await raw(base(), "GET", "/admin/bestaat-niet", { authorization: `Bearer ${staffToken}` })
        expect([unknownAdmin.status, json(unknownAdmin)]).toEqual([404, { type: "not_found", message: NOT_FOUND_MESSAGE }])
        // known routes keep their own answers; the admin's login page still reads the sign-in methods
        expect((await raw(base(), "GET", "/auth/user/providers")).status).toBe(200)
        expect((await raw(base(), "GET", "/health")).status).toBe(200)
        expect((await raw(base(), "GET", "/store/groups", key)).status).toBe(200)
        const unknownGroup = await raw(base(), "GET", "/store/groups/bestaat-niet-123", key)
        expect(unknownGroup.status).toBe(404)
        expect(json(unknownGroup).type).toBe("not_found")
        expect((await raw(base(), "GET", "/admin/groups")).status).toBe(401)
      })
    })

    describe("item 4: the reset-password request", () => {
      it("answers before the work for known and unknown addresses; interleaved timing figures", async () => {
        const container = getContainer()
        const auth = container.resolve(Modules.AUTH)
        const known: string[] = []
        for (let i = 0; i < 40; i++) {
          const email = `bekend-${i}-${Date.now()}@example.nl`
          await auth.register("emailpass", { body: { email, password: "een-wachtwoord-1" } } as any)
          known.push(email)
        }
        const times: Record<"known" | "unknown", Record<string, number[]>> = { known: {}, unknown: {} }
        for (const actor of ["customer", "user"]) {
          times.known[actor] = []
          times.unknown[actor] = []
          for (let i = 0; i < 40; i++) {
            // alternate known and unknown, each from its own address (past the per-address limit)
            for (const kind of (i % 2 ? ["known", "unknown"] : ["unknown", "known"]) as ("known" | "unknown")[]) {
              const identifier = kind === "known" ? known[i] : `onbekend-${actor}-${i}-${Date.now()}@example.nl`
              const started = process.hrtime.bigint()
              const answer = await raw(base(), "POST", `/auth/${actor}/emailpass/reset-password`, { "x-forwarded-for": nextIp() }, { identifier })
              times[kind][actor].push(Number(process.hrtime.bigint() - started) / 1e6)
              expect([kind, answer.status, answer.body]).toEqual([kind, 201, "Created"])
            }
          }
        }
        const figures = Object.fromEntries(
          (["customer", "user"] as const).flatMap((actor) =>
            (["known", "unknown"] as const).map((kind) => [`${actor} ${kind}`, { median: median(times[kind][actor]).toFixed(1), p90: p90(times[kind][actor]).toFixed(1) }])
          )
        )
        // eslint-disable-next-line no-console
        console.log(`reset-password timing (ms, 40 each, alternated): ${JSON.stringify(figures)}`)
      })
    })
  },
})
