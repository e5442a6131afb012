import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ConfigError, readAddressLookupEnv } from "../../../config/env"
import { AddressLookupUnavailableError, sharedAddressLookup } from "../../../lib/address-lookup"
import type { StoreAddressLookupParamsType } from "./validators"

export const LOOKUP_OFF_MESSAGE = "Adres opzoeken staat uit. Vul je straat en plaats zelf in."
export const LOOKUP_UNAVAILABLE_MESSAGE = "Adres opzoeken lukt nu niet. Vul je straat en plaats zelf in."

const formatPostcode = (postcode: string) => `${postcode.slice(0, 4)} ${postcode.slice(4)}`

/**
 * GET /store/address-lookup?postcode=5038AB&huisnummer=12&toevoeging=A
 *
 * 200 { street, house_number, addition, postcode, city, municipality, lat, lng }
 * 404 { type: "not_found", message } when the BAG has no such address
 * 503 { type: "unavailable", message } when lookup is off or the service fails;
 *     callers then let the shopper type street and city (never block an order on it).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as unknown as StoreAddressLookupParamsType
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  let settings: ReturnType<typeof readAddressLookupEnv>
  try {
    settings = readAddressLookupEnv()
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    logger.error(`Address lookup: ${error.message}`)
    res.status(503).json({ type: "unavailable", message: LOOKUP_UNAVAILABLE_MESSAGE })
    return
  }
  const lookup = sharedAddressLookup(settings)
  if (!lookup) {
    res.status(503).json({ type: "unavailable", message: LOOKUP_OFF_MESSAGE })
    return
  }

  try {
    const result = await lookup.lookup(query)
    // Addresses do not change by the minute: let browsers and proxies keep the answer for an hour.
    res.setHeader("Cache-Control", "public, max-age=3600")
    res.setHeader("X-Address-Cache", result.cached ? "hit" : "miss")
    if (!result.found) {
      const addition = query.toevoeging ? ` ${query.toevoeging}` : ""
      res.status(404).json({
        type: "not_found",
        message: `We vinden geen adres met postcode ${formatPostcode(query.postcode)} en huisnummer ${query.huisnummer}${addition}. Controleer ze, of vul je straat en plaats zelf in.`,
      })
      return
    }
    res.json(result.address)
  } catch (error) {
    if (!(error instanceof AddressLookupUnavailableError)) throw error
    logger.warn(`Address lookup failed: ${error.message}`)
    res.status(503).json({ type: "unavailable", message: LOOKUP_UNAVAILABLE_MESSAGE })
  }
}
