import { displayName, type StockStatus } from "../../../lib/stock-status"

/** A stock status as the admin API returns it (metadata left out). */
export function serializeStockStatus({ metadata, ...status }: StockStatus) {
  return { ...status, name: displayName(status) }
}
