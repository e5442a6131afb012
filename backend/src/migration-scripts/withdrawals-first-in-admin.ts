import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Medusa's admin (2.17+) ignores the `.before` of a widget zone: widgets are appended
 * after the page's own sections unless the zone's layout configuration orders them.
 * A withdrawal must be the first thing staff see on the order (and above the order
 * list), so this sets the system default layout of both pages once per database
 * (Medusa records migration scripts): the two withdrawal widgets (their config `id`)
 * come first; anything staff already arranged is kept. Staff can still rearrange.
 */
const FIRST: Record<string, string> = {
  "order.details": "widget:order-withdrawal",
  "order.list": "widget:order-list-withdrawals",
}

export default async function withdrawalsFirstInAdmin({ container }: { container: MedusaContainer }) {
  const settings = container.resolve(Modules.SETTINGS) as any
  for (const [zone, widgetId] of Object.entries(FIRST)) {
    const current = await settings.getSystemDefaultLayoutConfiguration(zone)
    const widgets = { ...(current?.configuration?.widgets ?? {}) }
    widgets[widgetId] = { ...(widgets[widgetId] ?? {}), order: -1 }
    await settings.setSystemDefaultLayoutConfiguration(zone, { widgets })
  }
}
