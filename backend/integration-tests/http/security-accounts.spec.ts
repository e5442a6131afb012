/**
 * Security of group admin accounts (issue 15, items 1, 2 and 5) against the real app:
 * - nobody creates a login through Medusa's open sign-up (any spelling of the URL);
 *   a staff login only by accepting an open invite to that address (the admin dashboard's page),
 * - a login someone created for an admin's address before approval (pre-account
 *   takeover) loses its password and its customer; the admin gets the set-password mail,
 * - every e-mail address is trimmed and lower-cased where it enters,
 * - "Verwijder mijn gegevens" leaves the address nowhere: no database row, mail record
 *   or mail file.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { Modules } from "@medusajs/framework/utils"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import { REGISTRATION_CLOSED_MESSAGE } from "../../src/api/middlewares/auth-accounts"
import { INVITE_INVALID_MESSAGE } from "../../src/workflows/staff/steps/check-staff-invite"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import lowercaseLoginEmails from "../../src/migration-scripts/lowercase-login-emails"
import { STAFF_PASSWORD } from "../utils/admin"
import { accountLink, ADMIN_PASSWORD, groupBody, useGroupAccountsKit } from "../utils/group-accounts"
import { readMails, regionId, waitFor } from "../utils/checkout"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-security-"))
process.env.MAIL_DIR = MAIL_DIR
process.env.STOREFRONT_URL = "http://shop.test"
process.env.MEDUSA_ADMIN_URL = "http://admin.test"
process.env.STAFF_EMAIL = "moderatie@buurtpreventie.test"
delete process.env.SMTP_URL

const ATTACKER_PASSWORD = "ik-ben-de-aanvaller-1"

/** This spec's admin, whose name and number must vanish on erasure. */
const group = (name: string, admin_email: string, postcodes = ["3581"]) =>
  groupBody(name, admin_email, postcodes, { admin_name: "Vera van Verwijder", admin_phone: "06 98765432" })
