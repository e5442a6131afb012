/**
 * The GeoNames postal code format (https://download.geonames.org/export/zip/):
 * UTF-8, tab-separated, no header, one row per postal code and place:
 *
 *   country code, postal code, place name, admin name1 (province), admin code1,
 *   admin name2 (municipality), admin code2 (CBS municipality code),
 *   admin name3, admin code3, latitude, longitude[, accuracy]
 *
 * Every row is checked before anything is written; a malformed file is refused as
 * a whole with the line number and the problem for each bad row.
 */
import { isInNetherlands, NL_BOUNDS } from "../utils/geo"
import { isPc4 } from "../utils/postcode"

export type PostcodeAreaRow = {
  pc4: string
  place: string
  province: string
  province_code: string | null
  municipality: string
  municipality_code: string
  lat: number
  lng: number
}

/** Thrown for a malformed file; `problems` lists every bad line (the message shows the first ones). */
export class ReferenceDataError extends Error {
  name = "ReferenceDataError"
  constructor(
    message: string,
    readonly problems: string[] = []
  ) {
    super(message)
  }
}

const SHOWN_PROBLEMS = 10

export function parseGeonamesPostalCodes(text: string, source = "the reference data file"): PostcodeAreaRow[] {
  const rows: PostcodeAreaRow[] = []
  const problems: string[] = []
  const seen = new Map<string, number>()
  const lines = text.replace(/^\uFEFF/, "").split("\n")

  lines.forEach((raw, index) => {
    const lineNumber = index + 1
    const line = raw.replace(/\r$/, "")
    if (line.trim() === "") return
    const problem = (what: string) => problems.push(`line ${lineNumber}: ${what}`)

    const columns = line.split("\t")
    if (columns.length !== 11 && columns.length !== 12) {
      problem(`expected 11 or 12 tab-separated columns, found ${columns.length}`)
      return
    }
    const [country, postalCode, place, province, provinceCode, municipality, municipalityCode, , , latText, lngText] =
      columns.map((c) => c.trim())

    const before = problems.length
    if (country !== "NL") problem(`country code "${country}" is not NL`)
    if (!isPc4(postalCode)) problem(`postal code "${postalCode}" is not four digits (1000–9999)`)
    if (!place) problem("place name is empty")
    if (!province) problem("province (admin name1) is empty")
    if (!municipality) problem("municipality (admin name2) is empty")
    const code = normaliseMunicipalityCode(municipalityCode)
    if (!code) problem(`municipality code (admin code2) "${municipalityCode}" is not a CBS code such as 0344`)
    const lat = parseCoordinate(latText)
    const lng = parseCoordinate(lngText)
    if (lat === null) problem(`latitude "${latText}" is not a number`)
    if (lng === null) problem(`longitude "${lngText}" is not a number`)
    if (lat !== null && lng !== null && !isInNetherlands(lat, lng)) {
      problem(
        `coordinates ${lat}, ${lng} are outside the Netherlands (latitude ${NL_BOUNDS.minLat}–${NL_BOUNDS.maxLat}, longitude ${NL_BOUNDS.minLng}–${NL_BOUNDS.maxLng})`
      )
    }
    if (problems.length > before) return

    const key = `${postalCode}\t${place}\t${code}`
    const first = seen.get(key)
    if (first !== undefined) {
      problem(`${postalCode} ${place} (${municipality}) repeats line ${first}`)
      return
    }
    seen.set(key, lineNumber)
    rows.push({
      pc4: postalCode,
      place,
      province,
      province_code: provinceCode || null,
      municipality,
      municipality_code: code!,
      lat: lat!,
      lng: lng!,
    })
  })

  if (problems.length) {
    const shown = problems.slice(0, SHOWN_PROBLEMS).join("; ")
    const more = problems.length > SHOWN_PROBLEMS ? `; and ${problems.length - SHOWN_PROBLEMS} more` : ""
    throw new ReferenceDataError(
      `${source} is not a valid GeoNames postal code file (${problems.length} ${problems.length === 1 ? "problem" : "problems"}, nothing was imported): ${shown}${more}`,
      problems
    )
  }
  if (!rows.length) {
    throw new ReferenceDataError(`${source} has no rows: nothing was imported`)
  }
  return rows
}

/** "0344", "344" or "GM0344" → "0344". */
function normaliseMunicipalityCode(value: string): string | null {
  const match = /^(?:GM)?([0-9]{1,4})$/i.exec(value)
  return match ? match[1].padStart(4, "0") : null
}

function parseCoordinate(value: string): number | null {
  if (!/^-?[0-9]+(\.[0-9]+)?$/.test(value)) return null
  const number = Number(value)
  return Number.isFinite(number) ? number : null
}
