/**
 * Area notices through HTTP and the delivery workflow: targeting by municipality and
 * by PC4, exactly one e-mail per group admin however often (or concurrently)
 * delivery runs, planned and withdrawn notices, groups approved later, validation
 * with nothing stored, and a store API without personal data.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { Modules } from "@medusajs/framework/utils"
import { seedShop } from "../../src/seed/seed-shop"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../src/modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../src/modules/neighbourhood-group/service"
import { deliverAreaNoticesWorkflow } from "../../src/workflows/notices/deliver-notices"
import deliverAreaNoticesJob from "../../src/jobs/deliver-area-notices"
import { adminHeaders } from "../utils/admin"
import { readMails, storeHeaders } from "../utils/checkout"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-notices-"))
process.env.MAIL_DIR = MAIL_DIR
process.env.STOREFRONT_URL = "http://shop.test"
delete process.env.SMTP_URL

const DAY = 24 * 60 * 60 * 1000
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString()

type GroupSpec = { key: string; gemeente_code: string; gemeente: string; postcodes: string[]; status?: string; admin_email?: string }

/** Fictional groups: Utrecht (0344), Amsterdam (0363), Rotterdam (0599). */
const GROUPS: GroupSpec[] = [
  { key: "utrecht", gemeente_code: "0344", gemeente: "Utrecht", postcodes: ["3581", "3582"] },
  { key: "utrecht-pending", gemeente_code: "0344", gemeente: "Utrecht", postcodes: ["3583"], status: "pending" },
  { key: "utrecht-no-mail", gemeente_code: "0344", gemeente: "Utrecht", postcodes: ["3584"], admin_email: "" },
  { key: "amsterdam", gemeente_code: "0363", gemeente: "Amsterdam", postcodes: ["1011"] },
  { key: "rotterdam", gemeente_code: "0599", gemeente: "Rotterdam", postcodes: ["3011", "3012"] },
]
const emailOf = (key: string) => `beheer-${key}@example.nl`

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    const ids: Record<string, string> = {}

    const groups = (): NeighbourhoodGroupModuleService => getContainer().resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const post = (url: string, body: unknown, config = admin) => api.post(url, body, config).catch((e: any) => e.response)
    const get = (url: string, config = admin) => api.get(url, config).catch((e: any) => e.response)
    const createNotice = (body: Record<string, unknown>) => post("/admin/notices", body)
    const deliver = async () => (await deliverAreaNoticesWorkflow(getContainer()).run({ input: {} })).result.sent
    const mailsTo = (email: string) => readMails(MAIL_DIR).filter((m) => m.headers.to?.includes(email))
    const noticeCount = async () => (await dbConnection.raw("select count(*)::int as count from area_notice")).rows[0].count as number
    const storeNotices = async (key: string) => {
      const response = await get(`/store/groups/${key}-groep/notices`, store)
      expect(response.status).toBe(200)
      return response.data.notices as any[]
    }

    beforeAll(async () => {
      const container = getContainer()
      await seedShop(container, { storefrontUrl: "http://shop.test" })
      await groups().createMunicipalities(
        [
          ["0344", "Utrecht", "Utrecht"],
          ["0363", "Amsterdam", "Noord-Holland"],
          ["0599", "Rotterdam", "Zuid-Holland"],
        ].map(([code, name, province]) => ({ code, name, slug: name.toLowerCase(), province, lat: 52, lng: 5 }))
      )
      for (const g of GROUPS) {
        const [created] = await groups().createNeighbourhoodGroups([
          {
            name: `Buurtpreventie ${g.key}`,
            slug: `${g.key}-groep`,
            name_key: g.key,
            search_text: g.key,
            gemeente: g.gemeente,
            gemeente_code: g.gemeente_code,
            gemeente_slug: g.gemeente.toLowerCase(),
            woonplaats: g.gemeente,
            postcodes: g.postcodes,
            member_count: 12,
            status: (g.status ?? "approved") as any,
            admin_name: `Beheerder ${g.key}`,
            admin_email: g.admin_email ?? emailOf(g.key),
            admin_phone: "+31612345678",
            accepted_rules: true,
          },
        ])
        ids[g.key] = created.id
      }
      await groups().createPostcodeAreas([
        { pc4: "3581", place: "Utrecht", municipality: "Utrecht", municipality_code: "0344", province: "Utrecht", lat: 52.09, lng: 5.13 },
        { pc4: "3012", place: "Rotterdam", municipality: "Rotterdam", municipality_code: "0599", province: "Zuid-Holland", lat: 51.92, lng: 4.47 },
      ])
      admin = await adminHeaders(api, container, "meldingen@buurtpreventie.test")
    })

    beforeEach(async () => {
      fs.rmSync(MAIL_DIR, { recursive: true, force: true })
      store = await storeHeaders(getContainer())
    })

    afterAll(() => fs.rmSync(MAIL_DIR, { recursive: true, force: true }))

    it("verifies that $overlap on the groups' text[] postcodes works through the generated list method", async () => {
      const found = await groups().listNeighbourhoodGroups(
        { status: "approved", $or: [{ postcodes: { $overlap: ["3012", "9999"] } }] } as any,
        { select: ["id"] }
      )
      expect(found.map((g) => g.id)).toEqual([ids.rotterdam])
    })

    it("mails each approved group admin in the municipality exactly once, however often delivery runs", async () => {
      const response = await createNotice({
        title: "Let op: insluipingen rond de Stationsstraat",
        body: "Sluit ramen en deuren, ook overdag.\nZie je iets verdachts? Bel 112.",
        municipality_codes: ["0344"],
        ends_at: inDays(7),
        author_label: "Wijkagent Utrecht-Oost",
      })
      expect(response.status).toBe(201)
      expect(response.data.notice).toMatchObject({ status: "current", delivery_count: 1, author_label: "Wijkagent Utrecht-Oost" })
      expect(response.data.delivered).toBe(1)

      // again, concurrently, and from the job: nothing more
      expect(await Promise.all([deliver(), deliver(), deliver()])).toEqual([0, 0, 0])
      await deliverAreaNoticesJob(getContainer())

      const mails = readMails(MAIL_DIR)
      expect(mails).toHaveLength(1)
      expect(mails[0].headers.to).toContain(emailOf("utrecht"))
      expect(mails[0].headers.subject).toBe("Melding voor je buurt: Let op: insluipingen rond de Stationsstraat")
      expect(mails[0].text).toContain("Wijkagent Utrecht-Oost heeft een melding")
      expect(mails[0].text).toContain("Sluit ramen en deuren, ook overdag.")
      expect(mails[0].text).toContain("http://shop.test/groepen/utrecht-groep")
      // pending group, group without an admin address, other municipalities: nothing
      for (const key of ["utrecht-pending", "amsterdam", "rotterdam"]) expect(mailsTo(emailOf(key))).toHaveLength(0)

      const { rows } = await dbConnection.raw("select group_id, sent_at from area_notice_delivery")
      expect(rows).toEqual([{ group_id: ids.utrecht, sent_at: expect.any(Date) }])
      const notifications = await getContainer()
        .resolve(Modules.NOTIFICATION)
        .listNotifications({ resource_id: response.data.notice.id })
      expect(notifications.map((n) => [n.to, n.status])).toEqual([[emailOf("utrecht"), "success"]])

      const list = await get("/admin/notices")
      expect(list.status).toBe(200)
      expect(list.data.notices).toEqual([expect.objectContaining({ id: response.data.notice.id, status: "current", delivery_count: 1 })])
    })

    it("targets PC4 areas: a group with an overlapping postcode gets it, the rest of the country does not", async () => {
      const response = await createNotice({ title: "Fietsendiefstal", body: "Meerdere fietsen gestolen bij het station.", postcodes: "3012, 3013 AB", ends_at: inDays(3) })
      expect(response.status).toBe(201)
      expect(response.data.notice.postcodes).toEqual(["3012", "3013"])
      expect(response.data.delivered).toBe(1)
      expect(mailsTo(emailOf("rotterdam"))).toHaveLength(1)
      expect(readMails(MAIL_DIR)).toHaveLength(1)

      expect(await storeNotices("rotterdam")).toHaveLength(1)
      expect(await storeNotices("utrecht")).toEqual([])
      expect(await storeNotices("amsterdam")).toEqual([])
    })

    it("neither delivers nor shows a planned notice until it is current", async () => {
      const response = await createNotice({ title: "Inbraakpreventie-avond", body: "Kom naar het buurthuis.", municipality_codes: ["0363"], starts_at: inDays(1), ends_at: inDays(8) })
      expect(response.status).toBe(201)
      expect(response.data.notice.status).toBe("planned")
      expect(response.data.delivered).toBe(0)
      expect(await deliver()).toBe(0)
      await deliverAreaNoticesJob(getContainer())
      expect(readMails(MAIL_DIR)).toHaveLength(0)
      expect(await storeNotices("amsterdam")).toEqual([])
      expect((await get("/admin/notices?status=planned")).data.notices.map((n: any) => n.id)).toEqual([response.data.notice.id])
      expect((await get("/admin/notices?status=current")).data.notices).toEqual([])

      // it starts now (as the job would find it once the start date passes)
      const updated = await post(`/admin/notices/${response.data.notice.id}`, { starts_at: new Date(Date.now() - 60_000).toISOString() })
      expect(updated.status).toBe(200)
      expect(updated.data.notice.status).toBe("current")
      expect(mailsTo(emailOf("amsterdam"))).toHaveLength(1)
      expect((await storeNotices("amsterdam")).map((n) => n.title)).toEqual(["Inbraakpreventie-avond"])
    })

    it("delivers a current notice to a group approved later, once, from the job", async () => {
      const created = await createNotice({ title: "Oplichters aan de deur", body: "Mensen doen zich voor als monteur.", municipality_codes: ["0344"], ends_at: inDays(5) })
      expect(created.data.delivered).toBe(1)
      await groups().updateNeighbourhoodGroups({ id: ids["utrecht-pending"], status: "approved", approved_at: new Date() })
      await deliverAreaNoticesJob(getContainer())
      await deliverAreaNoticesJob(getContainer())
      expect(mailsTo(emailOf("utrecht-pending"))).toHaveLength(1)
      expect(mailsTo(emailOf("utrecht"))).toHaveLength(1)
      expect((await get(`/admin/notices/${created.data.notice.id}`)).data.notice.delivery_count).toBe(2)
    })

    it("a withdrawn notice disappears from the store API and is not delivered to groups approved later", async () => {
      const created = await createNotice({ title: "Let op: auto-inbraken", body: "Laat niets achter in je auto.", municipality_codes: ["0344"], ends_at: inDays(5) })
      const id = created.data.notice.id
      expect(await storeNotices("utrecht")).toHaveLength(1)

      const withdrawn = await post(`/admin/notices/${id}/withdraw`, {})
      expect(withdrawn.status).toBe(200)
      expect(withdrawn.data.notice).toMatchObject({ status: "withdrawn", withdrawn_at: expect.any(String) })
      expect(await storeNotices("utrecht")).toEqual([])

      await groups().updateNeighbourhoodGroups({ id: ids["utrecht-pending"], status: "approved", approved_at: new Date() })
      expect(await deliver()).toBe(0)
      expect(mailsTo(emailOf("utrecht-pending"))).toHaveLength(0)

      // no second withdrawal, no edits
      expect((await post(`/admin/notices/${id}/withdraw`, {})).status).toBe(400)
      const edit = await post(`/admin/notices/${id}`, { title: "Toch niet" })
      expect(edit.status).toBe(400)
      expect(edit.data.message).toBe("Een ingetrokken melding kan niet meer worden gewijzigd")
      expect((await get("/admin/notices?status=withdrawn")).data.notices.map((n: any) => n.id)).toEqual([id])
    })

    it("refuses invalid notices with a Dutch message per field and stores nothing", async () => {
      const valid = { title: "Melding", body: "Tekst van de melding.", municipality_codes: ["0344"], ends_at: inDays(2) }
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ ...valid, municipality_codes: [] }, "municipality_codes", /minstens één gemeente of postcodegebied/],
        [{ ...valid, starts_at: inDays(3), ends_at: inDays(2) }, "ends_at", /einddatum moet na de begindatum/],
        [{ ...valid, ends_at: new Date(Date.now() - DAY).toISOString() }, "ends_at", /einddatum moet na de begindatum/],
        [{ ...valid, title: "   " }, "title", /Vul een titel in/],
        [{ ...valid, body: "" }, "body", /Schrijf de melding/],
        [{ ...valid, title: "x".repeat(121) }, "title", /hoogstens 120 tekens/],
        [{ ...valid, body: "x".repeat(2001) }, "body", /hoogstens 2000 tekens/],
        [{ ...valid, postcodes: ["35811"] }, "postcodes", /vier cijfers/],
        [{ ...valid, municipality_codes: ["344"] }, "municipality_codes", /vier cijfers/],
        [{ ...valid, municipality_codes: ["9999"] }, "municipality_codes", /Onbekende gemeentecode: 9999/],
        [{ ...valid, ends_at: "volgende week" }, "ends_at", /geldige einddatum/],
        [{ ...valid, ends_at: undefined }, "ends_at", /Vul een einddatum in/],
        [{ ...valid, body: "Doe mee: https://chat.whatsapp.com/AbCdEfGh123" }, "body", /.+/],
        [{ ...valid, created_by: "user_x" }, "created_by", /Onbekend veld/],
      ]
      for (const [body, field, message] of cases) {
        const response = await createNotice(body)
        expect([response.status, response.data.type]).toEqual([400, "invalid_data"])
        expect(response.data.errors?.[field]).toMatch(message)
      }
      expect(await noticeCount()).toBe(0)
      expect(readMails(MAIL_DIR)).toHaveLength(0)

      // an edit is checked against the stored notice
      const created = await createNotice({ ...valid, starts_at: inDays(1), ends_at: inDays(4) })
      const edit = await post(`/admin/notices/${created.data.notice.id}`, { ends_at: inDays(0.5) })
      expect(edit.status).toBe(400)
      expect(edit.data.errors).toEqual({ ends_at: "De einddatum moet na de begindatum liggen" })
      const emptied = await post(`/admin/notices/${created.data.notice.id}`, { municipality_codes: [] })
      expect(emptied.data.errors).toEqual({ municipality_codes: "Kies minstens één gemeente of postcodegebied (PC4)" })
      const stored = (await get(`/admin/notices/${created.data.notice.id}`)).data.notice
      expect(stored.municipality_codes).toEqual(["0344"])
      expect(new Date(stored.ends_at).getTime()).toBeGreaterThan(Date.now() + 3 * DAY)
    })

    it("lists the municipalities for the form's picker", async () => {
      const response = await get("/admin/notices/municipalities")
      expect(response.status).toBe(200)
      expect(response.data.municipalities).toEqual([
        { code: "0363", name: "Amsterdam", province: "Noord-Holland" },
        { code: "0599", name: "Rotterdam", province: "Zuid-Holland" },
        { code: "0344", name: "Utrecht", province: "Utrecht" },
      ])
      expect((await get("/admin/notices/anotc_bestaat_niet")).status).toBe(404)
    })

    it("needs a staff login", async () => {
      expect((await get("/admin/notices", { headers: {} })).status).toBe(401)
      expect((await post("/admin/notices", { title: "x" }, { headers: {} })).status).toBe(401)
    })

    it("the store API returns only the notice's public fields, and only for approved groups", async () => {
      const created = await createNotice({ title: "Let op", body: "Wees alert.", municipality_codes: ["0344"], ends_at: inDays(2), author_label: "Gemeente Utrecht" })
      const response = await get("/store/groups/utrecht-groep/notices", store)
      expect(response.status).toBe(200)
      expect(response.data.notices).toHaveLength(1)
      expect(Object.keys(response.data.notices[0]).sort()).toEqual(["author_label", "body", "ends_at", "id", "starts_at", "title"])
      expect(response.data.notices[0]).toMatchObject({ title: "Let op", body: "Wees alert.", author_label: "Gemeente Utrecht" })
      const raw = JSON.stringify(response.data)
      expect(raw).not.toContain("@")
      expect(raw).not.toContain(created.data.notice.created_by)
      expect(raw).not.toContain("+316")

      expect((await get("/store/groups/utrecht-pending-groep/notices", store)).status).toBe(404)
      expect((await get("/store/groups/bestaat-niet/notices", store)).status).toBe(404)
      expect((await get("/store/groups/utrecht-groep/notices", { headers: {} })).status).toBe(400)
    })

    describe("wijkagent/municipality accounts", () => {
      const ACCOUNT = {
        name: "Jan Agent",
        email: "Wijkagent.Oost@Politie.example",
        organisation: "Wijkagent Utrecht-Oost",
        municipality_codes: ["0344"],
        password: "een-lang-wachtwoord",
      }
      const signIn = async () => {
        const { data } = await api.post("/auth/notice_author/emailpass", { email: "wijkagent.oost@politie.example", password: ACCOUNT.password })
        return { headers: { ...store.headers, authorization: `Bearer ${data.token}` } }
      }
      const valid = { title: "Let op: insluipingen", body: "Sluit ramen en deuren.", ends_at: inDays(3) }

      it("staff create an account that signs in and writes notices only for its own municipalities", async () => {
        const created = await post("/admin/notices/authors", ACCOUNT)
        expect(created.status).toBe(201)
        expect(created.data.author).toMatchObject({ email: "wijkagent.oost@politie.example", organisation: "Wijkagent Utrecht-Oost", municipality_codes: ["0344"] })
        expect(created.data.author).not.toHaveProperty("password")
        expect((await get("/admin/notices/authors")).data.authors.map((a: any) => a.email)).toEqual(["wijkagent.oost@politie.example"])

        const author = await signIn()
        const me = await get("/store/notices/author/me", author)
        expect(me.status).toBe(200)
        expect(me.data).toEqual({
          author: { name: "Jan Agent", email: "wijkagent.oost@politie.example", organisation: "Wijkagent Utrecht-Oost", municipality_codes: ["0344"] },
          notices: [],
        })

        const own = await post("/store/notices/author/notices", { ...valid, municipality_codes: ["0344"] }, author)
        expect(own.status).toBe(201)
        expect(own.data.notice).toMatchObject({ author_label: "Wijkagent Utrecht-Oost", status: "current", delivery_count: 1 })
        expect(own.data.notice).not.toHaveProperty("created_by")
        expect(mailsTo(emailOf("utrecht"))).toHaveLength(1)
        expect((await post("/store/notices/author/notices", { ...valid, postcodes: ["3581"] }, author)).status).toBe(201)

        const foreign = await post("/store/notices/author/notices", { ...valid, municipality_codes: ["0344", "0363"] }, author)
        expect(foreign.status).toBe(400)
        expect(foreign.data.errors).toEqual({ municipality_codes: "Je kunt alleen meldingen plaatsen voor je eigen gemeenten (niet voor 0363)" })
        const foreignPc4 = await post("/store/notices/author/notices", { ...valid, postcodes: ["3581", "3012"] }, author)
        expect(foreignPc4.data.errors).toEqual({ postcodes: "Deze postcodes liggen niet in je gemeenten: 3012" })
        expect((await post("/store/notices/author/notices", { ...valid, author_label: "Politie" }, author)).data.errors).toMatchObject({
          author_label: 'Onbekend veld "author_label"',
        })
        expect(await noticeCount()).toBe(2)

        // it withdraws its own notices only
        const staffNotice = await createNotice({ ...valid, municipality_codes: ["0344"] })
        expect((await post(`/store/notices/author/notices/${staffNotice.data.notice.id}/withdraw`, {}, author)).status).toBe(404)
        const withdrawn = await post(`/store/notices/author/notices/${own.data.notice.id}/withdraw`, {}, author)
        expect([withdrawn.status, withdrawn.data.notice.status]).toEqual([200, "withdrawn"])
        expect((await get("/store/notices/author/me", author)).data.notices.map((n: any) => n.status).sort()).toEqual(["current", "withdrawn"])

        // staff disable the account
        expect((await post(`/admin/notices/authors/${created.data.author.id}/disable`, {})).status).toBe(200)
        const refused = await post("/store/notices/author/notices", { ...valid, municipality_codes: ["0344"] }, author)
        expect([refused.status, refused.data.message]).toEqual([400, "Dit account mag geen meldingen meer plaatsen"])
      })

      it("keeps the actor types apart", async () => {
        await post("/admin/notices/authors", ACCOUNT)
        const author = await signIn()
        expect((await get("/admin/notices", { headers: { authorization: author.headers.authorization } })).status).toBe(401)
        expect((await get("/store/notices/author/me", { headers: { ...store.headers, ...admin.headers } })).status).toBe(401)
        expect((await get("/store/notices/author/me", store)).status).toBe(401)
        const wrong = await api.post("/auth/notice_author/emailpass", { email: "wijkagent.oost@politie.example", password: "fout-wachtwoord" }).catch((e: any) => e.response)
        expect(wrong.status).toBe(401)
      })

      it("refuses invalid accounts with a message per field, and a second account for one e-mail address", async () => {
        const cases: [Record<string, unknown>, string, RegExp][] = [
          [{ ...ACCOUNT, municipality_codes: [] }, "municipality_codes", /minstens één gemeente/],
          [{ ...ACCOUNT, municipality_codes: ["9999"] }, "municipality_codes", /Onbekende gemeentecode: 9999/],
          [{ ...ACCOUNT, password: "kort" }, "password", /minstens 12 tekens/],
          [{ ...ACCOUNT, email: "geen-adres" }, "email", /geldig e-mailadres/],
          [{ ...ACCOUNT, organisation: "" }, "organisation", /organisatie/],
        ]
        for (const [body, field, message] of cases) {
          const response = await post("/admin/notices/authors", body)
          expect(response.status).toBe(400)
          expect(response.data.errors?.[field]).toMatch(message)
        }
        expect((await post("/admin/notices/authors", ACCOUNT)).status).toBe(201)
        const again = await post("/admin/notices/authors", { ...ACCOUNT, name: "Tweede" })
        expect(again.status).toBeGreaterThanOrEqual(400)
        expect(again.data.message).toMatch(/al een meldingenaccount/)
        // the staff login's address is taken by its own identity: no half-made account stays behind
        const staff = await post("/admin/notices/authors", { ...ACCOUNT, email: "meldingen@buurtpreventie.test" })
        expect(staff.status).toBeGreaterThanOrEqual(400)
        expect(staff.data.message).toMatch(/al een login met dit e-mailadres/)
        expect((await get("/admin/notices/authors")).data.authors).toHaveLength(1)
      })
    })
  },
})
