import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { GROUP_CHANGED } from "../errors"

/**
 * The lock every write to one group takes (moderation, staff edits, "Mijn groep"), so
 * the version check below and the write after it see the same group: nothing changes it
 * in between.
 */
export const groupLockKey = (id: string) => `neighbourhood-group:${id}`

export const GROUP_CHANGED_MESSAGE =
  "Deze groep is gewijzigd nadat je hem opende. Bekijk de nieuwe gegevens en beoordeel de groep opnieuw."

export const checkGroupVersionStepId = "check-neighbourhood-group-version"

/**
 * Staff decide on what they saw: `seen_updated_at` is the group's `updated_at` as the
 * admin page loaded it. When the group changed since (its admin renamed it, asked for
 * another change, staff in another tab edited it), the decision is refused with
 * GROUP_CHANGED (409) instead of being applied to a group staff never saw. Without
 * `seen_updated_at` (internal callers) nothing is checked. Reads only.
 */
export const checkGroupVersionStep = createStep(
  checkGroupVersionStepId,
  async (input: { id: string; seen_updated_at?: string | null }, { container }) => {
    if (!input.seen_updated_at) return new StepResponse(undefined)
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const group = await service.retrieveNeighbourhoodGroup(input.id, { select: ["id", "updated_at"] })
    if (new Date(group.updated_at as unknown as string).getTime() !== Date.parse(input.seen_updated_at)) {
      throw new MedusaError(MedusaError.Types.CONFLICT, GROUP_CHANGED_MESSAGE, GROUP_CHANGED)
    }
    return new StepResponse(undefined)
  }
)
