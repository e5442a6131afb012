import { formatMoney } from "../format";

/** What the shop promises about delivery before checkout (client-safe; loaded by delivery.server.ts). */
export type DeliveryInfo = {
  /** e.g. "Voor 16:00 besteld, binnen 2 werkdagen in huis" (DELIVERY_PROMISE). */
  promise: string;
  /** Per country (nl, be): from this amount incl. btw shipping is free. */
  freeShippingFrom: Record<string, number>;
};

/** "Gratis verzending vanaf € 75 in Nederland": the threshold of a country, if it has one. */
export function freeShippingLine(info: DeliveryInfo, country: string): string | null {
  const from = info.freeShippingFrom[country.toLowerCase()];
  if (from === undefined) return null;
  return `Gratis verzending vanaf ${formatMoney(from)} in ${country.toLowerCase() === "be" ? "België" : "Nederland"}`;
}

/**
 * The cart's line about free shipping: how much is still missing, or that it is free.
 * Amounts incl. btw, compared like Medusa's price rule (`item_total >= threshold`).
 */
export function freeShippingProgress(info: DeliveryInfo, country: string, itemTotal: number): { free: boolean; text: string } | null {
  const from = info.freeShippingFrom[country.toLowerCase()];
  if (from === undefined) return null;
  if (itemTotal >= from) return { free: true, text: "Je bestelling wordt gratis verzonden." };
  // Cents, so 74.99 of 75 says "€ 0,01" and never "€ 0,00".
  const missing = (Math.round(from * 100) - Math.round(itemTotal * 100)) / 100;
  return { free: false, text: `Nog ${formatMoney(missing)} tot gratis verzending (vanaf ${formatMoney(from)}).` };
}
