import { z } from "@medusajs/framework/zod"

/** POST /admin/admin-messages/reports/:id: staff mark a report handled (or open again). */
export const AdminHandleMessageReport = z
  .object({
    handled: z.boolean({ error: "Geef handled mee: true als de melding is afgehandeld, false om hem weer te openen" }),
  })
  .strict()
export type AdminHandleMessageReportType = z.infer<typeof AdminHandleMessageReport>
