import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AREA_NOTICE_MODULE } from "../../../modules/area-notice"
import type AreaNoticeModuleService from "../../../modules/area-notice/service"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../../modules/neighbourhood-group/service"
import { noticeFieldErrorsError } from "../errors"

export const checkAuthorAreaStepId = "check-notice-author-area"

/**
 * A wijkagent/municipality account writes only for its own municipalities: every
 * municipality code must be one of them, and every PC4 must lie in one of them
 * (by the imported postcode areas). Read only; returns the author for the notice.
 */
export const checkAuthorAreaStep = createStep(
  checkAuthorAreaStepId,
  async (input: { author_id: string; municipality_codes: string[]; postcodes: string[] }, { container }) => {
    const notices: AreaNoticeModuleService = container.resolve(AREA_NOTICE_MODULE)
    const [author] = await notices.listNoticeAuthors({ id: input.author_id })
    if (!author || author.disabled_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Dit account mag geen meldingen meer plaatsen")
    }
    const allowed = new Set(author.municipality_codes as string[])
    const errors: Record<string, string> = {}
    const foreign = input.municipality_codes.filter((c) => !allowed.has(c))
    if (foreign.length) errors.municipality_codes = `Je kunt alleen meldingen plaatsen voor je eigen gemeenten (niet voor ${foreign.join(", ")})`
    if (input.postcodes.length) {
      const groups: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
      const areas = await groups.listPostcodeAreas({ pc4: input.postcodes }, { select: ["pc4", "municipality_code"] })
      const inside = new Set(areas.filter((a) => allowed.has(a.municipality_code)).map((a) => a.pc4))
      const outside = input.postcodes.filter((pc4) => !inside.has(pc4))
      if (outside.length) errors.postcodes = `Deze postcodes liggen niet in je gemeenten: ${outside.join(", ")}`
    }
    if (Object.keys(errors).length) throw noticeFieldErrorsError(errors)
    return new StepResponse({ id: author.id, organisation: author.organisation as string })
  }
)
