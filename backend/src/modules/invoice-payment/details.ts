import { z } from "@medusajs/framework/zod"

/**
 * The organisation data of an order paid on invoice ("Op factuur"), one schema for
 * the store route (per-field Dutch errors), the payment provider and the cart
 * completion hook, so the rules cannot drift apart. The storefront has no copy: it
 * sends what was typed and shows these per-field messages.
 */
export const INVOICE_PROVIDER_ID = "pp_invoice_invoice"

export const MAX_ORGANISATION = 200
export const MAX_REFERENCE = 50

const present = (v: unknown) => (typeof v === "string" ? v.trim() !== "" : v != null)
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v)

/** KvK numbers are 8 digits; people type them with spaces or dots. */
export function normaliseKvk(value: string): string {
  return value.replace(/[\s.]/g, "")
}

/** Btw numbers: upper case without spaces, dots or dashes ("nl 1234.56.789.b01" → "NL123456789B01"). */
export function normaliseVat(value: string): string {
  return value.replace(/[\s.\-]/g, "").toUpperCase()
}

export const KVK_PATTERN = /^[0-9]{8}$/
/** NL: NL + 9 digits + B + 2 digits; BE: BE + 0 or 1 + 9 digits. */
export const VAT_PATTERN = /^(NL[0-9]{9}B[0-9]{2}|BE[01][0-9]{9})$/

export const INVOICE_ERRORS = {
  organisation: "Vul de naam van de gemeente of organisatie in",
  organisationTooLong: `De naam van de organisatie mag hoogstens ${MAX_ORGANISATION} tekens lang zijn`,
  kvk: "Een KvK-nummer bestaat uit 8 cijfers, bijvoorbeeld 12345678",
  vat: "Vul een geldig btw-nummer in, bijvoorbeeld NL123456789B01 of BE0123456789",
  kvkOrVat: "Vul een KvK-nummer of een btw-nummer in",
  reference: `Het inkoopnummer mag hoogstens ${MAX_REFERENCE} tekens lang zijn`,
  email: "Vul een geldig e-mailadres in voor de factuur, bijvoorbeeld facturen@gemeente.nl",
} as const

export const InvoiceDetailsSchema = z
  .object({
    organisation: z
      .string({ error: INVOICE_ERRORS.organisation })
      .trim()
      .min(1, INVOICE_ERRORS.organisation)
      .max(MAX_ORGANISATION, INVOICE_ERRORS.organisationTooLong),
    kvk_number: z.preprocess(
      blankToUndefined,
      z
        .string({ error: INVOICE_ERRORS.kvk })
        .transform(normaliseKvk)
        .refine((v) => KVK_PATTERN.test(v), INVOICE_ERRORS.kvk)
        .optional()
    ),
    vat_number: z.preprocess(
      blankToUndefined,
      z
        .string({ error: INVOICE_ERRORS.vat })
        .transform(normaliseVat)
        .refine((v) => VAT_PATTERN.test(v), INVOICE_ERRORS.vat)
        .optional()
    ),
    reference: z.preprocess(
      blankToUndefined,
      z.string({ error: INVOICE_ERRORS.reference }).trim().max(MAX_REFERENCE, INVOICE_ERRORS.reference).optional()
    ),
    invoice_email: z.preprocess(
      blankToUndefined,
      z.string({ error: INVOICE_ERRORS.email }).trim().max(254, INVOICE_ERRORS.email).pipe(z.email({ error: INVOICE_ERRORS.email })).optional()
    ),
  })
  // `when`: also report a missing KvK/btw number when another field is wrong, so
  // the buyer sees every problem at once.
  .refine((value) => present(value?.kvk_number) || present(value?.vat_number), {
    path: ["kvk_number"],
    message: INVOICE_ERRORS.kvkOrVat,
    when: () => true,
  })

export type InvoiceDetails = z.infer<typeof InvoiceDetailsSchema>

/** Where the order stands; kept on the order as metadata.invoice.status. */
export type InvoiceStatus = "awaiting_approval" | "approved" | "paid"

/** What travels in cart and order metadata under `invoice`. */
export type InvoiceMetadata = InvoiceDetails & {
  status: InvoiceStatus
  invoice_number?: string
  approved_at?: string
  paid_at?: string
}

/** Parses details (from a session, metadata or a form); the first message per field. */
export function parseInvoiceDetails(
  input: unknown
): { success: true; data: InvoiceDetails } | { success: false; errors: Record<string, string> } {
  const result = InvoiceDetailsSchema.safeParse(input ?? {})
  if (result.success) return { success: true, data: result.data }
  const errors: Record<string, string> = {}
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "_"
    errors[field] ??= issue.message
  }
  return { success: false, errors }
}
