import { messagingBlockOf } from "../../../workflows/admin-messages/parties"
import { checkGroupPoint } from "../../utils/far-point"
import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { GROUP_CHANGED } from "../../../workflows/groups/errors"
import { respondToGroupError } from "../../utils/group-errors"
import { ADMIN_GROUP_FIELDS } from "./validators"

/** One group with every field (staff see the admin's contact data). */
export async function retrieveAdminGroup(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "neighbourhood_group", fields: ADMIN_GROUP_FIELDS, filters: { id } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Groep ${id} niet gevonden`)
  // staff see the point against the centres of the group's postcodes, with a warning when far off
  const group = data[0]
  const point = { postcodes: group.postcodes as unknown as string[], lat: group.lat as number | null, lng: group.lng as number | null }
  // issue 30: whether staff stopped this group's admin messaging other admins, why and since when
  const block = await messagingBlockOf(scope, id)
  return { ...group, point_check: await checkGroupPoint(scope, point), messaging_blocked: block !== null, messaging_block: block }
}

/**
 * Runs a moderation decision and answers with the group. A group that changed since staff
 * opened it (checkGroupVersionStep) gets 409 `{ code: "group_changed" }` with the Dutch
 * message (Medusa's own handler would replace it with an English one); the group
 * workflows' field and duplicate errors are answered per field.
 */
export async function moderate(scope: MedusaContainer, res: MedusaResponse, id: string, run: () => Promise<unknown>) {
  try {
    await run()
  } catch (error) {
    const err = error as { code?: string; message?: string }
    if (err?.code === GROUP_CHANGED) {
      res.status(409).json({ type: "conflict", code: GROUP_CHANGED, message: err.message })
      return
    }
    if (!respondToGroupError(res, error)) throw error
    return
  }
  res.json({ group: await retrieveAdminGroup(scope, id) })
}
