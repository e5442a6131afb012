import { model } from "@medusajs/framework/utils"

/**
 * A wijkagent or municipality account that staff create: it signs in as Medusa
 * auth actor `notice_author` (emailpass; the auth identity's app_metadata holds
 * `notice_author_id`) and writes notices only for `municipality_codes`.
 * `organisation` signs its notices publicly, e.g. "Wijkagent Utrecht-Oost".
 */
const NoticeAuthor = model
  .define("notice_author", {
    id: model.id({ prefix: "nauth" }).primaryKey(),
    name: model.text(),
    email: model.text().unique(),
    organisation: model.text(),
    /** CBS codes of the municipalities it may write for (text[]) */
    municipality_codes: model.array(),
    disabled_at: model.dateTime().nullable(),
  })
  .checks([{ name: "notice_author_municipalities_check", expression: (c) => `cardinality(${c.municipality_codes}) >= 1` }])

export default NoticeAuthor
