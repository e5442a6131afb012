import fs from "node:fs/promises"
import path from "node:path"
import type { INotificationModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readMailDir } from "../../../config/env"
import { mentionsEmail, normaliseEmail } from "../../../lib/email"

export const eraseMailRecordsStepId = "erase-group-admin-mail-records"

/** Text of an .eml file in every form an address can take in it: quoted-printable (headers included) and base64 decoded. */
export function emlSearchText(raw: string): string {
  const quotedPrintable = raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  const base64Blocks = (raw.match(/(?:^[A-Za-z0-9+/]{8,}={0,2}\r?\n)+/gm) ?? []).map((block) =>
    Buffer.from(block.replace(/\s+/g, ""), "base64").toString("utf8")
  )
  // not the raw text itself: a soft line break inside "ba@x.com" would leave "a@x.com" there
  return [quotedPrintable, ...base64Blocks].join("\n").toLowerCase()
}

/** Whether a mail file names one of the (normalised) addresses as a whole address, in any letter case. */
export const emlMentions = (raw: string, emails: string[]) => mentionsEmail(emlSearchText(raw), emails)


/** Deletes the .eml files in MAIL_DIR that mention an address; a missing folder means nothing to delete. */
export async function deleteMailFiles(dir: string, emails: string[]): Promise<number> {
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch {
    return 0
  }
  let deleted = 0
  for (const name of names.filter((n) => n.endsWith(".eml"))) {
    const file = path.join(dir, name)
    const raw = await fs.readFile(file, "utf8").catch(() => null)
    if (raw !== null && emlMentions(raw, emails)) {
      await fs.rm(file, { force: true })
      deleted++
    }
  }
  return deleted
}

/**
 * The Notification Module keeps a record of every e-mail it sent (recipient, data,
 * reply-to), and without SMTP the mail provider keeps the mail itself as an .eml file
 * in MAIL_DIR. After a removal request these go too:
 * - records addressed to the admin, in any letter case of the address,
 * (every address compared whole, never as a substring: a@x.co is not ba@x.com)
 * - records about the erased groups (e.g. staff's copy of the registration with
 *   name, e-mail and phone) and their admin messages (`resource_ids`),
 * - records whose data or reply-to mention the address (a message the admin sent
 *   another group through the contact relay),
 * - .eml files that name the address anywhere (headers or decoded body).
 * The module's filters cannot search inside JSON, hence one read-only SQL query
 * for the ids; deleting goes through the module. Runs last in the removal
 * workflow and has no compensation: a deleted mail cannot be put back.
 */
export const eraseMailRecordsStep = createStep(
  eraseMailRecordsStepId,
  async (input: { emails: string[]; group_ids?: string[]; resource_ids?: string[] }, { container }) => {
    const emails = [...new Set(input.emails.filter(Boolean).map(normaliseEmail))]
    // the erased groups, and other erased resources mails were about (admin messages)
    const groupIds = [...(input.group_ids ?? []), ...(input.resource_ids ?? [])]
    if (!emails.length && !groupIds.length) return new StepResponse({ deleted: 0, files: 0 })
    const notifications = container.resolve(Modules.NOTIFICATION) as INotificationModuleService & {
      deleteNotifications(ids: string[]): Promise<void>
    }
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    // LIKE only narrows the rows down; which of them name an address whole is decided by
    // mentionsEmail below (a substring test would take ba@x.com's mail for a@x.co's)
    const patterns = emails.map((e) => `%${e.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    const { rows } = await knex.raw(
      `select id, (cardinality(?::text[]) > 0 and resource_id = any(?::text[])) or lower(btrim("to")) = any(?::text[]) as certain,
              coalesce(data::text, '') || ' ' || coalesce(provider_data::text, '') as mentions
         from notification
        where (cardinality(?::text[]) > 0 and resource_id = any(?::text[]))
           or lower(btrim("to")) = any(?::text[])
           or lower(coalesce(data::text, '')) like any(?::text[])
           or lower(coalesce(provider_data::text, '')) like any(?::text[])`,
      [groupIds, groupIds, emails, groupIds, groupIds, emails, patterns, patterns]
    )
    const ids = rows
      .filter((r: { certain: boolean; mentions: string }) => r.certain || mentionsEmail(r.mentions, emails))
      .map((r: { id: string }) => r.id)
    if (ids.length) await notifications.deleteNotifications(ids)
    const files = emails.length ? await deleteMailFiles(readMailDir(), emails) : 0
    return new StepResponse({ deleted: ids.length, files })
  }
)
