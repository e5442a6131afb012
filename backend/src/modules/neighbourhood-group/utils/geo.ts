/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088

/**
 * Decimals of a group's point in public answers (store API, storefront, sitemap): 3 is
 * ~111 m north-south and ~70 m east-west here, so a point taken from the admin's own
 * address no longer shows the house. Staff keep the precise point. The migration
 * Migration20261206200000 generates `public_lat`/`public_lng` with this precision.
 */
export const PUBLIC_POINT_DECIMALS = 3

/** The Netherlands with some margin, for sanity checks on coordinates. */
export const NL_BOUNDS = { minLat: 50.7, maxLat: 53.7, minLng: 3.2, maxLng: 7.3 }

export function isInNetherlands(lat: number, lng: number): boolean {
  return lat >= NL_BOUNDS.minLat && lat <= NL_BOUNDS.maxLat && lng >= NL_BOUNDS.minLng && lng <= NL_BOUNDS.maxLng
}

/** Belgium with some margin: the shop delivers there too, and border groups sit on both sides. */
export const BE_BOUNDS = { minLat: 49.45, maxLat: 51.55, minLng: 2.5, maxLng: 6.45 }

export function isInNetherlandsOrBelgium(lat: number, lng: number): boolean {
  return (
    isInNetherlands(lat, lng) ||
    (lat >= BE_BOUNDS.minLat && lat <= BE_BOUNDS.maxLat && lng >= BE_BOUNDS.minLng && lng <= BE_BOUNDS.maxLng)
  )
}

/** Great-circle distance in km (haversine); the SQL in the service uses the same formula. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * A lower bound of the distance in km to any point at least `degrees` away from a
 * point at `lat` in plain (lng, lat) degrees. A degree of longitude is cos(latitude)
 * of a degree of latitude, so the bound uses the highest latitude within reach, plus
 * one degree and 2 % for the great circle's curve, which is generous for a national directory.
 */
export function minKmBeyondDegrees(lat: number, degrees: number): number {
  const highest = Math.min(89, Math.abs(lat) + degrees + 1)
  return 0.98 * EARTH_RADIUS_KM * ((degrees * Math.PI) / 180) * Math.cos((highest * Math.PI) / 180)
}

/** Mean point, rounded to 5 decimals (about 1 m); null for no points. */
export function centreOf(points: { lat: number; lng: number }[]): { lat: number; lng: number } | null {
  if (!points.length) return null
  const round = (n: number) => Math.round(n * 1e5) / 1e5
  return {
    lat: round(points.reduce((sum, p) => sum + p.lat, 0) / points.length),
    lng: round(points.reduce((sum, p) => sum + p.lng, 0) / points.length),
  }
}

/**
 * A group's point farther than this from the centre of every one of its postcodes is
 * probably a mis-tap (a PC4 area is a few km across; a neighbourhood group covers a
 * few adjacent ones): registration asks to confirm it, "Mijn groep" and staff see a warning.
 */
export const FAR_POINT_KM = 10

export type FarPoint = { distance_km: number; pc4: string }

/**
 * The nearest of the postcode centres when the point lies farther than `FAR_POINT_KM`
 * from all of them; null when it lies near one, or when no centre is known (nothing to judge).
 */
export function farPoint(
  point: { lat: number; lng: number },
  centres: { pc4: string; lat: number; lng: number }[],
  limitKm = FAR_POINT_KM
): FarPoint | null {
  let nearest: FarPoint | null = null
  for (const centre of centres) {
    const km = distanceKm(point, centre)
    if (!nearest || km < nearest.distance_km) nearest = { distance_km: km, pc4: centre.pc4 }
  }
  if (!nearest || nearest.distance_km <= limitKm) return null
  return { distance_km: Math.round(nearest.distance_km), pc4: nearest.pc4 }
}

/** "Het punt op de kaart ligt 118 km van postcode 1234. Klopt dat?" */
export function farPointMessage(far: FarPoint): string {
  return `Het punt op de kaart ligt ${far.distance_km} km van postcode ${far.pc4}. Klopt dat?`
}

/** The lat/lng box around a point that holds every point within km of it. */
export function boundingBox(lat: number, lng: number, km: number) {
  const dLat = (km / EARTH_RADIUS_KM) * (180 / Math.PI)
  const dLng = dLat / Math.max(0.01, Math.cos((Math.min(89, Math.abs(lat) + dLat) * Math.PI) / 180))
  return { minLat: lat - dLat, maxLat: lat + dLat, minLng: lng - dLng, maxLng: lng + dLng }
}

/** SQL: the haversine distance in km between two points given as column expressions; NULL when either is missing. */
export function haversineColumnsSql(latA: string, lngA: string, latB: string, lngB: string): string {
  return `(CASE WHEN ${latA} IS NULL OR ${lngA} IS NULL OR ${latB} IS NULL OR ${lngB} IS NULL THEN NULL ELSE 2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(
      power(sin(radians(${latA}::float8 - ${latB}::float8) / 2), 2)
      + cos(radians(${latB}::float8)) * cos(radians(${latA}::float8))
      * power(sin(radians(${lngA}::float8 - ${lngB}::float8) / 2), 2)))) END)`
}