const setPasswordLink = (text: string) => accountLink(text, "/wachtwoord-instellen")

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    const kit = useGroupAccountsKit({ api, getContainer, dbConnection, mailDir: MAIL_DIR, ipPrefix: "10.88", settle: { quietRounds: 5, intervalMs: 50 } })
    const { store, admin, call, get, post, bearer, service, notifications, login, setPassword, registerRow: register, approve, mailFor, mailsSettled, nextIp } = kit

    describe("sign-up through Medusa's generic auth routes", () => {
      it("is closed for customers and notice authors in every spelling of the URL; other actor types do not exist", async () => {
        const body = { email: "doelwit@example.nl", password: ATTACKER_PASSWORD }
        const answers: string[] = []
        for (const url of [
          "/auth/customer/emailpass/register",
          "/auth/customer/emailpass/register/",
          "/AUTH/customer/emailpass/REGISTER",
          "/auth/notice_author/emailpass/register",
        ]) {
          const refused = await call(api.post(url, body, { headers: { "x-forwarded-for": nextIp() } }))
          answers.push(`${url} ${refused.status} ${refused.data.message === REGISTRATION_CLOSED_MESSAGE}`)
        }
        for (const url of ["/AUTH/CUSTOMER/EMAILPASS/REGISTER", "/auth/Customer/emailpass/register", "/auth/whatever/emailpass/register"]) {
          answers.push(`${url} ${(await call(api.post(url, body, { headers: { "x-forwarded-for": nextIp() } }))).status}`)
        }
        expect(answers).toEqual([
          "/auth/customer/emailpass/register 403 true",
          "/auth/customer/emailpass/register/ 403 true",
          "/AUTH/customer/emailpass/REGISTER 403 true",
          "/auth/notice_author/emailpass/register 403 true",
          "/AUTH/CUSTOMER/EMAILPASS/REGISTER 404",
          "/auth/Customer/emailpass/register 404",
          "/auth/whatever/emailpass/register 404",
        ])
        // a staff sign-up is answered (the admin's invite page needs it) but makes no login either
        expect((await call(api.post("/auth/user/emailpass/register", body, { headers: { "x-forwarded-for": nextIp() } }))).status).toBe(200)
        // no login was created, in any spelling of the address
        const auth = getContainer().resolve(Modules.AUTH)
        expect(await auth.listProviderIdentities({ entity_id: "doelwit@example.nl" })).toHaveLength(0)
        const { rows } = await dbConnection.raw("select count(*)::int as n from provider_identity where lower(entity_id) = 'doelwit@example.nl'")
        expect(rows[0].n).toBe(0)
      })

      it("makes a staff login only when an open, unexpired invite to that address is accepted (the dashboard's invite page)", async () => {
        const users = getContainer().resolve(Modules.USER)
        const { data } = await call(api.post("/admin/invites", { email: "Nieuwe.Collega@Buurtpreventie.test" }, admin))
        const [invite] = await users.listInvites({ id: data.invite.id }, { select: ["id", "token"] })
        const signUp = async (email: string, password = ADMIN_PASSWORD) => {
          const answer = await call(api.post("/auth/user/emailpass/register", { email, password }, { headers: { "x-forwarded-for": nextIp() } }))
          expect(answer.status).toBe(200)
          return answer.data.token as string
        }
        const accept = (token: string, signUpToken: string, email: string) =>
          call(api.post(`/admin/invites/accept?token=${encodeURIComponent(token)}`, { email, first_name: "Sanne", last_name: "Jansen" }, { headers: bearer(signUpToken) }))

        // another address cannot use the invite; the invited one (in any letter case) can
        expect((await accept(invite.token, await signUp("indringer@example.nl"), "indringer@example.nl")).status).toBe(400)
        const accepted = await accept(invite.token, await signUp(" NIEUWE.collega@buurtpreventie.test "), "nieuwe.collega@buurtpreventie.test")
        expect(accepted.status).toBe(200)
        const signedIn = await login("Nieuwe.Collega@buurtpreventie.test", ADMIN_PASSWORD, "user")
        expect(signedIn.status).toBe(200)
        expect((await call(api.get("/admin/users/me", { headers: bearer(signedIn.data.token) }))).data.user.email).toBe("nieuwe.collega@buurtpreventie.test")
        // an accepted invite opens nothing any more
        const again = await accept(invite.token, await signUp("nieuwe.collega@buurtpreventie.test", "x-123456789"), "nieuwe.collega@buurtpreventie.test")
        expect(again.status).toBe(400)

        // an expired invite opens nothing either
        const { data: late } = await call(api.post("/admin/invites", { email: "te-laat@buurtpreventie.test" }, admin))
        const [lateInvite] = await users.listInvites({ id: late.invite.id }, { select: ["id", "token"] })
        await dbConnection.raw("update invite set expires_at = now() - interval '1 minute' where id = ?", [late.invite.id])
        const expired = await accept(lateInvite.token, await signUp("te-laat@buurtpreventie.test"), "te-laat@buurtpreventie.test")
        expect(expired.status).toBe(400)
        expect(expired.data.message).toBe(INVITE_INVALID_MESSAGE)
        expect(await getContainer().resolve(Modules.AUTH).listProviderIdentities({ entity_id: "te-laat@buurtpreventie.test" })).toHaveLength(0)
      })
    })

    it("a login created for the admin's address before approval loses its password and customer; the admin gets the set-password mail", async () => {
      const victim = "Doelwit.Beheer@Example.nl"
      const row = await register(group("Buurtpreventie Overnamelaan", victim))
      // The attack as it worked before sign-up was closed: Medusa's register (what the open
      // route called) with the admin's address and a chosen password, then a customer for it.
      const auth = getContainer().resolve(Modules.AUTH)
      const { authIdentity } = await auth.register("emailpass", { body: { email: "doelwit.beheer@example.nl", password: ATTACKER_PASSWORD } } as any)
      const { result: attackerCustomer } = await createCustomerAccountWorkflow(getContainer()).run({
        input: { authIdentityId: authIdentity!.id, customerData: { email: "doelwit.beheer@example.nl", first_name: "Aanvaller" } },
      })
      const before = await login("doelwit.beheer@example.nl", ATTACKER_PASSWORD)
      expect(before.status).toBe(200)
      const attackerToken = before.data.token

      await approve(row.id)

      // the attacker's password no longer signs in, and their earlier token sees no group
      expect((await login("doelwit.beheer@example.nl", ATTACKER_PASSWORD)).status).toBe(401)
      const stolen = await get("/store/my-group", bearer(attackerToken))
      expect(JSON.stringify(stolen.data)).not.toContain("Overnamelaan")
      expect(JSON.stringify(stolen.data)).not.toContain("98765432")
      // the attacker's customer is gone; the admin has a fresh one
      const customers = getContainer().resolve(Modules.CUSTOMER)
      expect(await customers.listCustomers({ id: attackerCustomer.id })).toHaveLength(0)
      const [adminCustomer] = await customers.listCustomers({ email: "doelwit.beheer@example.nl", has_account: true })
      expect(adminCustomer.id).not.toBe(attackerCustomer.id)
      expect(adminCustomer.first_name).toBe("Vera")

      // the admin gets the set-password mail and signs in with their own password
      const mail = await mailFor(row.id, "group-account-set-password")
      expect(mail.headers.to).toBe("doelwit.beheer@example.nl")
      const link = setPasswordLink(mail.text)
      expect((await setPassword(link.token, ADMIN_PASSWORD)).status).toBe(200)
      const signedIn = await login(victim, ADMIN_PASSWORD)
      expect(signedIn.status).toBe(200)
      const mine = await get("/store/my-group", bearer(signedIn.data.token))
      expect(mine.data.groups.map((g: any) => g.id)).toEqual([row.id])
      expect((await login("doelwit.beheer@example.nl", ATTACKER_PASSWORD)).status).toBe(401)
    })

    it("trims and lower-cases e-mail addresses at registration, contact, sign-in, password reset and checkout", async () => {
      const row = await register(group("Buurtpreventie Hoofdletterlaan", "  Hoofd.Letter@Example.NL "))
      expect(row.admin_email).toBe("hoofd.letter@example.nl")
      await approve(row.id)
      const link = setPasswordLink((await mailFor(row.id, "group-account-set-password")).text)
      expect(link.email).toBe("hoofd.letter@example.nl")
      expect((await setPassword(link.token, ADMIN_PASSWORD)).status).toBe(200)

      // one login, whatever the spelling at sign-in
      expect((await login("HOOFD.LETTER@example.nl", ADMIN_PASSWORD)).status).toBe(200)
      expect((await login(" hoofd.letter@EXAMPLE.nl ", ADMIN_PASSWORD)).status).toBe(200)
      const { rows: identities } = await dbConnection.raw("select entity_id from provider_identity where lower(entity_id) = 'hoofd.letter@example.nl'")
      expect(identities).toEqual([{ entity_id: "hoofd.letter@example.nl" }])

      // a reset request in another spelling reaches the same login
      expect((await call(api.post("/auth/customer/emailpass/reset-password", { identifier: "Hoofd.Letter@Example.NL" }))).status).toBe(201)
      const reset = await waitFor(async () => readMails(MAIL_DIR).find((m) => m.headers.subject === "Je wachtwoord opnieuw instellen"), { what: "reset e-mail" })
      expect(reset.headers.to).toBe("hoofd.letter@example.nl")

      // the contact relay's reply-to
      expect((await post(`/store/groups/${row.slug}/contact`, { name: "Bewoner", email: "Be.Woner@Example.NL", message: "Hallo, ik wil graag meedoen met de groep." }, { "x-forwarded-for": nextIp() })).status).toBe(200)
      const contact = await mailFor(row.id, "group-contact")
      expect(contact.headers["reply-to"]).toContain("be.woner@example.nl")

      // the cart's e-mail at checkout
      const region = await regionId(api, store, "Nederland")
      const { data: created } = await post("/store/carts", { region_id: region, email: " Koper@Example.NL" })
      expect(created.cart.email).toBe("koper@example.nl")
      const { data: updated } = await post(`/store/carts/${created.cart.id}`, { email: "KOPER.Twee@Example.nl " })
      expect(updated.cart.email).toBe("koper.twee@example.nl")
    })

    it("a login created earlier with capitals is lower-cased once by a migration script, so sign-in still finds it", async () => {
      const auth = getContainer().resolve(Modules.AUTH)
      const { authIdentity } = await auth.register("emailpass", { body: { email: "Oude.Staf@Buurtpreventie.test", password: STAFF_PASSWORD } } as any)
      await createUserAccountWorkflow(getContainer()).run({ input: { authIdentityId: authIdentity!.id, userData: { email: "Oude.Staf@Buurtpreventie.test" } } })
      // two logins that differ only in case are left alone (whose password would win?)
      await auth.register("emailpass", { body: { email: "Dubbel@Example.nl", password: "een-wachtwoord-1" } } as any)
      await auth.register("emailpass", { body: { email: "dubbel@example.nl", password: "een-wachtwoord-2" } } as any)
      expect((await login("Oude.Staf@Buurtpreventie.test", STAFF_PASSWORD, "user")).status).toBe(401)

      await lowercaseLoginEmails({ container: getContainer() })

      expect((await login("Oude.Staf@Buurtpreventie.test", STAFF_PASSWORD, "user")).status).toBe(200)
      const { rows } = await dbConnection.raw("select entity_id from provider_identity where lower(entity_id) in ('oude.staf@buurtpreventie.test', 'dubbel@example.nl') order by entity_id")
      expect(rows.map((r: any) => r.entity_id)).toEqual(["Dubbel@Example.nl", "dubbel@example.nl", "oude.staf@buurtpreventie.test"])
    })

    it("erasure leaves the address nowhere: database rows, mail records, mail files", async () => {
      const mixed = "Vera.VanVerwijder@Example.NL"
      const address = "vera.vanverwijder@example.nl"
      // an earlier registration that was rejected, and one still pending, with the same address
      const rejected = await register(group("Buurtpreventie Afgewezenlaan", "VERA.vanverwijder@example.nl", ["3582"]))
      expect((await call(api.post(`/admin/groups/${rejected.id}/reject`, { reason: "Dubbele aanmelding", seen_updated_at: rejected.updated_at }, admin))).status).toBe(200)
      const pending = await register(group("Buurtpreventie Wachtlaan", address, ["3583"]))
      const row = await register(group("Buurtpreventie Verwijderlaan", mixed))
      // a message Vera sent another group through the contact relay (her address as reply-to)
      const other = await register({ ...group("Buurtpreventie Buurlaan", "buur@example.nl", ["3584"]), admin_name: "Bert Buur" })
      await approve(other.id)
      expect((await post(`/store/groups/${other.slug}/contact`, { name: "Vera", email: mixed, message: "Hoi buren, zullen we samenwerken?" }, { "x-forwarded-for": nextIp() })).status).toBe(200)
      await approve(row.id)
      const link = setPasswordLink((await mailFor(row.id, "group-account-set-password")).text)
      expect((await setPassword(link.token, ADMIN_PASSWORD)).status).toBe(200)
      const { data: signedIn } = await login(mixed, ADMIN_PASSWORD)
      // and a resident's message to Vera's group
      expect((await post(`/store/groups/${row.slug}/contact`, { name: "Bewoner", email: "bewoner@example.nl", message: "Mag ik erbij in de groep?" }, { "x-forwarded-for": nextIp() })).status).toBe(200)
      // and admin to admin (issue 30): Vera shares her address in a message to the other group's admin, who answers
      await service().setAdminMessagesEnabled(other.id, true)
      const toOther = await post(
        `/store/my-group/groups/${row.id}/messages`,
        { to_group_id: other.id, first_name: "Vera", message: `Bel of mail me gerust: ${mixed}` },
        bearer(signedIn.token)
      )
      expect(toOther.status).toBe(201)
      await mailsSettled()
      const bertLink = setPasswordLink((await mailFor(other.id, "group-account-set-password")).text)
      expect((await setPassword(bertLink.token, ADMIN_PASSWORD)).status).toBe(200)
      const { data: bert } = await login("buur@example.nl", ADMIN_PASSWORD)
      const answer = { first_name: "Bert", message: "Dank je, ik mail je." }
      expect((await post(`/store/my-group/groups/${other.id}/messages/${toOther.data.message.id}/reply`, answer, bearer(bert.token))).status).toBe(201)
      await mailsSettled()

      // before: the address is in mail records (in any case), staff's copy and mail files
      const staffCopy = readMails(MAIL_DIR).find((m) => m.headers.to === "moderatie@buurtpreventie.test" && m.text.includes("Verwijderlaan"))
      expect(staffCopy?.text.toLowerCase()).toContain(address)
      expect(readMails(MAIL_DIR).filter((m) => m.raw.toLowerCase().includes(address)).length).toBeGreaterThan(3)

      const removed = await post("/store/my-group/removal", { confirm: true }, bearer(signedIn.token))
      expect(removed.status).toBe(200)
      await mailsSettled()

      // no text or JSON column of any table holds the address, in any letter case
      const { rows: columns } = await dbConnection.raw(
        `select table_name, column_name from information_schema.columns
          where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json')`
      )
      const found: string[] = []
      for (const { table_name, column_name } of columns) {
        const { rows } = await dbConnection.raw(`select count(*)::int as n from "${table_name}" where lower("${column_name}"::text) like ?`, [`%${address}%`])
        if (rows[0].n > 0) found.push(`${table_name}.${column_name} (${rows[0].n})`)
      }
      expect(found).toEqual([])
      // nor does any mail file
      const leftFiles = readMails(MAIL_DIR).filter((m) => `${m.raw}\n${m.text}\n${m.html}`.toLowerCase().includes(address))
      expect(leftFiles.map((m) => path.basename(m.file))).toEqual([])
      // the name and phone number are gone with them
      const { rows: named } = await dbConnection.raw("select count(*)::int as n from notification where data::text ilike '%Vera van Verwijder%'")
      expect(named[0].n).toBe(0)

      // all three registrations are archived and anonymous; the other group keeps its own data and mails
      for (const id of [row.id, pending.id, rejected.id]) {
        expect(await service().retrieveNeighbourhoodGroup(id)).toMatchObject({ status: "archived", admin_name: null, admin_email: null, admin_phone: null })
      }
      expect(await service().retrieveNeighbourhoodGroup(other.id)).toMatchObject({ status: "approved", admin_email: "buur@example.nl" })
      expect((await notifications().listNotifications({ to: "buur@example.nl" } as any)).length).toBeGreaterThan(0)
      // the messages between the two groups are gone with Vera's data
      const { rows: messagesLeft } = await dbConnection.raw("select count(*)::int as n from admin_message where from_group_id = ? or to_group_id = ?", [row.id, row.id])
      expect(messagesLeft[0].n).toBe(0)
      expect((await login(mixed, ADMIN_PASSWORD)).status).toBe(401)
    })
  },
})
