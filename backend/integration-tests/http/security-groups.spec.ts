/**
 * Issue 15, items 6 and 7, replayed against the real app (HTTP, PostgreSQL, e-mails):
 *
 * - An approved group's admin renames or moves it on "Mijn groep": the public listing
 *   and search stay as staff approved them until staff approve the change; staff see
 *   old → new and approve or reject it.
 * - WhatsApp invite links hidden with lookalike dots, zero-width characters, soft
 *   hyphens, full-width letters or spaces are refused on every surface (registration,
 *   Mijn groep, staff admin).
 * - A registration that duplicates a pending or approved group gets exactly the answer
 *   of a new one (never the other group's name or slug); staff are told.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { groupBody, useGroupAccountsKit } from "../utils/group-accounts"
import { createGroupsWorkflow } from "../../src/workflows/groups/create-groups"
import { expireGroupRegistrationsWorkflow } from "../../src/workflows/groups/expire-group-registrations"
import { readMails } from "../utils/checkout"

// generous: the database setup (migrations, seed, reference data) shares a busy machine
jest.setTimeout(360 * 1000)

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-security-groups-"))
process.env.MAIL_DIR = MAIL_DIR
process.env.STAFF_EMAIL = "moderatie@example.nl"
process.env.STOREFRONT_URL = "http://shop.test"
process.env.MEDUSA_ADMIN_URL = "http://admin.test"
delete process.env.SMTP_URL

const INVITE_LINK_MESSAGE = "Deel nooit de uitnodigingslink van je groep"
const REGISTERED_MESSAGE =
  "Bijna klaar! We hebben je een e-mail gestuurd. Klik op de link in die e-mail om je e-mailadres te bevestigen; " +
  "pas daarna bekijken we je aanmelding. De link is 48 uur geldig."

/** Great-circle distance in km (the store API's own formula), from a group's public point to an origin. */
function haversineKm(lat: number, lng: number, origin: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180
  const a = Math.sin(rad(lat - origin.lat) / 2) ** 2 + Math.cos(rad(origin.lat)) * Math.cos(rad(lat)) * Math.sin(rad(lng - origin.lng) / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)))
}

