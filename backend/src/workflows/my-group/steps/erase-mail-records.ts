import type { INotificationModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const eraseMailRecordsStepId = "erase-group-admin-mail-records"

/**
 * The Notification Module keeps every e-mail it sent (recipient, subject, content):
 * after a removal request those records of the admin's address go too. Runs last in
 * the removal workflow and has no compensation: a deleted mail record cannot be put
 * back without sending it again.
 */
export const eraseMailRecordsStep = createStep(eraseMailRecordsStepId, async (input: { emails: string[] }, { container }) => {
  if (!input.emails.length) return new StepResponse({ deleted: 0 })
  const notifications = container.resolve(Modules.NOTIFICATION) as INotificationModuleService & {
    deleteNotifications(ids: string[]): Promise<void>
  }
  const records = await notifications.listNotifications({ to: input.emails } as any, { select: ["id"] })
  if (records.length) await notifications.deleteNotifications(records.map((r) => r.id))
  return new StepResponse({ deleted: records.length })
})
