import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { addOnce, type AddOutcome, addSchema } from "~/lib/add-to-cart.server";
import { commitSession, getSession, sessionIdOf } from "~/lib/session.server";

/** How long the notice of a refused add by a visitor without a session is kept (just the redirect). */
export const REFUSED_NOTICE_SECONDS = 60;

/**
 * POST /winkelmand/toevoegen: the one place an add to cart arrives (as Hydrogen's /cart).
 * The product page's form posts here without JavaScript (answer: 303 back to the product
 * with a flash notice); with JavaScript the browser posts the same fields with
 * `Accept: application/json` (fetch with keepalive, lib/pending-adds.ts) and gets the
 * outcome as JSON. Each add carries a key and is applied once (lib/add-to-cart.server.ts).
 */
export async function action({ request }: ActionFunctionArgs) {
  const wantsJson = (request.headers.get("Accept") ?? "").includes("application/json");
  const form = await request.formData();
  const session = await getSession(request);
  const parsed = addSchema.safeParse(Object.fromEntries(form));
  const result: AddOutcome = parsed.success
    ? await addOnce(request, session, parsed.data, async () => (await getSession(request)).get("cartCount") ?? 0)
    : { ok: false, message: parsed.error.issues[0]?.message ?? "Controleer je keuze." };

  // addOnce has written the cart to a stored session already (before its key read as done);
  // only a visitor without one yet gets it here, with the cart. Writing this request's early
  // read back would undo an add of the same visitor that finished meanwhile.
  const known = Boolean(sessionIdOf(session));
  if (wantsJson) {
    const status = result.ok ? 200 : result.retry ? 503 : 400;
    const headers: Record<string, string> = { "Cache-Control": "no-store" };
    // A refused add of a visitor without a session leaves nothing behind: no session, no cart.
    if (!known && result.ok) headers["Set-Cookie"] = await commitSession(session);
    return Response.json(result, { status, headers });
  }
  // The notice after the redirect, on the session as stored now.
  const target = known ? await getSession(request) : session;
  target.flash("notice", result.ok ? result.notice : { kind: "error", message: result.message });
  // A refused add of a visitor without a session: its notice is kept only for the redirect
  // (a minute), never a 30-day session per refused request.
  const commitOptions = !known && !result.ok ? { maxAge: REFUSED_NOTICE_SECONDS } : undefined;
  const handle = String(form.get("handle") ?? "");
  const variantId = parsed.success ? parsed.data.variantId : String(form.get("variantId") ?? "");
  const back = /^[a-z0-9-]{1,200}$/.test(handle)
    ? `/producten/${handle}${variantId ? `?variant=${encodeURIComponent(variantId)}` : ""}`
    : "/winkelmand";
  return redirect(back, { status: 303, headers: { "Set-Cookie": await commitSession(target, commitOptions) } });
}

/** Nothing to see here: a GET (a bookmarked or reloaded result) goes to the cart. */
export function loader() {
  return redirect("/winkelmand");
}
