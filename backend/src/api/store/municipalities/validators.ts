import { z } from "@medusajs/framework/zod"
import { optionalText, pagination } from "../../utils/fields"

/** GET /store/municipalities */
export const StoreGetMunicipalitiesParams = z
  .object({
    q: optionalText(100, "Zoek met hoogstens 100 tekens"),
    province: optionalText(100, "De provincie mag hoogstens 100 tekens lang zijn"),
    with_groups: z.enum(["true", "false"], { error: "with_groups is true of false" }).optional(),
    ...pagination(50, 500),
  })
  .strict()
export type StoreGetMunicipalitiesParamsType = z.infer<typeof StoreGetMunicipalitiesParams>
