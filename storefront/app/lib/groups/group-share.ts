/**
 * Sharing a group's order link in its WhatsApp group (client-safe): the members' page
 * path, the ready Dutch message, the wa.me link and the "N borden en M stickers" line.
 * Only the shop's own pages are ever shared: never a WhatsApp invite link.
 */
import { formatNumber } from "../format";

/** The members' page a group's order link lands on. */
export const memberPagePath = (slug: string) => `/groepen/${encodeURIComponent(slug)}/meedoen`;

/** The printable A4 poster (PDF) of a group. */
export const posterPath = (slug: string) => `/groepen/${encodeURIComponent(slug)}/poster.pdf`;

/** The message an admin posts in the group's WhatsApp chat (plain text; WhatsApp keeps *bold*). */
export function shareMessage(group: { name: string; woonplaats: string }, orderUrl: string): string {
  return [
    `Hoi buren! Onze buurtpreventiegroep *${group.name}* in ${group.woonplaats} heeft een eigen bestelpagina.`,
    "Bestel daar een raamsticker voor je eigen deur (of een bord voor de straat): zo ziet iedereen dat onze buurt oplet, en je bestelling telt mee voor onze groep.",
    orderUrl,
  ].join("\n\n");
}

/** Opens WhatsApp (app or web) with the message filled in; the chat is chosen in WhatsApp. */
export function whatsAppShareUrl(text: string): string {
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/**
 * "3 borden en 12 stickers besteld in deze buurt"; with only one kind, only that kind;
 * null when nothing was ordered yet (the line is then hidden).
 */
export function orderedInNeighbourhoodLabel(signs: number | null | undefined, stickers: number | null | undefined): string | null {
  const s = Number.isFinite(signs) && signs! > 0 ? Math.floor(signs!) : 0;
  const k = Number.isFinite(stickers) && stickers! > 0 ? Math.floor(stickers!) : 0;
  const parts = [s ? plural(s, "bord", "borden") : null, k ? plural(k, "sticker", "stickers") : null].filter(Boolean);
  return parts.length ? `${parts.join(" en ")} besteld in deze buurt` : null;
}

/** Counts of what members ordered for a group (from GET /store/my-group/groups/:id/orders). */
export type GroupOrderCounts = {
  orders: number;
  signs: number;
  stickers: number;
  products: { title: string; quantity: number; orders: number }[];
};

/** "3 bestellingen" etc. for Mijn groep. */
export function ordersLabel(n: number): string {
  return n === 0 ? "Nog geen bestellingen via je groep" : plural(n, "bestelling", "bestellingen") + " via je groep";
}

/**
 * Where the members' page may send a visitor after putting the group on the cart: a
 * product page or a shop category on this site, nothing else (no open redirect).
 */
export function safeMemberNext(value: unknown): string {
  return typeof value === "string" && /^\/(producten|winkel)\/[a-z0-9-]{1,100}$/.test(value) ? value : "/winkel/stickers";
}
