/**
 * Issue 30, a stranger's walk (a tester who did not read the code) against the real app
 * (HTTP, PostgreSQL, the mail folder), each finding as it was met:
 *
 * 1. A second report of the same message was dropped: "Bedankt", but no staff mail and the
 *    first report's "Reden: niet opgegeven" stayed. Now the reason is added to that report
 *    (the earlier one kept), staff are mailed, a handled report opens again, the report page
 *    says when the message was reported, and the addition counts for the report limit.
 * 2. Staff's block needed a reason nobody said was required: now at least 3 characters, said
 *    on the page and checked here.
 * 3. An empty message was "te kort": now "Schrijf je bericht" (antwoord, waarschuwing).
 * 4. The warning mail had a capital after a colon; the reply mail's subject named the
 *    receiver ("Re: Bericht van Anna …", to Anna): now who answered, and her own message
 *    quoted below the reply.
 * 5. The sign-up mails had their addresses as plain text in the HTML part: now links.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { accountLink, groupBody, useGroupAccountsKit } from "../utils/group-accounts"
import { readMails, type ParsedMail } from "../utils/checkout"
import { type MessagingAdmin, messagingAdmins, relayChecks } from "../utils/admin-messages"
import { LIMITS } from "../../src/api/middlewares/limits"

jest.setTimeout(360 * 1000)

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-admin-messages-stranger-"))
process.env.MAIL_DIR = MAIL_DIR
process.env.STAFF_EMAIL = "moderatie@example.nl"
process.env.STOREFRONT_URL = "http://shop.test"
process.env.MEDUSA_ADMIN_URL = "http://admin.test"
delete process.env.SMTP_URL

const TEXT = "Hallo buren, zullen we samen nieuwe borden bestellen voor de straat?"
const REPORTED = "-group-admin-message-reported-"

type Admin = MessagingAdmin

let counter = 0

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    const kit = useGroupAccountsKit({ api, getContainer, dbConnection, mailDir: MAIL_DIR, ipPrefix: "10.32" })
    const { get, post } = kit

    const admin = messagingAdmins(kit, getContainer)

    const send = (from: Admin, to: string, body: Record<string, unknown> = {}) =>
      post(`/store/my-group/groups/${from.row.id}/messages`, { to_group_id: to, first_name: "Anna", message: TEXT, ...body }, from.headers)
    const { nothingSent } = relayChecks(dbConnection, kit, MAIL_DIR)
    const mailsOf = (to: string, kind: string) =>
      readMails(MAIL_DIR).filter((m) => path.basename(m.file).includes(`-group-admin-${kind}-`) && m.headers.to === to)
    const waitForMails = async (find: () => ParsedMail[], count = 1): Promise<ParsedMail[]> => {
      for (let i = 0; i < 200; i++) {
        const found = find()
        if (found.length >= count) return found
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`fewer than ${count} mails`)
    }
    const staffMails = () => readMails(MAIL_DIR).filter((m) => path.basename(m.file).includes(REPORTED))
    const reportToken = (mail: ParsedMail) => /\/berichten\/melden\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]
    const reportsOf = async (from: Admin) =>
      (await kit.call(api.get("/admin/admin-messages/reports", kit.admin))).data.reports.filter((r: any) => r.message?.from_group.id === from.row.id)

    describe("1. a second report of the same message", () => {
      it("adds its reason to the report, mails staff, and the report page says the message was reported", async () => {
        const anna = await admin("domplein", ["3581"])
        const bram = await admin("langenieuwstraat", ["3583"])
        expect((await send(anna, bram.row.id, { message: "Jullie groep is waardeloos, opdoeken!" })).status).toBe(201)
        const token = reportToken((await waitForMails(() => mailsOf(bram.email, "message")))[0])
        const ip = { "x-forwarded-for": kit.nextIp() }

        // not reported yet: the page knows of no report
        const before = await get(`/store/admin-messages/report/${token}`)
        expect(before.data.report).toBeNull()

        // first report without a reason (optional)
        const first = await post("/store/admin-messages/report", { token }, ip)
        expect([first.status, first.data]).toEqual([200, { reported: true, added: false }])
        await waitForMails(staffMails)
        const [report] = await reportsOf(anna)
        expect(report.reason).toBeNull()

        // the page now says it was reported, and when
        const shown = await get(`/store/admin-messages/report/${token}`)
        expect(shown.data.report).toEqual({ created_at: report.created_at })
        expect(JSON.stringify(shown.data)).not.toMatch(/msgrep_|@example\.nl|Beheerder/)

        // the same link again, now with a reason: added to the report, staff mailed again
        const second = await post("/store/admin-messages/report", { token, reason: "Scheldt ons uit" }, ip)
        expect([second.status, second.data]).toEqual([200, { reported: true, added: true }])
        const mails = await waitForMails(staffMails, 2)
        expect(mails).toHaveLength(2)
        const added = mails.find((m) => m.headers.subject.startsWith("Melding aangevuld"))!
        expect(added.headers.subject).toBe(`Melding aangevuld: ${anna.row.name}`)
        expect(added.headers.to).toBe("moderatie@example.nl")
        expect(added.text).toContain("Aanvulling: Scheldt ons uit")
        expect(added.text).toContain("Jullie groep is waardeloos, opdoeken!")
        let reports = await reportsOf(anna)
        expect(reports).toHaveLength(1)
        expect(reports[0].id).toBe(report.id)
        expect(reports[0].reason).toMatch(/^Aanvulling van \d{1,2} \w+ \d{4} om \d\d:\d\d: Scheldt ons uit$/)

        // a third, with another reason: both reasons kept
        expect((await post("/store/admin-messages/report", { token, reason: "En dreigt ook" }, ip)).data.added).toBe(true)
        await waitForMails(staffMails, 3)
        reports = await reportsOf(anna)
        expect(reports[0].reason).toMatch(/^Aanvulling van .*: Scheldt ons uit\n\nAanvulling van .*: En dreigt ook$/)

        // an open report and no new reason: nothing to add, no mail
        expect((await post("/store/admin-messages/report", { token }, ip)).data).toEqual({ reported: true, added: false })
        await kit.mailsSettled()
        expect(staffMails()).toHaveLength(3)

        // handled, then a new reason: open again, earlier reasons kept, staff mailed
        expect((await kit.call(api.post(`/admin/admin-messages/reports/${report.id}`, { handled: true }, kit.admin))).status).toBe(200)
        expect((await post("/store/admin-messages/report", { token, reason: "Nu weer" }, ip)).data.added).toBe(true)
        const reopenedMail = (await waitForMails(staffMails, 4)).at(-1)!
        expect(reopenedMail.text).toContain("De melding was afgehandeld en staat nu weer open.")
        reports = await reportsOf(anna)
        expect(reports).toHaveLength(1)
        expect(reports[0].handled_at).toBeNull()
        expect(reports[0].reason).toMatch(/Scheldt ons uit\n\n.*En dreigt ook\n\n.*: Nu weer$/)

        // a reason over the limit is refused per field, nothing added
        const long = await post("/store/admin-messages/report", { token, reason: "x".repeat(1001) }, ip)
        expect([long.status, long.data.errors.reason]).toEqual([400, "Je toelichting mag hoogstens 1000 tekens lang zijn"])
        expect((await reportsOf(anna))[0].reason).toBe(reports[0].reason)
      })

      it("keeps an earlier reason when adding, also two additions at once, and counts an addition as a report for the limit (10 an hour per address)", async () => {
        const anna = await admin("limietzender", ["3581"])
        const bram = await admin("limietmelder", ["3583"])
        expect((await send(anna, bram.row.id)).status).toBe(201)
        const token = reportToken((await waitForMails(() => mailsOf(bram.email, "message")))[0])
        const ip = { "x-forwarded-for": kit.nextIp() }
        expect((await post("/store/admin-messages/report", { token, reason: "Reclame" }, ip)).data.added).toBe(false)
        expect((await post("/store/admin-messages/report", { token, reason: "Tweede keer reclame" }, ip)).data.added).toBe(true)
        expect((await reportsOf(anna))[0].reason).toMatch(/^Reclame\n\nAanvulling van .*: Tweede keer reclame$/)
        // two additions at once: both kept
        const both = await Promise.all(["Gelijk een", "Gelijk twee"].map((reason) => post("/store/admin-messages/report", { token, reason }, ip)))
        expect(both.map((r) => r.data.added)).toEqual([true, true])
        const reason = (await reportsOf(anna))[0].reason
        expect([reason.includes(": Gelijk een"), reason.includes(": Gelijk twee"), reason.startsWith("Reclame\n\n")]).toEqual([true, true, true])
        // 4 reports spent: 6 more from this address, then refused
        for (let i = 4; i < LIMITS.messageReport.points; i++) {
          expect((await post("/store/admin-messages/report", { token: `onbekend${i}`.padEnd(43, "x") }, ip)).status).toBe(404)
        }
        const refused = await post("/store/admin-messages/report", { token, reason: "Derde keer" }, ip)
        expect(refused.status).toBe(429)
        expect((await reportsOf(anna))[0].reason).not.toContain("Derde keer")
      })
    })

    describe("2. staff block with a reason they are told about", () => {
      it("refuses a block with a reason under 3 characters, in Dutch; 3 will do", async () => {
        const anna = await admin("blokreden", ["3581"], false)
        const block = (reason: string) => kit.call(api.post(`/admin/groups/${anna.row.id}/messaging-block`, { blocked: true, reason }, kit.admin))
        const short = await block(" ab ")
        expect([short.status, short.data.errors?.reason]).toEqual([400, "De reden van de blokkade is minstens 3 tekens lang"])
        expect((await kit.adminGroup(anna.row.id)).messaging_blocked).toBe(false)
        expect((await block("Spam")).status).toBe(200)
        expect((await kit.adminGroup(anna.row.id)).messaging_block.reason).toBe("Spam")
      })
    })

    describe("3. an empty text", () => {
      it("asks for the text instead of calling it too short; 1 to 9 characters are too short", async () => {
        const anna = await admin("leeg", ["3581"])
        const bram = await admin("leegbuur", ["3583"])
        for (const empty of ["", "   \n  "]) {
          const message = await nothingSent(() => send(anna, bram.row.id, { message: empty }))
          expect([message.status, message.data.errors.message]).toEqual([400, "Schrijf je bericht"])
          const warning = await nothingSent(() =>
            post(`/store/my-group/groups/${anna.row.id}/warnings`, { first_name: "Anna", message: empty, km: 5 }, anna.headers)
          )
          expect(warning.data.errors.message).toBe("Schrijf je waarschuwing")
        }
        expect((await nothingSent(() => send(anna, bram.row.id, { message: "kort" }))).data.errors.message).toBe("Je bericht moet minstens 10 tekens lang zijn")
        expect((await send(anna, bram.row.id)).status).toBe(201)
        const received = await get(`/store/my-group/groups/${bram.row.id}/messages`, bram.headers)
        const replyUrl = `/store/my-group/groups/${bram.row.id}/messages/${received.data.messages[0].id}/reply`
        const reply = await nothingSent(() => post(replyUrl, { first_name: "Bram", message: " " }, bram.headers))
        expect(reply.data.errors.message).toBe("Schrijf je antwoord")
        expect((await nothingSent(() => post(replyUrl, { first_name: "Bram", message: "Ja hoor" }, bram.headers))).data.errors.message).toBe(
          "Je antwoord moet minstens 10 tekens lang zijn"
        )
      })
    })

    describe("4. mail wording", () => {
      it("a reply tells the first sender who answered, quotes her message below it, and stays in the thread", async () => {
        const anna = await admin("domplein", ["3581"])
        const bram = await admin("langenieuwstraat", ["3583"])
        const long = `Hallo buren, zullen we samen borden bestellen? ${"Wij hebben er nog veel over. ".repeat(30)}`
        expect((await send(anna, bram.row.id, { message: long })).status).toBe(201)
        const received = await get(`/store/my-group/groups/${bram.row.id}/messages`, bram.headers)
        const original = received.data.messages[0]
        const answered = await post(
          `/store/my-group/groups/${bram.row.id}/messages/${original.id}/reply`,
          { first_name: "Bram", message: "Goed idee, wij doen mee!" },
          bram.headers
        )
        expect(answered.status).toBe(201)
        const [mail] = await waitForMails(() => mailsOf(anna.email, "message"))
        expect(mail.headers.subject).toBe(`Antwoord van Bram (${bram.row.name}) op je bericht`)
        expect(mail.headers.subject).not.toContain("Anna")
        expect(mail.headers["in-reply-to"]).toBe(`<${original.id}@shop.test>`)
        expect(mail.headers.references).toBe(`<${original.id}@shop.test>`)
        // the reply first, then her own message, marked and shortened
        expect(mail.text.indexOf("Goed idee, wij doen mee!")).toBeLessThan(mail.text.indexOf("Jouw bericht:"))
        const quote = /Jouw bericht:\r?\n\r?\n(.*)\r?\n/.exec(mail.text)![1]
        expect(quote.startsWith("Hallo buren, zullen we samen borden bestellen? Wij hebben er nog veel over.")).toBe(true)
        expect(quote.length).toBeLessThanOrEqual(301)
        expect(mail.html).toMatch(/Jouw bericht:<\/p>\s*<blockquote/)
      })

      it("the warning mail writes the rules after the colon in lower case", async () => {
        const anna = await admin("waarschuwer", ["9711"], false)
        const bram = await admin("waarschuwbuur", ["9717"])
        const sent = await post(
          `/store/my-group/groups/${anna.row.id}/warnings`,
          { first_name: "Anna", message: "Vannacht is er ingebroken aan de Lindelaan, let op elkaars huis.", km: 5 },
          anna.headers
        )
        expect(sent.status).toBe(201)
        const [mail] = await waitForMails(() => mailsOf(bram.email, "warning"))
        expect(mail.text).toContain("Houd je dan aan de gedragsregels: noem geen namen")
        expect(mail.text).not.toMatch(/: Noem/)
      })
    })

    describe("5. sign-up mails", () => {
      it("link their addresses in the HTML part (escaped) and keep the plain address in the text part", async () => {
        const body = groupBody(`Buurtpreventie Aanmelder ${++counter}`, `aanmelder.${counter}@example.nl`, ["3581"])
        expect((await kit.register(body)).status).toBe(201)
        const token = await kit.confirmationToken(body.admin_email)
        const confirm = readMails(MAIL_DIR).find((m) => path.basename(m.file).includes("-group-registration-confirm-"))!
        const confirmUrl = `http://shop.test/groepen/bevestigen?token=${token}`
        expect(confirm.text).toContain(`te gebruiken):\n${confirmUrl}`)
        expect(confirm.html).toContain(`<a href="${confirmUrl}">${confirmUrl}</a>`)
        expect((await kit.confirmRegistration(token)).status).toBe(200)
        const row = await kit.groupOfToken(token)
        await kit.approve(row.id)

        const approved = await kit.mailFor(row.id, "group-approved")
        const pageUrl = `http://shop.test/groepen/${row.slug}`
        expect(approved.text).toContain(pageUrl)
        expect(approved.html).toContain(`<a href="${pageUrl}">${pageUrl}</a>`)

        const setPassword = await kit.mailFor(row.id, "group-account-set-password")
        const link = accountLink(setPassword.text, "/wachtwoord-instellen")
        // & in the address is escaped in the attribute and the link text
        const escaped = link.url.replace(/&/g, "&amp;")
        expect(setPassword.html).toContain(`<a href="${escaped}">${escaped}</a>`)
        expect(setPassword.html).toContain('<a href="http://shop.test/wachtwoord-vergeten">http://shop.test/wachtwoord-vergeten</a>')
        expect(setPassword.text).toContain("Is de link verlopen? Vraag dan een nieuwe aan: http://shop.test/wachtwoord-vergeten")
      })
    })
  },
})
