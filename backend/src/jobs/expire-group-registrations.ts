import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { expireGroupRegistrationsWorkflow } from "../workflows/groups/expire-group-registrations"

/**
 * Every hour: group registrations whose confirmation link expired go, with the records of
 * their confirmation mails. A registration nobody confirmed leaves no personal data behind.
 */
export default async function expireGroupRegistrationsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await expireGroupRegistrationsWorkflow(container).run({ input: {} })
  if (result.deleted) logger.info(`Group registrations: ${result.deleted} expired registration(s) deleted`)
}

export const config = {
  name: "expire-group-registrations",
  schedule: "17 * * * *",
}
