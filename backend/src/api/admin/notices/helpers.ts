import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { respondWithFieldErrors } from "../../middlewares/validation"
import { noticeService, serializeNotices } from "../../utils/notices"

export async function retrieveAdminNotice(scope: MedusaContainer, id: string) {
  const notice = await noticeService(scope).retrieveAreaNotice(id)
  return (await serializeNotices(scope, [notice]))[0]
}

/**
 * Municipality codes that the imported reference data does not know. Without
 * reference data (offline start) every four-digit code is accepted.
 */
export async function unknownMunicipalityCodes(scope: MedusaContainer, codes: string[] | undefined): Promise<string[]> {
  if (!codes?.length) return []
  const groups: NeighbourhoodGroupModuleService = scope.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const [, total] = await groups.listAndCountMunicipalities({}, { take: 1, select: ["id"] })
  if (!total) return []
  const known = new Set((await groups.listMunicipalities({ code: codes }, { select: ["code"] })).map((m) => m.code))
  return codes.filter((c) => !known.has(c))
}

export function rejectUnknownCodes(res: MedusaResponse, unknown: string[]): boolean {
  if (!unknown.length) return false
  respondWithFieldErrors(res, {
    municipality_codes: `Onbekende gemeentecode${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")}`,
  })
  return true
}

export function notFound(id: string): never {
  throw new MedusaError(MedusaError.Types.NOT_FOUND, `Melding "${id}" niet gevonden`)
}
