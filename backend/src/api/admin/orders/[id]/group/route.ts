import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * GET /admin/orders/:id/group: the neighbourhood group an order was placed for
 * ({ group: null } when none), for the order page's widget.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "neighbourhood_group.id",
      "neighbourhood_group.name",
      "neighbourhood_group.slug",
      "neighbourhood_group.gemeente",
      "neighbourhood_group.woonplaats",
      "neighbourhood_group.status",
    ],
    filters: { id: req.params.id },
  })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  // The link field is not in the generated query types.
  const group = (data[0] as { neighbourhood_group?: Record<string, string> | null }).neighbourhood_group
  res.json({
    group: group
      ? { id: group.id, name: group.name, slug: group.slug, gemeente: group.gemeente, woonplaats: group.woonplaats, status: group.status }
      : null,
  })
}
