import type { ShopSettings } from "../../config/env"

/** Links in the group directory's e-mails (settings from readShopSettings() in src/config/env.ts). */
export type MailLinks = Pick<ShopSettings, "storefrontUrl" | "adminUrl">

/** A group's public page in the storefront. */
export const groupPageUrl = (links: MailLinks, slug: string) => `${links.storefrontUrl}/groepen/${slug}`
/** A group's page in the staff admin. */
export const adminGroupUrl = (links: MailLinks, id: string) => `${links.adminUrl}/groups/${id}`
/** The storefront page where a registrant confirms their address (the token travels in the query). */
export const confirmRegistrationUrl = (links: MailLinks, token: string) =>
  `${links.storefrontUrl}/groepen/bevestigen?token=${encodeURIComponent(token)}`
