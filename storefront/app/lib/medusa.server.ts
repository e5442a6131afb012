import Medusa from "@medusajs/js-sdk";
import { CLIENT_ADDRESS_HEADER, clientAddressHeaders } from "./client-address.server";
import { getConfig } from "./config.server";

// Evaluated when the server bundle loads: a missing key stops the server at startup.
const config = getConfig();

/** The one Medusa JS SDK client of the storefront (server-side only). */
export const sdk = new Medusa({
  baseUrl: config.backendUrl,
  publishableKey: config.publishableKey,
  debug: false,
  // This instance is shared by all requests: never keep a customer token in it.
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
  // Read on every call (the SDK copies these with Object.assign): the visitor of the request
  // being served, signed, so the backend's rate limits count per visitor; null leaves it out.
  globalHeaders: Object.defineProperty({}, CLIENT_ADDRESS_HEADER, {
    enumerable: true,
    get: () => clientAddressHeaders()[CLIENT_ADDRESS_HEADER] ?? null,
  }),
});
