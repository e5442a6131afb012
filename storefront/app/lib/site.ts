/** Client-safe site constants (config.server.ts re-exports STOREFRONT_NAME for server code). */
export const STOREFRONT_NAME = "Buurtpreventie Shop";

/** Dutch VAT rate included in every shown price. */
export const VAT_RATE_PERCENT = 21;
