/**
 * The area notice e-mail to a group's admin, in Dutch: a pure function from the
 * notice and the group to the notification's `content`. The notice's body is
 * plain text and is escaped in the HTML part.
 */
import { escapeHtml, formatDateNl } from "../../lib/html"
import { groupPageUrl, type MailLinks } from "../groups/settings"
import type { RenderedMail } from "../../modules/notification-mail/templates"

export const AREA_NOTICE_TEMPLATE = "area-notice"

/** A composed mail (subject, text, html), as the "email" provider sends it. */
export type MailContent = RenderedMail

export type NoticeForMail = {
  id: string
  title: string
  body: string
  author_label: string
  starts_at: Date | string
  ends_at: Date | string
}

export type GroupForNoticeMail = { id: string; name: string; slug: string; admin_name?: string | null }

export function areaNoticeMail(notice: NoticeForMail, group: GroupForNoticeMail, settings: MailLinks): MailContent {
  const subject = `Melding voor je buurt: ${notice.title}`
  const greeting = group.admin_name?.trim() ? `Hallo ${group.admin_name.trim()},` : "Hallo,"
  const intro = `${notice.author_label} heeft een melding voor de buurt van je buurtpreventiegroep "${group.name}":`
  const period = `Deze melding geldt van ${formatDateNl(notice.starts_at, true)} tot ${formatDateNl(notice.ends_at, true)}.`
  const share =
    "Je mag deze melding delen in je WhatsApp-groep. Zie je iets verdachts? Bel 112 bij spoed, anders 0900-8844 (politie)."
  const page = `De melding staat ook op de pagina van je groep: ${groupPageUrl(settings, group.slug)}`
  const closing = "Met vriendelijke groet,\nBuurtpreventie Shop"

  const text = [greeting, "", intro, "", notice.title, notice.body, "", period, "", share, "", page, "", closing, ""].join("\n")
  const p = (value: string) => `<p>${escapeHtml(value).replace(/\n/g, "<br>")}</p>`
  const html = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:sans-serif;color:#1f2937">
${p(greeting)}
${p(intro)}
<blockquote style="border-left:3px solid #d1d5db;margin:0;padding-left:12px">
<p><strong>${escapeHtml(notice.title)}</strong></p>
${p(notice.body)}
</blockquote>
${p(period)}
${p(share)}
${p(page)}
${p(closing)}
</body>
</html>
`
  return { subject, text, html }
}
