import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { cartAction } from "~/lib/cart/cart-action.server";

/**
 * POST /winkelmand/toevoegen: the add's address before the one cart action (POST
 * /winkelmand/wijzigen with intent=add). Kept so a page loaded before a deploy, or an add it keeps to send again,
 * still arrives: an add the shop announced is never lost to a new URL.
 */
export function action(args: ActionFunctionArgs) {
  return cartAction(args, "add");
}

/** Nothing to see here: a GET (a bookmarked or reloaded result) goes to the cart. */
export function loader() {
  return redirect("/winkelmand");
}
