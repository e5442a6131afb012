/**
 * Locations that are right (#28): a registration whose point lies far from its own
 * postcodes is refused until the registrant confirms it (Dutch, with the distance), in the
 * same answer as every other field error; staff see the point against the postcode
 * centres with the same warning; a postcode search lists the groups covering that
 * postcode first, then the others nearest first.
 */
import fs from "node:fs"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { REFERENCE_DATA_FIXTURE } from "../fixtures/reference-data"
import { seedShop } from "../../src/seed/seed-shop"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../src/modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../src/modules/neighbourhood-group/service"
import { parseGeonamesPostalCodes } from "../../src/modules/neighbourhood-group/reference-data/geonames"
import { distanceKm } from "../../src/modules/neighbourhood-group/utils/geo"
import { importReferenceDataWorkflow } from "../../src/workflows/groups/import-reference-data"
import { readMails, storeHeaders, waitFor } from "../utils/checkout"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const MAIL_DIR = fs.mkdtempSync("/tmp/bp-mail-places-")
process.env.MAIL_DIR = MAIL_DIR
process.env.STOREFRONT_URL = "http://shop.test"
delete process.env.SMTP_URL

const ADMIN = { email: "staff-places@example.nl", password: "plekken-geheim" }
const UTRECHT_3581 = { lat: 52.0904, lng: 5.1342 }
/** Amsterdam centre: about 35 km from Utrecht's 3581/3582 */
const AMSTERDAM = { lat: 52.3731, lng: 4.8922 }

const VALID = {
  name: "Buurtpreventie Plekkenlaan",
  woonplaats: "Utrecht",
  postcodes: ["3581", "3582"],
  member_count: 30,
  admin_name: "Pim Plek",
  admin_email: "pim.plek@example.nl",
  admin_phone: "06 12345678",
  accepted_rules: true,
}

