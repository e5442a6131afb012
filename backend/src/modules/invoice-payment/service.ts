import crypto from "node:crypto"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { parseInvoiceDetails, type InvoiceDetails } from "./details"

/**
 * "Op factuur (gemeente/organisatie)": like Medusa's manual provider
 * (pp_system_default, @medusajs/payment dist/providers/system.js) no money moves
 * online, but the session carries the organisation's data and is refused without
 * valid data. Registered with id "invoice", so its provider id is pp_invoice_invoice.
 *
 * Authorisation succeeds at once, so the order is placed; the order then waits for
 * staff approval (metadata.invoice.status) before it may be fulfilled. The payment
 * stays *authorized* until staff register the bank transfer in the admin, which
 * captures it (POST /admin/orders/:id/invoice/payment): the order's "paid" state
 * then means money actually arrived.
 */
export class InvoicePaymentProviderService extends AbstractPaymentProvider {
  static identifier = "invoice"

  // Public, so ModuleProvider accepts the class (the abstract constructor is protected).
  constructor(container: Record<string, unknown>, options: Record<string, unknown> = {}) {
    super(container, options)
  }

  private details(data: Record<string, unknown> | undefined): InvoiceDetails {
    const raw = (data?.invoice ?? data) as unknown
    const parsed = parseInvoiceDetails(raw)
    if (!parsed.success) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `De factuurgegevens kloppen niet: ${[...new Set(Object.values(parsed.errors))].join(". ")}`
      )
    }
    return parsed.data
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    return { id: crypto.randomUUID(), data: { invoice: this.details(input.data) } }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return { data: { invoice: this.details(input.data) } }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return { status: PaymentSessionStatus.AUTHORIZED, data: { invoice: this.details(input.data) } }
  }

  async getPaymentStatus(_input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return { status: PaymentSessionStatus.AUTHORIZED }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: input.data ?? {} }
  }

  /** Staff register the transfer; nothing to call. */
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: { ...(input.data ?? {}), captured_at: new Date().toISOString() } }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: input.data ?? {} }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data ?? {} }
  }

  /** A credit note is staff work outside the shop; the refund itself is recorded as given. */
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return { data: input.data ?? {} }
  }

  async getWebhookActionAndData(_data: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

export default InvoicePaymentProviderService
