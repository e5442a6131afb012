import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type { GroupStatus } from "../../../modules/neighbourhood-group/models/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { groupStatusLabel } from "../../../modules/neighbourhood-group/utils/status"

export type ModerationAction = "approve" | "reject" | "archive"

export type SetGroupStatusStepInput = { id: string; action: ModerationAction; reason?: string }

/** Which statuses each moderation action may start from. */
export const ALLOWED_FROM: Record<ModerationAction, GroupStatus[]> = {
  approve: ["pending", "rejected", "archived"],
  reject: ["pending", "approved"],
  archive: ["pending", "approved", "rejected"],
}

const ACTION_LABELS: Record<ModerationAction, string> = {
  approve: "goedgekeurd",
  reject: "afgewezen",
  archive: "gearchiveerd",
}

const MODERATION_FIELDS = ["status", "approved_at", "rejected_at", "archived_at", "rejection_reason"] as const

export const setGroupStatusStepId = "set-neighbourhood-group-status"

/**
 * Approves, rejects (with a reason) or archives a group, refusing transitions that
 * make no sense. Compensation restores the previous moderation fields.
 */
export const setGroupStatusStep = createStep(
  setGroupStatusStepId,
  async (input: SetGroupStatusStepInput, { container }) => {
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const group = await service.retrieveNeighbourhoodGroup(input.id)
    const status = group.status as GroupStatus
    if (!ALLOWED_FROM[input.action].includes(status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Een groep met status "${groupStatusLabel(status)}" kan niet worden ${ACTION_LABELS[input.action]}.`
      )
    }

    const now = new Date()
    const change =
      input.action === "approve"
        ? { status: "approved" as const, approved_at: now, rejection_reason: null, rejected_at: null, archived_at: null }
        : input.action === "reject"
          ? { status: "rejected" as const, rejection_reason: input.reason?.trim() || null, rejected_at: now }
          : { status: "archived" as const, archived_at: now }
    if (input.action === "reject" && !change.rejection_reason) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Geef een reden op voor het afwijzen")
    }

    const previous = Object.fromEntries(MODERATION_FIELDS.map((f) => [f, group[f] ?? null]))
    const updated = await service.updateNeighbourhoodGroups({ id: group.id, ...change })
    return new StepResponse(updated, { id: group.id, ...previous })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    await service.updateNeighbourhoodGroups(previous as any)
  }
)
