import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"

export type GroupUpdate = { id: string } & Record<string, unknown>

export const updateGroupStepId = "update-neighbourhood-group"

/** Updates one group; compensation puts back the previous values of the fields it changed. */
export const updateGroupStep = createStep(
  updateGroupStepId,
  async (update: GroupUpdate, { container }) => {
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const fields = Object.keys(update).filter((k) => k !== "id")
    const previous = await service.retrieveNeighbourhoodGroup(update.id, { select: ["id", ...fields] as any })
    const updated = await service.updateNeighbourhoodGroups(update as any)
    return new StepResponse(updated, previous as unknown as GroupUpdate)
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    await service.updateNeighbourhoodGroups(previous as any)
  }
)
