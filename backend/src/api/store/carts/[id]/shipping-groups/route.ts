import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { listShippingOptionsForCartWorkflow } from "@medusajs/medusa/core-flows"

type CartItemRow = {
  id: string
  product?: { shipping_profile?: { id: string; name: string } | null } | null
}

/**
 * GET /store/carts/:id/shipping-groups
 *
 * A cart needs one shipping method per shipping profile its items use (stickers
 * go by letterbox post, signs by parcel). Medusa's /store/shipping-options lists
 * every option of the region and the store API does not expose an item's profile,
 * so this groups the options the cart can use by the profiles it actually needs.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id", "items.id", "items.product.shipping_profile.id", "items.product.shipping_profile.name"],
    filters: { id: req.params.id },
  })
  const cart = carts[0]
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${req.params.id} was not found`)

  const { result: options } = await listShippingOptionsForCartWorkflow(req.scope).run({
    input: { cart_id: cart.id, is_return: false },
  })

  const groups = new Map<string, { profile_id: string; profile_name: string; item_ids: string[]; options: unknown[] }>()
  for (const item of (cart.items ?? []) as CartItemRow[]) {
    const profile = item?.product?.shipping_profile
    if (!profile) continue
    const group = groups.get(profile.id) ?? { profile_id: profile.id, profile_name: profile.name, item_ids: [], options: [] }
    group.item_ids.push(item.id)
    groups.set(profile.id, group)
  }
  for (const option of options as any[]) {
    const group = groups.get(option.shipping_profile_id)
    if (!group) continue
    group.options.push({
      id: option.id,
      name: option.name,
      description: option.type?.description ?? null,
      amount: option.amount ?? option.calculated_price?.calculated_amount ?? null,
      is_tax_inclusive: option.is_tax_inclusive ?? true,
      insufficient_inventory: option.insufficient_inventory ?? false,
    })
  }

  res.json({ shipping_groups: [...groups.values()] })
}
