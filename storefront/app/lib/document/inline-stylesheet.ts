/**
 * The shop's stylesheet, inlined into the document head in production (issue #29): on a slow
 * network a `<link rel="stylesheet">` costs a second round trip before the first paint; the
 * whole Tailwind build is about 8.6 KB compressed, so every page carries it in a `<style>`.
 *
 * The server reads the built file once (inline-stylesheet.server.ts) and hands the text down
 * through this context (entry.server.tsx). The browser never downloads it again: the client
 * takes the text from the server's `<style>` element before hydrating, so client renders
 * (hydration, a rerender from the root) keep the same element and content.
 * In development (Vite) the stylesheet stays a link, for hot reloading.
 */
import { createContext, useContext } from "react";

/** True in the production build: root.tsx renders the `<style>` instead of the stylesheet link. */
export const INLINE_STYLESHEET = import.meta.env.PROD;

export const INLINE_STYLESHEET_ID = "bp-styles";

export const InlineStylesheetContext = createContext<string | undefined>(undefined);

let fromDocument: string | undefined;

export function useInlineStylesheet(): string {
  const fromServer = useContext(InlineStylesheetContext);
  if (fromServer !== undefined) return fromServer;
  if (typeof document === "undefined") return "";
  fromDocument ??= document.getElementById(INLINE_STYLESHEET_ID)?.textContent ?? "";
  return fromDocument;
}
