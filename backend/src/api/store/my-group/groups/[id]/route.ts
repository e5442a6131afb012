import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateMyGroupWorkflow } from "../../../../../workflows/my-group/update-group"
import { respondToGroupError } from "../../../../utils/group-errors"
import { listMyGroups } from "../../helpers"
import type { StoreUpdateMyGroupType } from "../../validators"

/** POST /store/my-group/groups/:id: the admin edits their group's listing. */
export async function POST(req: AuthenticatedMedusaRequest<StoreUpdateMyGroupType>, res: MedusaResponse) {
  const customerId = req.auth_context.actor_id
  try {
    await updateMyGroupWorkflow(req.scope).run({ input: { customer_id: customerId, id: req.params.id, update: req.validatedBody } })
  } catch (error) {
    if (!respondToGroupError(res, error)) throw error
    return
  }
  const group = (await listMyGroups(req.scope, customerId)).find((g: any) => g.id === req.params.id)
  res.set("Cache-Control", "private, no-store")
  res.json({ group })
}
