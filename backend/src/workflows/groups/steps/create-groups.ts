import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import type { PreparedGroup } from "./prepare-groups"

export const createGroupsStepId = "create-neighbourhood-groups"

/** Creates prepared groups; compensation deletes them again. */
export const createGroupsStep = createStep(
  createGroupsStepId,
  async (groups: PreparedGroup[], { container }) => {
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const created = await service.createNeighbourhoodGroups(groups)
    return new StepResponse(
      created,
      created.map((g) => g.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    await service.deleteNeighbourhoodGroups(ids)
  }
)
