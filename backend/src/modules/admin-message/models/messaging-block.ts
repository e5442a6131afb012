import { model } from "@medusajs/framework/utils"

/**
 * Staff stopped an admin from messaging other admins. The block is set on a group (the
 * one staff looked at) and on its admin's account, so it holds for every group of that
 * admin: a group is blocked when a block names it or its admin's account. `created_by`
 * is the staff user.
 */
const MessagingBlock = model
  .define("messaging_block", {
    id: model.id({ prefix: "msgblk" }).primaryKey(),
    group_id: model.text(),
    customer_id: model.text().nullable(),
    reason: model.text().nullable(),
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["group_id"] }, { on: ["customer_id"] }])

export default MessagingBlock
