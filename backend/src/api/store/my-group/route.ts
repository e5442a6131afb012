import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listMyGroups } from "./helpers"

/** GET /store/my-group: the signed-in group admin's own groups. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.set("Cache-Control", "private, no-store")
  res.json({ groups: await listMyGroups(req.scope, req.auth_context.actor_id) })
}
