import { model } from "@medusajs/framework/utils"

/** A receiver reported a relayed message as abuse through the mail's "Melden" link; staff handle it. */
const MessageReport = model
  .define("message_report", {
    id: model.id({ prefix: "msgrep" }).primaryKey(),
    message_id: model.text(),
    reason: model.text().nullable(),
    handled_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["message_id"] }])

export default MessageReport
