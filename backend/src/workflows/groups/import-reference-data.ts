import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { GroupEvents } from "../../modules/neighbourhood-group/events"
import type { PostcodeAreaRow } from "../../modules/neighbourhood-group/reference-data/geonames"
import { replaceReferenceDataStep } from "./steps/replace-reference-data"

export type ImportReferenceDataInput = {
  /** Parsed and validated rows (parseGeonamesPostalCodes): a malformed file never gets here. */
  rows: PostcodeAreaRow[]
}

export const importReferenceDataWorkflowId = "import-reference-data"

/**
 * Replaces the postcode areas and municipalities with a new GeoNames file's rows,
 * in one transaction; idempotent. Run by src/scripts/import-reference-data.ts.
 */
export const importReferenceDataWorkflow = createWorkflow(importReferenceDataWorkflowId, (input: ImportReferenceDataInput) => {
  const summary = replaceReferenceDataStep(input.rows)
  emitEventStep({
    eventName: GroupEvents.REFERENCE_DATA_IMPORTED,
    data: transform({ summary }, ({ summary }) => summary),
  })
  return new WorkflowResponse(summary)
})
