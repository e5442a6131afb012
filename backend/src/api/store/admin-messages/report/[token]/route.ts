import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reportedMessage } from "../../../../../workflows/admin-messages/report-message"
import { respondToMessagingError } from "../../../../utils/messaging-errors"

/**
 * GET /store/admin-messages/report/:token: the message behind a mail's "Melden" link (sending
 * group, first name, date, text), so the report page shows what is reported. No login: the
 * token from the mail is the proof, as for the report (POST /store/admin-messages/report).
 * `report`: `{ created_at }` when the message was reported before (a new report adds to it), else null.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  try {
    const { message, report } = await reportedMessage(req.scope, req.params.token)
    res.set("Cache-Control", "private, no-store")
    res.json({ message, report })
  } catch (error) {
    if (!respondToMessagingError(res, error)) throw error
  }
}
