/**
 * The one cart route (issue #27, as Hydrogen's routes/cart.tsx): every cart change posts to
 * CART_ACTION_URL (routes/winkelmand_.wijzigen.ts) with an `intent`, through components/CartForm.tsx (and the product page's
 * add form). Shared by the browser and the server; the server's side is lib/cart/cart-action.server.ts.
 */
export const CART_ACTION_URL = "/winkelmand/wijzigen";

export const CART_INTENTS = ["add", "update", "remove", "set-group", "remove-group"] as const;
export type CartIntent = (typeof CART_INTENTS)[number];
