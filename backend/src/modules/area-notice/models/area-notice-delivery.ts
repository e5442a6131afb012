import { model } from "@medusajs/framework/utils"

/**
 * One notice e-mailed to one group's admin. The row is claimed (inserted) before
 * the mail goes out and the unique (notice_id, group_id) index makes the claim
 * exclusive, so concurrent deliveries (server + worker, job + create) never mail a
 * group twice. `sent_at` stays null until the mail went out; a claim that never
 * got its mail (crash) may be taken over after a while (see the service).
 */
const AreaNoticeDelivery = model
  .define("area_notice_delivery", {
    id: model.id({ prefix: "anotd" }).primaryKey(),
    notice_id: model.text(),
    group_id: model.text(),
    claimed_at: model.dateTime(),
    sent_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["notice_id", "group_id"], unique: true },
    { on: ["group_id"] },
  ])

export default AreaNoticeDelivery
