import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deliverAreaNoticesWorkflow } from "../workflows/notices/deliver-notices"

/**
 * Every five minutes: e-mails notices that became current since the last run, and
 * current notices to groups approved (or moved into the area) since. The delivery
 * claims make overlapping runs harmless.
 */
export default async function deliverAreaNoticesJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await deliverAreaNoticesWorkflow(container).run({ input: {} })
  if (result.sent) logger.info(`Area notices: ${result.sent} e-mail(s) sent`)
}

export const config = {
  name: "deliver-area-notices",
  schedule: "*/5 * * * *",
}
