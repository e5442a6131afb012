import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { cartAction } from "~/lib/cart/cart-action.server";

/**
 * POST /winkelmand/wijzigen: the one cart route (as Hydrogen's /cart). Every change to the cart
 * posts here with its intent (components/CartForm.tsx; the product page's add form): see
 * lib/cart/cart-action.server.ts. A resource route, so the product page's script gets the add's
 * JSON answer as sent (a route with a page would answer a plain POST with the page itself).
 */
export function action(args: ActionFunctionArgs) {
  return cartAction(args);
}

/** Nothing to see here: a GET (a bookmarked or reloaded result) goes to the cart. */
export function loader() {
  return redirect("/winkelmand");
}
