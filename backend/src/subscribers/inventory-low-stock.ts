import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { InventoryEvents, InventoryItemWorkflowEvents, Modules } from "@medusajs/framework/utils"
import { checkLowStockWorkflow } from "../workflows/stock/check-low-stock"

/**
 * Staff get one e-mail when an item's available stock crosses its low-stock threshold.
 *
 * Every change of availability updates an inventory level: a reservation when an
 * order is placed (also draft orders, edits, claims and exchanges), released on
 * cancel, stock set in the admin or by the CSV import, a return received. The
 * Inventory Module emits `inventory.inventory-level.updated` for all of them (the
 * workflow event `inventory-level.updated` only for some), so that is what we follow;
 * `inventory-item.updated` catches a changed threshold. Levels being created (the
 * seed, a new location) are not a crossing and do not alert.
 */
export default async function inventoryLowStockHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const id = event.data?.id
  if (!id) return
  let itemIds: string[]
  if (event.name === InventoryItemWorkflowEvents.UPDATED) {
    itemIds = [id]
  } else {
    const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels({ id }, { select: ["inventory_item_id"] })
    itemIds = levels.map((l) => l.inventory_item_id)
  }
  if (!itemIds.length) return
  await checkLowStockWorkflow(container).run({ input: { inventory_item_ids: itemIds } })
}

export const config: SubscriberConfig = {
  event: [InventoryEvents.INVENTORY_LEVEL_UPDATED, InventoryItemWorkflowEvents.UPDATED],
  context: { subscriberId: "inventory-low-stock-alert" },
}
