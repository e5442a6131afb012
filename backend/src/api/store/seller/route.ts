import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readSeller } from "../../../config/env"

/**
 * GET /store/seller
 *
 * The company behind the shop as the storefront shows it (footer, /contact, the legal
 * texts): the same COMPANY_* settings that the invoices print, read in one place
 * (src/config/env.ts), so a storefront can never show another KvK or address than the
 * invoice. Public data only (the IBAN is for invoices and stays out).
 */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  const { iban: _iban, ...seller } = readSeller()
  res.setHeader("Cache-Control", "public, max-age=300")
  res.json({ seller })
}
