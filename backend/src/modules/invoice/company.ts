/** Payment term printed on invoices, in days. (The seller's details: readSeller in src/config/env.ts.) */
export const PAYMENT_TERM_DAYS = 30
