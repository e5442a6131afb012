import { z } from "@medusajs/framework/zod"
import { optionalText } from "../../utils/fields"

const INCOMPLETE = "Deze meldlink is onvolledig. Open de link uit de e-mail opnieuw."

/** POST /store/admin-messages/report: the token of the mail's "Melden" link and an optional reason. */
export const StoreReportAdminMessage = z
  .object({
    token: z.string({ error: INCOMPLETE }).trim().regex(/^[A-Za-z0-9_-]{20,128}$/, INCOMPLETE),
    reason: optionalText(1000, "Je toelichting mag hoogstens 1000 tekens lang zijn"),
  })
  .strict()
export type StoreReportAdminMessageType = z.infer<typeof StoreReportAdminMessage>
