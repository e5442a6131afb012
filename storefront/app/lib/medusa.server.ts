import Medusa from "@medusajs/js-sdk";
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
});
