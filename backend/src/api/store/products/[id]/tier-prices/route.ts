import type { MedusaStoreRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IPricingModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { z } from "zod"
import { fieldErrors, invalidDataBody } from "../../../../middlewares/validation"
import { boundaryQuantities, toTiers } from "../../tiers"

const Params = z
  .object({
    region_id: z.string({ error: "Kies een regio (region_id)" }).trim().min(1, "Kies een regio (region_id)"),
  })
  .strict()

/**
 * GET /store/products/:id/tier-prices?region_id=reg_…
 *
 * Quantity prices per variant: [{ min_quantity, max_quantity, amount }], amounts in
 * the region's currency as the cart would charge them per unit. The store product
 * endpoints only return `calculated_price` for quantity 1 (and `variants.prices`
 * would be raw rows, without price lists or region rules applied), so this route
 * asks the pricing module itself, with the same context a cart line gets (currency,
 * region, quantity), once for every quantity at which some price starts or ends.
 */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse) {
  const parsed = Params.safeParse(req.query)
  if (!parsed.success) {
    res.status(400).json(invalidDataBody(fieldErrors(parsed.error)))
    return
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const pricing: IPricingModuleService = req.scope.resolve(Modules.PRICING)

  const [{ data: regions }, { data: products }] = await Promise.all([
    query.graph({ entity: "region", fields: ["id", "currency_code"], filters: { id: parsed.data.region_id } }),
    query.graph({
      entity: "product",
      fields: [
        "id",
        "sales_channels.id",
        "variants.id",
        "variants.price_set.id",
        "variants.prices.currency_code",
        "variants.prices.min_quantity",
        "variants.prices.max_quantity",
      ],
      filters: { id: req.params.id, status: "published" },
    }),
  ])
  const region = regions[0]
  if (!region) {
    res.status(400).json(invalidDataBody({ region_id: "Deze regio bestaat niet" }))
    return
  }
  const product = products[0]
  // Like the store's product routes: only products in the key's sales channels exist here.
  const channels = req.publishable_key_context?.sales_channel_ids ?? []
  const visible = product && (!channels.length || (product.sales_channels ?? []).some((sc: any) => sc && channels.includes(sc.id)))
  if (!visible) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product "${req.params.id}" niet gevonden`)

  const currency = region.currency_code.toLowerCase()
  const variants = (product.variants ?? []).filter(Boolean).map((v: any) => ({
    id: v.id as string,
    priceSetId: (v.price_set?.id ?? null) as string | null,
    quantities: boundaryQuantities((v.prices ?? []).filter((p: any) => p && p.currency_code?.toLowerCase() === currency)),
  }))
  const priceSetIds = variants.map((v) => v.priceSetId).filter((id): id is string => Boolean(id))
  const allQuantities = [...new Set(variants.flatMap((v) => v.quantities))].sort((a, b) => a - b)

  // One pricing query per distinct quantity, for all variants at once.
  const byQuantity = new Map<number, Map<string, { amount: number; taxInclusive: boolean }>>()
  if (priceSetIds.length) {
    await Promise.all(
      allQuantities.map(async (quantity) => {
        const prices = await pricing.calculatePrices(
          { id: priceSetIds },
          { context: { currency_code: currency, region_id: region.id, quantity } }
        )
        byQuantity.set(
          quantity,
          new Map(
            prices
              .filter((p) => p.calculated_amount != null)
              .map((p) => [p.id, { amount: Number(p.calculated_amount), taxInclusive: Boolean(p.is_calculated_price_tax_inclusive) }])
          )
        )
      })
    )
  }

  let taxInclusive = true
  const result = variants.map((v) => {
    const points = v.quantities.flatMap((quantity) => {
      const price = v.priceSetId ? byQuantity.get(quantity)?.get(v.priceSetId) : undefined
      if (!price) return []
      taxInclusive &&= price.taxInclusive
      return [{ quantity, amount: price.amount }]
    })
    return { id: v.id, tiers: toTiers(points) }
  })

  res.json({ currency_code: currency, is_tax_inclusive: taxInclusive, variants: result })
}
