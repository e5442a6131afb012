/**
 * GET /store/address-lookup against a Locatieserver-compatible fake on loopback: found,
 * additions, not found, bad input with a Dutch error per field, a slow and a broken
 * service, lookup switched off, and the cache (a repeated address never reaches the
 * service twice; failures are not cached).
 */
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { seedShop } from "../../src/seed/seed-shop"
import { storeHeaders } from "../utils/checkout"
import { startFakePdok, type FakePdok } from "../utils/fake-pdok"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const TIMEOUT_MS = 400
let pdok: FakePdok

beforeAll(async () => {
  pdok = await startFakePdok({ slowMs: 3000 })
  process.env.ADDRESS_LOOKUP_URL = pdok.url
  process.env.ADDRESS_LOOKUP_TIMEOUT_MS = String(TIMEOUT_MS)
})
afterAll(async () => {
  await pdok?.close()
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: { headers: Record<string, string> }
    const lookup = (query: string) => api.get(`/store/address-lookup?${query}`, headers).catch((e: any) => e.response)

    beforeAll(async () => {
      await seedShop(getContainer(), { storefrontUrl: "http://shop.test" })
      headers = await storeHeaders(getContainer())
    })

    beforeEach(() => {
      process.env.ADDRESS_LOOKUP_URL = pdok.url
      pdok.reset()
    })

    it("finds street, town, municipality and point by postcode and house number", async () => {
      const res = await lookup("postcode=5038AB&huisnummer=12")
      expect(res.status).toBe(200)
      expect(res.data).toEqual({
        street: "Piusstraat",
        house_number: 12,
        addition: "",
        postcode: "5038AB",
        city: "Tilburg",
        municipality: "Tilburg",
        lat: 51.56123,
        lng: 5.07412,
      })
      // asked the way Locatieserver's free endpoint expects it
      expect(pdok.requests).toHaveLength(1)
      expect(pdok.requests[0].filters).toEqual({ type: "adres", postcode: "5038AB", huisnummer: "12" })
    })

    it("accepts the postcode as people type it (space, lower case)", async () => {
      const res = await lookup(`postcode=${encodeURIComponent(" 3581 kp ")}&huisnummer=5`)
      expect(res.status).toBe(200)
      expect(res.data).toMatchObject({ street: "Biltstraat", city: "Utrecht", postcode: "3581KP" })
    })

    it("matches a huisletter and a huisnummertoevoeging", async () => {
      const letter = await lookup("postcode=5038AB&huisnummer=12&toevoeging=a")
      expect(letter.status).toBe(200)
      expect(letter.data).toMatchObject({ street: "Piusstraat", house_number: 12, addition: "A", lat: 51.56129, lng: 5.07418 })

      const suffix = await lookup("postcode=5038AB&huisnummer=14&toevoeging=-2")
      expect(suffix.status).toBe(200)
      expect(suffix.data).toMatchObject({ house_number: 14, addition: "2" })

      // a number that only exists with an addition: street and town are still right
      const onlyWithAddition = await lookup("postcode=5038AB&huisnummer=14")
      expect(onlyWithAddition.status).toBe(200)
      expect(onlyWithAddition.data).toMatchObject({ street: "Piusstraat", house_number: 14, addition: "" })
    })

    it("says in Dutch when the address does not exist, also for an unknown addition", async () => {
      const missing = await lookup("postcode=5038AB&huisnummer=99")
      expect(missing.status).toBe(404)
      expect(missing.data).toEqual({
        type: "not_found",
        message: "We vinden geen adres met postcode 5038 AB en huisnummer 99. Controleer ze, of vul je straat en plaats zelf in.",
      })
      const addition = await lookup("postcode=5038AB&huisnummer=12&toevoeging=Z")
      expect(addition.status).toBe(404)
      expect(addition.data.message).toContain("huisnummer 12 Z")
    })

    it("refuses bad input with a Dutch error per field, without asking the service", async () => {
      const res = await lookup("postcode=50388&huisnummer=12a&toevoeging=%3Cscript%3E")
      expect(res.status).toBe(400)
      expect(res.data.type).toBe("invalid_data")
      expect(res.data.errors).toEqual({
        postcode: "Vul een Nederlandse postcode in: vier cijfers en twee letters, bijvoorbeeld 5038 AB",
        huisnummer: "Het huisnummer bestaat alleen uit cijfers, bijvoorbeeld 12. Zet een letter of toevoeging in het veld Toevoeging",
        toevoeging: "Een toevoeging bestaat uit letters en cijfers, bijvoorbeeld A of 1",
      })

      const empty = await lookup("")
      expect(empty.status).toBe(400)
      expect(empty.data.errors).toEqual({ postcode: "Vul je postcode in, bijvoorbeeld 5038 AB", huisnummer: "Vul je huisnummer in" })

      const unknown = await lookup("postcode=5038AB&huisnummer=12&q=*")
      expect(unknown.status).toBe(400)
      expect(unknown.data.errors).toEqual({ q: 'Onbekend veld "q"' })
      expect(pdok.requests).toHaveLength(0)
    })

    it("answers a repeated address from its cache, found or not found", async () => {
      const first = await lookup("postcode=1012LG&huisnummer=1")
      expect(first.status).toBe(200)
      expect(first.headers["x-address-cache"]).toBe("miss")
      const again = await lookup("postcode=1012%20lg&huisnummer=1")
      expect(again.status).toBe(200)
      expect(again.headers["x-address-cache"]).toBe("hit")
      expect(again.data).toEqual(first.data)

      expect((await lookup("postcode=1012LG&huisnummer=2")).status).toBe(404)
      expect((await lookup("postcode=1012LG&huisnummer=2")).status).toBe(404)
      expect(pdok.requests).toHaveLength(2)
    })

    it("gives up on a slow service after the timeout and lets the shopper type the address", async () => {
      const started = Date.now()
      const res = await lookup("postcode=9998ZZ&huisnummer=1")
      const took = Date.now() - started
      expect(res.status).toBe(503)
      expect(res.data).toEqual({ type: "unavailable", message: "Adres opzoeken lukt nu niet. Vul je straat en plaats zelf in." })
      expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50)
      expect(took).toBeLessThan(2500)
    })

    it("answers 503 when the service is down or unreachable, and does not cache the failure", async () => {
      const down = await lookup("postcode=9999ZZ&huisnummer=1")
      expect(down.status).toBe(503)
      expect(down.data.message).toBe("Adres opzoeken lukt nu niet. Vul je straat en plaats zelf in.")
      expect((await lookup("postcode=9999ZZ&huisnummer=1")).status).toBe(503)
      expect(pdok.requests).toHaveLength(2)

      // nothing listens on the fake's port once it is closed: connection refused
      const closed = await startFakePdok()
      const refusedUrl = closed.url
      await closed.close()
      process.env.ADDRESS_LOOKUP_URL = refusedUrl
      const refused = await lookup("postcode=3581KP&huisnummer=5")
      expect(refused.status).toBe(503)
      expect(refused.data.type).toBe("unavailable")
    })

    it("limits lookups per visitor address with a Dutch 429 and Retry-After; other visitors are not affected", async () => {
      // setup.js trusts loopback proxies, so X-Forwarded-For stands for distinct visitors here
      const from = (address: string) => ({ headers: { ...headers.headers, "x-forwarded-for": address } })
      const ask = (address: string) => api.get("/store/address-lookup?postcode=5038AB&huisnummer=12", from(address)).catch((e: any) => e.response)
      for (let i = 0; i < 120; i++) expect((await ask("203.0.113.21")).status).toBe(200)
      const refused = await ask("203.0.113.21")
      expect(refused.status).toBe(429)
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)
      expect(refused.data.message).toMatch(/^Te veel adressen opgezocht\. Vul straat en plaats zelf in, of probeer het over \d+ minuten? opnieuw\.$/)
      expect((await ask("203.0.113.22")).status).toBe(200)
    })

    it("is switched off by an empty ADDRESS_LOOKUP_URL", async () => {
      process.env.ADDRESS_LOOKUP_URL = ""
      const res = await lookup("postcode=5038AB&huisnummer=12")
      expect(res.status).toBe(503)
      expect(res.data).toEqual({ type: "unavailable", message: "Adres opzoeken staat uit. Vul je straat en plaats zelf in." })
      expect(pdok.requests).toHaveLength(0)
    })
  },
})
