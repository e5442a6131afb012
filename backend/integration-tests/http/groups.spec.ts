/**
 * The group directory's registration, moderation and contact flows through HTTP:
 * validation with a Dutch message per field, honeypot, refusal of WhatsApp invite
 * links, rate limits, confirmation of the admin's address (double opt-in), duplicate detection, the moderation life cycle with its
 * e-mails, the contact relay, and a scan of every store response for the admin's
 * private contact data.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { REFERENCE_DATA_FIXTURE } from "../fixtures/reference-data"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { seedShop } from "../../src/seed/seed-shop"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../src/modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../src/modules/neighbourhood-group/service"
import { parseGeonamesPostalCodes } from "../../src/modules/neighbourhood-group/reference-data/geonames"
import { importReferenceDataWorkflow } from "../../src/workflows/groups/import-reference-data"
import { hashRegistrationToken } from "../../src/workflows/groups/steps/group-registrations"
import { readMails, storeHeaders, waitFor } from "../utils/checkout"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const REFERENCE_FILE = REFERENCE_DATA_FIXTURE
const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-groups-"))
process.env.MAIL_DIR = MAIL_DIR
process.env.STAFF_EMAIL = "moderatie@example.nl"
process.env.STOREFRONT_URL = "http://shop.test"
delete process.env.SMTP_URL

const ADMIN = { email: "staff-groups@example.nl", password: "moderatie-geheim" }

/** A valid registration; tests vary one field at a time. */
const VALID = {
  name: "Buurtpreventie Testlaan e.o.",
  woonplaats: "Utrecht",
  postcodes: ["3581", "3582"],
  member_count: 42,
  admin_name: "Anouk Beheerder",
  admin_email: "anouk.beheerder@example.nl",
  admin_phone: "06 12345678",
  accepted_rules: true,
}

