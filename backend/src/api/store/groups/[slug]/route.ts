import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../../modules/neighbourhood-group/service"

/** GET /store/groups/:slug: one approved group (public fields only). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const service: NeighbourhoodGroupModuleService = req.scope.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const group = await service.retrieveApprovedGroupBySlug(req.params.slug)
  if (!group) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Groep "${req.params.slug}" niet gevonden`)
  res.json({ group })
}
