import { z } from "@medusajs/framework/zod"
import { parseOrderNumber } from "../../../workflows/orders/withdrawal-period"

/** Order number as printed ("1042" or "#1042") and the e-mail address of the order. */
export const StoreWithdrawalRequest = z
  .object({
    order_number: z
      .string({ error: "Vul je bestelnummer in." })
      .trim()
      .min(1, "Vul je bestelnummer in.")
      .refine((value) => parseOrderNumber(value) !== undefined, "Een bestelnummer bestaat alleen uit cijfers, bijvoorbeeld 1042."),
    email: z
      .string({ error: "Vul het e-mailadres van je bestelling in." })
      .trim()
      .min(1, "Vul het e-mailadres van je bestelling in.")
      .max(254, "Dit e-mailadres is te lang.")
      .email("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
  })
  .strict()

export type StoreWithdrawalRequestType = z.infer<typeof StoreWithdrawalRequest>
