import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { AREA_NOTICE_MODULE } from "../../../../../modules/area-notice"
import type AreaNoticeModuleService from "../../../../../modules/area-notice/service"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../../../modules/neighbourhood-group/service"

/**
 * GET /store/groups/:slug/notices: the current, not withdrawn notices for an
 * approved group's area (its municipality or any of its PC4s). Public columns only:
 * title, body, who signs it and the period; never the account that wrote it.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const groups: NeighbourhoodGroupModuleService = req.scope.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const group = await groups.retrieveApprovedGroupBySlug(req.params.slug)
  if (!group) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Groep "${req.params.slug}" niet gevonden`)
  const notices: AreaNoticeModuleService = req.scope.resolve(AREA_NOTICE_MODULE)
  const list = await notices.listCurrentNoticesForArea({
    municipality_code: group.gemeente_code ?? null,
    postcodes: group.postcodes ?? [],
  })
  res.json({ notices: list })
}
