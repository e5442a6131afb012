import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createGroupsWorkflow } from "../../../workflows/groups/create-groups"
import { respondToGroupError } from "../../utils/group-errors"
import { farPointsOf } from "../../utils/far-point"
import type { AdminCreateGroupType, AdminGetGroupsParamsType } from "./validators"

/**
 * GET /admin/groups: all groups, filtered by `status`, `gemeente_slug`, `q` and
 * `has_pending_changes` (an admin asked for a new name or location). Each row with its
 * postcodes and point carries `point_far` (distance and postcode, or null).
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetGroupsParamsType>, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { has_pending_changes, ...filters } = req.filterableFields as Record<string, unknown>
  if (has_pending_changes === "true") filters.changes_requested_at = { $ne: null }
  if (has_pending_changes === "false") filters.changes_requested_at = null
  const { data: groups, metadata } = await query.graph({
    entity: "neighbourhood_group",
    ...req.queryConfig,
    filters,
  })
  // each row says whether its point lies far from its postcodes, so staff see it before approving
  res.json({ groups: await farPointsOf(req.scope, groups), count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}

/** POST /admin/groups: staff add a group (default status pending). */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateGroupType>, res: MedusaResponse) {
  try {
    const { result } = await createGroupsWorkflow(req.scope).run({ input: { groups: [req.validatedBody] } })
    res.status(201).json({ group: result[0] })
  } catch (error) {
    if (!respondToGroupError(res, error)) throw error
  }
}
