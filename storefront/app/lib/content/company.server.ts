import { backendFetch } from "../backend/backend.server";
import { createCache } from "../cache.server";
import type { Company } from "../site";

/**
 * The company behind the shop, from the backend (GET /store/seller): the backend reads
 * the COMPANY_* settings once (backend/src/config/env.ts) and prints the same details on
 * every invoice, so the footer, /contact and the legal texts can never disagree with them.
 * Kept for five minutes, then refreshed in the background (a stale copy is served for up
 * to a day while the backend does not answer).
 */
const cache = createCache<Company>({ freshMs: 5 * 60_000, maxStaleMs: 24 * 60 * 60_000 });

export function loadCompany(): Promise<Company> {
  return cache.get("seller", async () => (await backendFetch<{ seller: Company }>("/store/seller")).seller);
}

/** Test hook: forget the cached company. */
export function clearCompanyCache(): void {
  cache.clear();
}
