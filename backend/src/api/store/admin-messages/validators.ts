import { z } from "@medusajs/framework/zod"
import { REPORT_TOKEN_PATTERN } from "../../../workflows/admin-messages/report-message"
import { optionalVisibleText } from "../../utils/fields"

const INCOMPLETE = "Deze meldlink is onvolledig. Open de link uit de e-mail opnieuw."

/** POST /store/admin-messages/report: the token of the mail's "Melden" link and an optional reason. */
export const StoreReportAdminMessage = z
  .object({
    token: z.string({ error: INCOMPLETE }).trim().regex(REPORT_TOKEN_PATTERN, INCOMPLETE),
    reason: optionalVisibleText(1000, "Je toelichting mag hoogstens 1000 tekens lang zijn"),
  })
  .strict()
export type StoreReportAdminMessageType = z.infer<typeof StoreReportAdminMessage>
