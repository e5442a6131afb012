import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { addOnce, type AddOutcome, addSchema } from "~/lib/add-to-cart.server";
import { readForm } from "~/lib/form.server";
import { sessionIdOf } from "~/lib/session.server";

/** How long the notice of a refused add by a visitor without a session is kept (just the redirect). */
export const REFUSED_NOTICE_SECONDS = 60;

/**
 * POST /winkelmand/toevoegen: the one place an add to cart arrives (as Hydrogen's /cart).
 * The product page's form posts here without JavaScript (answer: 303 back to the product
 * with a flash notice); with JavaScript the browser posts the same fields with
 * `Accept: application/json` (fetch with keepalive, lib/pending-adds.ts) and gets the
 * outcome as JSON. Each add carries a key and is applied once (lib/add-to-cart.server.ts).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { session } = context;
  const wantsJson = (request.headers.get("Accept") ?? "").includes("application/json");
  const parsed = await readForm(request, ["handle", "variantId"], addSchema, (_, __, form) => Object.fromEntries(form));
  // before the add: a new visitor's session is stored with it (by the request context, with the answer)
  const known = Boolean(sessionIdOf(session));
  const result: AddOutcome = parsed.ok
    ? await addOnce(request, session, parsed.value)
    : { ok: false, message: Object.values(parsed.errors)[0] ?? "Controleer je keuze." };

  // addOnce has written the cart to a stored session already (before its key read as done);
  // the request context writes only what changed after that, onto the session as stored then.
  if (wantsJson) {
    const status = result.ok ? 200 : result.retry ? 503 : 400;
    // A refused add of a visitor without a session leaves nothing behind: no session, no cart.
    if (!known && !result.ok) session.discard();
    return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
  }
  session.flash("notice", result.ok ? result.notice : { kind: "error", message: result.message });
  // A refused add of a visitor without a session: its notice is kept only for the redirect
  // (a minute), never a 30-day session per refused request.
  if (!known && !result.ok) session.commitWith({ maxAge: REFUSED_NOTICE_SECONDS });
  const { handle } = parsed.values;
  const variantId = parsed.ok ? parsed.value.variantId : parsed.values.variantId;
  const back = /^[a-z0-9-]{1,200}$/.test(handle)
    ? `/producten/${handle}${variantId ? `?variant=${encodeURIComponent(variantId)}` : ""}`
    : "/winkelmand";
  return redirect(back, { status: 303 });
}

/** Nothing to see here: a GET (a bookmarked or reloaded result) goes to the cart. */
export function loader() {
  return redirect("/winkelmand");
}
