import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { addressFields } from "../../../../../lib/html"
import { renderPackingSlip, type PackingSlipLine } from "../../../../../lib/packing-slip"
import { displayName, readItemVariants } from "../../../../../lib/stock-status"

const ORDER_FIELDS = [
  "id",
  "display_id",
  "created_at",
  "email",
  "status",
  "canceled_at",
  ...addressFields("shipping_address"),
  "shipping_address.phone",
  "shipping_methods.name",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.variant_sku",
  "items.quantity",
  // Medusa 2.21's Query leaves items.quantity empty unless the item detail is loaded.
  "items.detail.quantity",
  "items.variant_id",
]

/**
 * GET /admin/orders/:id/packing-slip[?print=1]
 *
 * The order's packing slip ("Pakbon") as a printable HTML page (text/html): order
 * number, date, shipping address, lines with SKU and quantity, parts of packages; no
 * prices. `print=1` opens the print dialog. Staff open it from the order page in the
 * admin (widget "Pakbon printen"); like every /admin route it needs a staff login.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: req.params.id } })
  const order = data[0] as any
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)

  // The inventory items behind each variant, and the names of package parts.
  const variantIds = [...new Set<string>((order.items ?? []).map((i: any) => i?.variant_id).filter(Boolean))]
  const { data: variants } = variantIds.length
    ? await query.graph({
        entity: "product_variant",
        fields: ["id", "inventory_items.inventory_item_id", "inventory_items.required_quantity", "inventory_items.inventory.sku", "inventory_items.inventory.title"],
        filters: { id: variantIds },
      })
    : { data: [] as any[] }
  const linksByVariant = new Map<string, any[]>(variants.map((v: any): [string, any[]] => [v.id, (v.inventory_items ?? []).filter(Boolean)]))
  const partIds = new Set<string>()
  for (const links of linksByVariant.values()) if (isKit(links)) links.forEach((l: any) => partIds.add(l.inventory_item_id))
  const partVariants = await readItemVariants(req.scope, [...partIds])

  const items: PackingSlipLine[] = (order.items ?? [])
    .filter(Boolean)
    .map((item: any) => {
      const links = linksByVariant.get(item.variant_id) ?? []
      const quantity = Number(item.quantity ?? item.detail?.quantity ?? 0)
      return {
        title: item.product_title ?? item.title,
        variant_title: item.variant_title ?? null,
        sku: item.variant_sku ?? null,
        quantity,
        parts: isKit(links)
          ? links.map((l: any) => ({
              sku: l.inventory?.sku ?? null,
              title: displayName({ title: l.inventory?.title ?? null, sku: l.inventory?.sku ?? null, variants: partVariants.get(l.inventory_item_id) ?? [] }),
              quantity: Number(l.required_quantity ?? 1) * quantity,
            }))
          : undefined,
      }
    })
    .sort((a: PackingSlipLine, b: PackingSlipLine) => (a.sku ?? "").localeCompare(b.sku ?? ""))

  const html = renderPackingSlip({
    display_id: order.display_id,
    created_at: order.created_at,
    email: order.email,
    canceled: order.status === "canceled" || Boolean(order.canceled_at),
    shipping_address: order.shipping_address,
    shipping_methods: (order.shipping_methods ?? []).filter(Boolean).map((m: any) => m.name),
    items,
    print: req.query.print === "1" || req.query.print === "true",
  })
  res.set({
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
  })
  res.status(200).send(html)
}

function isKit(links: any[]): boolean {
  return links.length > 1 || (links.length === 1 && Number(links[0].required_quantity ?? 1) !== 1)
}
