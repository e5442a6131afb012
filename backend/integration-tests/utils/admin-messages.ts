import type { MedusaContainer } from "@medusajs/framework/types"
import { readMails } from "./checkout"
import { accountLink, ADMIN_PASSWORD, groupBody, type useGroupAccountsKit } from "./group-accounts"
import { createGroupsWorkflow } from "../../src/workflows/groups/create-groups"

type Db = { raw(sql: string): Promise<{ rows: Array<{ n: number }> }> }

/**
 * What the admin-message relay stored and sent (messages, relay notifications, mail files), and
 * `nothingSent(act)`: runs `act` and checks that it changed none of them. Shared by the
 * admin-messages specs, which refuse many sends and must show that nothing went out.
 */
export function relayChecks(dbConnection: Db, kit: { mailsSettled(): Promise<unknown> }, mailDir: string) {
  const stored = async () => (await dbConnection.raw("select count(*)::int as n from admin_message")).rows[0].n
  const relayRecords = async () =>
    (await dbConnection.raw("select count(*)::int as n from notification where template like 'group-admin-%'")).rows[0].n
  async function nothingSent<T>(act: () => Promise<T>): Promise<T> {
    await kit.mailsSettled() // approval mails of groups made just before
    const [before, records, files] = [await stored(), await relayRecords(), readMails(mailDir).length]
    const answer = await act()
    await kit.mailsSettled()
    expect(await stored()).toBe(before)
    expect(await relayRecords()).toBe(records)
    expect(readMails(mailDir).length).toBe(files)
    return answer
  }
  return { stored, relayRecords, nothingSent }
}

export type MessagingAdmin = { row: { id: string; slug: string; name: string }; headers: Record<string, string>; email: string }

let adminCount = 0

/**
 * `admin(label, postcodes, enabled)`: an approved group with its admin signed in (password set
 * through the mail's link), messaging switched on unless `enabled` is false. Shared by the
 * walk and stranger specs, which build their admins the same way.
 */
export function messagingAdmins(kit: ReturnType<typeof useGroupAccountsKit>, getContainer: () => MedusaContainer) {
  return async function admin(label: string, postcodes: string[], enabled = true): Promise<MessagingAdmin> {
    const n = ++adminCount
    const email = `${label}.${n}@example.nl`
    const { result } = await createGroupsWorkflow(getContainer()).run({
      input: { groups: [groupBody(`Buurtpreventie ${label} ${n}`, email, postcodes, { admin_name: `${label} Beheerder`, admin_phone: "06 44444444" })] },
    })
    const row = await kit.approve(result[0].id)
    const { token } = accountLink((await kit.mailFor(row.id, "group-account-set-password")).text, "/wachtwoord-instellen")
    expect((await kit.setPassword(token, ADMIN_PASSWORD)).status).toBe(200)
    const { data } = await kit.login(email, ADMIN_PASSWORD)
    const a = { row, headers: kit.bearer(data.token), email }
    if (enabled) expect((await kit.post(`/store/my-group/groups/${row.id}/messaging`, { enabled: true }, a.headers)).status).toBe(200)
    return a
  }
}
