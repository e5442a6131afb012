import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reportAdminMessageWorkflow } from "../../../../workflows/admin-messages/report-message"
import { respondToMessagingError } from "../../../utils/messaging-errors"
import type { StoreReportAdminMessageType } from "../validators"

/**
 * POST /store/admin-messages/report `{ token, reason? }`: "Melden" from a relayed admin
 * message. No login: the token from the mail is the proof. Staff are mailed. A message
 * reported before gets its reason added to that report (`added: true`), staff mailed again.
 */
export async function POST(req: MedusaRequest<StoreReportAdminMessageType>, res: MedusaResponse) {
  try {
    const { result } = await reportAdminMessageWorkflow(req.scope).run({ input: req.validatedBody })
    res.json(result)
  } catch (error) {
    if (!respondToMessagingError(res, error)) throw error
  }
}
