/**
 * Issue 30, an attacker's walk against the running shop, each finding as an attack through
 * the real app (HTTP, PostgreSQL, the mail folder):
 *
 * 1. "Buurgroepen" took 9–14 s a call; a warning over its limit still did the expensive
 *    lookup; a retried warning form sent the warning twice. Now: timed, limits first, the
 *    same text from the same group once per 10 minutes, a per-admin limit on the lookup.
 * 2. A message could go to any group in the country: only to groups near the sender's.
 * 3. WhatsApp invite links in other spellings and short links passed the filter.
 * 4. Spaces and zero-width characters filled the 10-character minimum.
 * 5. The admin-message routes read bodies up to 100 KB: the shop's 32 KB now.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { useGroupAccountsKit } from "../utils/group-accounts"
import { type MessagingAdmin, messagingAdmins, relayChecks } from "../utils/admin-messages"
import { LIMITS } from "../../src/api/middlewares/limits"
import { consumeLimits } from "../../src/api/middlewares/rate-limit"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../src/modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../src/modules/neighbourhood-group/service"

jest.setTimeout(360 * 1000)

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-admin-messages-walk-"))
process.env.MAIL_DIR = MAIL_DIR
process.env.STAFF_EMAIL = "moderatie@example.nl"
process.env.STOREFRONT_URL = "http://shop.test"
process.env.MEDUSA_ADMIN_URL = "http://admin.test"
delete process.env.SMTP_URL

const TEXT = "Hallo buren, zullen we samen nieuwe borden bestellen voor de straat?"
const WARNING = "Vannacht is er ingebroken aan de Lindelaan, let op elkaars huis."
const INVITE = "Deel nooit de uitnodigingslink van je groep"
const SHORT = "Gebruik geen verkorte link (zoals bit.ly of tinyurl): we kunnen niet zien waar die naartoe gaat"
const NOT_NEARBY = "Je kunt alleen een bericht sturen aan groepen in de buurt van je eigen groep (zie Buurgroepen)."
const BLANK = " ".repeat(9) + "\u200B".repeat(12)

type Admin = MessagingAdmin

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    const kit = useGroupAccountsKit({ api, getContainer, dbConnection, mailDir: MAIL_DIR, ipPrefix: "10.31" })
    const { get, post } = kit

    const admin = messagingAdmins(kit, getContainer)

    const send = (from: Admin, to: string, body: Record<string, unknown> = {}) =>
      post(`/store/my-group/groups/${from.row.id}/messages`, { to_group_id: to, first_name: "Anouk", message: TEXT, ...body }, from.headers)
    const warn = (from: Admin, body: Record<string, unknown> = {}) =>
      post(`/store/my-group/groups/${from.row.id}/warnings`, { first_name: "Anouk", message: WARNING, km: 5, ...body }, from.headers)
    const { nothingSent } = relayChecks(dbConnection, kit, MAIL_DIR)

    describe("1. Buurgroepen's cost, warnings over the limit and retried", () => {
      it("answers a 5 km lookup quickly, also the first time in a process (timed)", async () => {
        const anouk = await admin("tijd", ["3581"])
        const times: number[] = []
        for (let i = 0; i < 3; i++) {
          const started = process.hrtime.bigint()
          const answer = await get(`/store/my-group/groups/${anouk.row.id}/nearby?km=5`, anouk.headers)
          times.push(Number(process.hrtime.bigint() - started) / 1e6)
          expect(answer.status).toBe(200)
        }
        const areas = (await dbConnection.raw("select count(distinct pc4)::int as n from postcode_area where deleted_at is null")).rows[0].n
        const groups = (await dbConnection.raw("select count(*)::int as n from neighbourhood_group where deleted_at is null")).rows[0].n
        // eslint-disable-next-line no-console
        console.log(`nearby 5 km (${areas} PC4s, ${groups} groups): ${times.map((t) => `${t.toFixed(0)} ms`).join(", ")}`)
        expect(Math.max(...times.slice(1))).toBeLessThan(1000)
      })

      it("refuses a warning over the group's daily limit before looking up the nearby groups", async () => {
        const anouk = await admin("limiet", ["9711"], false)
        await admin("limietbuur", ["9725"])
        for (let i = 0; i < LIMITS.adminWarning.points; i++) expect((await consumeLimits([{ limit: LIMITS.adminWarning, key: anouk.row.id }])).ok).toBe(true)
        const service: NeighbourhoodGroupModuleService = getContainer().resolve(NEIGHBOURHOOD_GROUP_MODULE)
        const lookups = jest.spyOn(service, "nearbyGroups")
        try {
          const refused = await nothingSent(() => warn(anouk))
          expect(refused.status).toBe(429)
          expect(refused.data.message).toMatch(/^Je groep heeft in de afgelopen 24 uur al 3 waarschuwingen gestuurd\./)
          expect(lookups).not.toHaveBeenCalled()
        } finally {
          lookups.mockRestore()
        }
      })

      it("sends the same warning text from the same group once: a retried form sends nothing and costs nothing", async () => {
        const anouk = await admin("retry", ["9711"], false)
        await admin("retrybuur", ["9717"])
        const first = await warn(anouk)
        expect(first.status).toBe(201)
        expect(first.data.sent_to).toBeGreaterThanOrEqual(1)
        await kit.mailsSettled()
        // the same text (other white space and capitals: a retyped retry) is refused per field
        const again = await nothingSent(() => warn(anouk, { message: `  ${WARNING.toUpperCase().replace(/ /g, "  ")} ` }))
        expect(again.status).toBe(400)
        expect(again.data.errors.message).toBe("Deze waarschuwing is net al verstuurd. Je hoeft hem niet opnieuw te sturen; kijk bij Berichten.")
        // the retry spent none of the 3 a day: two other warnings still go
        expect((await warn(anouk, { message: `${WARNING} Tweede.` })).status).toBe(201)
        expect((await warn(anouk, { message: `${WARNING} Derde.` })).status).toBe(201)
        expect((await nothingSent(() => warn(anouk, { message: `${WARNING} Vierde.` }))).status).toBe(429)
      })

      it("limits the lookup per admin through the shop's limiter, in Dutch", async () => {
        const anouk = await admin("zoeker", ["3581"], false)
        const url = `/store/my-group/groups/${anouk.row.id}/nearby?km=1`
        let answer: any
        for (let i = 0; i <= LIMITS.nearbyGroups.points; i++) {
          answer = await get(url, anouk.headers)
          if (answer.status !== 200) break
        }
        expect(answer.status).toBe(429)
        expect(answer.data.message).toMatch(/^Te veel keer buurgroepen opgevraagd\. Probeer het over \d+ minuten? opnieuw\.$/)
        expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0)
        // another admin is not held up
        const bert = await admin("anderezoeker", ["3581"], false)
        expect((await get(`/store/my-group/groups/${bert.row.id}/nearby?km=1`, bert.headers)).status).toBe(200)
      })
    })

    describe("2. only to groups nearby", () => {
      it("refuses a message to a group 35 km away in Dutch, nothing sent; a nearby group receives", async () => {
        const carol = await admin("utrecht", ["3581"])
        const amsterdam = await admin("amsterdam", ["1011"])
        const near = await admin("dichtbij", ["3583"])
        const far = await nothingSent(() => send(carol, amsterdam.row.id))
        expect([far.status, far.data.message]).toEqual([403, NOT_NEARBY])
        // and the other way round
        expect((await nothingSent(() => send(amsterdam, carol.row.id))).status).toBe(403)
        expect((await send(carol, near.row.id)).status).toBe(201)
      })
    })

    describe("3. invite links in other spellings and short links", () => {
      it.each([
        ["whatsapp://chat?code=AbCdEfGhIjK123", INVITE],
        ["h t t p s : / / c h a t . w h a t s a p p . c o m / AbCdEf", INVITE],
        ["c-h-a-t.w-h-a-t-s-a-p-p.c-o-m/AbCdEfGhIjK123", INVITE],
        ["https://tinyurl.com/abc123xyz", SHORT],
        ["Kijk even op bit.ly/3xYzAbC voor de groep", SHORT],
      ])("refuses %j in a message and a warning, nothing sent", async (link, reason) => {
        const anouk = await admin("link", ["3581"])
        const bert = await admin("linkbuur", ["3583"])
        const message = await nothingSent(() => send(anouk, bert.row.id, { message: `Hallo buren, doe mee: ${link}` }))
        expect([message.status, message.data.errors.message]).toEqual([400, reason])
        const warning = await nothingSent(() => warn(anouk, { message: `Let op, info: ${link}` }))
        expect([warning.status, warning.data.errors.message]).toEqual([400, reason])
      })

      it("lets ordinary texts about WhatsApp through", async () => {
        const anouk = await admin("gewoon", ["3581"])
        const bert = await admin("gewoonbuur", ["3583"])
        expect((await send(anouk, bert.row.id, { message: "Ik app je morgen over de whatsappgroep Berkenhof." })).status).toBe(201)
      })
    })

    describe("4. texts that only look long enough", () => {
      it("refuses spaces and zero-width characters as a message, a reply and a warning", async () => {
        const anouk = await admin("leeg", ["3581"])
        const bert = await admin("leegbuur", ["3583"])
        // nothing visible is no text: asked for (stranger's walk), not "too short"
        const message = await nothingSent(() => send(anouk, bert.row.id, { message: BLANK }))
        expect([message.status, message.data.errors.message]).toEqual([400, "Schrijf je bericht"])
        const padded = await nothingSent(() => send(anouk, bert.row.id, { message: "a\u200B \u200B \u200B \u200B \u200B \u200Bb" }))
        expect(padded.data.errors.message).toBe("Je bericht moet minstens 10 tekens lang zijn")
        const warning = await nothingSent(() => warn(anouk, { message: BLANK }))
        expect(warning.data.errors.message).toBe("Schrijf je waarschuwing")
        expect((await send(anouk, bert.row.id)).status).toBe(201)
        const received = await get(`/store/my-group/groups/${bert.row.id}/messages`, bert.headers)
        const reply = await nothingSent(() =>
          post(`/store/my-group/groups/${bert.row.id}/messages/${received.data.messages[0].id}/reply`, { first_name: "Bert", message: BLANK }, bert.headers)
        )
        expect(reply.data.errors.message).toBe("Schrijf je antwoord")
        // the invisibles are dropped from what is stored, the lines kept
        expect((await send(anouk, bert.row.id, { message: "Hallo\u200B buren,\nwie doet\u202E mee?" })).status).toBe(201)
        const last = await dbConnection.raw("select body from admin_message order by created_at desc limit 1")
        expect(last.rows[0].body).toBe("Hallo buren,\nwie doet mee?")
      })
    })

    describe("5. body size", () => {
      it("answers 413 in Dutch to a 33 KB body on every admin-message route", async () => {
        const anouk = await admin("groot", ["3581"])
        const big = "x".repeat(33 * 1024)
        const id = anouk.row.id
        for (const url of [
          `/store/my-group/groups/${id}/messages`,
          `/store/my-group/groups/${id}/messages/admmsg_x/reply`,
          `/store/my-group/groups/${id}/warnings`,
          `/store/my-group/groups/${id}/messaging`,
          "/store/admin-messages/report",
        ]) {
          const answer = await post(url, { first_name: "Anouk", message: big }, anouk.headers)
          expect([url, answer.status, answer.data.message]).toEqual([url, 413, "Dit verzoek is te groot. Maak de tekst korter en probeer het opnieuw."])
        }
        // a normal message still goes
        const bert = await admin("grootbuur", ["3583"])
        expect((await send(anouk, bert.row.id)).status).toBe(201)
      })
    })
  },
})
