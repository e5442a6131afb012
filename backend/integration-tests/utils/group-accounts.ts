/**
 * The shared setup of the specs about groups and their admins' accounts
 * (group-accounts, security-groups, security-accounts): a seeded shop with the
 * reference-data fixture, fresh store and staff headers per test, helpers that
 * register (and confirm through the mailed link), approve (carrying what staff saw) and
 * sign in a group admin the way the real flow does (approval
 * mails a set-password link; the admin sets a password and signs in), and a wait for
 * subscribers' e-mails before the runner resets the database.
 *
 * Call it inside medusaIntegrationTestRunner's testSuite: it registers the hooks.
 */
import fs from "node:fs"
import path from "node:path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { seedShop } from "../../src/seed/seed-shop"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../src/modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../src/modules/neighbourhood-group/service"
import { parseGeonamesPostalCodes } from "../../src/modules/neighbourhood-group/reference-data/geonames"
import { importReferenceDataWorkflow } from "../../src/workflows/groups/import-reference-data"
import { createGroupsWorkflow } from "../../src/workflows/groups/create-groups"
import { hashRegistrationToken } from "../../src/workflows/groups/steps/group-registrations"
import { normaliseEmail } from "../../src/lib/email"
import { REFERENCE_DATA_FIXTURE } from "../fixtures/reference-data"
import { adminHeaders } from "./admin"
import { readMails, storeHeaders, waitFor } from "./checkout"

export const ADMIN_PASSWORD = "Lindelaan-2026!"

/** A registration body as the storefront's form sends it. */
export const groupBody = (
  name: string,
  admin_email: string,
  postcodes = ["3581"],
  admin: { admin_name: string; admin_phone: string } = { admin_name: "Anouk de Beheerder", admin_phone: "06 12345678" }
) => ({ name, woonplaats: "Utrecht", postcodes, member_count: 42, ...admin, admin_email, accepted_rules: true })

/** The set-password or reset link in a mail's text: the URL, its token and e-mail. */
export function accountLink(text: string, pathname: string) {
  const match = new RegExp(`(https?://[^\\s]*${pathname.replace(/\//g, "\\/")}\\?token=([^&\\s]+)&email=([^\\s]+))`).exec(text)
  if (!match) throw new Error(`No ${pathname} link in:\n${text}`)
  return { url: match[1], token: decodeURIComponent(match[2]), email: decodeURIComponent(match[3]) }
}

/** Seeds the shop and imports the reference-data fixture (PC4 areas and municipalities). */
export async function seedDirectory(container: MedusaContainer) {
  await seedShop(container, { storefrontUrl: "http://shop.test" })
  const rows = parseGeonamesPostalCodes(fs.readFileSync(REFERENCE_DATA_FIXTURE, "utf8"))
  await importReferenceDataWorkflow(container).run({ input: { rows } })
}

type Headers = Record<string, string>

