/**
 * Calls a loader or action the way server.mjs does (request-context.mjs): one request context,
 * its session committed once after the route, as a Set-Cookie on a Response answer.
 */
import type { AppLoadContext } from "@remix-run/node";

// loaded on first use: a test sets SESSION_DIR (and rereads the configuration) before the session store exists
const contextModule = () => import("~/lib/request/context.server");

type RouteArgs = { request: Request; params: Record<string, string | undefined>; context: AppLoadContext };

export async function callRoute<T>(
  route: (args: RouteArgs) => Promise<T> | T,
  request: Request,
  params: Record<string, string> = {},
): Promise<{ result: T; cookie: string | null; context: AppLoadContext }> {
  const context = await (await contextModule()).createRequestContext(request, "127.0.0.1");
  let result: T;
  try {
    result = await route({ request, params, context });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown as T;
  }
  const cookie = await context.session.commit();
  return { result, cookie, context };
}

/** A Response answer with the session's Set-Cookie added, as the browser would get it. */
export async function answerOf(route: (args: RouteArgs) => Promise<unknown>, request: Request, params: Record<string, string> = {}): Promise<Response> {
  const { createRequestContext, commitRequestContext } = await contextModule();
  const context = await createRequestContext(request, "127.0.0.1");
  const answer = await route({ request, params, context });
  if (!(answer instanceof Response)) throw new Error("the route answered no Response");
  return commitRequestContext(context, answer);
}
