/**
 * The one cart action, POST /winkelmand/wijzigen (issue #27, as Hydrogen's routes/cart.tsx): every
 * change to the cart arrives here with an `intent` (lib/cart/cart-intents.ts) and answers the way
 * the page asked:
 *   add           the product page (components/AddToCartForm.tsx): JSON for its keepalive post
 *                 with JavaScript, else a redirect back to the product with a notice; applied
 *                 once per key (lib/cart/add-to-cart.server.ts)
 *   update/remove a cart line (the cart page): back to the cart with a notice
 *   set-group     order for a neighbourhood group (the group's page, its order and members'
 *                 pages): on to the products with a notice, or back to that page with the refusal
 *   remove-group  order without the group (cart and checkout): back to where the shopper was
 * The request context (lib/request/context.server.ts) commits the session once, after the answer.
 * A visitor without a session whose post leaves it without a cart (a refusal, or a post that
 * changes nothing, such as remove-group) keeps its notice a minute, for the redirect: a 30-day
 * session is stored only with a cart. Every post counts against the route's limit per client
 * address (CART_CHANGE_LIMIT_PER_ADDRESS a minute, lib/request/rate-limit.server.ts), before
 * the form is read: a refusal is a 429 with Retry-After (JSON, or a Dutch page) and stores nothing.
 */
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { z } from "../zod";
import { addOnce, type AddOutcome, addSchema, ensureSharedCart } from "./add-to-cart.server";
import { loadFromBackend } from "../backend/backend.server";
import { CartError, removeCartGroup, removeLine, setCartGroup, updateLine } from "./cart.server";
import type { CartIntent } from "./cart-intents";
import { readForm } from "../form.server";
import { safeCartReturnPath, safeGroupPagePath } from "../groups/group-orders";
import { safeMemberNext } from "../groups/group-share";
import { getConfig } from "../config.server";
import { consumeLimit, minutes } from "../request/rate-limit.server";
import { type NoticeLine, type RequestSession, sessionIdOf } from "../session/session.server";
import { quantitySchema } from "../validation";
import { plainPage } from "../../../plain-page.mjs";

/** How long the notice of a refused add by a visitor without a session is kept (just the redirect). */
export const REFUSED_NOTICE_SECONDS = 60;

const UNKNOWN_INTENT = "Deze wijziging van je winkelmand kennen we niet. Probeer het opnieuw vanaf de pagina.";

const cartChangeSchema = z.discriminatedUnion(
  "intent",
  [
    addSchema.extend({ intent: z.literal("add") }),
    z.object({ intent: z.literal("update"), lineId: z.string().min(1, "Kies een regel."), quantity: quantitySchema }),
    z.object({ intent: z.literal("remove"), lineId: z.string().min(1, "Kies een regel.") }),
    z.object({ intent: z.literal("set-group"), group: z.string().min(1, "Kies een buurtgroep.").max(200), next: z.string().optional(), back: z.string().optional() }),
    z.object({ intent: z.literal("remove-group"), returnTo: z.string().optional() }),
  ],
  { error: UNKNOWN_INTENT },
);

/** The form as sent, checked: the schema reads the fields as they are (an absent quantity is "Vul een aantal in."). */
const readCartForm = (request: Request, defaultIntent?: CartIntent) =>
  readForm(request, ["intent", "handle", "variantId", "group", "back"], cartChangeSchema, (_, __, form) => ({
    ...(defaultIntent && { intent: defaultIntent }),
    ...Object.fromEntries(form),
  }));

/**
 * Handles the cart action. `defaultIntent`: the intent of a post without one (the old add
 * URL, /winkelmand/toevoegen, kept for pages loaded before a deploy).
 */
export async function cartAction({ request, context }: Pick<ActionFunctionArgs, "request" | "context">, defaultIntent?: CartIntent) {
  const { session } = context;
  const wantsJson = (request.headers.get("Accept") ?? "").includes("application/json");
  const limited = await consumeLimit(cartChangeLimit(), context.clientIp);
  if (!limited.ok) return tooManyChanges(wantsJson, limited.retryAfterSeconds);
  // before any change: a new visitor's session is stored with it (by the request context, with the answer)
  const known = Boolean(sessionIdOf(session));
  const parsed = await readCartForm(request, defaultIntent);
  const intent = parsed.ok ? parsed.value.intent : (parsed.values.intent || defaultIntent);
  if (intent === "add") return add(request, session, parsed, { wantsJson, known });
  const answer = await change(session, parsed);
  // A visitor without a session whose post left it without a cart (a refusal, remove-group or
  // remove with nothing to remove): its notice is kept for the redirect only, never 30 days.
  if (!known && !session.get("cartId")) session.commitWith({ maxAge: REFUSED_NOTICE_SECONDS });
  return answer;
}

/** Posts per client address per minute on the cart route (CART_CHANGE_LIMIT_PER_ADDRESS). */
const cartChangeLimit = () => ({ name: "cart-change:address", points: getConfig().cartChangeLimitPerAddress, durationSeconds: 60 });

