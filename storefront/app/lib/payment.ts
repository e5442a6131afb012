/** Medusa's manual provider: authorises at once; the shop sends an invoice ("Betalen op rekening"). */
export const MANUAL_PROVIDER = "pp_system_default";

/** Stripe's provider in Medusa (card; the Payment Element also offers iDEAL and Bancontact on the same intent). */
export const STRIPE_PROVIDER = "pp_stripe_stripe";

/**
 * "Op factuur (gemeente/organisatie)": the backend's invoice provider. The order
 * waits for staff approval; the invoice PDF follows by e-mail.
 */
export const INVOICE_PROVIDER = "pp_invoice_invoice";
