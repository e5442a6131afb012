import { model } from "@medusajs/framework/utils"

/**
 * A municipality (gemeente), derived from the postcode areas on import. Dutch
 * municipalities merge and rename every 1 January: a municipality that is gone
 * from a newer file keeps its row with `retired_at` and `renamed_to` (the slug of
 * its successor), so /gemeenten/<old-slug> can redirect.
 */
const Municipality = model
  .define("municipality", {
    id: model.id({ prefix: "gem" }).primaryKey(),
    /** CBS code, e.g. "0344" */
    code: model.text(),
    name: model.text(),
    slug: model.text().unique(),
    province: model.text(),
    /** centre: the mean of its postcode areas */
    lat: model.float(),
    lng: model.float(),
    /** slug of the municipality this one was renamed to or merged into */
    renamed_to: model.text().nullable(),
    retired_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["code"] }, { on: ["renamed_to"] }])

export default Municipality
