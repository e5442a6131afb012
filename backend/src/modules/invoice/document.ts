import type { Seller } from "../../config/env"
import type { InvoiceTotals } from "./totals"

/** The snapshot an invoice keeps (invoice.data): everything the PDF shows but its number and dates. */
export type InvoiceSnapshot = {
  order: { id: string; display_id: number | null; created_at: string }
  seller: Seller
  buyer: {
    organisation: string
    kvk_number: string | null
    vat_number: string | null
    reference: string | null
    email: string
    address_lines: string[]
  }
  currency_code: string
  payment_term_days: number
  totals: InvoiceTotals
  /**
   * What the transfer's description must say when it is not the invoice number: orders
   * "op rekening" ask for the order number everywhere (lib/payment-on-account.ts).
   */
  payment_reference?: string
}

/** What the PDF is rendered from. */
export type InvoiceDocument = InvoiceSnapshot & {
  number: string
  issued_at: string
  due_at: string
}