/** Every registration gets its own client IP (Medusa trusts one proxy hop), so rate limits stay per test. */
let ipCounter = 0
const nextIp = () => {
  ipCounter++
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }

    const fromIp = (ip = nextIp()) => ({ headers: { ...store.headers, "x-forwarded-for": ip } })
    const post = (url: string, body: unknown, config = fromIp()) => api.post(url, body, config).catch((e: any) => e.response)
    const get = (url: string, config = fromIp()) => api.get(url, config).catch((e: any) => e.response)
    const register = (body: Record<string, unknown>, config = fromIp()) => post("/store/groups", body, config)
    const groupCount = async () =>
      (await dbConnection.raw("select count(*)::int as count from neighbourhood_group")).rows[0].count as number
    const service = (): NeighbourhoodGroupModuleService => getContainer().resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const notificationsFor = (groupId: string) =>
      getContainer().resolve(Modules.NOTIFICATION).listNotifications({ resource_id: groupId }, { order: { created_at: "ASC" } })
    const groupBySlug = async (slug: string) => (await service().listNeighbourhoodGroups({ slug }))[0]
    const registrationCount = async () =>
      (await dbConnection.raw("select count(*)::int as count from group_registration")).rows[0].count as number

    const usedTokens = new Set<string>()
    /** The newest unused confirmation link's token in the mails to `email` (the .eml in MAIL_DIR). */
    const confirmationToken = (email: string) =>
      waitFor(
        async () =>
          readMails(MAIL_DIR)
            .filter((m) => path.basename(m.file).includes("-group-registration-confirm-") && m.headers.to === email.toLowerCase())
            .map((m) => /\/groepen\/bevestigen\?token=([A-Za-z0-9_-]+)/.exec(m.text)?.[1])
            .filter((t): t is string => Boolean(t) && !usedTokens.has(t!))
            .at(-1),
        { what: `confirmation mail to ${email}` }
      ).then((token) => (usedTokens.add(token), token))
    const confirm = (token: string) => post("/store/groups/registrations/confirm", { token })
    /** The group a confirmed registration became. */
    const groupOfToken = async (token: string) => {
      const [registration] = await service().listGroupRegistrations({ token_hash: hashRegistrationToken(token) })
      return (await service().listNeighbourhoodGroups({ id: registration.group_id! }))[0]
    }
    /** Registers (201), clicks the mailed link (200): the pending group. */
    const registered = async (body: Record<string, unknown>, config = fromIp()) => {
      const response = await register(body, config)
      expect(response.status).toBe(201)
      const token = await confirmationToken(String(body.admin_email))
      expect((await confirm(token)).status).toBe(200)
      return groupOfToken(token)
    }
    /** What staff saw when they opened the group: moderation decisions carry it. */
    const seen = async (id: string) => ({ seen_updated_at: (await api.get(`/admin/groups/${id}`, admin)).data.group.updated_at as string })

    beforeAll(async () => {
      const container = getContainer()
      await seedShop(container, { storefrontUrl: "http://shop.test" })
      const rows = parseGeonamesPostalCodes(fs.readFileSync(REFERENCE_FILE, "utf8"))
      await importReferenceDataWorkflow(container).run({ input: { rows } })
      await createStaffUser(container)
    })

    beforeEach(async () => {
      fs.rmSync(MAIL_DIR, { recursive: true, force: true })
      store = await storeHeaders(getContainer())
      const { data } = await api.post("/auth/user/emailpass", ADMIN)
      admin = { headers: { authorization: `Bearer ${data.token}` } }
    })

    /**
     * The e-mails go out from subscribers after a request has answered. Let them finish
     * before the runner restores the database for the next test: every group's two
     * registration mails are recorded, nothing is pending, and the count stays put.
     */
    afterEach(async () => {
      let last = -1
      let quiet = 0
      await waitFor(
        async () => {
          const { rows } = await dbConnection.raw(
            "select (select count(*) from neighbourhood_group)::int as groups, " +
              "(select count(*) from notification where trigger_type = 'neighbourhood_group.registered')::int as registered, " +
              "(select count(*) from notification where status = 'pending')::int as pending, (select count(*) from notification)::int as total"
          )
          const { groups, registered, pending, total } = rows[0]
          quiet = registered === groups * 2 && pending === 0 && total === last ? quiet + 1 : 0
          last = total
          return quiet >= 3
        },
        { what: "group e-mails to settle", intervalMs: 40 }
      )
    })

    afterAll(() => fs.rmSync(MAIL_DIR, { recursive: true, force: true }))

    describe("registration", () => {
      it("registers a pending group with municipality, point and normalised phone from the reference data, once the address is confirmed", async () => {
        const response = await register(VALID)
        expect(response.status).toBe(201)
        expect(response.data).toEqual({
          registration: { status: "unconfirmed" },
          message: expect.stringContaining("Klik op de link in die e-mail"),
        })
        expect(await groupCount()).toBe(0)
        const token = await confirmationToken(VALID.admin_email)
        const confirmed = await confirm(token)
        expect(confirmed.status).toBe(200)
        expect(confirmed.data).toEqual({ confirmed: true, message: expect.stringContaining("Je e-mailadres is bevestigd") })

        const group = await groupBySlug("buurtpreventie-testlaan-e-o-utrecht")
        expect(group.id).toBe((await groupOfToken(token)).id)
        expect(group).toMatchObject({
          status: "pending",
          gemeente: "Utrecht",
          gemeente_code: "0344",
          gemeente_slug: "utrecht",
          woonplaats: "Utrecht",
          postcodes: ["3581", "3582"],
          member_count: 42,
          admin_phone: "+31612345678",
          accepted_rules: true,
        })
        expect(group.accepted_rules_at).toBeTruthy()
        expect(group.approved_at).toBeNull()
        // the mean of the two PC4 centres in the GeoNames file
        expect(group.lat).toBeCloseTo((52.0904 + 52.0803) / 2, 4)
        expect(group.lng).toBeCloseTo((5.1342 + 5.1318) / 2, 4)

        // pending: not in the directory
        expect((await get(`/store/groups/${group.slug}`)).status).toBe(404)
        expect((await get("/store/groups?q=testlaan")).data.count).toBe(0)

        // e-mails to the admin and to staff
        const notifications = await waitFor(
          async () => {
            const list = await notificationsFor(group.id)
            return list.length === 2 && list.every((n) => n.status === "success") && list
          },
          { what: "registration e-mails" }
        )
        expect(notifications.map((n) => [n.to, n.template, n.channel]).sort()).toEqual([
          ["anouk.beheerder@example.nl", "group-registered-admin", "email"],
          ["moderatie@example.nl", "group-registered-staff", "email"],
        ])
        const mails = mailsIn(MAIL_DIR)
        const toAdmin = mails.find((m) => m.headers.to === "anouk.beheerder@example.nl" && m.file.includes("-group-registered-admin-"))!
        expect(toAdmin.headers.subject).toBe(`We hebben je aanmelding van "${VALID.name}" ontvangen`)
        expect(toAdmin.text).toContain("Deel nooit de uitnodigingslink van je groep")
        const toStaff = mails.find((m) => m.headers.to === "moderatie@example.nl")!
        expect(toStaff.headers.subject).toBe(`Nieuwe buurtgroep wacht op beoordeling: ${VALID.name}`)
        expect(toStaff.text).toContain("Telefoon: +31612345678")
        expect(toStaff.text).toContain(`/app/groups/${group.id}`)
      })

      it.each([
        ["name", { name: undefined }, "Vul de naam van je groep in"],
        ["name", { name: "ab" }, "De naam van je groep moet minstens 3 tekens lang zijn"],
        ["name", { name: "  ab  " }, "De naam van je groep moet minstens 3 tekens lang zijn"],
        ["name", { name: "x".repeat(81) }, "De naam van je groep mag hoogstens 80 tekens lang zijn"],
        ["name", { name: 42 }, "Vul de naam van je groep in"],
        ["woonplaats", { woonplaats: undefined }, "Vul je woonplaats in"],
        ["woonplaats", { woonplaats: "U" }, "Vul je woonplaats in (minstens 2 tekens)"],
        ["postcodes", { postcodes: undefined }, "Vul minstens één postcode in (vier cijfers, bijvoorbeeld 3581)"],
        ["postcodes", { postcodes: [] }, "Vul minstens één postcode in (vier cijfers, bijvoorbeeld 3581)"],
        ["postcodes", { postcodes: ["12"] }, '"12" is geen geldige postcode: gebruik vier cijfers, bijvoorbeeld 3581'],
        ["postcodes", { postcodes: ["0581"] }, '"0581" is geen geldige postcode: gebruik vier cijfers, bijvoorbeeld 3581'],
        ["postcodes", { postcodes: ["3581", "ABCD", "12345"] }, '"ABCD", "12345" zijn geen geldige postcodes'],
        ["postcodes", { postcodes: Array.from({ length: 21 }, (_, i) => String(3500 + i)) }, "Geef hoogstens 20 postcodes op"],
        ["postcodes", { postcodes: ["1000"] }, "Postcode 1000 kennen we niet. Controleer de vier cijfers van je postcode."],
        ["postcodes", { postcodes: ["3581", "1000", "1001"] }, "De postcodes 1000, 1001 kennen we niet"],
        ["member_count", { member_count: undefined }, "Vul het aantal leden in (een getal)"],
        ["member_count", { member_count: 0 }, "Een groep heeft minstens 1 lid"],
        ["member_count", { member_count: 257 }, "Een WhatsApp-groep heeft hoogstens 256 leden"],
        ["member_count", { member_count: 12.5 }, "Het aantal leden is een heel getal"],
        ["member_count", { member_count: "veel" }, "Vul het aantal leden in (een getal)"],
        ["admin_name", { admin_name: undefined }, "Vul je naam in"],
        ["admin_name", { admin_name: "A" }, "Vul je naam in (minstens 2 tekens)"],
        ["admin_email", { admin_email: undefined }, "Vul je e-mailadres in"],
        ["admin_email", { admin_email: "geen-adres" }, "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl"],
        ["admin_email", { admin_email: "anouk@" }, "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl"],
        ["admin_phone", { admin_phone: undefined }, "Vul een telefoonnummer in"],
        ["admin_phone", { admin_phone: "12345" }, "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678"],
        ["admin_phone", { admin_phone: "+31 6 1234" }, "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678"],
        ["accepted_rules", { accepted_rules: undefined }, "Ga akkoord met de gedragsregels om je groep aan te melden"],
        ["accepted_rules", { accepted_rules: false }, "Ga akkoord met de gedragsregels om je groep aan te melden"],
        ["lat", { lat: 52.1 }, "Geef zowel breedtegraad als lengtegraad op"],
        ["lat", { lat: 48.85, lng: 2.35 }, "Dit punt ligt niet in Nederland"],
        ["extra", { extra: "veld" }, 'Onbekend veld "extra"'],
      ])("refuses a bad %s (%j) with a Dutch message for that field and stores nothing", async (field, change, message) => {
        const response = await register({ ...VALID, ...change })
        expect(response.status).toBe(400)
        expect(response.data.type).toBe("invalid_data")
        expect(response.data.errors[field]).toContain(message)
        expect(response.data.message).toContain(message)
        expect(await groupCount()).toBe(0)
        expect(await registrationCount()).toBe(0)
      })

      it("names every wrong field at once", async () => {
        const response = await register({ name: "x", member_count: 300, accepted_rules: false })
        expect(response.status).toBe(400)
        expect(Object.keys(response.data.errors).sort()).toEqual(
          ["accepted_rules", "admin_email", "admin_name", "admin_phone", "member_count", "name", "postcodes", "woonplaats"].sort()
        )
      })

      it("accepts form-style input: numbers and checkbox as strings, postcodes as one string with full postcodes", async () => {
        const group = await registered({
          ...VALID,
          name: "Buurtpreventie Formulierstraat",
          member_count: "17",
          accepted_rules: "on",
          postcodes: "3581 AB, 3582CD 3583",
          admin_phone: "+31 (0)20-1234567".replace("(0)", ""),
        })
        expect(group.postcodes).toEqual(["3581", "3582", "3583"])
        expect(group.member_count).toBe(17)
        expect(group.admin_phone).toBe("+31201234567")
      })

      it("asks for the gemeente when there is no reference data, and takes it from the form", async () => {
        await service().clearReferenceData()
        const without = await register({ ...VALID, postcodes: ["1000"] })
        expect(without.status).toBe(400)
        expect(without.data.errors.gemeente).toBe("Vul de gemeente in waar je groep actief is")
        expect(await groupCount()).toBe(0)

        const group = await registered({ ...VALID, postcodes: ["1000"], gemeente: "Amsterdam", lat: 52.37, lng: 4.89 })
        expect(group).toMatchObject({ gemeente: "Amsterdam", gemeente_slug: "amsterdam", gemeente_code: null, lat: 52.37, lng: 4.89 })
      })

      it("pretends to accept a registration with the honeypot filled, but stores and sends nothing", async () => {
        const response = await register({ ...VALID, website: "https://spam.example" })
        expect(response.status).toBe(201)
        // word for word the answer to a real registration
        expect(response.data).toEqual((await register(VALID)).data)
        expect(await groupCount()).toBe(0)
        expect(await registrationCount()).toBe(1)
        expect(readMails(MAIL_DIR)).toHaveLength(1)
        await dbConnection.raw("delete from group_registration")
        await dbConnection.raw("delete from notification")
        await new Promise((resolve) => setTimeout(resolve, 300))
        expect(await getContainer().resolve(Modules.NOTIFICATION).listNotifications({})).toHaveLength(0)
      })

      it.each([
        ["name", { name: "Buurt https://chat.whatsapp.com/AbCdEf123" }],
        ["name", { name: "Buurtpreventie chat . whatsapp . com/x" }],
        ["woonplaats", { woonplaats: "Utrecht wa.me/31612345678" }],
        ["admin_name", { admin_name: "Anouk (https://wa.me/31612345678)" }],
        ["postcodes", { postcodes: ["3581", "chat.whatsapp.com/Kx9"] }],
        ["website", { website: "https://chat.whatsapp.com/AbC" }],
      ])("refuses a WhatsApp invite link in %s and stores nothing", async (field, change) => {
        const response = await register({ ...VALID, ...change })
        expect(response.status).toBe(400)
        expect(response.data.message).toBe("Deel nooit de uitnodigingslink van je groep")
        expect(response.data.errors[field]).toBe("Deel nooit de uitnodigingslink van je groep")
        expect(await groupCount()).toBe(0)
        expect(await registrationCount()).toBe(0)
      })

      it("does not mistake ordinary names for invite links", async () => {
        const response = await register({ ...VALID, name: "Buurtpreventie Wamel Wa-Meent", woonplaats: "Wamel" })
        expect(response.status).toBe(201)
      })

      it("allows 5 registrations per IP per hour; invalid attempts do not count; other IPs are not affected", async () => {
        const ip = nextIp()
        for (let i = 0; i < 3; i++) expect((await register({ ...VALID, name: "x" }, fromIp(ip))).status).toBe(400)
        for (let i = 0; i < 5; i++) {
          const response = await register({ ...VALID, name: `Buurtpreventie Limietstraat ${i + 1}`, admin_email: `limiet${i}@example.nl` }, fromIp(ip))
          expect(response.status).toBe(201)
        }
        const refused = await register({ ...VALID, name: "Buurtpreventie Limietstraat 6" }, fromIp(ip))
        expect(refused.status).toBe(429)
        expect(refused.data.message).toMatch(/^Je hebt al een paar groepen aangemeld\. Probeer het over \d+ minuten opnieuw\.$/)
        expect(Number(refused.headers["retry-after"])).toBeGreaterThan(3500)
        expect(await registrationCount()).toBe(5)
        expect((await register({ ...VALID, name: "Buurtpreventie Limietstraat 6", admin_email: "limiet6@example.nl" })).status).toBe(201)
      })

      it("registers a second group with the same name for an overlapping area like any other, marked for staff; not when rejected or elsewhere", async () => {
        const firstRow = await registered({ ...VALID, name: "Buurtpreventie Lindenlaan", postcodes: ["3581"] })

        // the answer does not tell whether (or which) other group exists: see security-groups.spec.ts
        const duplicate = await registered({ ...VALID, name: "WhatsApp Buurtpreventie Lindenlaan e.o.", postcodes: ["3583", "3581"] })
        expect(duplicate.possible_duplicate_of).toMatchObject({ id: firstRow.id })
        expect(await groupCount()).toBe(2)

        // the same street name elsewhere is another group
        const elsewhere = await registered({ ...VALID, name: "Buurtpreventie Lindenlaan", postcodes: ["3511"] })
        expect(elsewhere.possible_duplicate_of).toBeNull()

        // a rejected registration is no duplicate of a new one
        await api.post(`/admin/groups/${firstRow.id}/reject`, { reason: "Dubbele aanmelding", ...(await seen(firstRow.id)) }, admin)
        await api.post(`/admin/groups/${duplicate.id}/reject`, { reason: "Dubbele aanmelding", ...(await seen(duplicate.id)) }, admin)
        const again = await registered({ ...VALID, name: "WABP Lindenlaan", postcodes: ["3581"] })
        expect(again.possible_duplicate_of).toBeNull()
      })

      it("of two identical registrations confirmed at the same time, the second is marked as a possible duplicate of the first", async () => {
        const body = { ...VALID, name: "Buurtpreventie Gelijktijdig", postcodes: ["3584"] }
        const responses = await Promise.all([register(body), register(body)])
        expect(responses.map((r) => r.status)).toEqual([201, 201])
        const tokens = [await confirmationToken(VALID.admin_email), await confirmationToken(VALID.admin_email)]
        expect((await Promise.all(tokens.map(confirm))).map((r) => r.status)).toEqual([200, 200])
        const rows = await Promise.all(tokens.map(groupOfToken))
        const marked = rows.filter((r) => r.possible_duplicate_of)
        expect(marked).toHaveLength(1)
        expect(rows.map((r) => r.id)).toContain((marked[0].possible_duplicate_of as any).id)
      })
    })

    describe("moderation", () => {
      const registerAndFind = (body: Record<string, unknown> = VALID) => registered(body)

      it("pending → approved (visible, e-mail) → rejected with reason (hidden, e-mail) → approved → archived (hidden)", async () => {
        const group = await registerAndFind()
        await waitFor(async () => (await notificationsFor(group.id)).length === 2, { what: "registration e-mails" })

        // staff see it in the pending list, with the admin's contact data
        const { data: pending } = await api.get("/admin/groups?status=pending", admin)
        expect(pending.count).toBe(1)
        expect(pending.groups[0]).toMatchObject({ id: group.id, admin_email: VALID.admin_email, admin_phone: "+31612345678" })
        expect((await api.get(`/admin/groups?q=${encodeURIComponent("anouk.beheerder")}`, admin)).data.count).toBe(1)
        expect((await api.get("/admin/groups?status=approved", admin)).data.count).toBe(0)

        const approved = await api.post(`/admin/groups/${group.id}/approve`, await seen(group.id), admin)
        expect(approved.data.group).toMatchObject({ status: "approved", rejection_reason: null })
        expect(approved.data.group.approved_at).toBeTruthy()
        const visible = await get(`/store/groups/${group.slug}`)
        expect(visible.status).toBe(200)
        expect(visible.data.group).toMatchObject({ slug: group.slug, name: VALID.name, gemeente: "Utrecht", member_count: 42 })
        expect((await get("/store/groups?q=testlaan")).data.count).toBe(1)

        const approvalMail = await waitFor(
          async () => (await notificationsFor(group.id)).find((n) => n.template === "group-approved" && n.status === "success"),
          { what: "approval e-mail" }
        )
        expect(approvalMail.to).toBe(VALID.admin_email)
        const approvalEml = mailsIn(MAIL_DIR).find((m) => m.headers.subject === `Je buurtgroep "${VALID.name}" staat op de kaart`)!
        expect(approvalEml.text).toContain(`http://shop.test/groepen/${group.slug}`)

        // rejecting needs a reason
        const noReason = await api.post(`/admin/groups/${group.id}/reject`, await seen(group.id), admin).catch((e: any) => e.response)
        expect(noReason.status).toBe(400)
        const rejected = await api.post(
          `/admin/groups/${group.id}/reject`,
          { reason: "De groep is niet voor een buurt maar voor een vereniging.", ...(await seen(group.id)) },
          admin
        )
        expect(rejected.data.group).toMatchObject({ status: "rejected", rejection_reason: "De groep is niet voor een buurt maar voor een vereniging." })
        expect((await get(`/store/groups/${group.slug}`)).status).toBe(404)
        await waitFor(
          async () => (await notificationsFor(group.id)).some((n) => n.template === "group-rejected" && n.status === "success"),
          { what: "rejection e-mail" }
        )
        const rejectionEml = mailsIn(MAIL_DIR).find((m) => m.headers.subject === `Je aanmelding van "${VALID.name}" is niet goedgekeurd`)!
        expect(rejectionEml.headers.to).toBe(VALID.admin_email)
        expect(rejectionEml.text).toContain("De reden: De groep is niet voor een buurt maar voor een vereniging.")

        // approve again, then archive: gone from the directory
        await api.post(`/admin/groups/${group.id}/approve`, await seen(group.id), admin)
        expect((await get(`/store/groups/${group.slug}`)).status).toBe(200)
        const archived = await api.post(`/admin/groups/${group.id}/archive`, {}, admin)
        expect(archived.data.group.status).toBe("archived")
        expect((await get(`/store/groups/${group.slug}`)).status).toBe(404)
        expect((await get("/store/groups?q=testlaan")).data.count).toBe(0)

        // nonsense transitions are refused in Dutch
        const again = await api.post(`/admin/groups/${group.id}/archive`, {}, admin).catch((e: any) => e.response)
        expect(again.status).toBe(400)
        expect(again.data.message).toBe('Een groep met status "gearchiveerd" kan niet worden gearchiveerd.')
        expect((await api.get(`/admin/groups/${group.id}`, admin)).data.group.status).toBe("archived")
      })

      it("refuses the moderation routes without a staff login", async () => {
        const group = await registerAndFind()
        const response = await api.post(`/admin/groups/${group.id}/approve`, { seen_updated_at: new Date().toISOString() }).catch((e: any) => e.response)
        expect(response.status).toBe(401)
        expect((await groupBySlug(group.slug)).status).toBe("pending")
      })

      it("lets staff edit a group: new postcodes bring their municipality and point; a taken slug is refused", async () => {
        const group = await registerAndFind()
        const other = await registerAndFind({ ...VALID, name: "Buurtpreventie Andere Straat", postcodes: ["3511"] })

        const { data } = await api.post(`/admin/groups/${group.id}`, { postcodes: ["1011"], woonplaats: "Amsterdam", member_count: 99 }, admin)
        expect(data.group).toMatchObject({
          postcodes: ["1011"],
          woonplaats: "Amsterdam",
          gemeente: "Amsterdam",
          gemeente_code: "0363",
          gemeente_slug: "amsterdam",
          member_count: 99,
        })
        expect(data.group.lat).toBeCloseTo(52.371, 4)
        expect(data.group.lng).toBeCloseTo(4.9041, 4)

        const taken = await api.post(`/admin/groups/${group.id}`, { slug: other.slug }, admin).catch((e: any) => e.response)
        expect(taken.status).toBe(400)
        expect(taken.data.errors.slug).toBe(`De slug "${other.slug}" is al in gebruik`)

        const link = await api.post(`/admin/groups/${group.id}`, { name: "Groep chat.whatsapp.com/abc" }, admin).catch((e: any) => e.response)
        expect(link.status).toBe(400)
        expect(link.data.message).toBe("Deel nooit de uitnodigingslink van je groep")

        const tooMany = await api.post(`/admin/groups/${group.id}`, { member_count: 300 }, admin).catch((e: any) => e.response)
        expect(tooMany.status).toBe(400)
        expect(tooMany.data.errors.member_count).toBe("Een WhatsApp-groep heeft hoogstens 256 leden")
        expect((await api.get(`/admin/groups/${group.id}`, admin)).data.group.member_count).toBe(99)
      })
    })

    describe("contact relay", () => {
      const approvedGroup = async () => {
        const group = await registered(VALID)
        await api.post(`/admin/groups/${group.id}/approve`, await seen(group.id), admin)
        await waitFor(async () => (await notificationsFor(group.id)).length === 4, { what: "registration, approval and account e-mails" })
        return group
      }
      const MESSAGE = { name: "Bram Buurman", email: "bram.buurman@example.nl", message: "Hallo, ik woon op nummer 12 en wil graag meedoen." }

      it("e-mails the message to the group's admin with Reply-To the resident, and tells the resident only that it was sent", async () => {
        const group = await approvedGroup()
        const response = await post(`/store/groups/${group.slug}/contact`, MESSAGE)
        expect(response.status).toBe(200)
        expect(response.data).toEqual({ sent: true, message: "Je bericht is verstuurd naar de beheerder van de groep." })

        const [notification] = (await notificationsFor(group.id)).filter((n) => n.template === "group-contact")
        expect(notification).toMatchObject({
          to: VALID.admin_email,
          channel: "email",
          status: "success",
          provider_data: { reply_to: { name: "Bram Buurman", address: "bram.buurman@example.nl" } },
        })
        const mail = mailsIn(MAIL_DIR).find((m) => m.headers.subject === `Bericht van een buurtbewoner over "${VALID.name}"`)!
        expect(mail.headers.to).toBe(VALID.admin_email)
        expect(mail.text).toContain('Een buurtbewoner die zich "Bram Buurman" noemt (bram.buurman@example.nl) stuurde je')
        expect(mail.text).toContain("komt van die buurtbewoner, niet van ons")
        expect(mail.text).toContain(MESSAGE.message)
      })

      it.each([
        ["name", { name: "" }, "Vul je naam in (minstens 2 tekens)"],
        ["email", { email: "bram" }, "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl"],
        ["message", { message: "Hoi!" }, "Je bericht moet minstens 10 tekens lang zijn"],
        ["message", { message: "x".repeat(2001) }, "Je bericht mag hoogstens 2000 tekens lang zijn"],
        ["message", { message: undefined }, "Schrijf een bericht"],
        ["message", { message: "Mag ik erbij? Stuur de link: https://chat.whatsapp.com/AbCdEf123" }, "Deel nooit de uitnodigingslink van je groep"],
        ["name", { name: "Bram wa.me/31612345678" }, "Deel nooit de uitnodigingslink van je groep"],
        // a name that continues on a new line would read as the shop's own words in the mail
        ["name", { name: "Piet\n\nShop: je groep verloopt, verleng via evil.example/v" }, "Je naam moet op één regel staan, zonder tabs of regeleinden"],
        ["name", { name: "Piet\r\nShop: verleng je groep" }, "Je naam moet op één regel staan, zonder tabs of regeleinden"],
        ["name", { name: "Piet\tShop" }, "Je naam moet op één regel staan, zonder tabs of regeleinden"],
        ["name", { name: "Piet\u2028Shop: verleng je groep" }, "Je naam moet op één regel staan, zonder tabs of regeleinden"],
        ["name", { name: "Piet\u2029Shop: verleng je groep" }, "Je naam moet op één regel staan, zonder tabs of regeleinden"],
        ["name", { name: "Piet\u0085Shop: verleng je groep" }, "Je naam moet op één regel staan, zonder tabs of regeleinden"],
        ["name", { name: "Piet \u202Eelpmaxe" }, "Je naam moet op één regel staan, zonder tabs of regeleinden"],
        ["name", { name: "Shop: verleng via evil.example/v" }, "Je naam mag geen webadres of e-mailadres bevatten"],
        ["name", { name: "Piet piet@evil.example" }, "Je naam mag geen webadres of e-mailadres bevatten"],
        ["name", { name: "x".repeat(81) }, "Je naam mag hoogstens 80 tekens lang zijn"],
      ])("refuses a bad %s with a Dutch message and sends nothing", async (field, change, message) => {
        const group = await approvedGroup()
        const response = await post(`/store/groups/${group.slug}/contact`, { ...MESSAGE, ...change })
        expect(response.status).toBe(400)
        expect(response.data.errors[field]).toBe(message)
        expect((await notificationsFor(group.id)).filter((n) => n.template === "group-contact")).toHaveLength(0)
      })

      it("pretends to send with the honeypot filled, and answers 404 for unknown or unapproved groups", async () => {
        const group = await approvedGroup()
        const honeypot = await post(`/store/groups/${group.slug}/contact`, { ...MESSAGE, website: "spam" })
        expect(honeypot.status).toBe(200)
        expect(honeypot.data.sent).toBe(true)
        expect((await post("/store/groups/bestaat-niet/contact", MESSAGE)).status).toBe(404)
        const pending = await registered({ ...VALID, name: "Buurtpreventie Nog Niet", postcodes: ["3512"] })
        expect((await post(`/store/groups/${pending.slug}/contact`, MESSAGE)).status).toBe(404)
        await new Promise((resolve) => setTimeout(resolve, 300))
        expect((await notificationsFor(group.id)).filter((n) => n.template === "group-contact")).toHaveLength(0)
      })

      it("allows 10 messages per IP per hour", async () => {
        const group = await approvedGroup()
        const ip = nextIp()
        for (let i = 0; i < 10; i++) {
          expect((await post(`/store/groups/${group.slug}/contact`, MESSAGE, fromIp(ip))).status).toBe(200)
        }
        const refused = await post(`/store/groups/${group.slug}/contact`, MESSAGE, fromIp(ip))
        expect(refused.status).toBe(429)
        expect(refused.data.message).toMatch(/^Je hebt al veel berichten verstuurd\./)
      })
    })

    describe("privacy", () => {
      it("never shows the admin's name, e-mail address or phone number in any store response", async () => {
        const secret = {
          admin_name: "Geheime Persoonsnaam",
          admin_email: "geheim.adres@example.nl",
          admin_phone: "06 87654321",
        }
        const responses: { what: string; body: unknown }[] = []
        const record = async (what: string, response: any) => {
          responses.push({ what, body: response.data })
          return response
        }

        await record("register", await register({ ...VALID, ...secret }))
        const token = await confirmationToken(secret.admin_email)
        await record("confirm", await confirm(token))
        await record("confirm again", await confirm(token))
        const group = await groupOfToken(token)
        const slug = group.slug
        await record("pending detail", await get(`/store/groups/${slug}`))
        await api.post(`/admin/groups/${group.id}/approve`, await seen(group.id), admin)

        await record("duplicate", await register({ ...VALID, ...secret }))
        await record("list", await get("/store/groups"))
        await record("list q", await get("/store/groups?q=testlaan"))
        await record("list q admin name", await get("/store/groups?q=Persoonsnaam"))
        await record("list gemeente", await get("/store/groups?gemeente=utrecht"))
        await record("list postcode", await get("/store/groups?postcode=3581%20AB"))
        await record("list bbox", await get("/store/groups?bbox=5.0,52.0,5.2,52.2"))
        await record("detail", await get(`/store/groups/${slug}`))
        await record("municipality", await get("/store/municipalities/utrecht"))
        await record("municipalities", await get("/store/municipalities?with_groups=true"))
        await record("contact", await post(`/store/groups/${slug}/contact`, { name: "Bram", email: "bram@example.nl", message: "Mag ik meedoen met de groep?" }))
        await record("contact invalid", await post(`/store/groups/${slug}/contact`, { name: "Bram", email: "bram@example.nl", message: "kort" }))

        // the search for the admin's name finds nothing: it is not searchable in the store
        expect((responses.find((r) => r.what === "list q admin name")!.body as any).count).toBe(0)
        expect((responses.find((r) => r.what === "detail")!.body as any).group.slug).toBe(slug)
        for (const { what, body } of responses) {
          const json = JSON.stringify(body)
          for (const needle of ["geheim.adres", "Geheime", "Persoonsnaam", "87654321", "admin_"]) {
            if (json.includes(needle)) throw new Error(`store response "${what}" contains "${needle}": ${json.slice(0, 300)}`)
          }
        }
      })
    })
  },
})

/** The mails the provider wrote, with RFC 2047 encoded subjects decoded ("=?UTF-8?Q?…?="). */
function mailsIn(dir: string) {
  return readMails(dir).map((mail) => ({
    ...mail,
    headers: { ...mail.headers, subject: decodeWords(mail.headers.subject ?? "") } as Record<string, string>,
  }))
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            "latin1"
          ).toString("utf8")
    )
}

/** A staff user with an e-mail/password login, as `medusa user` creates one. */
async function createStaffUser(container: MedusaContainer) {
  const auth = container.resolve(Modules.AUTH)
  const users = container.resolve(Modules.USER)
  const user = await users.createUsers({ email: ADMIN.email, first_name: "Moderator" })
  const { authIdentity, error } = await auth.register("emailpass", { body: ADMIN } as any)
  if (error || !authIdentity) throw new Error(`Could not create the staff login: ${error}`)
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
}
