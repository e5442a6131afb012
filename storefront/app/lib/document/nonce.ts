/**
 * The document's Content-Security-Policy nonce (entry.server.tsx makes one per request) for
 * the inline scripts Remix renders (<Scripts>, <ScrollRestoration>). On the client it is
 * undefined: browsers hide a nonce from the page once it has been used.
 */
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
