import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { IAuthModuleService } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AREA_NOTICE_MODULE } from "../../../modules/area-notice"
import type AreaNoticeModuleService from "../../../modules/area-notice/service"

export type NoticeAuthorInput = { name: string; email: string; organisation: string; municipality_codes: string[] }

export const createNoticeAuthorStepId = "create-notice-author"

/** Stores the account's record; compensation deletes it. */
export const createNoticeAuthorStep = createStep(
  createNoticeAuthorStepId,
  async (input: NoticeAuthorInput, { container }) => {
    const service: AreaNoticeModuleService = container.resolve(AREA_NOTICE_MODULE)
    const [existing] = await service.listNoticeAuthors({ email: input.email }, { select: ["id"] })
    if (existing) throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, "Er is al een meldingenaccount met dit e-mailadres")
    const author = await service.createNoticeAuthors(input)
    return new StepResponse(author, author.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: AreaNoticeModuleService = container.resolve(AREA_NOTICE_MODULE)
    await service.deleteNoticeAuthors(id)
  }
)

export const LOGIN_EXISTS_MESSAGE =
  "Er bestaat al een login met dit e-mailadres (bijvoorbeeld van een medewerker of groepsbeheerder); gebruik een ander adres"

export const registerNoticeAuthorIdentityStepId = "register-notice-author-identity"

/**
 * Creates the e-mail + password login (Medusa's emailpass provider) and ties it to
 * the account through app_metadata.notice_author_id, which Medusa puts in the
 * token as actor_id for actor type `notice_author`. Compensation deletes the login.
 */
export const registerNoticeAuthorIdentityStep = createStep(
  registerNoticeAuthorIdentityStepId,
  async (input: { author_id: string; email: string; password: string }, { container }) => {
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    // Asked first rather than read out of Medusa's English refusal text.
    const [existing] = await auth.listProviderIdentities({ entity_id: input.email, provider: "emailpass" }, { select: ["id"] })
    if (existing) throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, LOGIN_EXISTS_MESSAGE)
    const { success, authIdentity, error } = await auth.register("emailpass", {
      body: { email: input.email, password: input.password },
    } as any)
    if (!success || !authIdentity) {
      // Another request registered the same address between the check and here, or Medusa refused otherwise.
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `Het account kon niet worden aangemaakt: ${error ?? "onbekende fout"}`)
    }
    await auth.updateAuthIdentities({
      id: authIdentity.id,
      app_metadata: { ...(authIdentity.app_metadata ?? {}), notice_author_id: input.author_id },
    })
    return new StepResponse({ auth_identity_id: authIdentity.id }, authIdentity.id)
  },
  async (id, { container }) => {
    if (!id) return
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    await auth.deleteAuthIdentities([id])
  }
)
