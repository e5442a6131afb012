import type { HeadersFunction } from "@remix-run/node";

/** For pages about one visitor (cart, checkout, order): never stored by any cache. */
export const privatePageHeaders: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });
