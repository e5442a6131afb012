/**
 * Whether a group's point lies far from its own postcodes (a mis-tap on a phone map puts
 * a group 120 km off, and then it ranks by that pin). Registration asks to confirm such a
 * point; "Mijn groep" and staff see the same warning. Judged against the reference
 * data's PC4 centres; without reference data there is nothing to judge.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import type { ExtraCheck } from "../middlewares/validation"
import { latitudeField, longitudeField } from "./fields"
import { postcodesField } from "./group-fields"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../modules/neighbourhood-group/service"
import { farPoint, farPointMessage, type FarPoint } from "../../modules/neighbourhood-group/utils/geo"

export type PointCheck = {
  /** the centre of each of the group's postcodes known to the reference data */
  centres: { pc4: string; lat: number; lng: number }[]
  /** set when the point lies far from all of them */
  far: (FarPoint & { message: string }) | null
}

export async function checkGroupPoint(
  scope: MedusaContainer,
  group: { postcodes?: string[] | null; lat?: number | null; lng?: number | null }
): Promise<PointCheck> {
  const service: NeighbourhoodGroupModuleService = scope.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const centres = await service.postcodeCentres([...new Set(group.postcodes ?? [])])
  if (group.lat === null || group.lat === undefined || group.lng === null || group.lng === undefined) {
    return { centres, far: null }
  }
  const far = farPoint({ lat: group.lat, lng: group.lng }, centres)
  return { centres, far: far ? { ...far, message: farPointMessage(far) } : null }
}

/**
 * A list's rows with `point_far`: whether each row's point lies far from its postcodes,
 * judged with one look-up of the centres of all the rows' postcodes. Rows without
 * postcodes or a point in their fields (a list asked for fewer fields) stay as they are.
 */
export async function farPointsOf<T extends Record<string, unknown>>(
  scope: MedusaContainer,
  groups: T[]
): Promise<(T & { point_far?: FarPoint | null })[]> {
  const judged = groups.filter((g) => Array.isArray(g.postcodes) && "lat" in g && "lng" in g)
  if (!judged.length) return groups
  const service: NeighbourhoodGroupModuleService = scope.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const pc4s = [...new Set(judged.flatMap((g) => g.postcodes as string[]))]
  const centres = new Map((await service.postcodeCentres(pc4s)).map((c) => [c.pc4, c]))
  return groups.map((g) => {
    if (!judged.includes(g)) return g
    const { lat, lng } = g as { lat?: number | null; lng?: number | null }
    if (lat === null || lat === undefined || lng === null || lng === undefined) return { ...g, point_far: null }
    const own = (g.postcodes as string[]).flatMap((pc4) => (centres.has(pc4) ? [centres.get(pc4)!] : []))
    return { ...g, point_far: farPoint({ lat, lng }, own) }
  })
}

/** The field error at registration when the far point is not confirmed. */
export const confirmFarPointMessage = (message: string) =>
  `${message} Verschuif de speld naar je buurt, of vink aan dat het punt klopt.`

/**
 * Registration's database check (validateBodyWithFieldErrors): a point far from every
 * one of the group's postcodes must be confirmed with `confirm_far_point`. Judged on the
 * raw body as far as its postcodes and point are valid on their own, so this error comes
 * together with the schema's.
 */
export const requireConfirmedFarPoint: ExtraCheck = async (req, input) => {
  const body = (input ?? {}) as Record<string, unknown>
  const postcodes = postcodesField.safeParse(body.postcodes)
  const lat = latitudeField().safeParse(body.lat)
  const lng = longitudeField().safeParse(body.lng)
  const confirmed = body.confirm_far_point === true || body.confirm_far_point === "true" || body.confirm_far_point === "on" || body.confirm_far_point === "1"
  if (confirmed || !postcodes.success || !lat.success || !lng.success || typeof lat.data !== "number" || typeof lng.data !== "number") {
    return null
  }
  const check = await checkGroupPoint(req.scope, { postcodes: postcodes.data, lat: lat.data, lng: lng.data })
  if (!check.far) return null
  return {
    errors: { lat: confirmFarPointMessage(check.far.message) },
    body: { code: FAR_POINT_CODE, far_point: { distance_km: check.far.distance_km, postcode: check.far.pc4 } },
  }
}

/** The answer's `code` for an unconfirmed far point: the storefront then offers the confirmation. */
export const FAR_POINT_CODE = "far_point"
