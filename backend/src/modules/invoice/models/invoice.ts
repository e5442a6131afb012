import { model } from "@medusajs/framework/utils"

/**
 * One invoice per order paid on invoice. `number` comes from the gap-free counter
 * (table invoice_counter, see the service); `data` is the snapshot the PDF is
 * rendered from (seller, buyer, lines, totals), so a download years later shows
 * exactly what was sent, even if prices or company details changed since.
 */
const Invoice = model.define("invoice", {
  id: model.id({ prefix: "inv" }).primaryKey(),
  order_id: model.text(),
  number: model.number(),
  issued_at: model.dateTime(),
  data: model.json(),
})

export default Invoice
