/**
 * Group admin accounts ("Mijn groep") through HTTP: approval creates a customer with
 * an emailpass login linked to the group and mails a set-password link; Medusa's
 * reset-password flow sets the password; the admin signs in, sees only their own
 * groups, edits one (Dutch errors per field); removal erases the personal data and the
 * account but keeps the archived, anonymous group.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { Modules } from "@medusajs/framework/utils"
// the shop (and its modules) load before the link that joins two of them
import { accountLink, ADMIN_PASSWORD, groupBody, useGroupAccountsKit } from "../utils/group-accounts"
import GroupAdminCustomerLink from "../../src/links/group-admin-customer"
import { adminHeaders } from "../utils/admin"
import { cartReadyForPayment, completeCart, readMails, startPayment, waitFor } from "../utils/checkout"
import { signsOrderedForGroup } from "../../src/lib/group-orders"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-accounts-"))
process.env.MAIL_DIR = MAIL_DIR
process.env.STOREFRONT_URL = "http://shop.test"
process.env.MEDUSA_ADMIN_URL = "http://admin.test"
delete process.env.SMTP_URL

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    const kit = useGroupAccountsKit({ api, getContainer, dbConnection, mailDir: MAIL_DIR, ipPrefix: "10.77" })
    const { store, admin, call, get, post, bearer, service, notifications, login, setPassword, nextIp, registerAndApprove, mailFor, adminGroup } = kit
    /** What staff saw when they opened the group: moderation decisions carry it. */
    const seen = async (id: string) => ({ seen_updated_at: (await adminGroup(id)).updated_at as string })

    it("approval creates a customer, login and link, mails a set-password link; the password works once set", async () => {
      const row = await registerAndApprove(groupBody("Buurtpreventie Accountlaan", "Anouk.Account@Example.nl"))

      // customer + link + login, e-mail normalised
      const [customer] = await getContainer().resolve(Modules.CUSTOMER).listCustomers({ email: "anouk.account@example.nl", has_account: true })
      expect(customer).toMatchObject({ first_name: "Anouk", last_name: "de Beheerder", has_account: true })
      const { data: links } = await getContainer()
        .resolve("query")
        .graph({ entity: GroupAdminCustomerLink.entryPoint, fields: ["customer_id", "neighbourhood_group_id"], filters: { neighbourhood_group_id: row.id } })
      expect(links).toEqual([expect.objectContaining({ customer_id: customer.id, neighbourhood_group_id: row.id })])
      const auth = getContainer().resolve(Modules.AUTH)
      const [identity] = await auth.listProviderIdentities({ entity_id: "anouk.account@example.nl", provider: "emailpass" })
      expect((await auth.retrieveAuthIdentity(identity.auth_identity_id!)).app_metadata).toMatchObject({ customer_id: customer.id })

      // no password yet: nobody can sign in, not even with an empty one
      expect((await login("anouk.account@example.nl", "")).data.errors).toEqual({ password: "Vul je wachtwoord in" })
      expect((await login("anouk.account@example.nl", "raden")).status).toBe(401)

      // the approval mail is still there, and the account mail has the storefront link
      await mailFor(row.id, "group-approved")
      const mail = await mailFor(row.id, "group-account-set-password")
      expect(mail.headers.to).toBe("anouk.account@example.nl")
      expect(mail.text).toContain("Hallo Anouk de Beheerder,")
      const link = accountLink(mail.text, "/wachtwoord-instellen")
      expect(link.url.startsWith("http://shop.test/wachtwoord-instellen?token=")).toBe(true)
      expect(link.email).toBe("anouk.account@example.nl")
      expect(mail.text).toContain("http://shop.test/wachtwoord-vergeten")

      // Medusa's update route sets the password with the token, once
      expect((await setPassword(link.token, ADMIN_PASSWORD)).status).toBe(200)
      expect((await setPassword(link.token, "iets-anders-123")).status).toBe(401)
      const signedIn = await login("anouk.account@example.nl", ADMIN_PASSWORD)
      expect(signedIn.status).toBe(200)
      expect(typeof signedIn.data.token).toBe("string")

      // a repeated approval event does not mail again (and does not invalidate the token)
      const before = (await notifications().listNotifications({ resource_id: row.id })).length
      getContainer().resolve(Modules.EVENT_BUS).emit({ name: "neighbourhood_group.approved", data: { id: row.id } })
      await new Promise((r) => setTimeout(r, 500))
      await waitFor(async () => (await notifications().listNotifications({ resource_id: row.id, status: "pending" } as any)).length === 0)
      expect((await notifications().listNotifications({ resource_id: row.id })).length).toBe(before)
    })

    it("a second group for the same e-mail joins the account: a sign-in mail instead of a new password", async () => {
      const first = await registerAndApprove(groupBody("Buurtpreventie Eerste Straat", "bram@example.nl"))
      const link = accountLink((await mailFor(first.id, "group-account-set-password")).text, "/wachtwoord-instellen")
      expect((await setPassword(link.token, ADMIN_PASSWORD)).status).toBe(200)

      const second = await registerAndApprove(groupBody("Buurtpreventie Tweede Straat", "bram@example.nl", ["3582"]))
      const mail = await mailFor(second.id, "group-account-sign-in")
      expect(mail.text).toContain("http://shop.test/inloggen")
      expect(mail.text).not.toContain("token=")
      expect(await getContainer().resolve(Modules.CUSTOMER).listCustomers({ email: "bram@example.nl" })).toHaveLength(1)

      const { data } = await login("bram@example.nl", ADMIN_PASSWORD)
      const mine = await get("/store/my-group", bearer(data.token))
      expect(mine.data.groups.map((g: any) => g.name)).toEqual(["Buurtpreventie Eerste Straat", "Buurtpreventie Tweede Straat"])
    })

    it("reset-password mails customers a storefront link and staff the admin's reset page", async () => {
      const row = await registerAndApprove(groupBody("Buurtpreventie Vergeetlaan", "carla@example.nl"))
      await mailFor(row.id, "group-account-set-password")

      expect((await call(api.post("/auth/customer/emailpass/reset-password", { identifier: "carla@example.nl" }))).status).toBe(201)
      // unknown addresses get the same answer, and no mail
      expect((await call(api.post("/auth/customer/emailpass/reset-password", { identifier: "niemand@example.nl" }))).status).toBe(201)
      const resetMail = await waitFor(
        async () => readMails(MAIL_DIR).find((m) => m.headers.subject === "Je wachtwoord opnieuw instellen"),
        { what: "customer reset e-mail" }
      )
      expect(resetMail.headers.to).toBe("carla@example.nl")
      const link = accountLink(resetMail.text, "/wachtwoord-instellen")
      expect(link.url.startsWith("http://shop.test/wachtwoord-instellen?token=")).toBe(true)
      expect((await setPassword(link.token, ADMIN_PASSWORD)).status).toBe(200)
      expect((await login("carla@example.nl", ADMIN_PASSWORD)).status).toBe(200)

      const staffEmail = `staff-reset-${Date.now()}@buurtpreventie.test`
      await adminHeaders(api, getContainer(), staffEmail)
      expect((await call(api.post("/auth/user/emailpass/reset-password", { identifier: staffEmail }))).status).toBe(201)
      const staffMail = await waitFor(async () => readMails(MAIL_DIR).find((m) => m.headers.to === staffEmail), { what: "staff reset e-mail" })
      expect(staffMail.headers.subject).toBe("Wachtwoord van de beheeromgeving opnieuw instellen")
      expect(accountLink(staffMail.text, "/app/reset-password").url.startsWith("http://admin.test/app/reset-password?token=")).toBe(true)
      await waitFor(async () => !readMails(MAIL_DIR).some((m) => m.headers.to === "niemand@example.nl") && true)
      expect(readMails(MAIL_DIR).some((m) => m.headers.to === "niemand@example.nl")).toBe(false)
    })

    it("sign-in, forgotten password and set password answer per field in Dutch, before Medusa or any limit sees them", async () => {
      const fields = async (p: Promise<any>) => {
        const { status, data } = await p
        return { status, errors: data.errors }
      }
      const signIn = (body: unknown) => fields(call(api.post("/auth/customer/emailpass", body)))
      expect(await signIn({})).toEqual({ status: 400, errors: { email: "Vul je e-mailadres in", password: "Vul je wachtwoord in" } })
      expect(await signIn({ email: "  ", password: "" })).toEqual({ status: 400, errors: { email: "Vul je e-mailadres in", password: "Vul je wachtwoord in" } })
      expect(await signIn({ email: "anouk@", password: "x" })).toEqual({
        status: 400,
        errors: { email: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl" },
      })
      // staff sign-in has the same shape rules; a wrong password stays Medusa's 401
      expect((await signIn({ email: "niemand@example.nl", password: "fout-fout" })).status).toBe(401)
      expect(await fields(call(api.post("/auth/user/emailpass", { email: "", password: "x" })))).toEqual({ status: 400, errors: { email: "Vul je e-mailadres in" } })

      const reset = (body: unknown) => fields(call(api.post("/auth/customer/emailpass/reset-password", body)))
      expect(await reset({})).toEqual({ status: 400, errors: { identifier: "Vul je e-mailadres in" } })
      expect(await reset({ identifier: "geen-adres" })).toEqual({ status: 400, errors: { identifier: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl" } })

      const update = (password: unknown) => fields(call(api.post("/auth/customer/emailpass/update", { password }, { headers: bearer("not-a-token") })))
      expect(await update(undefined)).toEqual({ status: 400, errors: { password: "Kies een wachtwoord" } })
      expect(await update("kort")).toEqual({ status: 400, errors: { password: "Kies een wachtwoord van minstens 10 tekens" } })
      expect(await update("x".repeat(129))).toEqual({ status: 400, errors: { password: "Een wachtwoord is hoogstens 128 tekens lang" } })
      expect(await update(" lindelaan-2026")).toEqual({ status: 400, errors: { password: "Begin of eindig je wachtwoord niet met een spatie" } })
      expect(await update("aaaabbbbaaaa")).toEqual({ status: 400, errors: { password: "Kies een wachtwoord met meer verschillende tekens" } })
      // a good password reaches Medusa, which refuses the bad token
      expect((await update(ADMIN_PASSWORD)).status).toBe(401)
    })

    it("limits sign-in attempts and reset mails per e-mail address, in Dutch", async () => {
      for (let i = 0; i < 10; i++) expect((await login("raden@example.nl", `fout-${i}`)).status).toBe(401)
      const limited = await login("raden@example.nl", "nog-een-keer")
      expect(limited.status).toBe(429)
      expect(limited.data.message).toMatch(/^Te veel pogingen om in te loggen\. Probeer het over \d+ minuten opnieuw\.$/)
      expect(limited.headers["retry-after"]).toBeTruthy()
      // another address is not affected
      expect((await login("iemand-anders@example.nl", "fout")).status).toBe(401)

      const reset = (identifier: string) => call(api.post("/auth/customer/emailpass/reset-password", { identifier }))
      for (let i = 0; i < 5; i++) expect((await reset("bom@example.nl")).status).toBe(201)
      expect((await reset("BOM@example.nl")).status).toBe(429)
    })

    describe("/store/my-group", () => {
      const signedInAdmin = (email: string, name: string, postcodes = ["3581"]) => kit.signedInAdmin(email, name, postcodes, { viaRegistration: true })

      it("needs a signed-in customer", async () => {
        expect((await get("/store/my-group")).status).toBe(401)
        expect((await post("/store/my-group/groups/nbgrp_x", { member_count: 3 })).status).toBe(401)
        expect((await post("/store/my-group/removal", { confirm: true })).status).toBe(401)
        expect((await get("/store/my-group", bearer("not-a-token"))).status).toBe(401)
        // a staff token is not a customer token
        expect((await get("/store/my-group", admin.headers)).status).toBe(401)
      })

      it("lists only the admin's own groups, with their own data; another group cannot be edited", async () => {
        const anouk = await signedInAdmin("anouk.mijn@example.nl", "Buurtpreventie Mijnlaan")
        const other = await signedInAdmin("dirk@example.nl", "Buurtpreventie Anderlaan", ["3582"])
        const pendingOther = await post("/store/groups", groupBody("Buurtpreventie Wachtlaan", "erik@example.nl", ["3583"]), { "x-forwarded-for": nextIp() })
        expect(pendingOther.status).toBe(201)

        const { data, status, headers } = await get("/store/my-group", anouk.headers)
        expect(status).toBe(200)
        expect(headers["cache-control"]).toBe("private, no-store")
        expect(data.groups).toHaveLength(1)
        expect(data.groups[0]).toMatchObject({
          id: anouk.row.id,
          name: "Buurtpreventie Mijnlaan",
          status: "approved",
          rejection_reason: null,
          admin_email: "anouk.mijn@example.nl",
          admin_phone: "+31612345678",
          member_count: 42,
        })
        expect(JSON.stringify(data)).not.toContain("dirk@example.nl")
        expect(JSON.stringify(data)).not.toContain("erik@example.nl")

        // someone else's group answers like a missing one, and stays unchanged
        const foreign = await post(`/store/my-group/groups/${other.row.id}`, { member_count: 3 }, anouk.headers)
        expect(foreign.status).toBe(404)
        expect(foreign.data.message).toBe("Deze groep bestaat niet of hoort niet bij je account.")
        expect((await service().retrieveNeighbourhoodGroup(other.row.id)).member_count).toBe(42)
        expect((await post("/store/my-group/groups/nbgrp_missing", { member_count: 3 }, anouk.headers)).status).toBe(404)

        // rejected groups show the reason to their own admin
        await call(api.post(`/admin/groups/${anouk.row.id}/reject`, { reason: "Dit is een vereniging, geen buurt.", ...(await seen(anouk.row.id)) }, admin))
        const rejected = await get("/store/my-group", anouk.headers)
        expect(rejected.data.groups[0]).toMatchObject({ status: "rejected", rejection_reason: "Dit is een vereniging, geen buurt." })
      })

      it("edits the listing with Dutch errors per field; the member count is public at once, a new name or place after staff approve", async () => {
        const { row, headers } = await signedInAdmin("femke@example.nl", "Buurtpreventie Bewerklaan")
        const edit = (body: unknown) => post(`/store/my-group/groups/${row.id}`, body, headers)

        const invalid = await edit({ name: "x", woonplaats: "", postcodes: "12", member_count: "300" })
        expect(invalid.status).toBe(400)
        expect(invalid.data.errors).toEqual({
          name: "De naam van je groep moet minstens 3 tekens lang zijn",
          woonplaats: "Vul je woonplaats in (minstens 2 tekens)",
          postcodes: '"12" is geen geldige postcode: gebruik vier cijfers, bijvoorbeeld 3581',
          member_count: "Een WhatsApp-groep heeft hoogstens 256 leden",
        })
        expect((await edit({ lat: "48.1", lng: "11.5" })).data.errors).toEqual({ lat: "Dit punt ligt niet in Nederland of België" })
        expect((await edit({ member_count: 0 })).data.errors).toEqual({ member_count: "Een groep heeft minstens 1 lid" })
        expect((await edit({ member_count: "veel" })).data.errors.member_count).toBe("Vul het aantal leden in (een getal)")
        expect((await edit({ lat: "52.1" })).data.errors).toEqual({ lat: "Geef zowel breedtegraad als lengtegraad op" })
        expect((await edit({ admin_email: "x@example.nl" })).data.errors).toEqual({ admin_email: 'Onbekend veld "admin_email"' })
        expect((await edit({ status: "approved" })).status).toBe(400)
        const invite = await edit({ name: "Buurt https://chat.whatsapp.com/AbCdEf123" })
        expect(invite.status).toBe(400)
        expect(invite.data.message).toBe("Deel nooit de uitnodigingslink van je groep")
        expect((await service().retrieveNeighbourhoodGroup(row.id)).name).toBe("Buurtpreventie Bewerklaan")

        // the member count applies at once; name and place wait for staff (security-groups.spec.ts)
        const ok = await edit({ name: "Buurtpreventie Nieuwe Naam", member_count: "57", postcodes: "1011, 1012", woonplaats: "Amsterdam" })
        expect(ok.status).toBe(200)
        expect(ok.data.group).toMatchObject({ name: "Buurtpreventie Bewerklaan", member_count: 57, postcodes: ["3581"] })
        expect(ok.data.group.pending_changes.changes).toEqual(
          expect.arrayContaining([{ field: "name", from: "Buurtpreventie Bewerklaan", to: "Buurtpreventie Nieuwe Naam" }])
        )
        // a point in Belgium is fine (border groups)
        expect((await edit({ lat: "51.05", lng: "3.72" })).status).toBe(200)
        expect((await call(api.post(`/admin/groups/${row.id}/changes/approve`, await seen(row.id), admin))).status).toBe(200)

        const page = await get(`/store/groups/${row.slug}`)
        expect(page.data.group).toMatchObject({ name: "Buurtpreventie Nieuwe Naam", member_count: 57, postcodes: ["1011", "1012"], gemeente: "Amsterdam" })
        expect(page.data.group.lat).toBeCloseTo(51.05, 4)
        expect(page.data.group.lng).toBeCloseTo(3.72, 4)
        expect(JSON.stringify(page.data)).not.toContain("femke@example.nl")
      })

      it("removal erases the admin's data and account, keeps the archived anonymous group and its order history", async () => {
        const { row, headers } = await signedInAdmin("gerda@example.nl", "Buurtpreventie Vergetenlaan")
        // signs ordered for the group before the removal
        const cart = await cartReadyForPayment(api, store, getContainer(), { lines: [{ sku: "BORD-WAB-3045-ALU", quantity: 3 }] })
        expect((await post(`/store/carts/${cart.id}/group`, { slug: row.slug })).status).toBe(200)
        await startPayment(api, store, cart.id, "pp_system_default")
        const { body: placed } = await completeCart(api, store, cart.id)
        expect(placed.type).toBe("order")
        const other = await signedInAdmin("henk@example.nl", "Buurtpreventie Blijflaan", ["3582"])
        const [customer] = await getContainer().resolve(Modules.CUSTOMER).listCustomers({ email: "gerda@example.nl" })

        const unconfirmed = await post("/store/my-group/removal", {}, headers)
        expect(unconfirmed.status).toBe(400)
        expect(unconfirmed.data.errors).toEqual({ confirm: "Bevestig dat je je gegevens wilt laten verwijderen" })

        const removed = await post("/store/my-group/removal", { confirm: true }, headers)
        expect(removed.status).toBe(200)
        expect(removed.data).toEqual({ removed: true, archived_groups: 1 })

        const { rows } = await dbConnection.raw(
          "select status, admin_name, admin_email, admin_phone, archived_at, deleted_at, name from neighbourhood_group where id = ?",
          [row.id]
        )
        expect(rows[0]).toMatchObject({ status: "archived", admin_name: null, admin_email: null, admin_phone: null, deleted_at: null, name: "Buurtpreventie Vergetenlaan" })
        expect(rows[0].archived_at).toBeTruthy()
        expect((await get(`/store/groups/${row.slug}`)).status).toBe(404)

        // the customer is gone (and its soft-deleted row holds no personal data), so is the login and the link
        expect(await getContainer().resolve(Modules.CUSTOMER).listCustomers({ id: customer.id })).toHaveLength(0)
        const { rows: customerRows } = await dbConnection.raw("select email, first_name, last_name, deleted_at from customer where id = ?", [customer.id])
        expect(customerRows[0]).toMatchObject({ email: null, first_name: null, last_name: null })
        expect(customerRows[0].deleted_at).toBeTruthy()
        expect(await getContainer().resolve(Modules.AUTH).listProviderIdentities({ entity_id: "gerda@example.nl" })).toHaveLength(0)
        const { data: links } = await getContainer()
          .resolve("query")
          .graph({ entity: GroupAdminCustomerLink.entryPoint, fields: ["customer_id"], filters: { neighbourhood_group_id: row.id } })
        expect(links).toHaveLength(0)
        expect((await login("gerda@example.nl", ADMIN_PASSWORD)).status).toBe(401)
        // the records of the mails sent to the address are gone too
        expect(await notifications().listNotifications({ to: "gerda@example.nl" } as any)).toHaveLength(0)
        expect((await notifications().listNotifications({ to: "henk@example.nl" } as any)).length).toBeGreaterThan(0)
        const { rows: leftovers } = await dbConnection.raw(
          "select count(*)::int as n from neighbourhood_group where admin_email = 'gerda@example.nl'"
        )
        expect(leftovers[0].n).toBe(0)

        // the order stays, still linked to the (now anonymous) group, and still counts its signs
        const { data: [order] } = await getContainer()
          .resolve("query")
          .graph({ entity: "order", fields: ["id", "neighbourhood_group.id", "neighbourhood_group.admin_email"], filters: { id: placed.order.id } })
        expect((order as any).neighbourhood_group).toEqual({ id: row.id, admin_email: null })
        expect(await signsOrderedForGroup(getContainer().resolve("query"), row.id)).toBe(3)

        // staff cannot re-approve an anonymised group (there is nobody to mail)
        const reapprove = await call(api.post(`/admin/groups/${row.id}/approve`, await seen(row.id), admin))
        expect(reapprove.status).toBe(400)
        expect((await service().retrieveNeighbourhoodGroup(row.id)).status).toBe("archived")

        // the other admin is untouched
        expect((await get("/store/my-group", other.headers)).data.groups[0]).toMatchObject({ admin_email: "henk@example.nl", status: "approved" })
      })
    })
  },
})
