import type { MedusaContainer } from "@medusajs/framework/types"

/** Quantity (tier) prices for groups ordering many signs: filled in by issue #8. */
export async function ensureTierPrices(_container: MedusaContainer): Promise<void> {}
