import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { searchTerms } from "../../../modules/neighbourhood-group/utils/text"
import { REGISTRATION_CONFIRM_HOURS } from "../../../modules/neighbourhood-group/models/group-registration"
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
 * The answer to every accepted registration: new, a probable duplicate, an address with
 * too many open registrations, a filled honeypot. It says nothing about other groups
 * (no slug: a "-2" would tell that a same-named one exists) and asks for the e-mail check.
 */
export const REGISTERED_MESSAGE =
  "Bijna klaar! We hebben je een e-mail gestuurd. Klik op de link in die e-mail om je e-mailadres te bevestigen; " +
  `pas daarna bekijken we je aanmelding. De link is ${REGISTRATION_CONFIRM_HOURS} uur geldig.`

/**
 * POST /store/groups
 *
 * Registers a group, to be confirmed through the link mailed to its admin
 * (registerGroupWorkflow; POST /store/groups/registrations/confirm). Validated, rate
 * limited per IP and refused with WhatsApp invite links by the middlewares
 * (src/api/middlewares.ts). Every accepted registration gets the same 201 answer.
 */
export async function POST(req: MedusaRequest<StoreRegisterGroupType>, res: MedusaResponse) {
  // confirm_far_point was judged by the validation (requireConfirmedFarPoint)
  const { website, confirm_far_point: _confirmed, ...group } = req.validatedBody
  const accepted = { registration: { status: "unconfirmed" }, message: REGISTERED_MESSAGE }

  if (website !== undefined && website !== null && website !== "") {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).info("Group registration ignored: honeypot field filled")
    res.status(201).json(accepted)
    return
  }

  try {
    await registerGroupWorkflow(req.scope).run({ input: group })
    res.status(201).json(accepted)
  } catch (error) {
    if (!respondToGroupError(res, error)) throw error
  }
}
