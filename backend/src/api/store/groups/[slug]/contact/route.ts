import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { contactGroupAdminWorkflow } from "../../../../../workflows/groups/contact-group-admin"
import type { StoreContactGroupType } from "../../validators"

const SENT = { sent: true, message: "Je bericht is verstuurd naar de beheerder van de groep." }

/**
 * POST /store/groups/:slug/contact
 *
 * Relays a resident's message to the group's admin by e-mail (Reply-To: the
 * resident). The answer never reveals anything about the admin. A filled honeypot
 * (`website`) gets the same answer, but nothing is sent.
 */
export async function POST(req: MedusaRequest<StoreContactGroupType>, res: MedusaResponse) {
  const { website, ...sender } = req.validatedBody
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  if (website !== undefined && website !== null && website !== "") {
    logger.info("Group contact message ignored: honeypot field filled")
    res.json(SENT)
    return
  }

  try {
    await contactGroupAdminWorkflow(req.scope).run({ input: { slug: req.params.slug, sender } })
  } catch (error) {
    const err = error as { type?: string; message?: string }
    if (err?.type === MedusaError.Types.NOT_FOUND) throw error
    // The provider's error may name the admin's address: log it, answer without it.
    logger.error(`Group contact message for ${req.params.slug} could not be sent: ${err?.message ?? error}`)
    res.status(502).json({ type: "unexpected_state", message: "Je bericht kon niet worden verstuurd. Probeer het later opnieuw." })
    return
  }
  res.json(SENT)
}
