/** Medusa's manual provider: authorises at once; the shop sends an invoice ("Betalen op rekening"). */
export const MANUAL_PROVIDER = "pp_system_default";
