import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { AREA_NOTICE_MODULE } from "../../../../modules/area-notice"
import type AreaNoticeModuleService from "../../../../modules/area-notice/service"

/** The signed-in wijkagent/municipality account (actor type `notice_author`); refuses disabled ones. */
export async function currentAuthor(req: AuthenticatedMedusaRequest) {
  const service: AreaNoticeModuleService = req.scope.resolve(AREA_NOTICE_MODULE)
  const [author] = await service.listNoticeAuthors({ id: req.auth_context.actor_id })
  if (!author || author.disabled_at) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Dit account mag geen meldingen meer plaatsen")
  }
  return author
}