/** Invite links as someone would write them to get past a filter. */
const HOSTILE_LINKS = [
  "Buurt wa\u3002me/31612345678",
  "Buurt chat\uFF0Ewhatsapp\uFF0Ecom/AbCdEf",
  "Buurt chat\uFF61whatsapp\uFF61com/AbCdEf",
  "Buurt chat.whats\u200Bapp.com/AbCdEf",
  "Buurt chat.what\u00ADsapp.com/AbCdEf",
  "Buurt w\u2060a.m\uFEFFe/31612345678",
  "Buurt \uFF57\uFF41\uFF0E\uFF4D\uFF45/31612345678",
  "Buurt chat . whatsapp . com/AbCdEf",
  "Buurt CHAT.WHATSAPP.COM/ABCDEF",
  "Buurt WA.ME/31612345678",
]

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    const kit = useGroupAccountsKit({ api, getContainer, dbConnection, mailDir: MAIL_DIR, ipPrefix: "10.88" })
    const { admin, call, get, post, register, service, approvedGroup, signedInAdmin, sentNotification, adminGroup } = kit
    /** What staff saw when they opened the group's page: moderation decisions carry it. */
    const seen = async (id: string) => ({ seen_updated_at: (await adminGroup(id)).updated_at as string })
    const groupCount = async () => (await dbConnection.raw("select count(*)::int as count from neighbourhood_group")).rows[0].count

    /** The e-mail of `template` about a group once sent, with its subject and text (the .eml in MAIL_DIR). */
    const mailAbout = async (groupId: string, template: string) => {
      const sent = await sentNotification(groupId, template)
      // staff mails share one address: theirs is the one whose first admin link is this group
      const firstGroupLink = (text: string) => /\/app\/groups\/([A-Za-z0-9_]+)/.exec(text)?.[1]
      const file = readMails(MAIL_DIR)
        .filter((m) => m.file.includes(`-${template}-`) && m.headers.to === sent.to)
        .find((m, _, all) => all.length === 1 || firstGroupLink(m.text) === groupId)
      if (!file) throw new Error(`no .eml for ${template} to ${sent.to}`)
      return { to: sent.to, subject: (sent.data as any).subject as string, text: file.text }
    }
    const publicGroup = async (slug: string) => (await get(`/store/groups/${slug}`)).data.group
    /** The group a registration became once its admin confirmed the mailed link. */
    const confirmed = async (email: string) => {
      const token = await kit.confirmationToken(email)
      expect((await kit.confirmRegistration(token)).status).toBe(200)
      return kit.groupOfToken(token)
    }
    const search = async (query: string) => (await get(`/store/groups?${query}`)).data.groups.map((g: any) => g.slug)

    describe("an approved listing changes name or location only after staff review", () => {
      it("a rename and move on Mijn groep waits; the public page and every search show the old listing until staff approve", async () => {
        const { row, headers } = await signedInAdmin("femke@example.nl", "Buurtpreventie Oudelaan")
        const edit = await post(
          `/store/my-group/groups/${row.id}`,
          { name: "Buurtpreventie Nieuwelaan", woonplaats: "Amsterdam", postcodes: "1011, 1012", member_count: 57 },
          headers
        )
        expect(edit.status).toBe(200)
        // the admin sees their own group unchanged, the member count applied, and what waits for review
        expect(edit.data.group).toMatchObject({ name: "Buurtpreventie Oudelaan", postcodes: ["3581"], member_count: 57, status: "approved" })
        const waiting = edit.data.group.pending_changes
        expect(waiting.requested_at).toEqual(expect.any(String))
        expect(Object.fromEntries(waiting.changes.map((c: any) => [c.field, [c.from, c.to]]))).toMatchObject({
          name: ["Buurtpreventie Oudelaan", "Buurtpreventie Nieuwelaan"],
          woonplaats: ["Utrecht", "Amsterdam"],
          gemeente: ["Utrecht", "Amsterdam"],
          postcodes: [["3581"], ["1011", "1012"]],
        })
        expect(waiting).not.toHaveProperty("possible_duplicate_of")

        // the attack: the new name and place must not be public yet
        expect(await publicGroup(row.slug)).toMatchObject({ name: "Buurtpreventie Oudelaan", woonplaats: "Utrecht", postcodes: ["3581"], member_count: 57 })
        expect(await search("q=Nieuwelaan")).toEqual([])
        expect(await search("q=Oudelaan")).toEqual([row.slug])
        expect(await search("gemeente=amsterdam")).toEqual([])
        const nearAmsterdam = (await get("/store/groups?postcode=1011")).data.groups.find((g: any) => g.slug === row.slug)
        expect(nearAmsterdam.covers_postcode).toBe(false)
        expect(nearAmsterdam.distance_km).toBeGreaterThan(20)
        expect(await search("bbox=4.85,52.35,4.93,52.39")).toEqual([])
        expect(await search("bbox=5.0,52.0,5.2,52.2")).toContain(row.slug)

        // staff find it among the changes to review, old → new
        const list = await call(api.get("/admin/groups?has_pending_changes=true", admin))
        expect(list.data.groups.map((g: any) => g.id)).toEqual([row.id])
        expect(list.data.groups[0].pending_changes.changes).toEqual(waiting.changes)
        expect((await call(api.get("/admin/groups?has_pending_changes=false", admin))).data.groups.map((g: any) => g.id)).not.toContain(row.id)

        const approved = await call(api.post(`/admin/groups/${row.id}/changes/approve`, await seen(row.id), admin))
        expect(approved.status).toBe(200)
        expect(approved.data.group).toMatchObject({ name: "Buurtpreventie Nieuwelaan", gemeente: "Amsterdam", pending_changes: null, changes_requested_at: null })
        expect(await publicGroup(row.slug)).toMatchObject({ name: "Buurtpreventie Nieuwelaan", woonplaats: "Amsterdam", gemeente: "Amsterdam", postcodes: ["1011", "1012"] })
        expect(await search("q=Nieuwelaan")).toEqual([row.slug])
        expect(await search("q=Oudelaan")).toEqual([])
        expect(await search("bbox=4.85,52.35,4.93,52.39")).toEqual([row.slug])
        expect((await get("/store/my-group", headers)).data.groups[0].pending_changes).toBeNull()

        // nothing left to approve
        const again = await call(api.post(`/admin/groups/${row.id}/changes/approve`, await seen(row.id), admin))
        expect(again.status).toBe(400)
        expect(again.data.message).toBe("Voor deze groep wacht geen wijziging op beoordeling.")
      })

      it("moving the point waits too; staff reject it and the admin is told; resubmitting the live values withdraws a request", async () => {
        const { row, headers } = await signedInAdmin("gijs@example.nl", "Buurtpreventie Puntlaan")
        const before = await publicGroup(row.slug)
        const staffBefore = await adminGroup(row.id)
        const edit = (body: unknown) => post(`/store/my-group/groups/${row.id}`, body, headers)

        expect((await edit({ lat: "51,05", lng: "3,72" })).status).toBe(200)
        expect(await publicGroup(row.slug)).toMatchObject({ lat: before.lat, lng: before.lng })
        const [stored] = await service().listNeighbourhoodGroups({ id: row.id })
        expect((stored.pending_changes as any).changes.map((c: any) => c.field)).toEqual(["lat", "lng"])

        const rejected = await call(
          api.post(`/admin/groups/${row.id}/changes/reject`, { reason: "Dit punt ligt buiten je buurt.", ...(await seen(row.id)) }, admin)
        )
        expect(rejected.status).toBe(200)
        // staff's answer has the precise point, which did not move
        expect(rejected.data.group).toMatchObject({ pending_changes: null, lat: staffBefore.lat, lng: staffBefore.lng })
        const mail = await mailAbout(row.id, "group-changes-rejected")
        expect(mail.to).toBe("gijs@example.nl")
        expect(mail.subject).toBe('Je wijziging van "Buurtpreventie Puntlaan" is niet overgenomen')
        expect(mail.text).toContain("De reden: Dit punt ligt buiten je buurt.")

        // ask again, then send the live values (a full form post with nothing changed): no change waits
        expect((await edit({ name: "Buurtpreventie Puntlaan Noord" })).data.group.pending_changes.changes).toHaveLength(1)
        const withdrawn = await edit({ name: "Buurtpreventie Puntlaan", woonplaats: "Utrecht", postcodes: "3581", member_count: 42 })
        expect(withdrawn.data.group.pending_changes).toBeNull()
        expect((await call(api.get(`/admin/groups/${row.id}`, admin))).data.group.changes_requested_at).toBeNull()
      })

      it("a rename onto another group's name is kept for staff as a possible duplicate, never named to the admin", async () => {
        const other = await approvedGroup("Buurtpreventie Zusterlaan", "ander@example.nl", ["3582"])
        const { row, headers } = await signedInAdmin("hanna@example.nl", "Buurtpreventie Eigenlaan", ["3582"])
        const edit = await post(`/store/my-group/groups/${row.id}`, { name: "WhatsApp Buurtpreventie Zusterlaan e.o." }, headers)
        expect(edit.status).toBe(200)
        const json = JSON.stringify(edit.data)
        expect(json).not.toContain(other.slug)
        expect(json).not.toContain(other.id)
        expect(json).not.toContain("possible_duplicate")
        const { data } = await call(api.get(`/admin/groups/${row.id}`, admin))
        expect(data.group.pending_changes.possible_duplicate_of).toEqual({ id: other.id, name: "Buurtpreventie Zusterlaan", slug: other.slug, status: "approved" })
      })
    })

    describe("WhatsApp invite links, however they are written, are refused on every surface", () => {
      it("registration", async () => {
        for (const name of HOSTILE_LINKS) {
          const refused = await register({ ...groupBody("Buurtpreventie Linklaan", "link@example.nl"), woonplaats: name })
          expect({ name, status: refused.status, body: refused.data }).toEqual({
            name,
            status: 400,
            body: { type: "invalid_data", message: INVITE_LINK_MESSAGE, errors: { woonplaats: INVITE_LINK_MESSAGE } },
          })
        }
        expect(await groupCount()).toBe(0)
      })

      it("Mijn groep", async () => {
        const { row, headers } = await signedInAdmin("ilse@example.nl", "Buurtpreventie Schonelaan")
        for (const name of HOSTILE_LINKS) {
          const refused = await post(`/store/my-group/groups/${row.id}`, { name }, headers)
          expect({ name, status: refused.status, message: refused.data.message }).toEqual({ name, status: 400, message: INVITE_LINK_MESSAGE })
        }
        const [stored] = await service().listNeighbourhoodGroups({ id: row.id })
        expect(stored).toMatchObject({ name: "Buurtpreventie Schonelaan", pending_changes: null })
      })

      it("staff admin (create and edit)", async () => {
        const row = await approvedGroup("Buurtpreventie Staflaan", "staf@example.nl")
        for (const name of HOSTILE_LINKS) {
          const edited = await call(api.post(`/admin/groups/${row.id}`, { name }, admin))
          expect({ name, status: edited.status, message: edited.data.message }).toEqual({ name, status: 400, message: INVITE_LINK_MESSAGE })
          const created = await call(api.post("/admin/groups", groupBody(name, "nieuw@example.nl", ["3583"]), admin))
          expect({ name, status: created.status }).toEqual({ name, status: 400 })
        }
        expect(await groupCount()).toBe(1)
        expect((await service().retrieveNeighbourhoodGroup(row.id)).name).toBe("Buurtpreventie Staflaan")
      })
    })

    describe("registration does not reveal whether another group exists", () => {
      it("a duplicate of a pending or an approved group gets the answer of a new group; staff are told which group it may duplicate", async () => {
        const fresh = await register(groupBody("Buurtpreventie Lindenlaan", "eerste@example.nl", ["3581"]))
        // the same name and place: the slug would be "...-2", so the answer carries no slug at all
        const sameName = await register(groupBody("Buurtpreventie Lindenlaan", "tweede@example.nl", ["3581"]))
        const unrelated = await register(groupBody("Buurtpreventie Berkenlaan", "derde@example.nl", ["3584"]))
        for (const response of [fresh, sameName, unrelated]) {
          expect(response.status).toBe(201)
          expect(response.data).toEqual({ registration: { status: "unconfirmed" }, message: REGISTERED_MESSAGE })
        }
        expect(JSON.stringify(sameName.data)).not.toContain("-2")

        // after confirming, the duplicate is marked for staff (the registrant is not told)
        const first = await confirmed("eerste@example.nl")
        const secondToken = await kit.confirmationToken("tweede@example.nl")
        const confirmedSecond = await kit.confirmRegistration(secondToken)
        expect(confirmedSecond.status).toBe(200)
        expect(JSON.stringify(confirmedSecond.data)).not.toMatch(/lindenlaan|-2|slug/i)
        const second = await kit.groupOfToken(secondToken)
        expect(second.slug).toBe(`${first.slug}-2`)
        const { data } = await call(api.get(`/admin/groups/${second.id}`, admin))
        expect(data.group.possible_duplicate_of).toEqual({ id: first.id, name: "Buurtpreventie Lindenlaan", slug: first.slug, status: "pending" })
        expect((await call(api.get(`/admin/groups/${first.id}`, admin))).data.group.possible_duplicate_of).toBeNull()
        const staffMail = await mailAbout(second.id, "group-registered-staff")
        expect(staffMail.subject).toBe("Mogelijk dubbele buurtgroep wacht op beoordeling: Buurtpreventie Lindenlaan")
        expect(staffMail.text.replace(/\s+/g, " ")).toContain(`mogelijk dezelfde groep als "Buurtpreventie Lindenlaan" (wacht op beoordeling)`)
        expect(staffMail.text).toContain(`http://admin.test/app/groups/${first.id}`)
        expect((await mailAbout(first.id, "group-registered-staff")).subject).toBe("Nieuwe buurtgroep wacht op beoordeling: Buurtpreventie Lindenlaan")
        // the registrant's own e-mail is the ordinary one
        const registrantMail = await mailAbout(second.id, "group-registered-admin")
        expect(registrantMail.text).not.toContain(first.slug)

        // an approved group: the same neutral answer
        await kit.approve(first.id)
        const duplicateOfApproved = await register(groupBody("WABP Lindenlaan", "vierde@example.nl", ["3581"]))
        expect(duplicateOfApproved.status).toBe(201)
        expect(duplicateOfApproved.data).toEqual(fresh.data)
        const fourth = await confirmed("vierde@example.nl")
        expect((fourth.possible_duplicate_of as any)?.status).toBe("approved")
      })
    })

    describe("issue 24 item 8: registration mails only the confirmed address, and nothing the registrant wrote", () => {
      it("refuses web and e-mail addresses in the name and place, per field in Dutch, and sends nothing", async () => {
        for (const [field, value, message] of [
          ["name", "Prijs gewonnen, claim op evil.example/win", "De naam van je groep mag geen webadres of e-mailadres bevatten"],
          ["name", "Prijs! Mail winnaar@evil.example", "De naam van je groep mag geen webadres of e-mailadres bevatten"],
          ["name", "Prijs gewonnen: evil\uFF0Eexample", "De naam van je groep mag geen webadres of e-mailadres bevatten"],
          ["name", "Claim op www . evil . nl", "De naam van je groep mag geen webadres of e-mailadres bevatten"],
          ["woonplaats", "Utrecht https://evil.example", "De woonplaats mag geen webadres of e-mailadres bevatten"],
          // issue 24, second look: other dot-like separators, bracketed and spelled-out dots
          ["name", "Buurtpreventie evil\u2E33com", "De naam van je groep mag geen webadres of e-mailadres bevatten"],
          ["name", "Buurtpreventie evil\u201Anl", "De naam van je groep mag geen webadres of e-mailadres bevatten"],
          ["name", "Buurtpreventie evil\u066Bnl", "De naam van je groep mag geen webadres of e-mailadres bevatten"],
          ["name", "Buurtpreventie evil[.]nl", "De naam van je groep mag geen webadres of e-mailadres bevatten"],
          ["name", "Buurtpreventie evil (dot) nl", "De naam van je groep mag geen webadres of e-mailadres bevatten"],
          ["name", "Buurtpreventie evil dot nl", "De naam van je groep mag geen webadres of e-mailadres bevatten"],
          ["name", "Buurtpreventie evil punt nl", "De naam van je groep mag geen webadres of e-mailadres bevatten"],
          ["woonplaats", "Utrecht evil{.}nl", "De woonplaats mag geen webadres of e-mailadres bevatten"],
          ["gemeente", "Utrecht evil.example", "De gemeente mag geen webadres of e-mailadres bevatten"],
        ] as const) {
          const refused = await register({ ...groupBody("Buurtpreventie Veilig", "slachtoffer@example.org"), [field]: value })
          expect({ value, status: refused.status, error: refused.data.errors?.[field] }).toEqual({ value, status: 400, error: message })
        }
        // the same refusal for staff and for "Mijn groep"
        const staff = await call(api.post("/admin/groups", groupBody("Prijs gewonnen, claim op evil.example/win", "x@example.org", ["3583"]), admin))
        expect(staff.status).toBe(400)
        const { row, headers } = await signedInAdmin("jip@example.nl", "Buurtpreventie Jiplaan")
        const mine = await post(`/store/my-group/groups/${row.id}`, { name: "Buurtpreventie evil.example" }, headers)
        expect(mine.data.errors?.name).toBe("De naam van je groep mag geen webadres of e-mailadres bevatten")
        expect(readMails(MAIL_DIR).filter((m) => m.headers.to === "slachtoffer@example.org")).toEqual([])
      })

      it("an unconfirmed registration mails only a neutral confirmation, reaches no staff and shows nowhere; the link makes it a group", async () => {
        const body = {
          ...groupBody("Buurtpreventie Bevestiglaan", "Slachtoffer@Example.org", ["3581"]),
          woonplaats: "Utrecht Centrum",
          admin_name: "Gratis Prijs Claimen",
        }
        const registered = await register(body)
        expect(registered.status).toBe(201)
        await new Promise((resolve) => setTimeout(resolve, 300))

        // the attack: no group anywhere, no mail to staff, no mail with the registrant's words
        expect(await groupCount()).toBe(0)
        expect((await call(api.get("/admin/groups?status=pending", admin))).data.count).toBe(0)
        expect(await search("q=Bevestiglaan")).toEqual([])
        const mails = readMails(MAIL_DIR)
        expect(mails.map((m) => m.headers.to)).toEqual(["slachtoffer@example.org"])
        const [confirmMail] = mails
        expect(path.basename(confirmMail.file)).toContain("-group-registration-confirm-")
        // the confirmation token (32 random bytes, base64url) is left out: it could hold "42" by chance
        const everything = `${confirmMail.headers.subject}\n${confirmMail.text}\n${confirmMail.html}`.replace(/[A-Za-z0-9_-]{43}/g, "")
        for (const typed of ["Bevestiglaan", "Utrecht Centrum", "Gratis", "Claimen", "3581", "42"]) expect(everything).not.toContain(typed)
        const records = await kit.notifications().listNotifications({})
        expect(records).toHaveLength(1)
        expect(JSON.stringify(records[0].data)).not.toMatch(/Bevestiglaan|Gratis/)

        // the token is stored hashed only
        const token = /\/groepen\/bevestigen\?token=([A-Za-z0-9_-]+)/.exec(confirmMail.text)![1]
        const { rows } = await dbConnection.raw("select token_hash, email, expires_at from group_registration")
        expect(rows).toHaveLength(1)
        expect(JSON.stringify(rows)).not.toContain(token)
        expect(rows[0].email).toBe("slachtoffer@example.org")
        expect(new Date(rows[0].expires_at).getTime() - Date.now()).toBeGreaterThan(47 * 3600_000)

        // a wrong or mangled token confirms nothing
        expect((await kit.confirmRegistration(token.slice(0, -2) + "xx")).status).toBe(410)
        expect((await kit.confirmRegistration("kort")).status).toBe(400)
        expect(await groupCount()).toBe(0)

        // the owner of the address confirms: now staff and the admin hear of it, once
        const [first, second] = await Promise.all([kit.confirmRegistration(token), kit.confirmRegistration(token)])
        expect([first.status, second.status]).toEqual([200, 200])
        expect(await groupCount()).toBe(1)
        const group = await kit.groupOfToken(token)
        expect(group).toMatchObject({ status: "pending", name: "Buurtpreventie Bevestiglaan", admin_email: "slachtoffer@example.org" })
        expect((await mailAbout(group.id, "group-registered-staff")).to).toBe("moderatie@example.nl")
        expect((await mailAbout(group.id, "group-registered-admin")).to).toBe("slachtoffer@example.org")
        const { rows: after } = await dbConnection.raw("select data, group_id from group_registration")
        expect(after).toEqual([{ data: null, group_id: group.id }])
        const again = await kit.confirmRegistration(token)
        expect(again.status).toBe(200)
        expect(again.data.already_confirmed).toBe(true)
        expect(await groupCount()).toBe(1)
      })

      it("an expired link confirms nothing; the clean-up deletes the registration and its mail record", async () => {
        expect((await register(groupBody("Buurtpreventie Verloopt", "laat@example.nl", ["3581"]))).status).toBe(201)
        const token = await kit.confirmationToken("laat@example.nl")
        await dbConnection.raw("update group_registration set expires_at = now() - interval '1 minute'")
        const late = await kit.confirmRegistration(token)
        expect(late.status).toBe(410)
        expect(late.data).toMatchObject({ code: "registration_link_invalid", message: expect.stringContaining("verlopen") })
        const { result } = await expireGroupRegistrationsWorkflow(getContainer()).run({ input: {} })
        expect(result).toEqual({ deleted: 1, mails: 1 })
        expect((await dbConnection.raw("select count(*)::int as n from group_registration")).rows[0].n).toBe(0)
        expect(await kit.notifications().listNotifications({})).toHaveLength(0)
        expect(await groupCount()).toBe(0)
      })

      it("one address gets at most 3 open confirmation mails, whoever registers it; the answer stays the same", async () => {
        const answers: any[] = []
        for (let i = 1; i <= 5; i++) answers.push(await register(groupBody(`Buurtpreventie Spamlaan ${i}`, "doelwit@example.nl", ["3581"])))
        expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201])
        expect(new Set(answers.map((a) => JSON.stringify(a.data))).size).toBe(1)
        await new Promise((resolve) => setTimeout(resolve, 300))
        expect(readMails(MAIL_DIR).filter((m) => m.headers.to === "doelwit@example.nl")).toHaveLength(3)
      })
    })

    describe("issue 24 item 9: staff decide on the group they saw", () => {
      it("a pending change made after staff opened the page is not approved under them: 409 in Dutch, nothing applied", async () => {
        const { row, headers } = await signedInAdmin("kees@example.nl", "Buurtpreventie Kijklaan")
        expect((await post(`/store/my-group/groups/${row.id}`, { name: "Buurtpreventie Kijklaan Noord" }, headers)).status).toBe(200)
        const staffSaw = await seen(row.id)
        // between staff viewing and approving, the admin switches the name
        expect((await post(`/store/my-group/groups/${row.id}`, { name: "Prijs gewonnen bel 0900 1234" }, headers)).status).toBe(200)
        const approved = await call(api.post(`/admin/groups/${row.id}/changes/approve`, staffSaw, admin))
        expect(approved.status).toBe(409)
        expect(approved.data).toEqual({ type: "conflict", code: "group_changed", message: expect.stringContaining("gewijzigd nadat je hem opende") })
        expect(await publicGroup(row.slug)).toMatchObject({ name: "Buurtpreventie Kijklaan" })
        const rejectedUnder = await call(api.post(`/admin/groups/${row.id}/changes/reject`, staffSaw, admin))
        expect(rejectedUnder.status).toBe(409)
        expect((await adminGroup(row.id)).pending_changes.changes[0].to).toBe("Prijs gewonnen bel 0900 1234")
        // without what they saw, nothing happens either
        const blind = await call(api.post(`/admin/groups/${row.id}/changes/approve`, {}, admin))
        expect(blind.status).toBe(400)
        expect(blind.data.errors.seen_updated_at).toEqual(expect.any(String))
        // staff look again and decide on what is there now
        expect((await call(api.post(`/admin/groups/${row.id}/changes/reject`, await seen(row.id), admin))).status).toBe(200)
        expect(await publicGroup(row.slug)).toMatchObject({ name: "Buurtpreventie Kijklaan" })
      })

      it("approve and reject of a registration carry the version too", async () => {
        const group = await kit.registerRow(groupBody("Buurtpreventie Versielaan", "versie@example.nl", ["3581"]))
        const staffSaw = await seen(group.id)
        // changed in another tab (staff edit) after this page loaded
        expect((await call(api.post(`/admin/groups/${group.id}`, { name: "Buurtpreventie Andere Versie" }, admin))).status).toBe(200)
        for (const [action, body] of [
          ["approve", staffSaw],
          ["reject", { ...staffSaw, reason: "Niet voor een buurt" }],
        ] as const) {
          const refused = await call(api.post(`/admin/groups/${group.id}/${action}`, body, admin))
          expect({ action, status: refused.status, code: refused.data.code }).toEqual({ action, status: 409, code: "group_changed" })
        }
        expect((await adminGroup(group.id)).status).toBe("pending")
        expect((await call(api.post(`/admin/groups/${group.id}/approve`, {}, admin))).status).toBe(400)
        expect((await call(api.post(`/admin/groups/${group.id}/approve`, await seen(group.id), admin))).status).toBe(200)
      })
    })

    describe("issue 24 item 12: erasure matches whole addresses", () => {
      it("erasing a@x.co leaves ba@x.com's group, mail records and mail files alone", async () => {
        const neighbour = await approvedGroup("Buurtpreventie Bealaan", "ba@x.com", ["3582"])
        // ba@x.com also wrote to another group through the contact relay (reply-to ba@x.com)
        const other = await approvedGroup("Buurtpreventie Derdelaan", "derde@example.nl", ["3583"])
        expect((await post(`/store/groups/${other.slug}/contact`, { name: "Bea", email: "ba@x.com", message: "Hallo, mag ik meedoen met de groep?" }, { "x-forwarded-for": kit.nextIp() })).status).toBe(200)
        await kit.mailsSettled()
        const { headers } = await signedInAdmin("a@x.co", "Buurtpreventie Alaan", ["3581"])
        await kit.mailsSettled()
        const beforeFiles = readMails(MAIL_DIR).filter((m) => /ba@x\.com/i.test(m.raw)).length
        const beforeRecords = (await dbConnection.raw("select count(*)::int as n from notification where \"to\" = 'ba@x.com' or provider_data::text like '%ba@x.com%'")).rows[0].n
        expect(beforeFiles).toBeGreaterThan(0)
        expect(beforeRecords).toBeGreaterThan(0)

        expect((await post("/store/my-group/removal", { confirm: true }, headers)).status).toBe(200)

        expect(await service().retrieveNeighbourhoodGroup(neighbour.id)).toMatchObject({ status: "approved", admin_email: "ba@x.com" })
        expect(readMails(MAIL_DIR).filter((m) => /ba@x\.com/i.test(m.raw)).length).toBe(beforeFiles)
        expect((await dbConnection.raw("select count(*)::int as n from notification where \"to\" = 'ba@x.com' or provider_data::text like '%ba@x.com%'")).rows[0].n).toBe(beforeRecords)
        // and a@x.co itself is gone
        expect((await dbConnection.raw("select count(*)::int as n from notification where lower(\"to\") = 'a@x.co'")).rows[0].n).toBe(0)
        expect(readMails(MAIL_DIR).filter((m) => /(^|[^a-z0-9._'+-])a@x\.co($|[^a-z0-9.-])/im.test(m.raw))).toEqual([])
      })
    })

    describe("issue 24 item 13: public coordinates are rounded, staff keep the point", () => {
      it("list, detail, map box, distances and municipality show ~100 m; the admin API the precise point", async () => {
        const { result } = await createGroupsWorkflow(getContainer()).run({
          input: { groups: [{ ...groupBody("Buurtpreventie Huislaan", "thuis@example.nl", ["3581"]), status: "approved", lat: 52.090412, lng: 5.120437 }] },
        })
        const [row] = result
        const detail = await publicGroup(row.slug)
        expect([detail.lat, detail.lng]).toEqual([52.09, 5.12])
        const listed = (await get("/store/groups?q=Huislaan")).data.groups[0]
        expect([listed.lat, listed.lng]).toEqual([52.09, 5.12])
        // a tiny box around the precise point, away from the rounded one, finds nothing
        expect(await search("bbox=5.12040,52.09038,5.12047,52.09045")).toEqual([])
        expect(await search("bbox=5.1199,52.0899,5.1201,52.0901")).toEqual([row.slug])
        // distances are measured from the rounded point (to 10 m: no trilateration to the house)
        const nearby = (await get("/store/groups?postcode=3581")).data
        const near = nearby.groups.find((g: any) => g.slug === row.slug)
        const fromPublic = haversineKm(52.09, 5.12, nearby.origin)
        const fromPrecise = haversineKm(52.090412, 5.120437, nearby.origin)
        expect(Math.abs(fromPublic - fromPrecise)).toBeGreaterThan(0.01)
        expect(near.distance_km).toBeCloseTo(fromPublic, 2)
        for (const json of [JSON.stringify((await get(`/store/groups/${row.slug}`)).data), JSON.stringify((await get("/store/groups?bbox=5.0,52.0,5.2,52.2")).data)]) {
          expect(json).not.toContain("52.0904")
          expect(json).not.toContain("5.1204")
        }
        const staff = await adminGroup(row.id)
        expect(staff.lat).toBeCloseTo(52.090412, 5)
        expect(staff.lng).toBeCloseTo(5.120437, 5)
      })
    })
  },
})
