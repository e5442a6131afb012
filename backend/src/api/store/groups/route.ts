import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { searchTerms } from "../../../modules/neighbourhood-group/utils/text"
import { baseSlug } from "../../../workflows/groups/steps/prepare-groups"
import { registerGroupWorkflow } from "../../../workflows/groups/register-group"
import { respondToGroupError } from "../../utils/group-errors"
import type { StoreGetGroupsParamsType, StoreRegisterGroupType } from "./validators"

/**
 * GET /store/groups
 *
 * Approved groups. `q` searches name, woonplaats, gemeente and postcodes;
 * `gemeente` (slug or name) includes municipalities merged into it; `postcode`
 * (PC4 or full postcode) sorts nearest first with `distance_km` from the PC4's
 * centre; `bbox=minLng,minLat,maxLng,maxLat` limits to a map view.
 */
export async function GET(req: MedusaRequest<unknown, StoreGetGroupsParamsType>, res: MedusaResponse) {
  const service: NeighbourhoodGroupModuleService = req.scope.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const { q, gemeente, postcode, bbox, limit, offset } = req.validatedQuery

  const scope = gemeente ? await service.resolveMunicipalityScope(gemeente) : undefined
  const origin = postcode ? await service.findPostcodeOrigin(postcode) : undefined
  if (postcode && !origin) {
    // A PC4 neither the reference data nor any group knows: nothing to measure from.
    res.json({ groups: [], count: 0, limit, offset, origin: null })
    return
  }

  const { groups, count } = await service.searchApprovedGroups({
    terms: searchTerms(q),
    municipality: scope ? { slugs: scope.slugs, codes: scope.codes } : undefined,
    bbox,
    origin: origin ? { lat: origin.lat, lng: origin.lng } : null,
    covers_pc4: postcode,
    limit,
    offset,
  })

  res.json({
    groups,
    count,
    limit,
    offset,
    ...(origin
      ? { origin: { postcode: origin.pc4, lat: origin.lat, lng: origin.lng, places: origin.places, gemeente: origin.gemeente } }
      : {}),
  })
}

/**
 * The answer to every accepted registration, new or a probable duplicate: it never says
 * whether another group exists (staff see the duplicate and contact the registrant).
 */
export const REGISTERED_MESSAGE =
  "Bedankt voor je aanmelding! We bekijken je groep en sturen je een e-mail zodra hij op de kaart staat. " +
  "We nemen contact op als deze groep al bestaat."

/**
 * POST /store/groups
 *
 * Registers a group (status pending). Validated, rate limited per IP and refused
 * with WhatsApp invite links by the middlewares (src/api/middlewares.ts). A filled
 * honeypot (`website`) gets the same 201 answer, but nothing is stored or sent. A probable
 * duplicate of another group gets the same 201 answer as a new group too, and is marked
 * for staff (registerGroupWorkflow).
 */
export async function POST(req: MedusaRequest<StoreRegisterGroupType>, res: MedusaResponse) {
  const { website, ...group } = req.validatedBody
  const pending = (name: string, slug: string) => ({
    group: { name, slug, status: "pending" },
    message: REGISTERED_MESSAGE,
  })

  if (website !== undefined && website !== null && website !== "") {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).info("Group registration ignored: honeypot field filled")
    res.status(201).json(pending(group.name, baseSlug(group.name, group.woonplaats)))
    return
  }

  try {
    const { result } = await registerGroupWorkflow(req.scope).run({ input: group })
    res.status(201).json(pending(result.name, result.slug))
  } catch (error) {
    if (!respondToGroupError(res, error)) throw error
  }
}
