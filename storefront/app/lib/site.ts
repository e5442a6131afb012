/** Client-safe site constants (config.server.ts re-exports STOREFRONT_NAME for server code). */
export const STOREFRONT_NAME = "Buurtpreventie Shop";

/** Dutch VAT rate included in every shown price. */
export const VAT_RATE_PERCENT = 21;

/**
 * The company behind the shop, as shown on /contact, in the footer and in the legal texts.
 * The backend owns these details (COMPANY_* settings, also printed on invoices); the
 * storefront reads them from GET /store/seller (company.server.ts).
 */
export type Company = {
  name: string;
  /** Street and number. */
  address: string;
  /** Dutch notation, e.g. "1234 AB". */
  postcode: string;
  city: string;
  /** Chamber of Commerce (KvK) number. */
  kvk: string;
  /** VAT identification number (btw-id). */
  btw: string;
  email: string;
  /** As shown to people, e.g. "020 000 0000". */
  phone: string;
};

/** `tel:` link for a Dutch phone number as people write it ("020 000 0000" → "tel:+31200000000"). */
export function phoneHref(phone: string): string {
  let digits = phone.replace(/[^\d+]/g, "");
  if (digits.startsWith("00")) digits = `+${digits.slice(2)}`;
  else if (digits.startsWith("0")) digits = `+31${digits.slice(1)}`;
  return `tel:${digits}`;
}

export type NavItem = { to: string; label: string };

/** Information pages (Markdown in app/content/), linked from the footer. */
export const INFO_NAV: readonly NavItem[] = [
  { to: "/over", label: "Over WhatsApp-buurtpreventie" },
  { to: "/gedragsregels", label: "Gedragsregels (SAAR)" },
  { to: "/voor-gemeenten", label: "Voor gemeenten en politie" },
  { to: "/veelgestelde-vragen", label: "Veelgestelde vragen" },
];

/**
 * The EU withdrawal function ("Overeenkomst herroepen", Directive (EU) 2023/2673, art. 11a
 * of Directive 2011/83/EU): it must be prominent and reachable throughout the withdrawal
 * period, so every page links it in the footer, and so do /retourneren and the FAQ.
 */
export const WITHDRAWAL_LINK: NavItem = { to: "/herroepen", label: "Overeenkomst herroepen" };

/** Customer service and legal pages, linked from the footer. */
export const SERVICE_NAV: readonly NavItem[] = [
  { to: "/contact", label: "Contact" },
  WITHDRAWAL_LINK,
  { to: "/retourneren", label: "Retourneren en herroepen" },
  { to: "/algemene-voorwaarden", label: "Algemene voorwaarden" },
  { to: "/privacyverklaring", label: "Privacyverklaring" },
];
