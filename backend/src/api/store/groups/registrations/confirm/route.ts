import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { confirmGroupRegistrationWorkflow } from "../../../../../workflows/groups/confirm-group-registration"
import { REGISTRATION_ALREADY_CONFIRMED, REGISTRATION_LINK_INVALID } from "../../../../../workflows/groups/errors"
import { respondToGroupError } from "../../../../utils/group-errors"
import type { StoreConfirmGroupRegistrationType } from "../../validators"

/** After confirming: the same words for every group (no slug, no word about other groups). */
export const CONFIRMED_MESSAGE =
  "Je e-mailadres is bevestigd. We bekijken je aanmelding, meestal binnen twee werkdagen, en sturen je een e-mail zodra je groep op de kaart staat."

/**
 * POST /store/groups/registrations/confirm { token }
 *
 * The registrant confirms their address with the token from the mail (the storefront's
 * /groepen/bevestigen posts it): the registration becomes a pending group for staff.
 * 200 `{ confirmed: true }`, also for a second click (`already_confirmed`); 410 with
 * `code: "registration_link_invalid"` for an unknown or expired token; 400 per field if
 * the registration no longer passes (say, a postcode the reference data dropped).
 */
export async function POST(req: MedusaRequest<StoreConfirmGroupRegistrationType>, res: MedusaResponse) {
  try {
    await confirmGroupRegistrationWorkflow(req.scope).run({ input: { token: req.validatedBody.token } })
    res.json({ confirmed: true, message: CONFIRMED_MESSAGE })
  } catch (error) {
    const err = error as { code?: string; message?: string }
    if (err?.code === REGISTRATION_ALREADY_CONFIRMED) {
      res.json({ confirmed: true, already_confirmed: true, message: `${err.message} ${CONFIRMED_MESSAGE}` })
      return
    }
    if (err?.code === REGISTRATION_LINK_INVALID) {
      res.status(410).json({ type: "not_found", code: REGISTRATION_LINK_INVALID, message: err.message })
      return
    }
    if (!respondToGroupError(res, error)) throw error
  }
}
