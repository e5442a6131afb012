/**
 * Settings of the group directory's e-mails, read from the environment when a
 * mail is composed. (Candidates for src/config/env.ts.)
 *
 * - STAFF_EMAIL: who hears about new registrations; default ADMIN_EMAIL, then the
 *   default staff login admin@buurtpreventie.local.
 * - STOREFRONT_URL: base of the links to group pages (/groepen/<slug>) and account pages, default http://localhost:3000.
 * - MEDUSA_ADMIN_URL: base of the links to the staff admin; default MEDUSA_BACKEND_URL when it
 *   is an absolute URL, else http://localhost:9000. The admin lives under /app.
 */
export type GroupMailSettings = { staffEmail: string; storefrontUrl: string; adminUrl: string }

export const DEFAULT_STAFF_EMAIL = "admin@buurtpreventie.local"

export function groupMailSettings(env: NodeJS.ProcessEnv = process.env): GroupMailSettings {
  const value = (name: string) => env[name]?.trim() || undefined
  const absolute = (url?: string) => (url && /^https?:\/\//.test(url) ? url.replace(/\/+$/, "") : undefined)
  return {
    staffEmail: value("STAFF_EMAIL") ?? value("ADMIN_EMAIL") ?? DEFAULT_STAFF_EMAIL,
    storefrontUrl: absolute(value("STOREFRONT_URL")) ?? "http://localhost:3000",
    adminUrl: absolute(value("MEDUSA_ADMIN_URL")) ?? absolute(value("MEDUSA_BACKEND_URL")) ?? "http://localhost:9000",
  }
}

/** Paths of the storefront's group pages (built on the store API). */
export const groupPageUrl = (settings: GroupMailSettings, slug: string) => `${settings.storefrontUrl}/groepen/${slug}`
export const adminGroupUrl = (settings: GroupMailSettings, id: string) => `${settings.adminUrl}/app/groups/${id}`
