import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reportedMessage } from "../../../../../workflows/admin-messages/report-message"
import { respondToMessagingError } from "../../../../utils/messaging-errors"

/**
 * GET /store/admin-messages/report/:token: the message behind a mail's "Melden" link (sending
 * group, first name, date, text), so the report page shows what is reported. No login: the
 * token from the mail is the proof, as for the report (POST /store/admin-messages/report).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  try {
    const message = await reportedMessage(req.scope, req.params.token)
    res.set("Cache-Control", "private, no-store")
    res.json({ message })
  } catch (error) {
    if (!respondToMessagingError(res, error)) throw error
  }
}
