import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { readShopSettings } from "../../config/env"
import { displayName, readItemVariants } from "../../lib/stock-status"
import { LOW_STOCK_TEMPLATE, lowStockAlert } from "../../modules/notification-mail/operations-templates"
import { evaluateLowStockStep, type Crossing } from "./steps/evaluate-low-stock"

export const checkLowStockWorkflowId = "check-low-stock"

/** The staff e-mail for the items that just crossed their threshold (one mail per evaluation). */
const buildLowStockMailStep = createStep(
  "build-low-stock-mail",
  async (input: { crossed: Crossing[]; staff_email: string; admin_url: string }, { container }) => {
    if (!input.crossed.length) return new StepResponse<CreateNotificationDTO[]>([])
    const variants = await readItemVariants(container, input.crossed.map((c) => c.inventory_item_id))
    const items = input.crossed.map((c) => {
      const used = variants.get(c.inventory_item_id) ?? []
      return {
        name: displayName({ title: c.title, sku: c.sku, variants: used }),
        sku: c.sku,
        available: c.available_quantity,
        threshold: c.threshold,
        stocked: c.stocked_quantity,
        reserved: c.reserved_quantity,
        url: `${input.admin_url}/inventory/${c.inventory_item_id}`,
        kits: used.filter((v) => v.is_kit).map((v) => `${v.product_title ?? v.title ?? v.sku} (${v.required_quantity} per pakket)`),
      }
    })
    const content = lowStockAlert({ items, overview_url: `${input.admin_url}/orders` })
    const notification: CreateNotificationDTO = {
      to: input.staff_email,
      channel: "email",
      template: LOW_STOCK_TEMPLATE,
      content,
      data: { inventory_item_ids: input.crossed.map((c) => c.inventory_item_id) },
      trigger_type: "low-stock",
      resource_id: input.crossed[0].inventory_item_id,
      resource_type: "inventory_item",
      // One mail per crossing: the crossing is identified by the time it was remembered.
      idempotency_key: `low-stock:${input.crossed.map((c) => `${c.inventory_item_id}@${c.alerted_at}`).join(",")}`.slice(0, 255),
    }
    return new StepResponse([notification])
  }
)

/**
 * Re-evaluates the given inventory items after their stock or threshold changed and
 * e-mails staff (STAFF_EMAIL) once per crossing of the threshold. Run by the
 * inventory-low-stock subscriber.
 */
export const checkLowStockWorkflow = createWorkflow(checkLowStockWorkflowId, (input: { inventory_item_ids: string[] }) => {
  const settings = transform({ input }, () => {
    const env = readShopSettings()
    return { default_threshold: env.lowStockThreshold, staff_email: env.staffEmail, admin_url: env.adminUrl }
  })
  const evaluation = evaluateLowStockStep({
    inventory_item_ids: input.inventory_item_ids,
    default_threshold: settings.default_threshold,
  })
  const notifications = buildLowStockMailStep({
    crossed: evaluation.crossed,
    staff_email: settings.staff_email,
    admin_url: settings.admin_url,
  })
  when({ notifications }, ({ notifications }) => notifications.length > 0).then(() => sendNotificationsStep(notifications))
  return new WorkflowResponse(evaluation)
})
