import type { InferTypeOf } from "@medusajs/framework/types"
import type Municipality from "./models/municipality"
import type NeighbourhoodGroup from "./models/neighbourhood-group"

export type NeighbourhoodGroupDTO = InferTypeOf<typeof NeighbourhoodGroup>
export type MunicipalityDTO = InferTypeOf<typeof Municipality>

/** A group as the store API shows it: no admin contact data. */
export type PublicGroupRow = {
  id: string
  slug: string
  name: string
  woonplaats: string
  gemeente: string
  gemeente_slug: string
  gemeente_code: string | null
  postcodes: string[]
  lat: number | null
  lng: number | null
  member_count: number
  approved_at: string | null
  updated_at: string
  /** only with a postcode search: km from the postcode's centre */
  distance_km?: number | null
  /** only with a postcode search: the group lists that PC4 */
  covers_postcode?: boolean
}

export type GroupSearchInput = {
  /** normalised search words (see searchTerms) */
  terms?: string[]
  municipality?: { slugs: string[]; codes: string[] }
  /** minLng, minLat, maxLng, maxLat */
  bbox?: [number, number, number, number]
  /** sort nearest first and add distance_km */
  origin?: { lat: number; lng: number } | null
  /** add covers_postcode for this PC4 */
  covers_pc4?: string
  limit: number
  offset: number
}

export type PostcodeOrigin = {
  pc4: string
  lat: number
  lng: number
  places: string[]
  gemeente: string | null
  /** "reference": postcode areas; "groups": no reference data for it, mean of the groups covering it */
  source: "reference" | "groups"
}

export type MunicipalityScope = {
  /** the slug asked for (slugified) */
  requested: string
  /** the current municipality it stands for, following renames; null when unknown or gone */
  current: MunicipalityDTO | null
  /** set when the chain ends in a municipality that disappeared without successor */
  retired?: MunicipalityDTO
  /** every slug and code that now belongs to `current` (itself and its predecessors) */
  slugs: string[]
  codes: string[]
  predecessors?: MunicipalityDTO[]
}

/** Approved groups of one gemeente (as the groups name it), with their mean point. */
export type GroupsPerMunicipality = {
  gemeente_slug: string
  gemeente: string
  gemeente_code: string | null
  count: number
  lat: number | null
  lng: number | null
}

export type ReferenceImportSummary = {
  postcode_areas: { total: number; created: number; updated: number; deleted: number }
  municipalities: {
    total: number
    created: number
    updated: number
    /** municipalities that disappeared in this import, with their successor */
    retired: { slug: string; renamed_to: string | null }[]
  }
}

/** A group near another one, for that group's admin (service.nearbyGroups): public data and the messaging setting. */
export type NearbyGroupRow = {
  id: string
  slug: string
  name: string
  woonplaats: string
  admin_messages_enabled: boolean
  shares_postcode: boolean
  /** one of its PC4s borders one of ours */
  adjacent: boolean
  /** the smallest gap in km between one of its PC4 areas and one of ours (0: shared or bordering); null: none near */
  postcode_km: number | null
  distance_km: number | null
}
