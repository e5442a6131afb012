/**
 * Remix's default Node entry (streaming SSR, bots get the full document), plus:
 * - the environment check runs when the server starts, not on the first request;
 * - error responses (404, 503, …), documents and data, are marked `Cache-Control: no-store`;
 * - 404s are not logged with a stack trace;
 * - every document gets a Content-Security-Policy with a nonce of its own, which Remix's
 *   inline scripts carry (app/lib/document/content-security-policy.server.ts, root.tsx). Not in
 *   development: Vite's dev client injects scripts and a websocket the policy would block;
 * - in production the stylesheet is inlined into the head (lib/document/inline-stylesheet.ts).
 */
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import type { EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { getConfig } from "./lib/config.server";
import { contentSecurityPolicy, createNonce } from "./lib/document/content-security-policy.server";
import { NonceContext } from "./lib/document/nonce";
import { INLINE_STYLESHEET, InlineStylesheetContext } from "./lib/document/inline-stylesheet";
import { readInlineStylesheet } from "./lib/document/inline-stylesheet.server";
import stylesheetHref from "./tailwind.css?url";

// Prints one line and exits with status 1 when MEDUSA_PUBLISHABLE_KEY (or _FILE) is missing.
const config = getConfig();
const enforcePolicy = process.env.NODE_ENV === "production";
// The built stylesheet (build/client/assets/…, beside this build's build/server), read once
// and inlined into every document's head (lib/document/inline-stylesheet.ts).
const inlineStylesheet = INLINE_STYLESHEET
  ? readInlineStylesheet(stylesheetHref, fileURLToPath(new URL("../client", import.meta.url)))
  : undefined;

/** The shop's own origin (PUBLIC_STOREFRONT_URL), for the server's same-origin check of form posts (server.mjs). */
export const siteOrigin = new URL(config.siteUrl).origin;

/** Error responses must not be stored by shared caches. */
function markUncacheable(status: number, headers: Headers): void {
  if (status >= 400) headers.set("Cache-Control", "no-store");
}

/** Single-fetch data requests (client-side navigation): same rule as documents. */
export function handleDataRequest(response: Response): Response {
  markUncacheable(response.status, response.headers);
  return response;
}

/** Server-side error log: unknown URLs (404) are normal traffic and are not logged. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status === 404) return;
  console.error(error);
};

/** How long single-fetch streamed promises may stay pending. */
export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  markUncacheable(responseStatusCode, responseHeaders);
  const nonce = enforcePolicy ? createNonce() : undefined;
  if (nonce) {
    const secure = new URL(request.url).protocol === "https:";
    responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(config, nonce, { secure }));
  }
  // Crawlers (and SPA mode) get the complete document in one go.
  const waitForAll = isbot(request.headers.get("user-agent")) || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    };

    const app = (
      <NonceContext.Provider value={nonce}>
        <InlineStylesheetContext.Provider value={inlineStylesheet}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </InlineStylesheetContext.Provider>
      </NonceContext.Provider>
    );
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      onAllReady: waitForAll ? ready : undefined,
      onShellReady: waitForAll ? undefined : ready,
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors before the shell is ready reject above and are logged by Remix.
        if (shellRendered) console.error(error);
      },
    });

    // Abort the render a little after streamed promises have been rejected.
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/** The request context server.mjs builds per request and commits after it (lib/request/context.server.ts). */
export { commitRequestContext, createRequestContext } from "./lib/request/context.server";
