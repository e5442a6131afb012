import type { IUserModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normaliseEmail } from "../../../lib/email"

export const INVITE_INVALID_MESSAGE = "Deze uitnodiging is verlopen, al gebruikt of niet voor dit e-mailadres. Vraag een collega om een nieuwe."

/**
 * The invite token must be valid (Medusa checks signature, rotation and expiry), not yet
 * accepted, and sent to the address that signs up: the token in the mail is what proves
 * the new colleague owns that mailbox. Every refusal has one message, so the answer tells
 * nobody which of these failed.
 */
export const checkStaffInviteStep = createStep(
  "check-staff-invite",
  async (input: { invite_token: string; email: string }, { container }) => {
    const users: IUserModuleService = container.resolve(Modules.USER)
    const invite = await users.validateInviteToken(input.invite_token).catch(() => undefined)
    if (!invite || invite.accepted || normaliseEmail(invite.email) !== normaliseEmail(input.email)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, INVITE_INVALID_MESSAGE)
    }
    return new StepResponse({ id: invite.id, email: normaliseEmail(invite.email) })
  }
)
