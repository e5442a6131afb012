import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { parseOrThrow } from "../../../lib/admin-validation"
import { importStockWorkflow } from "../../../workflows/stock/import-stock"

/**
 * Upper bound of the text itself. In practice Medusa's JSON body parser (100 kB unless
 * a bodyParser sizeLimit is configured for this route) answers 413 first: ~3,000 lines.
 */
const MAX_CSV_LENGTH = 1_000_000

const ImportBody = z.object({
  csv: z
    .string({ message: "Stuur de CSV als tekst in het veld csv" })
    .min(1, "De CSV is leeg")
    .max(MAX_CSV_LENGTH, "De CSV is te groot (maximaal 1 MB)"),
  dry_run: z.boolean().optional(),
})

const truthy = (value: unknown) => value === "true" || value === "1" || value === true

/**
 * POST /admin/stock-import[?dry_run=true]   { "csv": "sku;quantity[;location]\n…", "dry_run": true }
 *
 * Sets the stocked quantity per SKU (and location; optional with one warehouse) from
 * CSV text with a header row, `,` or `;` separated. With dry_run nothing is written;
 * with any invalid line nothing is written either (all or nothing).
 *
 * 200 { dry_run, written, delimiter, summary: { rows, changed, unchanged, errors }, errors: [],
 *       rows: [{ line, sku, inventory_item_id, product_title, variant_title, location_id,
 *                location_name, current_quantity, new_quantity, difference, reserved_quantity, warnings }] }
 * 400 { type: "invalid_data", message, dry_run, written: false, summary, rows, errors: [{ line, sku?, message }] }
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const body = parseOrThrow(ImportBody, req.body)
  const dryRun = Boolean(body.dry_run) || truthy(req.query.dry_run)
  const { result } = await importStockWorkflow(req.scope).run({ input: { csv: body.csv, dry_run: dryRun } })
  if (result.errors.length) {
    const n = result.errors.length
    res.status(400).json({
      type: "invalid_data",
      message: `${n} ${n === 1 ? "fout" : "fouten"} in de CSV; er is niets opgeslagen`,
      ...result,
    })
    return
  }
  res.json(result)
}
