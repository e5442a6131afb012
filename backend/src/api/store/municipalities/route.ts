import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { normaliseText } from "../../../modules/neighbourhood-group/utils/text"
import type { StoreGetMunicipalitiesParamsType } from "./validators"
import { listStoreMunicipalities } from "./helpers"

/**
 * GET /store/municipalities
 *
 * Current municipalities (A–Z) with their number of approved groups, for the
 * /gemeenten index and the sitemap. `q` searches names, `province` filters,
 * `with_groups=true` keeps those with at least one group.
 */
export async function GET(req: MedusaRequest<unknown, StoreGetMunicipalitiesParamsType>, res: MedusaResponse) {
  const service: NeighbourhoodGroupModuleService = req.scope.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const { q, province, with_groups, limit, offset } = req.validatedQuery
  const needle = q ? normaliseText(q) : ""
  const matching = (await listStoreMunicipalities(service)).filter(
    (m) =>
      (!needle || normaliseText(m.name).includes(needle)) &&
      (!province || normaliseText(m.province ?? "") === normaliseText(province)) &&
      (with_groups !== "true" || m.group_count > 0)
  )
  res.json({ municipalities: matching.slice(offset, offset + limit), count: matching.length, limit, offset })
}
