import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../../modules/neighbourhood-group/service"

/**
 * GET /admin/notices/municipalities: the current municipalities (code, name,
 * province) for the notice form's picker; empty before reference data is imported.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const groups: NeighbourhoodGroupModuleService = req.scope.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const municipalities = await groups.listMunicipalities(
    { retired_at: null },
    { select: ["code", "name", "province"], order: { name: "ASC" } }
  )
  res.json({ municipalities: municipalities.map(({ code, name, province }) => ({ code, name, province })) })
}
