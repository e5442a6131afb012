import { backendFetch } from "../backend/backend.server";
import { createCache } from "../cache.server";
import type { DeliveryInfo } from "./delivery";

/**
 * The delivery promise and free-shipping thresholds (GET /store/delivery): the backend
 * reads the promise from DELIVERY_PROMISE and the thresholds from Medusa's shipping
 * prices. Kept five minutes like the company details; a stale copy is served for a day
 * while the backend does not answer.
 */
const cache = createCache<DeliveryInfo>({ freshMs: 5 * 60_000, maxStaleMs: 24 * 60 * 60_000 });

export function loadDelivery(): Promise<DeliveryInfo> {
  return cache.get("delivery", async () => {
    const answer = await backendFetch<{ delivery_promise: string; free_shipping_from: Record<string, number> }>("/store/delivery");
    return { promise: answer.delivery_promise, freeShippingFrom: answer.free_shipping_from };
  });
}

/** Test hook. */
export function clearDeliveryCache(): void {
  cache.clear();
}
