import { z } from "@medusajs/framework/zod"

/** POST /store/carts/:id/group: the slug of the group to order for. */
export const StoreSetCartGroup = z.object({
  slug: z
    .string({ error: "Kies een buurtgroep" })
    .trim()
    .min(1, "Kies een buurtgroep")
    .max(200, "Deze buurtgroep bestaat niet")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Deze buurtgroep bestaat niet"),
})
export type StoreSetCartGroupBody = z.infer<typeof StoreSetCartGroup>
