import { z } from "@medusajs/framework/zod"
import { normaliseFullPostcode } from "../../../modules/neighbourhood-group/utils/postcode"

/** GET /store/address-lookup?postcode=5038AB&huisnummer=12&toevoeging=A, with a Dutch error per field. */
export const StoreAddressLookupParams = z
  .object({
    postcode: z
      .string({ error: "Vul je postcode in, bijvoorbeeld 5038 AB" })
      .trim()
      .min(1, "Vul je postcode in, bijvoorbeeld 5038 AB")
      .transform((value, ctx) => {
        const postcode = normaliseFullPostcode(value)
        if (!postcode) {
          ctx.addIssue({ code: "custom", message: "Vul een Nederlandse postcode in: vier cijfers en twee letters, bijvoorbeeld 5038 AB" })
          return z.NEVER
        }
        return postcode
      }),
    huisnummer: z
      .string({ error: "Vul je huisnummer in" })
      .trim()
      .min(1, "Vul je huisnummer in")
      .regex(/^[0-9]{1,5}$/, "Het huisnummer bestaat alleen uit cijfers, bijvoorbeeld 12. Zet een letter of toevoeging in het veld Toevoeging")
      .transform(Number)
      .refine((n) => n >= 1 && n <= 99999, "Het huisnummer ligt tussen 1 en 99999"),
    toevoeging: z
      .string()
      .trim()
      .max(10, "Een toevoeging is hoogstens 10 tekens, bijvoorbeeld A of 2-hoog")
      .regex(/^[0-9a-zA-Z \-/]*$/, "Een toevoeging bestaat uit letters en cijfers, bijvoorbeeld A of 1")
      .optional(),
  })
  .strict()
export type StoreAddressLookupParamsType = z.infer<typeof StoreAddressLookupParams>
