/**
 * Issue 30, against the real app (HTTP, PostgreSQL, the mail folder): group admins reach
 * each other through the relay.
 *
 * - The setting "Andere beheerders mogen mij een bericht sturen": off by default, switched
 *   by the admin at once, on only for an approved group.
 * - "Buurgroepen": shared postcode, bordering PC4, or a PC4 area or point within 1/2/5 km;
 *   reachable only when switched on (a block stops sending, not receiving); never an
 *   admin's name, address or phone.
 * - A message and its reply go by mail with the sending group and first name, a reply link
 *   and a report link, never the sender's address or phone and no Reply-To.
 * - Who may not message whom (unapproved, switched off, blocked, unknown, own group, over
 *   a limit, invite links): each refused in Dutch, and nothing is stored or sent.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { accountLink, ADMIN_PASSWORD, groupBody, useGroupAccountsKit } from "../utils/group-accounts"
import { readMails, type ParsedMail } from "../utils/checkout"
import { relayChecks } from "../utils/admin-messages"
import { createGroupsWorkflow } from "../../src/workflows/groups/create-groups"
import { ADMIN_MESSAGE_MODULE } from "../../src/modules/admin-message"
import type AdminMessageModuleService from "../../src/modules/admin-message/service"

jest.setTimeout(360 * 1000) // database setup (migrations, seed, reference data) on 2 shared cores can take minutes

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-admin-messages-"))
process.env.MAIL_DIR = MAIL_DIR
process.env.STAFF_EMAIL = "moderatie@example.nl"
process.env.STOREFRONT_URL = "http://shop.test"
process.env.MEDUSA_ADMIN_URL = "http://admin.test"
delete process.env.SMTP_URL

const CANNOT_RECEIVE = "Deze groep kan geen berichten ontvangen."
const BLOCKED = "Je kunt geen berichten meer sturen. Neem contact op met de winkel."
const TEXT = "Hallo buren, zullen we samen nieuwe borden bestellen voor de straat?"

type Admin = { row: { id: string; slug: string; name: string }; headers: Record<string, string>; email: string; name: string; phone: string }

let counter = 0

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    const kit = useGroupAccountsKit({ api, getContainer, dbConnection, mailDir: MAIL_DIR, ipPrefix: "10.30" })
    const { get, post } = kit
    const messages = (): AdminMessageModuleService => getContainer().resolve(ADMIN_MESSAGE_MODULE)

    /** An approved group made by staff (with its own admin name and phone), its admin signed in. */
    async function admin(label: string, postcodes = ["3581"], point?: { lat: number; lng: number }): Promise<Admin> {
      const n = ++counter
      const email = `${label}.${n}@example.nl`
      const name = `${label[0].toUpperCase()}${label.slice(1)} Beheerder${n}`
      const phone = `06 5555${String(1000 + n).slice(-4)}`
      const group = await staffGroup(`Buurtpreventie ${label} ${n}`, email, postcodes, { admin_name: name, admin_phone: phone }, point)
      const { token } = accountLink((await kit.mailFor(group.id, "group-account-set-password")).text, "/wachtwoord-instellen")
      expect((await kit.setPassword(token, ADMIN_PASSWORD)).status).toBe(200)
      const { data } = await kit.login(email, ADMIN_PASSWORD)
      return { row: group, headers: kit.bearer(data.token), email, name, phone }
    }

    /** An approved group without a signed-in admin. */
    async function staffGroup(
      name: string,
      email: string,
      postcodes: string[],
      person = { admin_name: "Bert Buur", admin_phone: "06 44444444" },
      point?: { lat: number; lng: number }
    ) {
      const { result } = await createGroupsWorkflow(getContainer()).run({ input: { groups: [{ ...groupBody(name, email, postcodes, person), ...point }] } })
      return kit.approve(result[0].id)
    }

    const setMessaging = (a: Admin, enabled: unknown, groupId = a.row.id) => post(`/store/my-group/groups/${groupId}/messaging`, { enabled }, a.headers)
    const send = (from: Admin, toGroupId: string, body: Record<string, unknown> = {}) =>
      post(`/store/my-group/groups/${from.row.id}/messages`, { to_group_id: toGroupId, first_name: "Anouk", message: TEXT, ...body }, from.headers)
    const reply = (from: Admin, messageId: string, body: Record<string, unknown> = {}) =>
      post(`/store/my-group/groups/${from.row.id}/messages/${messageId}/reply`, { first_name: "Bert", message: "Goed idee, wij doen mee!", ...body }, from.headers)
    const { nothingSent } = relayChecks(dbConnection, kit, MAIL_DIR)
    /** The relayed mails to `to` (subject, text, html, raw) once written. */
    const relayMailsTo = (to: string) =>
      readMails(MAIL_DIR).filter((m) => /-group-admin-(message|warning)-/.test(path.basename(m.file)) && m.headers.to === to)
    const waitForMailTo = async (to: string, count = 1): Promise<ParsedMail[]> => {
      for (let i = 0; i < 200; i++) {
        const found = relayMailsTo(to)
        if (found.length >= count) return found
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`no relayed mail to ${to}`)
    }
    /** Nothing of the sender's identity in a mail: address, phone (any spelling), full name; and no Reply-To. */
    const expectNoSenderIdentity = (mail: ParsedMail, sender: Admin) => {
      const all = `${mail.raw}\n${mail.text}\n${mail.html}`.toLowerCase()
      expect(all).not.toContain(sender.email)
      expect(all).not.toContain(sender.phone.replace(/\s/g, "").slice(1))
      expect(all).not.toContain(sender.name.toLowerCase())
      expect(mail.headers["reply-to"]).toBeUndefined()
    }

    describe("the setting", () => {
      it("is off by default, switched by the admin at once, shown on Mijn groep; on only for an approved group", async () => {
        const anouk = await admin("instelling")
        const mine = await get("/store/my-group", anouk.headers)
        expect(mine.data.groups[0]).toMatchObject({ id: anouk.row.id, admin_messages_enabled: false, messaging_blocked: false })
        // the account's first name, for the message forms to start with (stranger's walk: the admin typed it every time)
        expect(mine.data.account).toEqual({ first_name: "Instelling" })
        const before = await kit.adminGroup(anouk.row.id)

        const on = await setMessaging(anouk, true)
        expect(on.status).toBe(200)
        expect(on.data).toEqual({ admin_messages_enabled: true })
        expect((await get("/store/my-group", anouk.headers)).data.groups[0].admin_messages_enabled).toBe(true)
        // not a change for staff: what they opened is still what they decide on
        expect((await kit.adminGroup(anouk.row.id)).updated_at).toBe(before.updated_at)
        // a form without JavaScript sends strings
        expect((await setMessaging(anouk, "false")).data).toEqual({ admin_messages_enabled: false })

        const wrong = await setMessaging(anouk, "misschien")
        expect(wrong.status).toBe(400)
        expect(wrong.data.errors.enabled).toBe("Kies of andere beheerders je een bericht mogen sturen")

        const dirk = await admin("ander")
        const foreign = await setMessaging(dirk, true, anouk.row.id)
        expect(foreign.status).toBe(404)
        expect(foreign.data.message).toBe("Groep niet gevonden.")
        expect((await post(`/store/my-group/groups/${anouk.row.id}/messaging`, { enabled: true })).status).toBe(401)

        await kit.service().updateNeighbourhoodGroups({ id: anouk.row.id, status: "rejected" })
        const rejected = await setMessaging(anouk, true)
        expect(rejected.status).toBe(403)
        expect(rejected.data.message).toBe("Alleen een goedgekeurde groep kan berichten van andere beheerders ontvangen.")
        // saying no always works
        expect((await setMessaging(anouk, false)).status).toBe(200)
      })
    })

    describe("Buurgroepen", () => {
      it("lists shared postcodes first, then by distance: bordering PC4s always, PC4 areas and points within 1, 2 or 5 km; reachable when switched on", async () => {
        const anouk = await admin("buren", ["3581"])
        const tag = ++counter
        const shared = await staffGroup(`Buurtpreventie Gedeeld ${tag}`, `gedeeld.${tag}@example.nl`, ["3581", "3582"])
        const near = await staffGroup(`Buurtpreventie Dichtbij ${tag}`, `dichtbij.${tag}@example.nl`, ["3583"])
        // stranger's walk: 3582 borders 3581, but their centres lie 1.1 km apart; not found at 1 km before
        const bordering = await staffGroup(`Buurtpreventie Grens ${tag}`, `grens.${tag}@example.nl`, ["3582"])
        // 3584 lies beyond 3583: its area ~0.9 km from 3581's, its centre ~2 km
        const beyond = await staffGroup(`Buurtpreventie Oost ${tag}`, `oost.${tag}@example.nl`, ["3584"])
        const fourKm = await staffGroup(`Buurtpreventie Noord ${tag}`, `noord.${tag}@example.nl`, ["3564"])
        const amsterdam = await staffGroup(`Buurtpreventie Grachten ${tag}`, `grachten.${tag}@example.nl`, ["1011"])
        // its pin 3 km off, but its PC4 lies next to ours: adjacent
        const pinOff = await staffGroup(`Buurtpreventie Speld ${tag}`, `speld.${tag}@example.nl`, ["3583"], undefined, { lat: 52.058, lng: 5.1432 })
        await kit.service().setAdminMessagesEnabled(near.id, true)
        const all = [shared, near, bordering, beyond, fourKm, amsterdam, pinOff]

        const oneKm = await get(`/store/my-group/groups/${anouk.row.id}/nearby?km=1`, anouk.headers)
        expect(oneKm.status).toBe(200)
        expect(oneKm.headers["cache-control"]).toBe("private, no-store")
        const ids = (list: any[]) => list.map((g) => g.id).filter((id) => all.some((g) => g.id === id))
        const byId = (list: any[], id: string) => list.find((g: any) => g.id === id)
        expect(oneKm.data.km).toBe(1)
        expect(ids(oneKm.data.groups)).toEqual([shared.id, near.id, bordering.id, beyond.id, pinOff.id])
        const [s, n, b, o, p] = [shared, near, bordering, beyond, pinOff].map((g) => byId(oneKm.data.groups, g.id))
        expect(s).toMatchObject({ shares_postcode: true, postcode_km: 0, reachable: false, slug: shared.slug, name: shared.name, woonplaats: "Utrecht" })
        expect(n).toMatchObject({ shares_postcode: false, adjacent: true, postcode_km: 0, own_group: false, reachable: true })
        expect(n.distance_km).toBeGreaterThan(0.5)
        expect(n.distance_km).toBeLessThan(1)
        expect(b).toMatchObject({ shares_postcode: false, adjacent: true, postcode_km: 0, reachable: false })
        expect(b.distance_km).toBeGreaterThan(1)
        expect(o).toMatchObject({ shares_postcode: false, adjacent: false, reachable: false })
        expect(o.postcode_km).toBeGreaterThan(0.5)
        expect(o.postcode_km).toBeLessThanOrEqual(1)
        expect(o.distance_km).toBeGreaterThan(1.5)
        expect(p).toMatchObject({ shares_postcode: false, adjacent: true, reachable: false })
        expect(p.distance_km).toBeGreaterThan(3)
        expect(Object.keys(n).sort()).toEqual(["adjacent", "distance_km", "id", "name", "own_group", "postcode_km", "reachable", "shares_postcode", "slug", "woonplaats"])
        const text = JSON.stringify(oneKm.data)
        for (const secret of ["Bert Buur", "@example.nl", "44444444", "admin_"]) expect(text).not.toContain(secret)

        const byDefault = await get(`/store/my-group/groups/${anouk.row.id}/nearby`, anouk.headers)
        expect(byDefault.data.km).toBe(2)
        expect(ids(byDefault.data.groups)).toEqual([shared.id, near.id, bordering.id, beyond.id, pinOff.id])
        const five = await get(`/store/my-group/groups/${anouk.row.id}/nearby?km=5`, anouk.headers)
        expect(ids(five.data.groups)).toEqual([shared.id, near.id, bordering.id, beyond.id, pinOff.id, fourKm.id])
        expect(byId(five.data.groups, fourKm.id)).toMatchObject({ adjacent: false })
        expect(byId(five.data.groups, fourKm.id).postcode_km).toBeGreaterThan(2)

        for (const km of ["3", "0", "abc", "-1"]) {
          const bad = await get(`/store/my-group/groups/${anouk.row.id}/nearby?km=${km}`, anouk.headers)
          expect(bad.status).toBe(400)
          expect(bad.data.errors.km).toBe("Kies 1, 2 of 5 km.")
        }
        expect((await get(`/store/my-group/groups/${near.id}/nearby`, anouk.headers)).status).toBe(404)

        // staff block the nearby group's admin: a block stops sending, not receiving (stranger's walk)
        await messages().createMessagingBlocks({ group_id: near.id, customer_id: null, reason: "test" })
        const afterBlock = await get(`/store/my-group/groups/${anouk.row.id}/nearby?km=1`, anouk.headers)
        expect(byId(afterBlock.data.groups, near.id).reachable).toBe(true)
        // and a blocked admin sees the others as they are, not every group as unreachable
        await messages().createMessagingBlocks({ group_id: anouk.row.id, customer_id: null, reason: "test" })
        const blockedView = await get(`/store/my-group/groups/${anouk.row.id}/nearby?km=1`, anouk.headers)
        expect(blockedView.status).toBe(200)
        expect(byId(blockedView.data.groups, near.id).reachable).toBe(true)
        expect(byId(blockedView.data.groups, bordering.id).reachable).toBe(false)
        expect((await get("/store/my-group", anouk.headers)).data.groups[0].messaging_blocked).toBe(true)
      })
    })

    describe("messages through the relay", () => {
      it("goes by mail with group and first name, reply and report links, no address; the receiver replies; both see the thread", async () => {
        const anouk = await admin("zender", ["3581"])
        const bert = await admin("ontvanger", ["3583"])
        expect((await setMessaging(bert, true)).status).toBe(200)

        const sent = await send(anouk, bert.row.id, { first_name: "Anouk" })
        expect(sent.status).toBe(201)
        expect(sent.data.message).toMatchObject({ kind: "message" })
        expect(sent.data.message.id).toMatch(/^admmsg_/)
        const id = sent.data.message.id

        const [mail] = await waitForMailTo(bert.email)
        expect(mail.headers.subject).toBe(`Bericht van Anouk van ${anouk.row.name}`)
        expect(mail.text).toContain(TEXT)
        expect(mail.text).toContain(`Beantwoorden: http://shop.test/mijn-groep/berichten/${id}`)
        expect(mail.text).toMatch(/Melden: http:\/\/shop\.test\/berichten\/melden\/[A-Za-z0-9_-]{43}/)
        expect(mail.text).toContain("jullie e-mailadressen en telefoonnummers blijven verborgen")
        expectNoSenderIdentity(mail, anouk)

        // the links are real links in the HTML part; the mail has its own Message-ID
        expect(mail.html).toContain(`Beantwoorden: <a href="http://shop.test/mijn-groep/berichten/${id}">`)
        expect(mail.html).toMatch(/Melden: <a href="http:\/\/shop\.test\/berichten\/melden\/[A-Za-z0-9_-]{43}">/)
        expect(mail.headers["message-id"]).toBe(`<${id}@shop.test>`)
        expect(mail.headers["in-reply-to"]).toBeUndefined()

        // a reply's errors name the reply (stranger's walk: they said "Je bericht")
        const short = await nothingSent(() => reply(bert, id, { message: "kort" }))
        expect(short.data.errors).toEqual({ message: "Je antwoord moet minstens 10 tekens lang zijn" })

        // the receiver answers (the original sender left the setting off: a reply reaches them anyway)
        const answered = await reply(bert, id, { first_name: "Bert" })
        expect(answered.status).toBe(201)
        expect(answered.data.message.kind).toBe("reply")
        const [back] = await waitForMailTo(anouk.email)
        // who answered (not "Re: Bericht van Anouk", to Anouk: stranger's walk), threaded under the first mail by its headers
        expect(back.headers.subject).toBe(`Antwoord van Bert (${bert.row.name}) op je bericht`)
        expect(back.headers["message-id"]).toBe(`<${answered.data.message.id}@shop.test>`)
        expect(back.headers["in-reply-to"]).toBe(`<${id}@shop.test>`)
        expect(back.headers.references).toBe(`<${id}@shop.test>`)
        expect(back.text).toContain("Goed idee, wij doen mee!")
        expect(back.text).toContain(`/mijn-groep/berichten/${answered.data.message.id}`)
        expectNoSenderIdentity(back, bert)

        // and the first sender answers the reply: the whole chain in References
        const again = await reply(anouk, answered.data.message.id, { first_name: "Anouk", message: "Top, ik bestel er tien." })
        expect(again.status).toBe(201)
        const third = (await waitForMailTo(bert.email, 2)).find((m) => m.text.includes("Top, ik bestel er tien."))!
        expect(third.headers.subject).toBe(`Antwoord van Anouk (${anouk.row.name}) op je bericht`)
        expect(third.text).toContain("Jouw bericht:")
        expect(third.headers["in-reply-to"]).toBe(`<${answered.data.message.id}@shop.test>`)
        expect(third.headers.references).toBe(`<${id}@shop.test> <${answered.data.message.id}@shop.test>`)
        // but nobody answers their own message
        const own = await reply(anouk, id)
        expect(own.status).toBe(403)
        expect(own.data.message).toBe("Je kunt alleen antwoorden op een bericht dat je hebt ontvangen.")

        const history = await get(`/store/my-group/groups/${anouk.row.id}/messages`, anouk.headers)
        expect(history.status).toBe(200)
        expect(history.data.messages.map((m: any) => [m.kind, m.direction, m.other_group.id])).toEqual([
          ["reply", "sent", bert.row.id],
          ["reply", "received", bert.row.id],
          ["message", "sent", bert.row.id],
        ])
        expect(history.data.messages[2]).toMatchObject({ id, sender_first_name: "Anouk", body: TEXT, thread_id: id, reply_to_id: null })
        expect(history.data.messages[2].other_group).toEqual({ id: bert.row.id, name: bert.row.name, slug: bert.row.slug })
        expect(JSON.stringify(history.data)).not.toMatch(/report_token|@example\.nl|Beheerder/)

        const thread = await get(`/store/my-group/groups/${bert.row.id}/messages/${id}`, bert.headers)
        expect(thread.status).toBe(200)
        expect(thread.data.message).toMatchObject({ id, direction: "received" })
        expect(thread.data.thread.map((m: any) => [m.kind, m.direction])).toEqual([
          ["message", "received"],
          ["reply", "sent"],
          ["reply", "received"],
        ])
        // a third admin is no party: 404, for the thread as for a reply
        const carla = await admin("derde", ["3584"])
        expect((await get(`/store/my-group/groups/${carla.row.id}/messages/${id}`, carla.headers)).status).toBe(404)
        expect((await get(`/store/my-group/groups/${bert.row.id}/messages/${id}`, carla.headers)).data.message).toBe("Groep niet gevonden.")
        const stranger = await reply(carla, id)
        expect(stranger.status).toBe(404)
        expect(stranger.data.message).toBe("Bericht niet gevonden.")
      })

      it("refuses, in Dutch and without storing or sending anything: unapproved, switched off, blocked, unknown, own group, bad fields, invite links", async () => {
        const anouk = await admin("weiger", ["3581"])
        const bert = await admin("weigerontvanger", ["3583"])
        const second = await staffGroup(`Buurtpreventie Tweede ${++counter}`, anouk.email, ["3582"])
        expect((await setMessaging(bert, true)).status).toBe(200)

        // switched off
        expect((await setMessaging(bert, false)).status).toBe(200)
        let answer = await nothingSent(() => send(anouk, bert.row.id))
        expect([answer.status, answer.data.message]).toEqual([403, CANNOT_RECEIVE])
        expect((await setMessaging(bert, true)).status).toBe(200)

        // unknown group, and a group that is not approved
        answer = await nothingSent(() => send(anouk, "nbgrp_bestaatniet"))
        expect([answer.status, answer.data.message]).toEqual([404, CANNOT_RECEIVE])
        const pending = await staffGroup(`Buurtpreventie Wacht ${++counter}`, `wacht.${counter}@example.nl`, ["3583"])
        await kit.service().setAdminMessagesEnabled(pending.id, true)
        await kit.service().updateNeighbourhoodGroups({ id: pending.id, status: "pending" })
        answer = await nothingSent(() => send(anouk, pending.id))
        expect([answer.status, answer.data.message]).toEqual([404, CANNOT_RECEIVE])

        // own group, also another one of the same admin
        answer = await nothingSent(() => send(anouk, anouk.row.id))
        expect(answer.status).toBe(400)
        expect(answer.data.errors.to_group_id).toBe("Je kunt geen bericht sturen aan je eigen groep.")
        expect((await nothingSent(() => send(anouk, second.id))).status).toBe(400)
        // nor is the admin's other group reachable in Buurgroepen, nor a receiver of their warnings
        await kit.service().setAdminMessagesEnabled(second.id, true)
        const nearby = await get(`/store/my-group/groups/${anouk.row.id}/nearby?km=2`, anouk.headers)
        expect(nearby.data.groups.find((g: any) => g.id === second.id)).toMatchObject({ shares_postcode: false, own_group: true, reachable: false })

        // someone else's group as sender: like a missing one
        answer = await nothingSent(() => post(`/store/my-group/groups/${bert.row.id}/messages`, { to_group_id: anouk.row.id, first_name: "Anouk", message: TEXT }, anouk.headers))
        expect([answer.status, answer.data.message]).toEqual([404, "Groep niet gevonden."])

        // fields
        answer = await nothingSent(() => send(anouk, bert.row.id, { first_name: "", message: "kort" }))
        expect(answer.status).toBe(400)
        expect(answer.data.errors).toEqual({ first_name: "Vul je voornaam in", message: "Je bericht moet minstens 10 tekens lang zijn" })
        for (const [first_name, error] of [
          ["Anouk anouk@example.nl", "Je voornaam mag geen webadres of e-mailadres bevatten"],
          ["Anouk 06-12345678", "Je voornaam mag geen telefoonnummer bevatten"],
          ["Anouk\nWinkel: klik hier", "Je voornaam moet op één regel staan"],
          ["A".repeat(41), "Je voornaam mag hoogstens 40 tekens lang zijn"],
        ]) {
          answer = await nothingSent(() => send(anouk, bert.row.id, { first_name }))
          expect([answer.status, answer.data.errors?.first_name]).toEqual([400, error])
        }
        answer = await nothingSent(() => send(anouk, bert.row.id, { message: "x".repeat(2001) }))
        expect(answer.data.errors.message).toBe("Je bericht mag hoogstens 2000 tekens lang zijn")
        answer = await nothingSent(() => send(anouk, bert.row.id, { message: "Kom in onze groep: chat.whatsapp.com/AbCdEfGh123" }))
        expect(answer.status).toBe(400)
        expect(answer.data.errors.message).toMatch(/uitnodigingslink/)
        answer = await nothingSent(() => send(anouk, bert.row.id, { message: TEXT, cc: "x@example.nl" }))
        expect(answer.data.errors.cc).toBe('Onbekend veld "cc"')

        // blocked by staff (the admin, across their groups), and the reply path too
        const ok = await send(anouk, bert.row.id)
        expect(ok.status).toBe(201)
        await messages().createMessagingBlocks({ group_id: second.id, customer_id: null, reason: "test" })
        answer = await nothingSent(() => send(anouk, bert.row.id))
        expect([answer.status, answer.data.message]).toEqual([403, BLOCKED])
        const answered = await reply(bert, ok.data.message.id)
        expect(answered.status).toBe(201)
        answer = await nothingSent(() => reply(anouk, answered.data.message.id))
        expect([answer.status, answer.data.message]).toEqual([403, BLOCKED])
        expect((await get("/store/my-group", anouk.headers)).data.groups.every((g: any) => g.messaging_blocked)).toBe(true)

        // a blocked receiver with the setting on still receives (a block stops sending), but cannot answer
        const carla = await admin("geblokkeerd", ["3584"])
        expect((await setMessaging(carla, true)).status).toBe(200)
        await messages().createMessagingBlocks({ group_id: carla.row.id, customer_id: null, reason: "test" })
        const toBlocked = await send(bert, carla.row.id)
        expect(toBlocked.status).toBe(201)
        answer = await nothingSent(() => reply(carla, toBlocked.data.message.id))
        expect([answer.status, answer.data.message]).toEqual([403, BLOCKED])

        // the sender's own group no longer approved
        await kit.service().updateNeighbourhoodGroups({ id: bert.row.id, status: "archived" })
        answer = await nothingSent(() => send(bert, anouk.row.id))
        expect([answer.status, answer.data.message]).toEqual([403, "Alleen een goedgekeurde groep kan berichten sturen aan andere beheerders."])
      })

      it("limits each sending admin (10 an hour) and each receiving group (15 a day): 429 with Retry-After, nothing stored", async () => {
        const anouk = await admin("limiet", ["3581"])
        const dirk = await admin("limiettwee", ["3582"])
        const bert = await admin("limietontvanger", ["3583"])
        const carla = await admin("limietanders", ["3584"])
        for (const a of [bert, carla]) expect((await setMessaging(a, true)).status).toBe(200)

        for (let i = 0; i < 10; i++) expect((await send(anouk, bert.row.id)).status).toBe(201)
        let answer = await nothingSent(() => send(anouk, carla.row.id))
        expect(answer.status).toBe(429)
        expect(answer.data.message).toMatch(/^Je hebt al veel berichten gestuurd\. Probeer het over \d+ minuten opnieuw\.$/)
        expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0)

        for (let i = 0; i < 5; i++) expect((await send(dirk, bert.row.id)).status).toBe(201)
        answer = await nothingSent(() => send(dirk, bert.row.id))
        expect(answer.status).toBe(429)
        expect(answer.data.message).toMatch(/^Deze groep heeft vandaag al veel berichten gekregen\. Probeer het over \d+ uur opnieuw\.$/)
        expect(Number(answer.headers["retry-after"])).toBeGreaterThan(3600)
        // refused by the receiver's budget: the sender's own budget was given back
        expect((await send(dirk, carla.row.id)).status).toBe(201)
        // refused messages did not count either
        for (let i = 0; i < 4; i++) expect((await send(dirk, carla.row.id)).status).toBe(201)
        expect((await send(dirk, carla.row.id)).status).toBe(429)
      })
    })

    describe("Waarschuw buurgroepen", () => {
      it("mails each reachable nearby admin once, lists the warning once with its count, allows 3 a day", async () => {
        // Groningen: no other test has groups here. 9725 and 9717 border 9711; Assen (9401) lies ~25 km away.
        // (9733, ~4 km east, borders 9711 in the test fixture: it holds no PC4 between them)
        const anouk = await admin("waarschuwer", ["9711"])
        const bert = await admin("waarschuwd", ["9725"])
        const carla = await admin("gewaarschuwd", ["9717"])
        const dirk = await admin("uitgezet", ["9725"])
        const erik = await admin("verweg", ["9401"])
        for (const a of [bert, carla, erik]) expect((await setMessaging(a, true)).status).toBe(200)
        const warning = { first_name: "Anouk", message: "Vannacht is er ingebroken aan de Lindelaan, let op elkaars huis.", km: 2 }
        const warn = (body: Record<string, unknown> = {}) => post(`/store/my-group/groups/${anouk.row.id}/warnings`, { ...warning, ...body }, anouk.headers)

        const sent = await warn()
        expect(sent.status).toBe(201)
        expect(sent.data).toEqual({ sent_to: 2 })
        for (const receiver of [bert, carla]) {
          const [mail] = await waitForMailTo(receiver.email)
          expect(mail.headers.subject).toBe(`Waarschuwing van Anouk van ${anouk.row.name}`)
          expect(mail.headers["message-id"]).toMatch(/^<admmsg_[A-Za-z0-9]+@shop\.test>$/)
          expect(mail.html).toMatch(/Beantwoorden: <a href="http:\/\/shop\.test\/mijn-groep\/berichten\/admmsg_/)
          expect(mail.text).toContain(warning.message)
          expect(mail.text).toContain("Bel eerst 112.")
          expect(mail.text).toMatch(/Beantwoorden: http:\/\/shop\.test\/mijn-groep\/berichten\/admmsg_/)
          expectNoSenderIdentity(mail, anouk)
        }
        await kit.mailsSettled()
        // the admin who left the setting off, and the group far beyond 2 km, receive nothing
        expect(relayMailsTo(dirk.email)).toEqual([])
        expect(relayMailsTo(erik.email)).toEqual([])

        const history = await get(`/store/my-group/groups/${anouk.row.id}/messages`, anouk.headers)
        expect(history.data.messages).toHaveLength(1)
        expect(history.data.messages[0]).toMatchObject({ kind: "warning", direction: "sent", other_group: null, recipients: 2, body: warning.message })
        // the sender's own history names the groups it went to, with their places, by name; nothing of their admins
        const place = async (id: string) => (await kit.service().retrieveNeighbourhoodGroup(id)).woonplaats
        const named = async (a: Admin) => ({ id: a.row.id, name: a.row.name, slug: a.row.slug, woonplaats: await place(a.row.id) })
        const expectedRecipients = [await named(bert), await named(carla)].sort((x, y) => x.name.localeCompare(y.name, "nl"))
        expect(history.data.messages[0].recipient_groups).toEqual(expectedRecipients)
        expect(expectedRecipients.every((g) => g.woonplaats)).toBe(true)
        expect(JSON.stringify(history.data)).not.toMatch(/@example\.nl|Beheerder|5555/)
        const received = await get(`/store/my-group/groups/${bert.row.id}/messages`, bert.headers)
        expect(received.data.messages).toHaveLength(1)
        expect(received.data.messages[0]).toMatchObject({ kind: "warning", direction: "received", other_group: { id: anouk.row.id } })
        // a receiver never learns who else was warned: not in its list, not in its thread
        expect(received.data.messages[0].recipient_groups).toBeUndefined()
        expect(JSON.stringify(received.data)).not.toContain(carla.row.name)
        const bertsThread = await get(`/store/my-group/groups/${bert.row.id}/messages/${received.data.messages[0].id}`, bert.headers)
        expect(JSON.stringify(bertsThread.data)).not.toContain(carla.row.name)
        // nor does another admin reach the sender's history
        expect((await get(`/store/my-group/groups/${anouk.row.id}/messages`, bert.headers)).status).toBe(404)

        // a receiver answers; the sender gets it, and only that receiver's side is in its thread
        const answered = await reply(bert, received.data.messages[0].id, { message: "Dank je, we houden een oogje in het zeil." })
        expect(answered.status).toBe(201)
        const [answerMail] = await waitForMailTo(anouk.email)
        expect(answerMail.headers.subject).toBe(`Antwoord van Bert (${bert.row.name}) op je bericht`)
        expect(answerMail.headers["in-reply-to"]).toBe(`<${received.data.messages[0].id}@shop.test>`)
        const short = await nothingSent(() => warn({ message: "kort" }))
        expect(short.data.errors.message).toBe("Je waarschuwing moet minstens 10 tekens lang zijn")
        const thread = await get(`/store/my-group/groups/${anouk.row.id}/messages/${history.data.messages[0].id}`, anouk.headers)
        expect(thread.data.thread.map((m: any) => [m.kind, m.direction, m.recipients ?? null])).toEqual([
          ["warning", "sent", 2],
          ["reply", "received", null],
        ])
        expect(thread.data.thread[0].recipient_groups).toEqual(expectedRecipients)
        expect(thread.data.message.recipient_groups).toEqual(expectedRecipients)
        const carlaThread = await get(`/store/my-group/groups/${carla.row.id}/messages`, carla.headers)
        expect(carlaThread.data.messages.map((m: any) => m.kind)).toEqual(["warning"])

        // 3 a day per group (each a new text: the same text again within 10 minutes is a retry, see admin-messages-walk.spec.ts)
        expect((await warn({ message: `${warning.message} Tweede melding.` })).status).toBe(201)
        expect((await warn({ message: `${warning.message} Derde melding.` })).status).toBe(201)
        const fourth = await nothingSent(() => warn({ message: `${warning.message} Vierde melding.` }))
        expect(fourth.status).toBe(429)
        expect(fourth.data.message).toMatch(/^Je groep heeft in de afgelopen 24 uur al 3 waarschuwingen gestuurd\. Probeer het over \d+ uur opnieuw\.$/)
        expect(Number(fourth.headers["retry-after"])).toBeGreaterThan(3600)

        const noKm = await nothingSent(() => post(`/store/my-group/groups/${erik.row.id}/warnings`, { first_name: "Erik", message: warning.message }, erik.headers))
        expect(noKm.data.errors.km).toBe("Kies 1, 2 of 5 km.")
        const nobody = await nothingSent(() => post(`/store/my-group/groups/${erik.row.id}/warnings`, { ...warning, first_name: "Erik", km: 1 }, erik.headers))
        expect([nobody.status, nobody.data.message]).toEqual([400, "Er zijn geen buurgroepen die berichten ontvangen binnen 1 km."])
        const invite = await nothingSent(() => warn({ message: "Kom in de groep: wa.me/31612345678 snel" }))
        expect(invite.status).toBe(400)
      })
    })

    describe("report and block", () => {
      it("the report link reaches staff without signing in; staff see reports and block the admin across their groups", async () => {
        const anouk = await admin("gemeld", ["3581"])
        const bert = await admin("melder", ["3583"])
        expect((await setMessaging(bert, true)).status).toBe(200)
        expect((await send(anouk, bert.row.id, { message: "Jullie groep is waardeloos, opdoeken!" })).status).toBe(201)
        const [mail] = await waitForMailTo(bert.email)
        const token = /\/berichten\/melden\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]

        const ip = { "x-forwarded-for": kit.nextIp() }
        const reported = await post("/store/admin-messages/report", { token, reason: "Scheldt ons uit" }, ip)
        expect(reported.status).toBe(200)
        expect(reported.data).toEqual({ reported: true, added: false })
        const staffMail = await (async () => {
          for (let i = 0; i < 200; i++) {
            const found = readMails(MAIL_DIR).find((m) => path.basename(m.file).includes("-group-admin-message-reported-"))
            if (found) return found
            await new Promise((r) => setTimeout(r, 50))
          }
          throw new Error("no staff mail")
        })()
        expect(staffMail.headers.to).toBe("moderatie@example.nl")
        expect(staffMail.headers.subject).toBe(`Bericht tussen beheerders gemeld: ${anouk.row.name}`)
        expect(staffMail.text).toContain("Jullie groep is waardeloos, opdoeken!")
        expect(staffMail.text).toContain("Scheldt ons uit")
        expect(staffMail.text).toContain(`http://admin.test/app/groups/${anouk.row.id}`)
        expectNoSenderIdentity(staffMail, anouk)
        // once is enough: without a new reason, no second report or mail while staff have not handled it
        expect((await post("/store/admin-messages/report", { token }, ip)).status).toBe(200)
        await kit.mailsSettled()
        expect(readMails(MAIL_DIR).filter((m) => path.basename(m.file).includes("-group-admin-message-reported-"))).toHaveLength(1)

        // the report page shows what is reported: the sending group, first name, date and text; no address
        const shown = await get(`/store/admin-messages/report/${token}`)
        expect(shown.status).toBe(200)
        expect(shown.headers["cache-control"]).toBe("private, no-store")
        expect(shown.data.message).toEqual({
          kind: "message",
          from_group: { name: anouk.row.name, woonplaats: "Utrecht" },
          sender_first_name: "Anouk",
          body: "Jullie groep is waardeloos, opdoeken!",
          created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        })
        expect(JSON.stringify(shown.data)).not.toMatch(/@example\.nl|Beheerder|report_token|5555/)
        for (const bad of ["x".repeat(43), "kort", "..%2F..%2Fadmin"]) {
          const missing = await get(`/store/admin-messages/report/${bad}`)
          expect([missing.status, missing.data.message]).toEqual([404, "Deze meldlink is onbekend of het bericht is verwijderd."])
        }

        const unknown = await post("/store/admin-messages/report", { token: "x".repeat(43) }, ip)
        expect([unknown.status, unknown.data.message]).toEqual([404, "Deze meldlink is onbekend of het bericht is verwijderd."])
        const broken = await post("/store/admin-messages/report", { token: "kort" }, ip)
        expect(broken.data.errors.token).toBe("Deze meldlink is onvolledig. Open de link uit de e-mail opnieuw.")

        // staff's list
        expect((await get("/admin/admin-messages/reports")).status).toBe(401)
        const list = await kit.call(api.get("/admin/admin-messages/reports", kit.admin))
        expect(list.status).toBe(200)
        const report = list.data.reports.find((r: any) => r.message?.from_group.id === anouk.row.id)
        expect(report).toMatchObject({
          reason: "Scheldt ons uit",
          handled_at: null,
          message: { body: "Jullie groep is waardeloos, opdoeken!", sender_first_name: "Anouk", to_group: { id: bert.row.id }, sender_blocked: false },
        })

        // staff block the admin, with a reason: refused on every group of theirs, shown on Mijn groep; still receives
        const block = (groupId: string, body: unknown) => kit.call(api.post(`/admin/groups/${groupId}/messaging-block`, body, kit.admin))
        expect((await block(anouk.row.id, { blocked: "ja" })).data.errors.blocked).toBeDefined()
        const noReason = await block(anouk.row.id, { blocked: true })
        expect([noReason.status, noReason.data.errors?.reason]).toEqual([400, "Geef de reden van de blokkade"])
        expect((await block(anouk.row.id, { blocked: true, reason: "   " })).data.errors?.reason).toBe("Geef de reden van de blokkade")
        expect((await kit.adminGroup(anouk.row.id)).messaging_blocked).toBe(false)
        expect((await block("nbgrp_bestaatniet", { blocked: true, reason: "test" })).status).toBe(404)
        expect((await kit.call(api.post(`/admin/groups/${anouk.row.id}/messaging-block`, { blocked: true, reason: "x" }))).status).toBe(401)
        const before = Date.now()
        const blocked = await block(anouk.row.id, { blocked: true, reason: "Scheldt andere beheerders uit" })
        expect([blocked.status, blocked.data]).toEqual([200, { blocked: true }])
        const refused = await nothingSent(() => send(anouk, bert.row.id))
        expect([refused.status, refused.data.message]).toEqual([403, BLOCKED])
        expect((await get("/store/my-group", anouk.headers)).data.groups[0].messaging_blocked).toBe(true)
        expect((await setMessaging(anouk, true)).status).toBe(200)
        // staff's group page shows the block with its reason and date
        const staffView = await kit.adminGroup(anouk.row.id)
        expect(staffView).toMatchObject({
          admin_messages_enabled: true,
          messaging_blocked: true,
          messaging_block: { reason: "Scheldt andere beheerders uit" },
        })
        expect(Date.parse(staffView.messaging_block.created_at)).toBeGreaterThanOrEqual(before - 5000)
        // a block stops sending, not receiving: with the setting on, the blocked admin stays reachable
        const nearby = await get(`/store/my-group/groups/${bert.row.id}/nearby?km=1`, bert.headers)
        expect(nearby.data.groups.find((g: any) => g.id === anouk.row.id).reachable).toBe(true)
        expect((await send(bert, anouk.row.id)).status).toBe(201)
        const after = await kit.call(api.get("/admin/admin-messages/reports", kit.admin))
        expect(after.data.reports.find((r: any) => r.id === report.id).message.sender_blocked).toBe(true)

        const unblocked = await block(anouk.row.id, { blocked: false })
        expect(unblocked.data).toEqual({ blocked: false })
        expect((await kit.adminGroup(anouk.row.id)).messaging_block).toBeNull()
        expect((await send(anouk, bert.row.id)).status).toBe(201)
      })

      it("staff, and only staff, mark a report handled or open it again; reporting a handled message again opens its report again", async () => {
        const anouk = await admin("afhandel", ["3581"])
        const bert = await admin("afhandelmelder", ["3583"])
        expect((await setMessaging(bert, true)).status).toBe(200)
        expect((await send(anouk, bert.row.id, { message: "Dit is een bericht dat gemeld wordt." })).status).toBe(201)
        const [mail] = await waitForMailTo(bert.email)
        const token = /\/berichten\/melden\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]
        const ip = { "x-forwarded-for": kit.nextIp() }
        expect((await post("/store/admin-messages/report", { token }, ip)).status).toBe(200)
        const reportsOf = async () =>
          (await kit.call(api.get("/admin/admin-messages/reports", kit.admin))).data.reports.filter((r: any) => r.message?.from_group.id === anouk.row.id)
        const [report] = await reportsOf()
        expect(report.handled_at).toBeNull()
        const handle = (body: unknown, headers?: Record<string, string>) =>
          kit.call(api.post(`/admin/admin-messages/reports/${report.id}`, body, headers ? { headers } : kit.admin))

        // who may: not a visitor, not a group admin, not a wijkagent
        expect((await handle({ handled: true }, {})).status).toBe(401)
        expect((await handle({ handled: true }, { ...anouk.headers })).status).toBe(401)
        const author = { email: "wijkagent.afhandel@politie.example", password: "een-lang-wachtwoord" }
        const created = await kit.call(
          api.post("/admin/notices/authors", { name: "Jan Agent", organisation: "Wijkagent Utrecht-Oost", municipality_codes: ["0344"], ...author }, kit.admin)
        )
        expect(created.status).toBe(201)
        const { data: signedIn } = await kit.login(author.email, author.password, "notice_author")
        expect((await handle({ handled: true }, kit.bearer(signedIn.token))).status).toBe(401)
        expect((await reportsOf())[0].handled_at).toBeNull()

        // staff: bad bodies, an unknown report, then handled and open again
        expect((await handle({ handled: "ja" })).data.errors.handled).toBeDefined()
        expect((await handle({})).status).toBe(400)
        const unknown = await kit.call(api.post("/admin/admin-messages/reports/msgrep_bestaatniet", { handled: true }, kit.admin))
        expect([unknown.status, unknown.data.message]).toEqual([404, "Deze melding bestaat niet (meer)."])
        const handled = await handle({ handled: true })
        expect(handled.status).toBe(200)
        expect(handled.data.report).toMatchObject({ id: report.id, handled_at: expect.stringMatching(/^\d{4}-/) })
        expect((await reportsOf())[0].handled_at).toBe(handled.data.report.handled_at)
        // once handled, the receiver may report the message again: the report opens again with the addition
        expect((await post("/store/admin-messages/report", { token, reason: "Weer" }, ip)).status).toBe(200)
        expect((await reportsOf()).map((r: any) => [r.reason.replace(/^Aanvulling van .*: /, "Aanvulling: "), r.handled_at === null])).toEqual([
          ["Aanvulling: Weer", true],
        ])
        const rehandled = await handle({ handled: true })
        expect(rehandled.status).toBe(200)
        const reopened = await handle({ handled: false })
        expect([reopened.status, reopened.data.report.handled_at]).toEqual([200, null])
      })

      it("limits reports per address, unknown tokens included", async () => {
        const ip = { "x-forwarded-for": kit.nextIp() }
        for (let i = 0; i < 10; i++) expect((await post("/store/admin-messages/report", { token: `onbekend${i}`.padEnd(43, "x") }, ip)).status).toBe(404)
        const refused = await post("/store/admin-messages/report", { token: "y".repeat(43) }, ip)
        expect(refused.status).toBe(429)
        expect(refused.data.message).toMatch(/^Te veel meldingen\. Probeer het over \d+ minuten opnieuw\.$/)
      })

      it("limits report-link lookups per address (30 an hour), unknown tokens included; a refused lookup changes nothing, another address gets through", async () => {
        const anouk = await admin("opzoeker", ["3581"])
        const bert = await admin("opzoekontvanger", ["3583"])
        expect((await setMessaging(bert, true)).status).toBe(200)
        expect((await send(anouk, bert.row.id, { message: "Dit bericht wordt straks opgezocht." })).status).toBe(201)
        const [mail] = await waitForMailTo(bert.email)
        const token = /\/berichten\/melden\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]
        const reports = async () => (await dbConnection.raw("select count(*)::int as n from message_report")).rows[0].n

        const guesser = { "x-forwarded-for": kit.nextIp() }
        // guessing: every unknown token counts
        for (let i = 0; i < 29; i++) expect((await get(`/store/admin-messages/report/${`geraden${i}`.padEnd(43, "x")}`, guesser)).status).toBe(404)
        expect((await get(`/store/admin-messages/report/${token}`, guesser)).status).toBe(200)
        const before = await reports()
        const refused = await nothingSent(() => get(`/store/admin-messages/report/${token}`, guesser))
        expect(refused.status).toBe(429)
        expect(refused.data.message).toMatch(/^Te veel meldlinks geopend\. Probeer het over \d+ minuten opnieuw\.$/)
        expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)
        expect(JSON.stringify(refused.data)).not.toContain("opgezocht")
        expect((await get(`/store/admin-messages/report/${"z".repeat(43)}`, guesser)).status).toBe(429)
        expect(await reports()).toBe(before)

        // another address looks the link up as before; filing a report has its own budget
        const other = await get(`/store/admin-messages/report/${token}`, { "x-forwarded-for": kit.nextIp() })
        expect([other.status, other.data.message.body, other.data.report]).toEqual([200, "Dit bericht wordt straks opgezocht.", null])
        expect((await post("/store/admin-messages/report", { token }, guesser)).status).toBe(200)
        expect(await reports()).toBe(before + 1)
      })
    })

    describe("Berichten as conversations", () => {
      it("pages the group's conversations, newest activity first, each with how it started, its latest message and its replies, however old", async () => {
        const anouk = await admin("gesprekken", ["3581"])
        const tag = ++counter
        const bert = await staffGroup(`Buurtpreventie Gesprek B ${tag}`, `gesprek.b.${tag}@example.nl`, ["3583"])
        const carla = await staffGroup(`Buurtpreventie Gesprek C ${tag}`, `gesprek.c.${tag}@example.nl`, ["3584"])
        const [A, B, C] = [anouk.row.id, bert.id, carla.id]
        const id = (name: string) => `admmsg_${tag}_${name}`
        // rows as the relay stores them, with their times: over 200 messages cannot be sent through the budgets
        const insert = (sql: string, params: unknown[]) =>
          dbConnection.raw(
            `insert into admin_message (id, kind, from_group_id, to_group_id, sender_first_name, body, thread_id, reply_to_id, report_token, created_at, updated_at)
             ${sql}`,
            params
          )
        const row = (name: string, kind: string, from: string, to: string, body: string, thread: string, replyTo: string | null, ago: string) =>
          insert(`values (?, ?, ?, ?, 'Anouk', ?, ?, ?, ?, now() - ?::interval, now() - ?::interval)`, [
            id(name), kind, from, to, body, id(thread), replyTo ? id(replyTo) : null, `tok_${name}_${tag}`, ago, ago,
          ])
        // T0: the oldest start, answered an hour ago (its start lies far beyond the 200 newest messages)
        await row("t0", "message", A, B, "Het allereerste bericht aan B.", "t0", null, "10 days")
        await row("t0r", "reply", B, A, "Eindelijk een antwoord van B.", "t0", "t0", "1 hour")
        // T1: a message to C and 210 replies back and forth
        await row("t1", "message", A, C, "Zullen we samen borden bestellen?", "t1", null, "9 days")
        await insert(
          `select ?::text || i, 'reply', case when i % 2 = 0 then ? else ? end, case when i % 2 = 0 then ? else ? end, 'Anouk', 'Antwoord nummer ' || i,
                  ?, ?, ?::text || i, now() - interval '9 days' + i * interval '1 minute', now() - interval '9 days' + i * interval '1 minute'
             from generate_series(1, 210) i`,
          [id("t1r"), A, C, C, A, id("t1"), id("t1"), `tok_t1r_${tag}_`]
        )
        // 22 single messages to B
        await insert(
          `select ?::text || i, 'message', ?, ?, 'Anouk', 'Los bericht ' || i, ?::text || i, null, ?::text || i,
                  now() - interval '8 days' + i * interval '1 minute', now() - interval '8 days' + i * interval '1 minute'
             from generate_series(0, 21) i`,
          [id("s"), A, B, id("s"), `tok_s_${tag}_`]
        )
        // W: a warning Anouk sent to B and C
        await row("w", "warning", A, B, "Let op: inbraken in de wijk.", "w", null, "7 days")
        await row("w2", "warning", A, C, "Let op: inbraken in de wijk.", "w", null, "7 days")
        // X: a warning B sent to Anouk and C; C's reply to B is not Anouk's
        await row("x", "warning", B, A, "Waarschuwing van B aan de buren.", "x", null, "6 days")
        await row("x2", "warning", B, C, "Waarschuwing van B aan de buren.", "x", null, "6 days")
        await row("x2r", "reply", C, B, "Dank, C let ook op.", "x", "x2", "5 days")

        // the newest 200 messages no longer hold T0's start: the old list showed it only partially
        const newest = await get(`/store/my-group/groups/${A}/messages`, anouk.headers)
        // (200 rows: Anouk's sent warning's two rows show as one)
        expect(newest.data.messages).toHaveLength(199)
        expect(newest.data.messages.map((m: any) => m.id)).toContain(id("t0r"))
        expect(newest.data.messages.map((m: any) => m.id)).not.toContain(id("t0"))

        const page = (query = "") => get(`/store/my-group/groups/${A}/conversations${query}`, anouk.headers)
        const first = await page()
        expect(first.status).toBe(200)
        expect(first.headers["cache-control"]).toBe("private, no-store")
        expect([first.data.count, first.data.limit, first.data.offset, first.data.conversations.length]).toEqual([26, 20, 0, 20])
        const threads = (answer: any) => answer.data.conversations.map((c: any) => c.thread_id)
        const singles = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, k) => id(`s${from - k}`))
        expect(threads(first)).toEqual([id("t0"), id("x"), id("w"), ...singles(21, 5)])
        const [t0, x, w] = first.data.conversations
        expect(t0).toMatchObject({
          kind: "message",
          replies: 1,
          can_reply: true,
          other_group: { id: B, name: bert.name, slug: bert.slug },
          first: { id: id("t0"), kind: "message", direction: "sent", body: "Het allereerste bericht aan B." },
          latest: { id: id("t0r"), kind: "reply", direction: "received", body: "Eindelijk een antwoord van B." },
        })
        expect(Date.parse(t0.first.created_at)).toBeLessThan(Date.now() - 9 * 24 * 3600 * 1000)
        // a warning received: only Anouk's own side, not C's reply to B
        expect(x).toMatchObject({ kind: "warning", replies: 0, can_reply: true, other_group: { id: B }, first: { id: id("x"), direction: "received" } })
        expect(x.latest.id).toBe(id("x"))
        expect(JSON.stringify(x)).not.toContain("C let ook op")
        expect(x.first.recipient_groups).toBeUndefined()
        // a warning sent: once, with its receivers named (its latest message is the warning itself)
        expect(w).toMatchObject({ kind: "warning", replies: 0, can_reply: false, other_group: null, first: { id: id("w"), direction: "sent", recipients: 2 } })
        expect(w.first.recipient_groups.map((g: any) => g.id)).toEqual([B, C])
        expect(w.latest).toMatchObject({ id: id("w"), recipients: 2 })
        expect(first.data.conversations[3]).toMatchObject({ replies: 0, can_reply: false, first: { body: "Los bericht 21" } })
        expect(JSON.stringify(first.data)).not.toMatch(/report_token|tok_|@example\.nl|Beheerder/)

        const second = await page("?limit=20&offset=20")
        expect([second.data.count, second.data.offset, threads(second)]).toEqual([26, 20, [...singles(4, 0), id("t1")]])
        const t1 = second.data.conversations[5]
        expect(t1).toMatchObject({
          replies: 210,
          can_reply: true,
          other_group: { id: C },
          first: { id: id("t1"), body: "Zullen we samen borden bestellen?" },
          latest: { id: id("t1r210"), body: "Antwoord nummer 210", direction: "sent" },
        })
        expect((await page("?limit=5&offset=1")).data.conversations.map((c: any) => c.thread_id)).toEqual([id("x"), id("w"), ...singles(21, 19)])
        const beyond = await page("?offset=40")
        expect([beyond.status, beyond.data.count, beyond.data.conversations]).toEqual([200, 26, []])

        // paging in Dutch, per field
        for (const [query, field, message] of [
          ["?limit=51", "limit", "limit is hoogstens 50"],
          ["?limit=0", "limit", "limit is minstens 1"],
          ["?offset=abc", "offset", "offset is een heel getal van 0 of meer"],
          ["?soort=alles", "soort", 'Onbekend veld "soort"'],
        ]) {
          const bad = await page(query)
          expect([bad.status, bad.data.errors?.[field]]).toEqual([400, message])
        }
        // only the group's own admin
        const other = await admin("gesprekkenander", ["3582"])
        const foreign = await get(`/store/my-group/groups/${A}/conversations`, other.headers)
        expect([foreign.status, foreign.data.message]).toEqual([404, "Groep niet gevonden."])
        expect((await get(`/store/my-group/groups/${A}/conversations`)).status).toBe(401)
        const none = await get(`/store/my-group/groups/${other.row.id}/conversations`, other.headers)
        expect([none.status, none.data]).toEqual([200, { conversations: [], count: 0, limit: 20, offset: 0 }])
      })
    })

    describe("erasure", () => {
      it("removing an admin's data deletes their messages both ways, reports, blocks and the setting; reply and report links answer 404", async () => {
        // Amsterdam: 1012 lies next to 1011
        const vera = await admin("verwijder", ["1011"])
        const bert = await admin("blijver", ["1012"])
        const carla = await admin("derdepartij", ["1012"])
        for (const a of [vera, bert, carla]) expect((await setMessaging(a, true)).status).toBe(200)
        const sent = await send(vera, bert.row.id, { first_name: "Vera", message: `Mail me gerust op ${vera.email} of bel ${vera.phone}.` })
        expect(sent.status).toBe(201)
        const [mail] = await waitForMailTo(bert.email)
        const token = /\/berichten\/melden\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]
        const answered = await reply(bert, sent.data.message.id)
        expect(answered.status).toBe(201)
        const fromBert = await send(bert, vera.row.id)
        expect(fromBert.status).toBe(201)
        const between = await send(bert, carla.row.id)
        expect(between.status).toBe(201)
        // a warning from Bert reached Vera's and Carla's groups: his history names both
        const warned = await post(
          `/store/my-group/groups/${bert.row.id}/warnings`,
          { first_name: "Bert", message: "Let op: vannacht fietsen gestolen bij het station.", km: 1 },
          bert.headers
        )
        expect([warned.status, warned.data]).toEqual([201, { sent_to: 2 }])
        const warningOf = async () =>
          (await get(`/store/my-group/groups/${bert.row.id}/messages`, bert.headers)).data.messages.find((m: any) => m.kind === "warning")
        expect((await warningOf()).recipient_groups.map((g: any) => g.id).sort()).toEqual([vera.row.id, carla.row.id].sort())
        expect((await post("/store/admin-messages/report", { token }, { "x-forwarded-for": kit.nextIp() })).status).toBe(200)
        expect((await kit.call(api.post(`/admin/groups/${vera.row.id}/messaging-block`, { blocked: true, reason: "Vera deelt telefoonnummers" }, kit.admin))).status).toBe(200)
        await kit.mailsSettled()
        const ids = [sent.data.message.id, answered.data.message.id, fromBert.data.message.id]

        const removed = await post("/store/my-group/removal", { confirm: true }, vera.headers)
        expect(removed.status).toBe(200)
        await kit.mailsSettled()

        const rows = async (sql: string, params: unknown[]) => (await dbConnection.raw(sql, params)).rows
        expect(await rows("select id from admin_message where from_group_id = ? or to_group_id = ?", [vera.row.id, vera.row.id])).toEqual([])
        expect(await rows("select id from message_report where message_id = any(?)", [ids])).toEqual([])
        expect(await rows("select id from messaging_block where group_id = ?", [vera.row.id])).toEqual([])
        expect(await rows("select id from notification where resource_id = any(?)", [ids])).toEqual([])
        expect(await rows("select id from admin_message where body ilike ?", [`%${vera.email}%`])).toEqual([])
        expect((await kit.service().retrieveNeighbourhoodGroup(vera.row.id)).admin_messages_enabled).toBe(false)
        // the other admins' own conversation stays
        expect((await rows("select id from admin_message where id = ?", [between.data.message.id])).length).toBe(1)
        // Bert's warning still lists Carla's group, Vera's no more
        const warningAfter = await warningOf()
        expect([warningAfter.recipients, warningAfter.recipient_groups.map((g: any) => g.id)]).toEqual([1, [carla.row.id]])
        expect(JSON.stringify(warningAfter)).not.toContain(vera.row.name)

        // the reply path to Vera is gone
        const thread = await get(`/store/my-group/groups/${bert.row.id}/messages/${sent.data.message.id}`, bert.headers)
        expect([thread.status, thread.data.message]).toEqual([404, "Bericht niet gevonden."])
        const late = await nothingSent(() => reply(bert, fromBert.data.message.id))
        expect(late.status).toBe(404)
        expect((await get(`/store/my-group/groups/${bert.row.id}/messages`, bert.headers)).data.messages.map((m: any) => m.id)).toEqual([
          warningAfter.id,
          between.data.message.id,
        ])
        const report = await post("/store/admin-messages/report", { token }, { "x-forwarded-for": kit.nextIp() })
        expect(report.status).toBe(404)
        const again = await nothingSent(() => send(bert, vera.row.id))
        expect([again.status, again.data.message]).toEqual([404, CANNOT_RECEIVE])
      })
    })
  },
})
