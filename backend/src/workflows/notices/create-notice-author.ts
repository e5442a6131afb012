import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createNoticeAuthorStep, registerNoticeAuthorIdentityStep, type NoticeAuthorInput } from "./steps/create-notice-author"

export const createNoticeAuthorWorkflowId = "create-notice-author"

/** Staff create a wijkagent/municipality account with its first password; a failed login creation removes the account. */
export const createNoticeAuthorWorkflow = createWorkflow(
  createNoticeAuthorWorkflowId,
  (input: NoticeAuthorInput & { password: string }) => {
    const author = createNoticeAuthorStep(
      transform({ input }, ({ input }) => ({
        name: input.name,
        email: input.email,
        organisation: input.organisation,
        municipality_codes: input.municipality_codes,
      }))
    )
    registerNoticeAuthorIdentityStep(
      transform({ author, input }, ({ author, input }) => ({ author_id: author.id, email: input.email, password: input.password }))
    )
    return new WorkflowResponse(author)
  }
)
