import { ITEM_LINE_FIELDS } from "../../lib/order-items"
/**
 * Which orders still wait for their money through one payment provider: the scheduled jobs
 * (unpaid orders on account, unapproved orders on invoice) start here.
 *
 * Why from the payment side: an order's own columns cannot tell a forgotten order from a
 * finished one (a shipped order stays `pending` for ever), and Query cannot filter orders by
 * a linked module's fields. A payment through the provider that is neither captured nor
 * cancelled is exactly "still open", so the database narrows the list to those, and every
 * page is read: a job that looked at only the oldest N orders would, once N finished orders
 * existed, never see a new one again.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export const DEFAULT_PAGE_SIZE = 200

/**
 * What both jobs over open payments (unpaid orders on account, invoice orders awaiting
 * approval) read of an order: who and what for their mails, and whether it is cancelled,
 * shipped or paid. Each adds the payment fields it judges by.
 */
export const OPEN_PAYMENT_ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "status",
  "created_at",
  "canceled_at",
  "no_notification",
  "metadata",
  "currency_code",
  "total",
  ...ITEM_LINE_FIELDS,
  "shipping_address.first_name",
  "fulfillments.canceled_at",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
]

/**
 * Ids of the orders with an open payment through `providerId` created at or before
 * `createdBefore`, oldest first, each once. The whole list is read before the caller
 * changes anything, so cancelling an order (its payment drops out of the filter) cannot
 * shift a page and skip another order.
 */
export async function orderIdsWithOpenPayment(
  container: MedusaContainer,
  { providerId, createdBefore, pageSize = DEFAULT_PAGE_SIZE }: { providerId: string; createdBefore: Date; pageSize?: number }
): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = new Set<string>()
  for (let skip = 0; ; skip += pageSize) {
    const { data } = await query.graph({
      entity: "payment",
      fields: ["id", "payment_collection.order.id"],
      filters: { provider_id: providerId, captured_at: null, canceled_at: null, created_at: { $lte: createdBefore } } as any,
      pagination: { skip, take: pageSize, order: { created_at: "ASC", id: "ASC" } },
    })
    for (const payment of data as any[]) {
      const orderId = payment.payment_collection?.order?.id
      if (orderId) ids.add(orderId)
    }
    if (data.length < pageSize) return [...ids]
  }
}

/** Loads the orders `ids` with `fields`, `pageSize` at a time, and hands each page to `handle`. */
export async function forEachOrderPage(
  container: MedusaContainer,
  ids: string[],
  fields: string[],
  handle: (orders: any[]) => Promise<void>,
  pageSize = DEFAULT_PAGE_SIZE
): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  for (let start = 0; start < ids.length; start += pageSize) {
    const page = ids.slice(start, start + pageSize)
    const { data } = await query.graph({ entity: "order", fields, filters: { id: page } })
    // Query does not keep the order of `ids`: oldest first, as the list was built.
    const position = new Map(page.map((id, i) => [id, i]))
    await handle([...(data as any[])].sort((a, b) => position.get(a.id)! - position.get(b.id)!))
  }
}
