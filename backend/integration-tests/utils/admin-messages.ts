import { readMails } from "./checkout"

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
