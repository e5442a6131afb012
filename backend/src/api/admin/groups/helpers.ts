import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ADMIN_GROUP_FIELDS } from "./validators"

/** One group with every field (staff see the admin's contact data). */
export async function retrieveAdminGroup(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "neighbourhood_group", fields: ADMIN_GROUP_FIELDS, filters: { id } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Groep ${id} niet gevonden`)
  return data[0]
}