let ipCounter = 0
const nextIp = () => `10.28.${(++ipCounter >> 8) & 255}.${ipCounter & 255}`

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: { headers: Record<string, string> }
    const register = (body: Record<string, unknown>) =>
      api.post("/store/groups", body, { headers: { ...store.headers, "x-forwarded-for": nextIp() } }).catch((e: any) => e.response)
    const get = (url: string) => api.get(url, store).catch((e: any) => e.response)
    const service = (): NeighbourhoodGroupModuleService => getContainer().resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const approvedGroup = (slug: string, postcodes: string[], point: { lat: number; lng: number }) => ({
      name: slug.replace(/-/g, " "),
      slug,
      name_key: slug.replace(/-/g, " "),
      search_text: slug.replace(/-/g, " "),
      gemeente: "Utrecht",
      gemeente_slug: "utrecht",
      woonplaats: "Utrecht",
      postcodes,
      member_count: 10,
      status: "approved",
      admin_name: "Test",
      admin_email: `${slug}@example.nl`,
      admin_phone: "0612345678",
      accepted_rules: true,
      ...point,
    })

    beforeAll(async () => {
      const container = getContainer()
      await seedShop(container, { storefrontUrl: "http://shop.test" })
      const rows = parseGeonamesPostalCodes(fs.readFileSync(REFERENCE_DATA_FIXTURE, "utf8"))
      await importReferenceDataWorkflow(container).run({ input: { rows } })
      await createStaffUser(container)
    })

    beforeEach(async () => {
      store = await storeHeaders(getContainer())
    })

    describe("registration with a point far from the postcodes", () => {
      it("refuses it with the distance in Dutch and code far_point, and accepts it once confirmed", async () => {
        const far = await register({ ...VALID, ...AMSTERDAM })
        expect(far.status).toBe(400)
        expect(far.data.code).toBe("far_point")
        const km = Math.round(distanceKm(AMSTERDAM, { lat: 52.0968, lng: 5.1395 }))
        expect(far.data.far_point).toEqual({ distance_km: expect.any(Number), postcode: expect.stringMatching(/^358[12]$/) })
        expect(Math.abs(far.data.far_point.distance_km - km)).toBeLessThanOrEqual(2)
        expect(far.data.errors.lat).toBe(
          `Het punt op de kaart ligt ${far.data.far_point.distance_km} km van postcode ${far.data.far_point.postcode}. Klopt dat? ` +
            "Verschuif de speld naar je buurt, of vink aan dat het punt klopt."
        )

        const confirmed = await register({ ...VALID, ...AMSTERDAM, confirm_far_point: "on" })
        expect(confirmed.status).toBe(201)
      })

      it("accepts a point near the postcodes without any confirmation, and no point at all", async () => {
        expect((await register({ ...VALID, admin_email: "near@example.nl", ...UTRECHT_3581 })).status).toBe(201)
        expect((await register({ ...VALID, admin_email: "nopoint@example.nl" })).status).toBe(201)
      })

      it("names the far point together with every other wrong field, in one answer", async () => {
        const response = await register({ postcodes: "3581", lat: String(AMSTERDAM.lat), lng: String(AMSTERDAM.lng), member_count: 300 })
        expect(response.status).toBe(400)
        expect(Object.keys(response.data.errors).sort()).toEqual(
          ["accepted_rules", "admin_email", "admin_name", "admin_phone", "lat", "member_count", "name", "woonplaats"].sort()
        )
        expect(response.data.errors.lat).toMatch(/^Het punt op de kaart ligt \d+ km van postcode 3581\. Klopt dat\?/)
        expect(response.data.code).toBe("far_point")
      })

      it("names a point outside the Netherlands together with every other wrong field", async () => {
        const response = await register({ name: "x", lat: 48.85, lng: 2.35 })
        expect(response.status).toBe(400)
        expect(response.data.errors.lat).toBe("Dit punt ligt niet in Nederland")
        expect(response.data.errors.name).toBeDefined()
        expect(response.data.errors.postcodes).toBeDefined()
      })
    })

    describe("staff", () => {
      it("see the point, the postcode centres and the same warning for a far point", async () => {
        const [group] = await service().createNeighbourhoodGroups([approvedGroup("ver-weg-groep", ["3581", "3582"], AMSTERDAM) as any])
        const { data } = await api.post("/auth/user/emailpass", ADMIN)
        const admin = { headers: { authorization: `Bearer ${data.token}` } }
        const { data: body } = await api.get(`/admin/groups/${group.id}`, admin)
        expect(body.group.point_check.centres.map((c: any) => c.pc4)).toEqual(["3581", "3582"])
        expect(body.group.point_check.centres[0]).toMatchObject({ pc4: "3581", lat: 52.0904, lng: 5.1342 })
        expect(body.group.point_check.far).toMatchObject({ pc4: expect.stringMatching(/^358[12]$/) })
        expect(body.group.point_check.far.message).toMatch(/^Het punt op de kaart ligt 3\d km van postcode 358[12]\. Klopt dat\?$/)

        const [near] = await service().createNeighbourhoodGroups([approvedGroup("dichtbij-groep", ["3581"], UTRECHT_3581) as any])
        expect((await api.get(`/admin/groups/${near.id}`, admin)).data.group.point_check.far).toBeNull()
      })

      it("see the far point in the list too, before they approve from it", async () => {
        const [far, near, none] = await service().createNeighbourhoodGroups([
          { ...approvedGroup("lijst-ver-weg", ["3581", "3582"], AMSTERDAM), status: "pending" } as any,
          { ...approvedGroup("lijst-dichtbij", ["3581"], UTRECHT_3581), status: "pending" } as any,
          { ...approvedGroup("lijst-zonder-punt", ["3581"], { lat: null, lng: null } as any), status: "pending" } as any,
        ])
        const { data } = await api.post("/auth/user/emailpass", ADMIN)
        const admin = { headers: { authorization: `Bearer ${data.token}` } }
        const { data: list } = await api.get("/admin/groups?status=pending&limit=50", admin)
        const row = (id: string) => list.groups.find((g: any) => g.id === id)
        expect(row(far.id).point_far).toEqual({ distance_km: expect.any(Number), pc4: expect.stringMatching(/^358[12]$/) })
        expect(row(far.id).point_far.distance_km).toBeGreaterThan(30)
        // the same distance as the detail page's warning
        const detail = (await api.get(`/admin/groups/${far.id}`, admin)).data.group.point_check.far
        expect(row(far.id).point_far).toEqual({ distance_km: detail.distance_km, pc4: detail.pc4 })
        expect(row(near.id).point_far).toBeNull()
        expect(row(none.id).point_far).toBeNull()
        // a list that asks only for ids is not judged
        const { data: ids } = await api.get("/admin/groups?status=pending&fields=id", admin)
        expect(ids.groups[0]).toEqual({ id: expect.any(String) })
      })

      it("are told in the registration e-mail that the point lies far off and that the registrant confirmed it", async () => {
        const email = "ver.weg.mail@example.nl"
        const response = await register({ ...VALID, name: "Buurtpreventie Verweglaan", admin_email: email, ...AMSTERDAM, confirm_far_point: "on" })
        expect(response.status).toBe(201)
        const token = await waitFor(
          async () =>
            readMails(MAIL_DIR)
              .filter((m) => m.file.includes("-group-registration-confirm-") && m.headers.to === email)
              .map((m) => /\/groepen\/bevestigen\?token=([A-Za-z0-9_-]+)/.exec(m.text)?.[1])
              .at(-1),
          { what: "confirmation mail" }
        )
        expect((await api.post("/store/groups/registrations/confirm", { token }, store)).status).toBe(200)
        const staffMail = await waitFor(
          async () => readMails(MAIL_DIR).find((m) => m.file.includes("-group-registered-staff-") && m.text.includes("Verweglaan")),
          { what: "staff mail" }
        )
        const text = staffMail.text.replace(/\s+/g, " ")
        expect(text).toMatch(
          /Let op: het punt op de kaart ligt 3\d km van de postcodes van de groep \(het dichtst bij 358[12]\)\. De aanmelder heeft bevestigd dat het punt klopt; bekijk de kaart voordat je de groep goedkeurt\./
        )

        // a near point: no such line
        const nearEmail = "dichtbij.mail@example.nl"
        expect((await register({ ...VALID, name: "Buurtpreventie Dichtbijlaan", admin_email: nearEmail, ...UTRECHT_3581 })).status).toBe(201)
        const nearToken = await waitFor(
          async () =>
            readMails(MAIL_DIR)
              .filter((m) => m.file.includes("-group-registration-confirm-") && m.headers.to === nearEmail)
              .map((m) => /\/groepen\/bevestigen\?token=([A-Za-z0-9_-]+)/.exec(m.text)?.[1])
              .at(-1),
          { what: "confirmation mail" }
        )
        expect((await api.post("/store/groups/registrations/confirm", { token: nearToken }, store)).status).toBe(200)
        const nearMail = await waitFor(
          async () => readMails(MAIL_DIR).find((m) => m.file.includes("-group-registered-staff-") && m.text.includes("Dichtbijlaan")),
          { what: "staff mail" }
        )
        expect(nearMail.text).not.toContain("Let op: het punt")
      })
    })

    describe("postcode search", () => {
      it("lists the groups that cover the postcode first, even with a far pin, then the others nearest first", async () => {
        await service().createNeighbourhoodGroups([
          // covers 3581 but its pin is in Amsterdam
          approvedGroup("dekt-3581-ver-weg", ["3581"], AMSTERDAM),
          // near 3581 but does not cover it
          approvedGroup("naast-3581-a", ["3582"], { lat: 52.0910, lng: 5.1350 }),
          approvedGroup("naast-3581-b", ["3583"], { lat: 52.0950, lng: 5.1400 }),
          approvedGroup("dekt-3581-dichtbij", ["3581", "3582"], { lat: 52.0920, lng: 5.1300 }),
          approvedGroup("groningen", ["9711"], { lat: 53.2166, lng: 6.5695 }),
        ] as any)

        const { data } = await get("/store/groups?postcode=3581&limit=10")
        expect(data.count).toBe(5)
        expect(data.groups.map((g: any) => g.slug)).toEqual([
          "dekt-3581-dichtbij",
          "dekt-3581-ver-weg",
          "naast-3581-a",
          "naast-3581-b",
          "groningen",
        ])
        expect(data.groups.map((g: any) => g.covers_postcode)).toEqual([true, true, false, false, false])

        // pages split across the covering and the other groups stay in the same order
        const pages: any[] = []
        for (const offset of [0, 1, 2, 3, 4]) pages.push(...(await get(`/store/groups?postcode=3581&limit=1&offset=${offset}`)).data.groups)
        expect(pages.map((g: any) => g.slug)).toEqual(data.groups.map((g: any) => g.slug))
        const middle = (await get("/store/groups?postcode=3581&limit=2&offset=1")).data.groups
        expect(middle.map((g: any) => g.slug)).toEqual(["dekt-3581-ver-weg", "naast-3581-a"])
      })
    })
  },
})

async function createStaffUser(container: MedusaContainer) {
  const auth = container.resolve(Modules.AUTH)
  const users = container.resolve(Modules.USER)
  const user = await users.createUsers({ email: ADMIN.email, first_name: "Plekken" })
  const { authIdentity, error } = await auth.register("emailpass", { body: ADMIN } as any)
  if (error || !authIdentity) throw new Error(`Could not create the staff login: ${error}`)
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
}
