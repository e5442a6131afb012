import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type { PostcodeAreaRow } from "../../../modules/neighbourhood-group/reference-data/geonames"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"

export const replaceReferenceDataStepId = "replace-reference-data"

/**
 * Replaces postcode areas and municipalities in one transaction (see the service).
 * Compensation imports the previous postcode areas again (or clears them after a first import).
 */
export const replaceReferenceDataStep = createStep(
  replaceReferenceDataStepId,
  async (rows: PostcodeAreaRow[], { container }) => {
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const previous = await service.snapshotReferenceData()
    const summary = await service.replaceReferenceData(rows)
    return new StepResponse(summary, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
    if (previous.length) await service.replaceReferenceData(previous)
    else await service.clearReferenceData()
  }
)
