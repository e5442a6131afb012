import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ADMIN_MESSAGE_MODULE } from "../../../../modules/admin-message"
import type AdminMessageModuleService from "../../../../modules/admin-message/service"
import { blockedGroupIds, groupsByIds } from "../../../../workflows/admin-messages/parties"

/**
 * GET /admin/admin-messages/reports: reported admin messages, newest first, with the text,
 * both groups and whether the sender is blocked (block: POST /admin/groups/:id/messaging-block).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service: AdminMessageModuleService = req.scope.resolve(ADMIN_MESSAGE_MODULE)
  const reports = await service.listMessageReports({}, { order: { created_at: "DESC" }, take: 200 })
  const messages = reports.length ? await service.listAdminMessages({ id: reports.map((r) => r.message_id) }) : []
  const byId = new Map(messages.map((m) => [m.id, m]))
  const groups = await groupsByIds(req.scope, messages.flatMap((m) => [m.from_group_id, m.to_group_id]))
  const blocked = await blockedGroupIds(req.scope, [...new Set(messages.map((m) => m.from_group_id))])
  const group = (id: string) => {
    const g = groups.get(id)
    return g ? { id: g.id, name: g.name, slug: g.slug, status: g.status } : { id, name: null, slug: null, status: null }
  }
  res.json({
    reports: reports.map((r) => {
      const m = byId.get(r.message_id)
      return {
        id: r.id,
        reason: r.reason,
        created_at: r.created_at,
        handled_at: r.handled_at,
        message: m
          ? {
              id: m.id,
              kind: m.kind,
              sender_first_name: m.sender_first_name,
              body: m.body,
              created_at: m.created_at,
              from_group: group(m.from_group_id),
              to_group: group(m.to_group_id),
              sender_blocked: blocked.has(m.from_group_id),
            }
          : null,
      }
    }),
  })
}
