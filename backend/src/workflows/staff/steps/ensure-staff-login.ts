import type { IAuthModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const STAFF_AUTH_PROVIDER = "emailpass"

export const EXISTING_LOGIN_MESSAGE =
  "Er is al een account met dit e-mailadres. Vul het wachtwoord van dat account in om de uitnodiging te accepteren."
export const ALREADY_STAFF_MESSAGE = "Dit e-mailadres heeft al een medewerkersaccount. Log in met dat account."

/**
 * The login the new colleague signs in with: a new e-mail + password login, or, when the
 * address already has one (a group admin, a notice author), that login, only with its own
 * password. Never a login that already belongs to a staff user. A login made here is
 * deleted again when a later step fails.
 */
export const ensureStaffLoginStep = createStep(
  "ensure-staff-login",
  async (input: { email: string; password: string }, { container }) => {
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    const [existing] = await auth.listProviderIdentities(
      { entity_id: input.email, provider: STAFF_AUTH_PROVIDER },
      { select: ["id", "auth_identity_id"] }
    )
    if (existing) {
      const signedIn = await auth.authenticate(STAFF_AUTH_PROVIDER, { body: { email: input.email, password: input.password } } as any)
      if (!signedIn.success || !signedIn.authIdentity) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, EXISTING_LOGIN_MESSAGE)
      if ((signedIn.authIdentity.app_metadata as Record<string, unknown> | undefined)?.user_id) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, ALREADY_STAFF_MESSAGE)
      }
      return new StepResponse({ auth_identity_id: signedIn.authIdentity.id }, { created: null as string | null })
    }
    const registered = await auth.register(STAFF_AUTH_PROVIDER, { body: { email: input.email, password: input.password } } as any)
    if (!registered.success || !registered.authIdentity) {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, registered.error ?? EXISTING_LOGIN_MESSAGE)
    }
    return new StepResponse({ auth_identity_id: registered.authIdentity.id }, { created: registered.authIdentity.id as string | null })
  },
  async (compensation, { container }) => {
    if (!compensation?.created) return
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    await auth.deleteAuthIdentities([compensation.created])
  }
)