/** The cart route's 429: JSON for the add's script (it keeps the add and sends it again later), else a Dutch page. */
function tooManyChanges(wantsJson: boolean, retryAfterSeconds: number): Response {
  const message = `Te veel wijzigingen van je winkelmand achter elkaar. Probeer het over ${minutes(Math.ceil(retryAfterSeconds / 60))} opnieuw.`;
  const headers = { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" };
  if (wantsJson) return Response.json({ ok: false, message, retry: true } satisfies AddOutcome, { status: 429, headers });
  const page = plainPage({ title: "Even wachten", heading: "Even wachten", text: `${message} <a href="/winkelmand" style="color: #1d4ed8">Naar je winkelmand</a>` });
  return new Response(page, { status: 429, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

/** Every change but an add: back to a page with a notice. */
async function change(session: RequestSession, parsed: Awaited<ReturnType<typeof readCartForm>>): Promise<Response> {
  if (!parsed.ok) {
    session.flash("notice", { kind: "error", message: Object.values(parsed.errors)[0] ?? UNKNOWN_INTENT, ...refusedLine(parsed.values.intent, parsed.text) });
    return parsed.values.intent === "set-group" && parsed.values.group
      ? redirect(safeGroupPagePath(parsed.values.back, parsed.values.group), { status: 303 })
      : redirect("/winkelmand", { status: 303 });
  }
  const change = parsed.value;
  try {
    switch (change.intent) {
      case "update":
        await loadFromBackend(() => updateLine(session, change.lineId, change.quantity));
        session.flash("notice", { kind: "info", message: "Aantal bijgewerkt.", line: { id: change.lineId } });
        return redirect("/winkelmand", { status: 303 });
      case "remove": {
        const removed = await loadFromBackend(() => removeLine(session, change.lineId));
        session.flash("notice", { kind: "info", message: removedMessage(removed), focus: true });
        return redirect("/winkelmand", { status: 303 });
      }
      case "remove-group":
        await loadFromBackend(() => removeCartGroup(session));
        session.flash("notice", { kind: "info", message: "Je bestelt niet meer voor een buurtgroep.", focus: true });
        return redirect(safeCartReturnPath(change.returnTo), { status: 303 });
      case "set-group": {
        // the visitor's one cart, shared with an add that may be under way (add-to-cart.server.ts)
        await ensureSharedCart(session);
        const group = await loadFromBackend(() => setCartGroup(session, change.group));
        session.flash("notice", { kind: "info", message: `Je bestelt nu voor buurtgroep ${group.name}. Je bestelling telt mee voor de groep.` });
        return redirect(safeMemberNext(change.next), { status: 303 });
      }
      case "add": // answered by add(), never here
        return redirect("/winkelmand", { status: 303 });
    }
  } catch (error) {
    if (!(error instanceof CartError)) throw error;
    session.flash("notice", { kind: "error", message: error.message, ...refusedLine(change.intent, parsed.text) });
    // A new cart may have been made before a refused group choice: the request context keeps it in the session.
    const back = change.intent === "set-group" ? safeGroupPagePath(change.back, change.group) : "/winkelmand";
    return redirect(back, { status: 303 });
  }
}

/** An add: once per key; JSON for the product page's script, else back to the product with a notice. */
async function add(
  request: Request,
  session: RequestSession,
  parsed: Awaited<ReturnType<typeof readCartForm>>,
  { wantsJson, known }: { wantsJson: boolean; known: boolean },
) {
  const result: AddOutcome =
    parsed.ok && parsed.value.intent === "add"
      ? await addOnce(request, session, parsed.value)
      : { ok: false, message: (parsed.ok ? undefined : Object.values(parsed.errors)[0]) ?? "Controleer je keuze." };

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
  const variantId = parsed.ok && parsed.value.intent === "add" ? parsed.value.variantId : parsed.values.variantId;
  const back = /^[a-z0-9-]{1,200}$/.test(handle)
    ? `/producten/${handle}${variantId ? `?variant=${encodeURIComponent(variantId)}` : ""}`
    : "/winkelmand";
  return redirect(back, { status: 303 });
}

/**
 * Which cart line a refused quantity belongs to, with the quantity as typed: the cart page
 * shows the error at that line's field, which keeps what the shopper typed (issue #27 cart walk).
 */
function refusedLine(intent: string | undefined, text: (key: string) => string): { line?: NoticeLine } {
  const id = text("lineId").slice(0, 100);
  return intent === "update" && id ? { line: { id, typed: text("quantity").slice(0, 20) } } : {};
}

/** "Straatbord X (60 cm) is verwijderd uit je winkelmand.": names what was removed, when known. */
const removedMessage = (title: string | null) =>
  title ? `${title} is verwijderd uit je winkelmand.` : "Product verwijderd uit je winkelmand.";
