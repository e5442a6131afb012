import { model } from "@medusajs/framework/utils"

export const ADMIN_MESSAGE_KINDS = ["message", "reply", "warning"] as const
export type AdminMessageKind = (typeof ADMIN_MESSAGE_KINDS)[number]

/**
 * One message from one group's admin to another's, relayed by e-mail (issue 30). Groups,
 * not people: the receiver sees the sending group and the first name the sender typed,
 * never an address. A warning to N groups is N rows sharing `thread_id` (the first row's
 * id), so every receiver has its own reply link and report token.
 * `report_token` is the capability in the mail's "Melden" link: whoever holds the mail may
 * report it, without signing in.
 */
const AdminMessage = model
  .define("admin_message", {
    id: model.id({ prefix: "admmsg" }).primaryKey(),
    kind: model.enum([...ADMIN_MESSAGE_KINDS]),
    from_group_id: model.text(),
    to_group_id: model.text(),
    sender_first_name: model.text(),
    body: model.text(),
    /** the first message's id; a message that starts a thread carries its own */
    thread_id: model.text(),
    reply_to_id: model.text().nullable(),
    report_token: model.text().unique(),
  })
  .indexes([{ on: ["from_group_id"] }, { on: ["to_group_id"] }, { on: ["thread_id"] }])

export default AdminMessage
