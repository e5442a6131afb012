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
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { groupBody, useGroupAccountsKit } from "../utils/group-accounts"
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
  "Bedankt voor je aanmelding! We bekijken je groep en sturen je een e-mail zodra hij op de kaart staat. " +
  "We nemen contact op als deze groep al bestaat."

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
    const { admin, call, get, post, register, service, approvedGroup, signedInAdmin, sentNotification } = kit
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

        const approved = await call(api.post(`/admin/groups/${row.id}/changes/approve`, {}, admin))
        expect(approved.status).toBe(200)
        expect(approved.data.group).toMatchObject({ name: "Buurtpreventie Nieuwelaan", gemeente: "Amsterdam", pending_changes: null, changes_requested_at: null })
        expect(await publicGroup(row.slug)).toMatchObject({ name: "Buurtpreventie Nieuwelaan", woonplaats: "Amsterdam", gemeente: "Amsterdam", postcodes: ["1011", "1012"] })
        expect(await search("q=Nieuwelaan")).toEqual([row.slug])
        expect(await search("q=Oudelaan")).toEqual([])
        expect(await search("bbox=4.85,52.35,4.93,52.39")).toEqual([row.slug])
        expect((await get("/store/my-group", headers)).data.groups[0].pending_changes).toBeNull()

        // nothing left to approve
        const again = await call(api.post(`/admin/groups/${row.id}/changes/approve`, {}, admin))
        expect(again.status).toBe(400)
        expect(again.data.message).toBe("Voor deze groep wacht geen wijziging op beoordeling.")
      })

      it("moving the point waits too; staff reject it and the admin is told; resubmitting the live values withdraws a request", async () => {
        const { row, headers } = await signedInAdmin("gijs@example.nl", "Buurtpreventie Puntlaan")
        const before = await publicGroup(row.slug)
        const edit = (body: unknown) => post(`/store/my-group/groups/${row.id}`, body, headers)

        expect((await edit({ lat: "51,05", lng: "3,72" })).status).toBe(200)
        expect(await publicGroup(row.slug)).toMatchObject({ lat: before.lat, lng: before.lng })
        const [stored] = await service().listNeighbourhoodGroups({ id: row.id })
        expect((stored.pending_changes as any).changes.map((c: any) => c.field)).toEqual(["lat", "lng"])

        const rejected = await call(api.post(`/admin/groups/${row.id}/changes/reject`, { reason: "Dit punt ligt buiten je buurt." }, admin))
        expect(rejected.status).toBe(200)
        expect(rejected.data.group).toMatchObject({ pending_changes: null, lat: before.lat, lng: before.lng })
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
        const duplicateOfPending = await register(groupBody("WhatsApp Buurtpreventie Lindenlaan e.o.", "tweede@example.nl", ["3583", "3581"]))
        const unrelated = await register(groupBody("Buurtpreventie Berkenlaan", "derde@example.nl", ["3584"]))

        for (const response of [fresh, duplicateOfPending, unrelated]) {
          expect(response.status).toBe(201)
          expect(Object.keys(response.data).sort()).toEqual(["group", "message"])
          expect(Object.keys(response.data.group).sort()).toEqual(["name", "slug", "status"])
          expect(response.data.group.status).toBe("pending")
          expect(response.data.message).toBe(REGISTERED_MESSAGE)
        }
        const json = JSON.stringify(duplicateOfPending.data)
        expect(json).not.toContain('"Buurtpreventie Lindenlaan"')
        expect(json).not.toContain(fresh.data.group.slug + '"')
        expect(duplicateOfPending.data.group.name).toBe("WhatsApp Buurtpreventie Lindenlaan e.o.")

        // staff: the moderation page and the registration e-mail name the possible duplicate
        const [first] = await service().listNeighbourhoodGroups({ slug: fresh.data.group.slug })
        const [second] = await service().listNeighbourhoodGroups({ slug: duplicateOfPending.data.group.slug })
        const { data } = await call(api.get(`/admin/groups/${second.id}`, admin))
        expect(data.group.possible_duplicate_of).toEqual({ id: first.id, name: "Buurtpreventie Lindenlaan", slug: first.slug, status: "pending" })
        expect((await call(api.get(`/admin/groups/${first.id}`, admin))).data.group.possible_duplicate_of).toBeNull()
        const staffMail = await mailAbout(second.id, "group-registered-staff")
        expect(staffMail.subject).toBe("Mogelijk dubbele buurtgroep wacht op beoordeling: WhatsApp Buurtpreventie Lindenlaan e.o.")
        expect(staffMail.text.replace(/\s+/g, " ")).toContain(`mogelijk dezelfde groep als "Buurtpreventie Lindenlaan" (wacht op beoordeling)`)
        expect(staffMail.text).toContain(`http://admin.test/app/groups/${first.id}`)
        expect((await mailAbout(first.id, "group-registered-staff")).subject).toBe("Nieuwe buurtgroep wacht op beoordeling: Buurtpreventie Lindenlaan")
        // the registrant's own e-mail is the ordinary one
        const registrantMail = await mailAbout(second.id, "group-registered-admin")
        expect(registrantMail.text).not.toContain(first.slug)
        expect(registrantMail.text).not.toContain("Buurtpreventie Lindenlaan\"")

        // an approved group: the same neutral answer
        expect((await call(api.post(`/admin/groups/${first.id}/approve`, {}, admin))).status).toBe(200)
        const duplicateOfApproved = await register(groupBody("WABP Lindenlaan", "vierde@example.nl", ["3581"]))
        expect(duplicateOfApproved.status).toBe(201)
        expect(duplicateOfApproved.data.message).toBe(REGISTERED_MESSAGE)
        expect(JSON.stringify(duplicateOfApproved.data)).not.toContain('"Buurtpreventie Lindenlaan"')
        const [fourth] = await service().listNeighbourhoodGroups({ slug: duplicateOfApproved.data.group.slug })
        expect((fourth.possible_duplicate_of as any)?.status).toBe("approved")
      })
    })
  },
})
