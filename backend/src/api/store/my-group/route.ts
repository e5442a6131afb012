import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { listMyGroups } from "./helpers"

/**
 * GET /store/my-group: the signed-in group admin's own groups, and their account's first
 * name (`account.first_name`, null when unknown): the forms for messages to other admins
 * start with it, for the admin to keep or change.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customers: ICustomerModuleService = req.scope.resolve(Modules.CUSTOMER)
  const [groups, [customer]] = await Promise.all([
    listMyGroups(req.scope, req.auth_context.actor_id),
    customers.listCustomers({ id: req.auth_context.actor_id }, { select: ["id", "first_name"] }),
  ])
  res.set("Cache-Control", "private, no-store")
  res.json({ groups, account: { first_name: customer?.first_name?.trim() || null } })
}
