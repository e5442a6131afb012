import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { PRODUCTS, type PriceTier } from "./catalogue"

/**
 * Quantity (tier) prices for groups ordering many signs and stickers, as Medusa's
 * native tiered prices: extra prices in the variant's price set with
 * min_quantity/max_quantity. The pricing module picks, among the prices whose
 * quantity range contains the cart line's quantity, the cheapest one, so the
 * catalogue price (no range) applies below the first tier.
 *
 * Staff own the prices once they exist: the seed gives a variant its catalogue tiers
 * once (marking it with metadata.seed_tier_prices) and never touches its prices
 * again, so a tier price staff edit or delete in the admin survives every later
 * seed run. A variant that already has quantity prices (staff made them, or an
 * older seed did) is only marked. Change tiers of an existing shop in the admin;
 * catalogue.ts applies to new databases and new variants.
 */

const CURRENCY = "eur"

export type TierPriceInput = { amount: number; currency_code: string; min_quantity: number; max_quantity: number | null }

/** Catalogue tiers → price rows: each tier runs up to the next tier's minimum; the last is open-ended. */
export function tierPriceRows(tiers: PriceTier[], currency = CURRENCY): TierPriceInput[] {
  const sorted = [...tiers].sort((a, b) => a.minQuantity - b.minQuantity)
  return sorted.map((tier, i) => ({
    amount: tier.price,
    currency_code: currency,
    min_quantity: tier.minQuantity,
    max_quantity: i + 1 < sorted.length ? sorted[i + 1].minQuantity - 1 : null,
  }))
}

type ExistingPrice = {
  id: string
  amount: number
  currency_code: string
  min_quantity: number | null
  max_quantity: number | null
  price_list_id?: string | null
  rules_count?: number | null
  price_rules?: ({ attribute: string; operator?: string | null; value: string } | null)[] | null
}

type RulesInput = Record<string, string | { operator: string; value: number }[]>

/**
 * A price's rules in the shape the update takes. Kept prices must carry their rules:
 * the pricing module tells incoming prices apart by currency, quantities and rules
 * (not by id), so two rule-less-looking prices of one set would collapse into one.
 */
export function rulesInput(rules: ExistingPrice["price_rules"]): RulesInput {
  const byAttribute = new Map<string, { operator: string; value: string }[]>()
  for (const rule of rules ?? []) {
    if (!rule) continue
    const list = byAttribute.get(rule.attribute) ?? []
    list.push({ operator: rule.operator ?? "eq", value: rule.value })
    byAttribute.set(rule.attribute, list)
  }
  const result: RulesInput = {}
  for (const [attribute, list] of byAttribute) {
    result[attribute] =
      list.length === 1 && list[0].operator === "eq"
        ? list[0].value
        : list.map((r) => ({ operator: r.operator, value: Number(r.value) }))
  }
  return result
}

/** A rule-less euro quantity price outside price lists: what a catalogue tier looks like. */
const isQuantityTier = (p: ExistingPrice) =>
  p.currency_code === CURRENCY && !p.price_list_id && !p.rules_count && p.min_quantity != null && Number(p.min_quantity) > 1

const num = (v: unknown) => (v == null ? null : Number(v))

/** The seed's marker on a variant whose tiers it has handed over to staff. */
export const SEED_TIERS_MARKER = "seed_tier_prices"

/**
 * The prices to send for one variant, or null to leave its prices alone: a variant
 * that has quantity prices already keeps them exactly as they are (staff edits win);
 * one without gets the catalogue's tiers beside every price it has.
 */
export function planTierPrices(existing: ExistingPrice[], wanted: TierPriceInput[]) {
  const base = existing.filter((p) => !p.price_list_id)
  if (!wanted.length || base.some(isQuantityTier)) return null
  // Every other price is sent back as it is (by id, with its rules), or the update would drop it.
  const kept = base.map((p) => ({
    id: p.id,
    amount: Number(p.amount),
    currency_code: p.currency_code,
    min_quantity: num(p.min_quantity),
    max_quantity: num(p.max_quantity),
    rules: rulesInput(p.price_rules),
  }))
  return [...kept, ...wanted]
}

export async function ensureTierPrices(container: MedusaContainer): Promise<void> {
  const wantedBySku = new Map(
    PRODUCTS.flatMap((p) => p.variants)
      .filter((v) => v.tiers?.length)
      .map((v) => [v.sku, tierPriceRows(v.tiers!)])
  )
  if (!wantedBySku.size) return

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: [
      "id",
      "sku",
      "metadata",
      "prices.id",
      "prices.amount",
      "prices.currency_code",
      "prices.min_quantity",
      "prices.max_quantity",
      "prices.price_list_id",
      "prices.rules_count",
      "prices.price_rules.attribute",
      "prices.price_rules.operator",
      "prices.price_rules.value",
    ],
    filters: { sku: [...wantedBySku.keys()] },
  })

  const updates = variants.flatMap((variant: any) => {
    if (variant.metadata?.[SEED_TIERS_MARKER]) return [] // handed over: staff own these prices
    const metadata = { ...(variant.metadata ?? {}), [SEED_TIERS_MARKER]: true }
    const prices = planTierPrices((variant.prices ?? []).filter(Boolean), wantedBySku.get(variant.sku)!)
    return [{ id: variant.id as string, metadata, ...(prices && { prices }) }]
  })
  if (!updates.length) return
  await updateProductVariantsWorkflow(container).run({ input: { product_variants: updates } })
}
