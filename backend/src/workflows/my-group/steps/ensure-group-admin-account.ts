import type { IAuthModuleService, ICustomerModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import GroupAdminCustomerLink from "../../../links/group-admin-customer"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { normaliseEmail } from "../../../lib/email"
import { ownGroupIds } from "./own-groups"

export { normaliseEmail }

/** The Medusa auth provider group admins sign in with (e-mail + password). */
export const GROUP_ADMIN_AUTH_PROVIDER = "emailpass"

export type GroupAdminAccount = {
  customer_id: string
  auth_identity_id: string
  email: string
  /** true when this step created the customer (a brand-new account) */
  created_customer: boolean
}

type Compensation = {
  group_id: string
  customer_id: string
  created_customer: boolean
  created_identity: string | null
  identity_metadata: { id: string; app_metadata: Record<string, unknown> } | null
  created_link: boolean
  /** customers whose link to the group was replaced (the admin e-mail changed) */
  dismissed: string[]
  /** the password of an untrusted login, removed (put back on compensation) */
  invalidated_password: { provider_identity_id: string; provider_metadata: Record<string, unknown> } | null
  /** untrusted customers with the address, anonymised and deleted (restored on compensation) */
  discarded_customers: { id: string; email: string | null; first_name: string | null; last_name: string | null; phone: string | null }[]
}

/**
 * Whether an existing login for the address may keep its password and customer:
 * only when the shop itself made it and its password was set through a link mailed
 * to the address. That holds for a group admin's own login (its customer already
 * manages a group: created by an earlier approval, password set through the mailed
 * link), a staff login (invite accepted with the mailed token) and a
 * wijkagent/municipality login (created by staff). Anything else was created through
 * Medusa's open sign-up by whoever knew the address (before the shop closed it,
 * api/middlewares/auth-accounts.ts) and must not be trusted.
 */
async function isTrustedLogin(container: any, appMetadata: Record<string, unknown>): Promise<boolean> {
  if (typeof appMetadata.user_id === "string" || typeof appMetadata.notice_author_id === "string") return true
  if (typeof appMetadata.customer_id !== "string") return false
  const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
  const [customer] = await customers.listCustomers({ id: appMetadata.customer_id }, { select: ["id"] })
  return Boolean(customer) && (await ownGroupIds(container, appMetadata.customer_id)).length > 0
}


/** "Anouk de Vries" → first "Anouk", last "de Vries" (the customer record wants both). */
export function splitName(name: string | null | undefined): { first_name: string; last_name: string } {
  const [first = "", ...rest] = (name ?? "").trim().split(/\s+/)
  return { first_name: first, last_name: rest.join(" ") }
}

export const ensureGroupAdminAccountStepId = "ensure-group-admin-account"

/**
 * Gives an approved group's admin a customer account, as Medusa's own sign-up does
 * (`/auth/customer/emailpass/register` + createCustomerAccountWorkflow): an emailpass
 * auth identity for the e-mail address, a customer with `has_account`, and the
 * identity's `app_metadata.customer_id` pointing to it. An account that already exists
 * for the address is reused (one login for several groups).
 *
 * The new identity gets no password at all: emailpass refuses to match a missing hash,
 * so nobody can sign in until the admin sets one through Medusa's reset-password flow
 * (the link in the account e-mail). Finally the customer is linked to the group.
 *
 * A login that already existed for the address is reused only when the shop can trust
 * it (isTrustedLogin). Otherwise someone may have chosen its password before the
 * approval (pre-account takeover): the password is removed, so the account e-mail
 * becomes the set-password link, and a customer that login or that address already
 * had is not reused but anonymised and deleted, so tokens issued to it earlier see no
 * group. Compensation undoes exactly what this step changed.
 */
export const ensureGroupAdminAccountStep = createStep(
  ensureGroupAdminAccountStepId,
  async (input: { group_id: string }, { container }) => {
    const groups: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)

    const group = await groups.retrieveNeighbourhoodGroup(input.group_id)
    if (!group.admin_email) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "De gegevens van de beheerder van deze groep zijn op verzoek verwijderd; de groep kan niet opnieuw worden goedgekeurd."
      )
    }
    const email = normaliseEmail(group.admin_email)
    const compensation: Compensation = {
      group_id: group.id,
      customer_id: "",
      created_customer: false,
      created_identity: null,
      identity_metadata: null,
      created_link: false,
      dismissed: [],
      invalidated_password: null,
      discarded_customers: [],
    }

    // 1. the login: an emailpass identity for the address (shared with a staff login of the same address, as in Medusa)
    const [providerIdentity] = await auth.listProviderIdentities(
      { entity_id: email, provider: GROUP_ADMIN_AUTH_PROVIDER },
      { select: ["id", "auth_identity_id", "provider_metadata"] }
    )
    let identity = providerIdentity?.auth_identity_id ? await auth.retrieveAuthIdentity(providerIdentity.auth_identity_id) : null
    const trusted = identity ? await isTrustedLogin(container, (identity.app_metadata ?? {}) as Record<string, unknown>) : true
    if (identity && !trusted && typeof providerIdentity.provider_metadata?.password === "string") {
      compensation.invalidated_password = { provider_identity_id: providerIdentity.id, provider_metadata: { ...providerIdentity.provider_metadata } }
      // null rather than a missing key: the update merges JSON; emailpass matches only a string hash
      await auth.updateProviderIdentities([{ id: providerIdentity.id, provider_metadata: { ...providerIdentity.provider_metadata, password: null } }])
    }
    if (!identity) {
      identity = await auth.createAuthIdentities({
        provider_identities: [{ provider: GROUP_ADMIN_AUTH_PROVIDER, entity_id: email, provider_metadata: {} }],
      })
      compensation.created_identity = identity.id
    }

    // 2. the customer: the one the identity points to, else a registered customer with the address, else a new one
    const appMetadata = (identity.app_metadata ?? {}) as Record<string, unknown>
    let customerId: string | undefined
    if (trusted && typeof appMetadata.customer_id === "string") {
      const [existing] = await customers.listCustomers({ id: appMetadata.customer_id }, { select: ["id"] })
      customerId = existing?.id
    }
    if (!customerId) {
      const [registered] = await customers.listCustomers({ email, has_account: true }, { select: ["id"] })
      if (registered && (await ownGroupIds(container, registered.id)).length > 0) customerId = registered.id
    }
    if (!customerId) {
      // customers nobody can vouch for: the untrusted login's, and an account customer of the address without groups
      const untrustedIds = [
        ...(!trusted && typeof appMetadata.customer_id === "string" ? [appMetadata.customer_id] : []),
        ...(await customers.listCustomers({ email, has_account: true }, { select: ["id"] })).map((c) => c.id),
      ]
      const discarded = untrustedIds.length
        ? await customers.listCustomers({ id: [...new Set(untrustedIds)] }, { select: ["id", "email", "first_name", "last_name", "phone"] })
        : []
      if (discarded.length) {
        compensation.discarded_customers = discarded.map((c) => ({
          id: c.id,
          email: c.email ?? null,
          first_name: c.first_name ?? null,
          last_name: c.last_name ?? null,
          phone: c.phone ?? null,
        }))
        for (const c of discarded) await customers.updateCustomers(c.id, { email: null, first_name: null, last_name: null, phone: null } as any)
        await customers.softDeleteCustomers(discarded.map((c) => c.id))
      }
    }
    if (!customerId) {
      const created = await customers.createCustomers({ email, has_account: true, ...splitName(group.admin_name) })
      customerId = created.id
      compensation.created_customer = true
    }
    compensation.customer_id = customerId
    if (appMetadata.customer_id !== customerId) {
      if (!compensation.created_identity) compensation.identity_metadata = { id: identity.id, app_metadata: { ...appMetadata } }
      await auth.updateAuthIdentities({ id: identity.id, app_metadata: { ...appMetadata, customer_id: customerId } })
    }

    // 3. the link customer ↔ group (a group has one admin account: replace an older link)
    const { data: links } = await query.graph({
      entity: GroupAdminCustomerLink.entryPoint,
      fields: ["customer_id", "neighbourhood_group_id"],
      filters: { neighbourhood_group_id: group.id },
    })
    const current = links.find((l: any) => l.customer_id === customerId)
    if (!current) {
      const stale = links.map((l: any) => ({
        [Modules.CUSTOMER]: { customer_id: l.customer_id },
        [NEIGHBOURHOOD_GROUP_MODULE]: { neighbourhood_group_id: group.id },
      }))
      if (stale.length) await link.dismiss(stale)
      compensation.dismissed = links.map((l: any) => l.customer_id)
      await link.create({
        [Modules.CUSTOMER]: { customer_id: customerId },
        [NEIGHBOURHOOD_GROUP_MODULE]: { neighbourhood_group_id: group.id },
      })
      compensation.created_link = true
    }

    const account: GroupAdminAccount = {
      customer_id: customerId,
      auth_identity_id: identity.id,
      email,
      created_customer: compensation.created_customer,
    }
    return new StepResponse(account, compensation)
  },
  async (compensation, { container }) => {
    if (!compensation) return
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    if (compensation.created_link) {
      await link.dismiss({
        [Modules.CUSTOMER]: { customer_id: compensation.customer_id },
        [NEIGHBOURHOOD_GROUP_MODULE]: { neighbourhood_group_id: compensation.group_id },
      })
    }
    for (const customer_id of compensation.dismissed) {
      await link.create({
        [Modules.CUSTOMER]: { customer_id },
        [NEIGHBOURHOOD_GROUP_MODULE]: { neighbourhood_group_id: compensation.group_id },
      })
    }
    if (compensation.identity_metadata) await auth.updateAuthIdentities(compensation.identity_metadata)
    if (compensation.invalidated_password) {
      const { provider_identity_id, provider_metadata } = compensation.invalidated_password
      await auth.updateProviderIdentities([{ id: provider_identity_id, provider_metadata }])
    }
    if (compensation.created_identity) await auth.deleteAuthIdentities([compensation.created_identity])
    if (compensation.created_customer) await customers.deleteCustomers([compensation.customer_id])
    if (compensation.discarded_customers.length) {
      await customers.restoreCustomers(compensation.discarded_customers.map((c) => c.id))
      for (const { id, ...fields } of compensation.discarded_customers) await customers.updateCustomers(id, fields as any)
    }
  }
)
