/**
 * The seller on invoices: the same COMPANY_* variables the storefront reads
 * (storefront/app/lib/company.server.ts, same fictional defaults), plus COMPANY_IBAN
 * for the bank transfer. Read when an invoice is issued; the invoice keeps a copy.
 */
export type Seller = {
  name: string
  address: string
  postcode: string
  city: string
  kvk: string
  btw: string
  email: string
  phone: string
  iban: string
}

export const DEFAULT_SELLER: Seller = {
  name: "Buurtpreventie Shop B.V.",
  address: "Voorbeeldstraat 1",
  postcode: "1234 AB",
  city: "Voorbeeldstad",
  kvk: "00000000",
  btw: "NL000000000B00",
  email: "info@buurtpreventie-shop.example",
  phone: "020 000 0000",
  // Fictional, like the other defaults (a syntactically valid test IBAN).
  iban: "NL91 ABNA 0417 1643 00",
}

/** Payment term printed on invoices, in days. */
export const PAYMENT_TERM_DAYS = 30

export function readSeller(env: Record<string, string | undefined> = process.env): Seller {
  // Named one by one (env.COMPANY_…) so scripts/test/compose.test.mjs sees what the backend reads.
  const pick = (value: string | undefined, fallback: string) => value?.trim() || fallback
  return {
    name: pick(env.COMPANY_NAME, DEFAULT_SELLER.name),
    address: pick(env.COMPANY_ADDRESS, DEFAULT_SELLER.address),
    postcode: pick(env.COMPANY_POSTCODE, DEFAULT_SELLER.postcode),
    city: pick(env.COMPANY_CITY, DEFAULT_SELLER.city),
    kvk: pick(env.COMPANY_KVK, DEFAULT_SELLER.kvk),
    btw: pick(env.COMPANY_BTW, DEFAULT_SELLER.btw),
    email: pick(env.COMPANY_EMAIL, DEFAULT_SELLER.email),
    phone: pick(env.COMPANY_PHONE, DEFAULT_SELLER.phone),
    iban: pick(env.COMPANY_IBAN, DEFAULT_SELLER.iban),
  }
}
