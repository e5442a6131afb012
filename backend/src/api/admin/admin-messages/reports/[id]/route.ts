import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { handleMessageReportWorkflow } from "../../../../../workflows/admin-messages/handle-report"
import { respondToMessagingError } from "../../../../utils/messaging-errors"
import type { AdminHandleMessageReportType } from "../../validators"

/**
 * POST /admin/admin-messages/reports/:id `{ handled }`: staff mark a reported message handled
 * (or open it again). Staff only: /admin routes take a staff session or token.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminHandleMessageReportType>, res: MedusaResponse) {
  try {
    const { result } = await handleMessageReportWorkflow(req.scope).run({
      input: { report_id: req.params.id, handled: req.validatedBody.handled },
    })
    res.json({ report: result })
  } catch (error) {
    if (!respondToMessagingError(res, error)) throw error
  }
}
