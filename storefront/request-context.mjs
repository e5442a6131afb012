/**
 * Remix behind Express with one request context per request (as Hydrogen's server.ts): the
 * build's `createRequestContext` (app/lib/request/context.server.ts) builds the session, the visitor's
 * backend client and cart once; after the route has answered, `commitRequestContext` adds the
 * session's one Set-Cookie when something changed. A build without them (a test's one-route
 * build) gets `{ clientIp }` as before.
 */
import { createRequestHandler } from "@remix-run/node";
// The Express adapter's own request/response conversion (the package, pinned, exports only
// createRequestHandler, which offers no hook after the route has answered).
import adapter from "@remix-run/express/dist/server.js";

const { createRemixRequest, sendRemixResponse } = adapter;

/** `build`: the server build, or (development) a function that loads it for each request. */
export function remixWithContext({ build, mode }) {
  const handle = createRequestHandler(build, mode);
  return async (req, res, next) => {
    try {
      const { createRequestContext, commitRequestContext } = (typeof build === "function" ? await build() : build).entry.module;
      const request = createRemixRequest(req, res);
      if (!createRequestContext) return await sendRemixResponse(res, await handle(request, { clientIp: req.ip }));
      const context = await createRequestContext(request, req.ip);
      const response = await commitRequestContext(context, await handle(request, context));
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}
