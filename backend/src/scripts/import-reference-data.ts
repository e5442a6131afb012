import fs from "node:fs/promises"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { downloadGeonames, GEONAMES_NL_URL, unzipPostalCodes } from "../modules/neighbourhood-group/reference-data/download"
import { parseGeonamesPostalCodes, ReferenceDataError } from "../modules/neighbourhood-group/reference-data/geonames"
import { isZip } from "../modules/neighbourhood-group/reference-data/zip"
import { importReferenceDataWorkflow } from "../workflows/groups/import-reference-data"
import { readSeedSettings } from "../config/env"

const USAGE =
  "Pass a GeoNames postal code file: npx medusa exec ./src/scripts/import-reference-data.ts -- <file.txt|file.zip|https://…>, " +
  `or "--download" for ${GEONAMES_NL_URL}, or set REFERENCE_DATA_FILE`

/**
 * Imports the Dutch postcode areas and municipalities (GeoNames postal code format)
 * for the group directory: `npx medusa exec ./src/scripts/import-reference-data.ts -- <source>`.
 * The source is a path (.txt, or GeoNames' NL.zip), an http(s) URL, or `--download`
 * for GeoNames' current NL.zip; without arguments REFERENCE_DATA_FILE is used.
 * A malformed file is refused with its line numbers and nothing changes; importing
 * the same file again changes nothing.
 */
export default async function importReferenceData({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const settings = readSeedSettings()
  const source = referenceDataSource(args, settings.referenceDataFile)
  logger.info(`Reading reference data from ${source}`)
  const text = await readReferenceData(source, { timeoutMs: settings.referenceDataTimeoutMs })
  const rows = parseGeonamesPostalCodes(text, source)
  const { result } = await importReferenceDataWorkflow(container).run({ input: { rows } })
  const { postcode_areas: areas, municipalities } = result
  logger.info(
    `Reference data imported: ${areas.total} postcode areas (${areas.created} new, ${areas.updated} changed, ${areas.deleted} removed), ` +
      `${municipalities.total} municipalities (${municipalities.created} new, ${municipalities.updated} changed` +
      (municipalities.retired.length
        ? `, gone: ${municipalities.retired.map((r) => `${r.slug} → ${r.renamed_to ?? "no successor"}`).join(", ")}`
        : "") +
      ")"
  )
  return result
}

/** The first argument (ignoring a leading "--"), "--download", or REFERENCE_DATA_FILE. */
export function referenceDataSource(args: string[] | undefined, referenceDataFile: string | undefined): string {
  const given = (args ?? []).filter((a) => a !== "--")
  if (given.includes("--download")) return GEONAMES_NL_URL
  const source = given[0] ?? referenceDataFile
  if (!source) throw new ReferenceDataError(USAGE)
  return source
}

/** The text of a local .txt or .zip file, or of a downloaded one. */
export async function readReferenceData(source: string, options: { timeoutMs?: number } = {}): Promise<string> {
  if (/^https?:\/\//i.test(source)) return downloadGeonames(source, options)
  const file = path.resolve(source)
  let data: Buffer
  try {
    data = await fs.readFile(file)
  } catch (error) {
    throw new ReferenceDataError(`Cannot read ${file}: ${(error as Error).message}`)
  }
  return isZip(data) ? unzipPostalCodes(data, file) : data.toString("utf8")
}
