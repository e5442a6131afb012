/** Medusa's manual provider: authorises at once; the shop sends an invoice ("Betalen op rekening"). */
export const MANUAL_PROVIDER = "pp_system_default";

/** Stripe card payments (authorised at checkout, captured when the order is placed). */
export const STRIPE_PROVIDER = "pp_stripe_stripe";
export const CARD_PROVIDER = STRIPE_PROVIDER;

/** Stripe iDEAL and Bancontact: their own Medusa providers, captured by Stripe at once. */
export const IDEAL_PROVIDER = "pp_stripe-ideal_stripe";
export const BANCONTACT_PROVIDER = "pp_stripe-bancontact_stripe";

/** The providers paid through Stripe's Payment Element. */
export const ONLINE_PROVIDERS: readonly string[] = [IDEAL_PROVIDER, BANCONTACT_PROVIDER, CARD_PROVIDER];

/**
 * "Op factuur (gemeente/organisatie)": the backend's invoice provider. The order
 * waits for staff approval; the invoice PDF follows by e-mail.
 */
export const INVOICE_PROVIDER = "pp_invoice_invoice";

export type PaymentMethod = { provider: string; label: string; description: string; online: boolean };

const METHODS: Record<string, Omit<PaymentMethod, "provider">> = {
  // iDEAL is becoming Wero; during the transition banks show both names.
  [IDEAL_PROVIDER]: { label: "iDEAL | Wero", description: "Betalen via je eigen bank (Nederland).", online: true },
  [BANCONTACT_PROVIDER]: { label: "Bancontact", description: "Betalen met je Bancontact-kaart of de app (België).", online: true },
  [CARD_PROVIDER]: { label: "Creditcard", description: "Visa, Mastercard of American Express.", online: true },
  [MANUAL_PROVIDER]: { label: "Betalen op rekening", description: "Je ontvangt de factuur per e-mail; betaal binnen 14 dagen.", online: false },
  [INVOICE_PROVIDER]: {
    label: "Op factuur (gemeente/organisatie)",
    description: "Voor gemeenten en organisaties. We keuren de bestelling eerst goed; de factuur volgt per e-mail, betalen binnen 30 dagen.",
    online: false,
  },
};

/** Most shoppers in Nederland pay with iDEAL, in België with Bancontact; then card; then offline. */
const ORDER: Record<string, string[]> = {
  nl: [IDEAL_PROVIDER, BANCONTACT_PROVIDER, CARD_PROVIDER, MANUAL_PROVIDER, INVOICE_PROVIDER],
  be: [BANCONTACT_PROVIDER, IDEAL_PROVIDER, CARD_PROVIDER, MANUAL_PROVIDER, INVOICE_PROVIDER],
};

/**
 * Pure: the payment methods to show, in the shopper's order of preference, out of
 * exactly what the region offers (the backend decides that set). Providers this
 * storefront does not know are left out; online methods only with a Stripe key.
 */
export function paymentMethods(regionProviders: string[], countryCode: string, { online }: { online: boolean }): PaymentMethod[] {
  const order = ORDER[countryCode] ?? ORDER.nl!;
  return order
    .filter((provider) => regionProviders.includes(provider))
    .map((provider) => ({ provider, ...METHODS[provider]! }))
    .filter((method) => online || !method.online);
}
