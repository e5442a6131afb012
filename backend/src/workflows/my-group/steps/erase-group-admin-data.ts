import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { ownGroupIds } from "./own-groups"

const ERASED_FIELDS = ["status", "archived_at", "admin_name", "admin_email", "admin_phone", "metadata"] as const

export const eraseGroupAdminDataStepId = "erase-neighbourhood-group-admin-data"

/**
 * For every group the customer manages: archive it (out of the directory) and erase
 * its admin's name, e-mail and phone number. The rows stay, anonymous, so orders
 * placed for a group keep pointing to it. Compensation puts the previous values back.
 */
export const eraseGroupAdminDataStep = createStep(
  eraseGroupAdminDataStepId,
  async (input: { customer_id: string }, { container }) => {
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const ids = await ownGroupIds(container, input.customer_id)
    if (!ids.length) return new StepResponse({ group_ids: [] as string[], emails: [] as string[] }, [])
    const groups = await service.listNeighbourhoodGroups({ id: ids }, { select: ["id", ...ERASED_FIELDS] as any })
    const now = new Date()
    await service.updateNeighbourhoodGroups(
      groups.map((g) => ({
        id: g.id,
        status: "archived" as const,
        archived_at: g.status === "archived" ? g.archived_at : now,
        admin_name: null,
        admin_email: null,
        admin_phone: null,
        // a note for staff, without personal data
        metadata: { ...((g.metadata as Record<string, unknown>) ?? {}), personal_data_erased_at: now.toISOString() },
      }))
    )
    const previous = groups.map((g) => Object.fromEntries([["id", g.id], ...ERASED_FIELDS.map((f) => [f, (g as any)[f] ?? null])]))
    const emails = [...new Set(groups.map((g) => g.admin_email?.trim().toLowerCase()).filter((e): e is string => Boolean(e)))]
    return new StepResponse({ group_ids: groups.map((g) => g.id), emails }, previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    await service.updateNeighbourhoodGroups(previous as any)
  }
)
