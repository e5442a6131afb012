import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import Invoice from "./models/invoice"

export type IssuedInvoice = {
  id: string
  order_id: string
  number: number
  /** ISO 8601: step results are serialised between steps. */
  issued_at: string
  data: Record<string, unknown>
  /** false when the order already had its invoice (a repeated approval): nothing new was issued. */
  created: boolean
}

type Row = Record<string, any>

const toInvoice = (row: Row, created: boolean): IssuedInvoice => ({
  id: row.id,
  order_id: row.order_id,
  number: Number(row.number),
  issued_at: new Date(row.issued_at).toISOString(),
  data: typeof row.data === "string" ? JSON.parse(row.data) : row.data,
  created,
})

/**
 * Locks the counter row for the rest of the transaction and returns it. The row is
 * created by the migration; should it be missing (a truncated table), it is
 * recreated from the highest number issued. ON CONFLICT DO NOTHING waits for a
 * concurrent creator, so the row exists exactly once before it is locked.
 */
async function lockCounter(manager: EntityManager): Promise<Row[]> {
  await manager.execute(
    `INSERT INTO invoice_counter (id, last_number) SELECT 'invoice', COALESCE(MAX(number), 0) FROM invoice ON CONFLICT (id) DO NOTHING`
  )
  return await manager.execute(`SELECT last_number FROM invoice_counter WHERE id = 'invoice' FOR UPDATE`)
}

class InvoiceModuleService extends MedusaService({ Invoice }) {
  /**
   * Issues the order's invoice with the next number, or returns the one it has.
   * The counter row is locked first, so concurrent issuances queue and each sees
   * the invoices committed before it: no gaps, no duplicates, one per order.
   */
  @InjectManager()
  async issueInvoice(
    input: { order_id: string; issued_at: Date; data: Record<string, unknown> },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<IssuedInvoice> {
    return await this.issueInvoice_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async issueInvoice_(
    input: { order_id: string; issued_at: Date; data: Record<string, unknown> },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<IssuedInvoice> {
    const manager = sharedContext.transactionManager!
    const [counter]: Row[] = await lockCounter(manager)
    const [existing]: Row[] = await manager.execute(
      `SELECT * FROM invoice WHERE order_id = ? AND deleted_at IS NULL`,
      [input.order_id]
    )
    if (existing) return toInvoice(existing, false)

    const number = Number(counter.last_number) + 1
    await manager.execute(`UPDATE invoice_counter SET last_number = ? WHERE id = 'invoice'`, [number])
    const [row]: Row[] = await manager.execute(
      `INSERT INTO invoice (id, order_id, number, issued_at, data) VALUES (?, ?, ?, ?, ?::jsonb) RETURNING *`,
      [generateEntityId(undefined, "inv"), input.order_id, number, input.issued_at, JSON.stringify(input.data)]
    )
    return toInvoice(row, true)
  }

  /**
   * Undoes an issuance (a failed approval workflow). Only the latest number can be
   * taken back without leaving a gap; an earlier one stays with its order and is
   * reused when that order is approved again.
   */
  @InjectManager()
  async withdrawInvoice(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    return await this.withdrawInvoice_(id, sharedContext)
  }

  @InjectTransactionManager()
  protected async withdrawInvoice_(id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const manager = sharedContext.transactionManager!
    const [counter]: Row[] = await lockCounter(manager)
    const [invoice]: Row[] = await manager.execute(`SELECT number FROM invoice WHERE id = ?`, [id])
    if (!invoice || !counter || Number(invoice.number) !== Number(counter.last_number)) return false
    await manager.execute(`DELETE FROM invoice WHERE id = ?`, [id])
    await manager.execute(`UPDATE invoice_counter SET last_number = last_number - 1 WHERE id = 'invoice'`)
    return true
  }

  @InjectManager()
  async retrieveInvoiceForOrder(
    orderId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<IssuedInvoice | null> {
    const [row]: Row[] = await sharedContext.manager!.execute(
      `SELECT * FROM invoice WHERE order_id = ? AND deleted_at IS NULL`,
      [orderId]
    )
    return row ? toInvoice(row, false) : null
  }
}

export default InvoiceModuleService
