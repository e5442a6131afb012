import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normaliseEmail } from "../../../lib/email"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { ownGroupIds } from "./own-groups"

const ERASED_FIELDS = ["status", "archived_at", "admin_name", "admin_email", "admin_phone", "admin_messages_enabled", "metadata"] as const

export const eraseGroupAdminDataStepId = "erase-neighbourhood-group-admin-data"

/**
 * For every group of the admin: archive it (out of the directory), erase its admin's
 * name, e-mail and phone number and switch admin messages off (issue 30). "Every group"
 * is the groups linked to the account plus every other group registered with the same
 * address, compared whole after trimming and lower-casing (pending or rejected
 * registrations never got a link; older ones may predate lower-casing). Registrations
 * waiting for confirmation with the address are deleted. The rows stay, anonymous, so
 * orders placed for a group keep pointing to it. Returns the addresses found, normalised,
 * for the mail records and files.
 * Compensation puts the previous values back.
 */
export const eraseGroupAdminDataStep = createStep(
  eraseGroupAdminDataStepId,
  async (input: { customer_id: string }, { container }) => {
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const linkedIds = await ownGroupIds(container, input.customer_id)
    const [customer] = await customers.listCustomers({ id: input.customer_id }, { select: ["id", "email"] })
    const linked = linkedIds.length
      ? await service.listNeighbourhoodGroups({ id: linkedIds }, { select: ["id", ...ERASED_FIELDS] as any })
      : []
    const emails = [
      ...new Set(
        [customer?.email, ...linked.map((g) => g.admin_email)].filter((e): e is string => Boolean(e?.trim())).map(normaliseEmail)
      ),
    ]
    // whole addresses, normalised on both sides: erasing a@x.co leaves ba@x.com alone
    const sameAddressIds = await service.listGroupIdsByAdminEmail(emails)
    const sameAddress = sameAddressIds.length
      ? await service.listNeighbourhoodGroups({ id: sameAddressIds }, { select: ["id", ...ERASED_FIELDS] as any })
      : []
    // registrations never confirmed (or confirmed, holding no data now) go for good
    await service.deleteGroupRegistrationsByEmail(emails)
    const groups = [...new Map([...linked, ...sameAddress].map((g) => [g.id, g])).values()]
    if (!groups.length) return new StepResponse({ group_ids: [] as string[], linked_group_ids: [] as string[], emails }, [])

    const now = new Date()
    await service.updateNeighbourhoodGroups(
      groups.map((g) => ({
        id: g.id,
        status: "archived" as const,
        archived_at: g.status === "archived" ? g.archived_at : now,
        admin_name: null,
        admin_email: null,
        admin_phone: null,
        // nobody left to message
        admin_messages_enabled: false,
        // a note for staff, without personal data
        metadata: { ...((g.metadata as Record<string, unknown>) ?? {}), personal_data_erased_at: now.toISOString() },
      }))
    )
    const previous = groups.map((g) => Object.fromEntries([["id", g.id], ...ERASED_FIELDS.map((f) => [f, (g as any)[f] ?? null])]))
    return new StepResponse({ group_ids: groups.map((g) => g.id), linked_group_ids: linked.map((g) => g.id), emails }, previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    await service.updateNeighbourhoodGroups(previous as any)
  }
)
