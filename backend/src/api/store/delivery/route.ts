import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readDeliveryPromise } from "../../../config/env"
import { FREE_SHIPPING_FIELDS, freeShippingFrom } from "../../../lib/free-shipping"

/**
 * GET /store/delivery — what the shop promises about delivery before checkout: the
 * delivery time (DELIVERY_PROMISE) and, per country, from which amount (incl. btw)
 * shipping is free, read from the shipping options' Medusa prices.
 * 200 { delivery_promise: string, free_shipping_from: { nl: 75, be: 150 } }
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "shipping_option", fields: ["id", ...FREE_SHIPPING_FIELDS] })
  res.setHeader("Cache-Control", "public, max-age=300")
  res.json({ delivery_promise: readDeliveryPromise(), free_shipping_from: freeShippingFrom(data as any[]) })
}
