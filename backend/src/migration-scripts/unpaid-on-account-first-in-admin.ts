import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * As `withdrawals-first-in-admin` (Medusa's admin ignores a zone's `.before`): the list of
 * unpaid orders on account comes first above the order list, right after the withdrawals.
 * (On the order page the "Nog niet betaald" panel is drawn by the `order-withdrawal`
 * widget, which that script already puts first.)
 * Once per database; what staff arranged themselves is kept.
 */
const ORDER: Record<string, Record<string, number>> = {
  "order.list": { "widget:order-list-withdrawals": -2, "widget:order-list-unpaid-on-account": -1 },
}

export default async function unpaidOnAccountFirstInAdmin({ container }: { container: MedusaContainer }) {
  const settings = container.resolve(Modules.SETTINGS) as any
  for (const [zone, order] of Object.entries(ORDER)) {
    const current = await settings.getSystemDefaultLayoutConfiguration(zone)
    const widgets = { ...(current?.configuration?.widgets ?? {}) }
    for (const [widgetId, position] of Object.entries(order)) widgets[widgetId] = { ...(widgets[widgetId] ?? {}), order: position }
    await settings.setSystemDefaultLayoutConfiguration(zone, { widgets })
  }
}
