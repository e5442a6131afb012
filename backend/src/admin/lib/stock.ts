/** An inventory item's stock as the admin's low-stock routes answer it (api/admin/low-stock/serialize.ts). */
export type StockLevel = {
  inventory_item_id: string
  sku: string | null
  name: string
  threshold: number
  threshold_source: "item" | "default"
  available_quantity: number
  stocked_quantity: number
  reserved_quantity: number
}
