import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../../modules/neighbourhood-group/service"
import { municipalityOfGroups, toStoreMunicipality } from "../helpers"

/**
 * GET /store/municipalities/:slug
 *
 * A municipality with its number of approved groups, places and PC4s. A slug of a
 * municipality that was renamed or merged answers with its successor and
 * `redirect_to` (the successor's slug), so /gemeenten/<old-slug> can redirect.
 * Before reference data exists, the gemeenten of the groups still have a page.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const service: NeighbourhoodGroupModuleService = req.scope.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const scope = await service.resolveMunicipalityScope(req.params.slug)

  if (scope.current) {
    const [groupCount, areas] = await Promise.all([
      service.countApprovedGroups(scope),
      service.municipalityAreas(scope.current.code),
    ])
    res.json({
      municipality: {
        ...toStoreMunicipality(scope.current, groupCount),
        places: areas.places,
        postcodes: areas.postcodes,
        predecessors: (scope.predecessors ?? []).map((m) => ({ name: m.name, slug: m.slug })),
      },
      redirect_to: scope.current.slug === scope.requested ? null : scope.current.slug,
    })
    return
  }

  if (!scope.retired) {
    const bucket = (await service.approvedGroupsByMunicipality()).find((b) => b.gemeente_slug === scope.requested)
    if (bucket) {
      res.json({
        municipality: {
          ...municipalityOfGroups(bucket),
          places: [],
          postcodes: [],
          predecessors: [],
        },
        redirect_to: null,
      })
      return
    }
  }
  throw new MedusaError(MedusaError.Types.NOT_FOUND, `Gemeente "${req.params.slug}" niet gevonden`)
}