export function useGroupAccountsKit({
  api,
  getContainer,
  dbConnection,
  mailDir,
  ipPrefix,
  settle = { quietRounds: 3, intervalMs: 40 },
}: {
  api: any
  getContainer: () => MedusaContainer
  dbConnection: any
  mailDir: string
  /** first two octets of the made-up client addresses (each registration comes from its own, past the rate limit) */
  ipPrefix: string
  settle?: { quietRounds: number; intervalMs: number }
}) {
  /** Filled before each test; passed as axios config (`{ headers }`). */
  const store = { headers: {} as Headers }
  const admin = { headers: {} as Headers }

  const call = (p: Promise<any>) => p.catch((e: any) => (e.response ? e.response : Promise.reject(e)))
  const get = (url: string, headers: Headers = {}) => call(api.get(url, { headers: { ...store.headers, ...headers } }))
  const post = (url: string, body: unknown, headers: Headers = {}) => call(api.post(url, body, { headers: { ...store.headers, ...headers } }))
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
  const service = (): NeighbourhoodGroupModuleService => getContainer().resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const notifications = () => getContainer().resolve(Modules.NOTIFICATION)
  const login = (email: string, password: string, actor = "customer") => call(api.post(`/auth/${actor}/emailpass`, { email, password }))
  const setPassword = (token: string, password: string) => call(api.post("/auth/customer/emailpass/update", { password }, { headers: bearer(token) }))

  let ipCounter = 0
  const nextIp = () => `${ipPrefix}.${(++ipCounter >> 8) & 255}.${ipCounter & 255}`
  /** POST /store/groups from a fresh address; the raw response. */
  const register = (body: unknown) => post("/store/groups", body, { "x-forwarded-for": nextIp() })
  const usedTokens = new Set<string>()
  /**
   * The token of the newest confirmation mail to `email` not used yet (the .eml in the
   * mail folder: the link is only ever in the mail).
   */
  const confirmationToken = (email: string) =>
    waitFor(
      async () =>
        readMails(mailDir)
          .filter((m) => path.basename(m.file).includes("-group-registration-confirm-") && m.headers.to === normaliseEmail(email))
          .map((m) => /\/groepen\/bevestigen\?token=([A-Za-z0-9_-]+)/.exec(m.text)?.[1])
          .filter((t): t is string => Boolean(t) && !usedTokens.has(t!))
          .at(-1),
      { what: `confirmation mail to ${email}` }
    ).then((token) => (usedTokens.add(token), token))
  /** POST /store/groups/registrations/confirm; the raw response. */
  const confirmRegistration = (token: string) => post("/store/groups/registrations/confirm", { token })
  /** The group a confirmed registration became. */
  const groupOfToken = async (token: string) => {
    const [registration] = await service().listGroupRegistrations({ token_hash: hashRegistrationToken(token) })
    const [row] = await service().listNeighbourhoodGroups({ id: registration.group_id! })
    return row
  }
  /** Registers (201), confirms through the mailed link (200) and returns the stored group. */
  const registerRow = async (body: ReturnType<typeof groupBody>) => {
    const registered = await register(body)
    expect(registered.status).toBe(201)
    const token = await confirmationToken(body.admin_email)
    expect((await confirmRegistration(token)).status).toBe(200)
    return groupOfToken(token)
  }
  /** Staff open a group's admin page: what they saw, `updated_at` included. */
  const adminGroup = async (id: string) => (await call(api.get(`/admin/groups/${id}`, admin))).data.group
  /** Staff approve a group as they see it now (200) through the admin API; the approved group. */
  const approve = async (id: string) => {
    const seen = await adminGroup(id)
    const approved = await call(api.post(`/admin/groups/${id}/approve`, { seen_updated_at: seen.updated_at }, admin))
    expect(approved.status).toBe(200)
    return approved.data.group as { id: string; slug: string; name: string }
  }
  const registerAndApprove = async (body: ReturnType<typeof groupBody>) => {
    const row = await registerRow(body)
    await approve(row.id)
    return row
  }
  /** A group created as staff would (no registration rate limit involved), approved through the admin API. */
  const approvedGroup = async (name: string, email: string, postcodes = ["3581"]) => {
    const { result } = await createGroupsWorkflow(getContainer()).run({ input: { groups: [groupBody(name, email, postcodes)] } })
    return approve(result[0].id)
  }
  /** The notification of `template` about a group, once sent. */
  const sentNotification = (groupId: string, template: string) =>
    waitFor(
      async () => (await notifications().listNotifications({ resource_id: groupId })).find((n) => n.template === template && n.status === "success"),
      { what: `${template} e-mail` }
    )
  /** That e-mail as written to the mail folder (the provider names each .eml after its template). */
  const mailFor = async (groupId: string, template: string) => {
    const sent = await sentNotification(groupId, template)
    return readMails(mailDir).find((m) => path.basename(m.file).includes(`-${template}-`) && m.headers.to === sent.to)!
  }
  /**
   * Approval mails a set-password link; the admin sets a password and signs in. The group
   * is made by staff (`approvedGroup`), or through registration with `registerAndApprove`.
   */
  const signedInAdmin = async (email: string, name: string, postcodes = ["3581"], { viaRegistration = false } = {}) => {
    const row = viaRegistration ? await registerAndApprove(groupBody(name, email, postcodes)) : await approvedGroup(name, email, postcodes)
    const { token } = accountLink((await mailFor(row.id, "group-account-set-password")).text, "/wachtwoord-instellen")
    expect((await setPassword(token, ADMIN_PASSWORD)).status).toBe(200)
    const { data } = await login(email, ADMIN_PASSWORD)
    return { row, headers: bearer(data.token) }
  }
  /** Lets subscribers finish their e-mails (nothing pending, no new records for a while). */
  const mailsSettled = async () => {
    let last = -1
    let quiet = 0
    await waitFor(
      async () => {
        const { rows } = await dbConnection.raw(
          "select (select count(*) from notification where status = 'pending')::int as pending, (select count(*) from notification)::int as total"
        )
        quiet = rows[0].pending === 0 && rows[0].total === last ? quiet + 1 : 0
        last = rows[0].total
        return quiet >= settle.quietRounds
      },
      { what: "e-mails to settle", intervalMs: settle.intervalMs }
    )
  }

  beforeAll(() => seedDirectory(getContainer()))
  beforeEach(async () => {
    fs.rmSync(mailDir, { recursive: true, force: true })
    store.headers = (await storeHeaders(getContainer())).headers
    admin.headers = (await adminHeaders(api, getContainer(), `staff-${Date.now()}@buurtpreventie.test`)).headers
  })
  afterEach(mailsSettled)
  afterAll(() => fs.rmSync(mailDir, { recursive: true, force: true }))

  return {
    store,
    admin,
    call,
    get,
    post,
    bearer,
    service,
    notifications,
    login,
    setPassword,
    nextIp,
    register,
    confirmationToken,
    confirmRegistration,
    groupOfToken,
    registerRow,
    adminGroup,
    approve,
    registerAndApprove,
    approvedGroup,
    sentNotification,
    mailFor,
    signedInAdmin,
    mailsSettled,
  }
}
