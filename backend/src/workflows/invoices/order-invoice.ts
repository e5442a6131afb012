/**
 * What the shop knows about an order paid on invoice, read in one place for the
 * admin routes, the fulfillment guard and the approval workflow.
 *
 * An order is an invoice order when one of its payments went through the invoice
 * provider (pp_invoice_invoice): the provider is the truth, metadata.invoice
 * carries the organisation's data and the approval state (status, number, dates).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { addressFields, addressLines } from "../../lib/html"
import { readSeller, type Seller } from "../../config/env"
import { PAYMENT_TERM_DAYS } from "../../modules/invoice/company"
import type { InvoiceDocument, InvoiceSnapshot } from "../../modules/invoice/document"
import { formatInvoiceNumber, invoiceTotals, type InvoiceLineInput } from "../../modules/invoice/totals"
import { INVOICE_PROVIDER_ID, type InvoiceMetadata } from "../../modules/invoice-payment/details"

export const DEFAULT_VAT_RATE = 21

export const INVOICE_ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "status",
  "canceled_at",
  "created_at",
  "currency_code",
  "metadata",
  "total",
  "items.id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.quantity",
  // Medusa 2.21's Query leaves items.quantity empty unless the item detail is loaded.
  "items.detail.quantity",
  "items.unit_price",
  "items.total",
  "items.tax_lines.rate",
  "shipping_methods.name",
  "shipping_methods.amount",
  "shipping_methods.total",
  "shipping_methods.tax_lines.rate",
  ...addressFields("billing_address"),
  "payment_collections.payments.id",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
]

export type InvoiceOrder = {
  order: any
  isInvoiceOrder: boolean
  invoice: InvoiceMetadata | null
  /** The invoice provider's payment, captured when staff register the transfer. */
  payment: { id: string; captured_at: string | null } | null
}

export async function readInvoiceOrder(scope: MedusaContainer, orderId: string): Promise<InvoiceOrder> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: INVOICE_ORDER_FIELDS, filters: { id: orderId } })
  const order = data[0] as any
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  return describeInvoiceOrder(order)
}

export function describeInvoiceOrder(order: any): InvoiceOrder {
  const payments = (order.payment_collections ?? []).flatMap((c: any) => (c?.payments ?? []).filter(Boolean))
  const payment = payments.find((p: any) => p.provider_id === INVOICE_PROVIDER_ID && !p.canceled_at) ?? null
  const isInvoiceOrder = Boolean(payment)
  const invoice = isInvoiceOrder ? ((order.metadata?.invoice ?? null) as InvoiceMetadata | null) : null
  return {
    order,
    isInvoiceOrder,
    invoice,
    payment: payment ? { id: payment.id, captured_at: payment.captured_at ?? null } : null,
  }
}

/** Invoice orders may be fulfilled once staff approved them (or the transfer arrived). */
export function mayFulfil(state: InvoiceOrder): boolean {
  return !state.isInvoiceOrder || state.invoice?.status === "approved" || state.invoice?.status === "paid"
}

export const FULFILMENT_REFUSED =
  "Deze bestelling wordt op factuur betaald en is nog niet goedgekeurd. Keur eerst de factuur goed (widget \"Factuur\" op de bestelling), daarna kun je de bestelling verzenden."

const rateOf = (taxLines: any[] | undefined) => {
  const rates = (taxLines ?? []).filter(Boolean).map((t: any) => Number(t.rate))
  return rates.length ? rates.reduce((a: number, b: number) => a + b, 0) : DEFAULT_VAT_RATE
}

/** The invoice's content from the order (prices incl. btw) and its metadata.invoice. */
export function buildInvoiceSnapshot(order: any, seller: Seller = readSeller()): InvoiceSnapshot {
  const details = (order.metadata?.invoice ?? {}) as InvoiceMetadata
  const lines: InvoiceLineInput[] = [
    ...(order.items ?? []).filter(Boolean).map((item: any): InvoiceLineInput => ({
      kind: "item",
      title: item.product_title ?? item.title,
      description: item.variant_title ?? null,
      quantity: Number(item.quantity ?? item.detail?.quantity ?? 0),
      unit_price_incl: Number(item.unit_price ?? 0),
      total_incl: Number(item.total ?? 0),
      vat_rate: rateOf(item.tax_lines),
    })),
    ...(order.shipping_methods ?? []).filter(Boolean).map((method: any): InvoiceLineInput => ({
      kind: "shipping",
      title: `Verzending: ${method.name}`,
      description: null,
      quantity: 1,
      unit_price_incl: Number(method.total ?? method.amount ?? 0),
      total_incl: Number(method.total ?? method.amount ?? 0),
      vat_rate: rateOf(method.tax_lines),
    })),
  ]
  return {
    order: { id: order.id, display_id: order.display_id ?? null, created_at: new Date(order.created_at).toISOString() },
    seller,
    buyer: {
      organisation: details.organisation,
      kvk_number: details.kvk_number ?? null,
      vat_number: details.vat_number ?? null,
      reference: details.reference ?? null,
      email: details.invoice_email || order.email,
      // The organisation's name heads the address; the person's name stays as "t.a.v.".
      address_lines: billingLines(order.billing_address),
    },
    currency_code: order.currency_code ?? "eur",
    payment_term_days: PAYMENT_TERM_DAYS,
    totals: invoiceTotals(lines),
  }
}

function billingLines(address: any): string[] {
  if (!address) return []
  const [name, ...rest] = addressLines({ ...address, company: null })
  const person = [address.first_name, address.last_name].filter(Boolean).join(" ")
  return person && name === person ? [`t.a.v. ${person}`, ...rest] : [name, ...rest].filter(Boolean)
}

/** The PDF's input from a stored invoice. */
export function invoiceDocument(invoice: { number: number; issued_at: Date | string; data: Record<string, unknown> }): InvoiceDocument {
  const snapshot = invoice.data as unknown as InvoiceSnapshot
  const issued = new Date(invoice.issued_at)
  const due = new Date(issued.getTime() + snapshot.payment_term_days * 24 * 60 * 60 * 1000)
  return { ...snapshot, number: formatInvoiceNumber(invoice.number), issued_at: issued.toISOString(), due_at: due.toISOString() }
}
