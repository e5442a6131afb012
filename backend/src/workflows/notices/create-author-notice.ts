import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { NoticeFields } from "../../modules/area-notice/utils/targeting"
import { checkAuthorAreaStep } from "./steps/check-author-area"
import { createAreaNoticeStep } from "./steps/create-notice"

export const createAuthorNoticeWorkflowId = "create-notice-by-author"

/** A wijkagent/municipality account writes a notice for its own area, signed with its organisation. */
export const createAuthorNoticeWorkflow = createWorkflow(
  createAuthorNoticeWorkflowId,
  (input: NoticeFields & { author_id: string }) => {
    const author = checkAuthorAreaStep(
      transform({ input }, ({ input }) => ({
        author_id: input.author_id,
        municipality_codes: input.municipality_codes,
        postcodes: input.postcodes,
      }))
    )
    const notice = createAreaNoticeStep(
      transform({ input, author }, ({ input, author }) => {
        const { author_id, ...fields } = input
        return { ...fields, author_label: author.organisation, created_by: author.id }
      })
    )
    return new WorkflowResponse(notice)
  }
)
