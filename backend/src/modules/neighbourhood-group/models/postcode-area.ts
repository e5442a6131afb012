import { model } from "@medusajs/framework/utils"

/**
 * A four-digit postcode (PC4) area from the GeoNames postal code file: place,
 * municipality (name + CBS code), province and an estimated centre point. A PC4
 * that spans places or municipalities appears once for each (pc4, place, municipality).
 * Replaced as a whole by every reference data import.
 */
const PostcodeArea = model
  .define("postcode_area", {
    id: model.id({ prefix: "pcarea" }).primaryKey(),
    pc4: model.text(),
    place: model.text(),
    municipality: model.text(),
    municipality_code: model.text(),
    province: model.text(),
    province_code: model.text().nullable(),
    lat: model.float(),
    lng: model.float(),
  })
  .indexes([
    { on: ["pc4", "place", "municipality_code"], unique: true },
    { on: ["pc4"] },
    { on: ["municipality_code"] },
  ])

export default PostcodeArea
