/**
 * How much one cart line may hold: a whole number, at most MAX_LINE_QUANTITY. The backend is
 * the one judge (the storefront's MAX_LINE_QUANTITY, storefront/app/lib/catalogue/stock.ts, only
 * sets the quantity field's `max` and keeps the page from counting an add it knows is refused).
 *
 * Checked in the `validate` hooks of Medusa's cart workflows (src/workflows/hooks/cart-stock.ts):
 * creating a cart with items, adding and changing a line. Those of adding and changing run under
 * the cart's lock, so two adds at once cannot both pass on the same line. Medusa merges an add
 * into the line of the same variant, so the limit holds for a variant's units in the cart.
 * Before, adding 999 twice made one line of 1998 (which the cart page's own field then refused
 * to send), and the store API took any quantity (5000, 1.5).
 */
import { MedusaError } from "@medusajs/framework/utils"
import { type CartLine, linesByVariant } from "./cart-stock"

export const MAX_LINE_QUANTITY = 999

/** The code of a refused quantity; the answer carries the message per field (`errors.quantity`, api/middlewares/cart-errors.ts). */
export const INVALID_QUANTITY_CODE = "invalid_quantity"

export const WHOLE_QUANTITY_MESSAGE = "Vul een heel aantal in."
const CONTACT = "neem contact op voor grotere aantallen."

/** "Bestel maximaal 999 stuks per regel; …", with what the cart holds already when an add was refused. */
export function maxQuantityMessage(inCart = 0): string {
  return inCart > 0
    ? `Bestel maximaal ${MAX_LINE_QUANTITY} stuks per regel; je hebt er al ${inCart} in je winkelmand. Neem contact op voor grotere aantallen.`
    : `Bestel maximaal ${MAX_LINE_QUANTITY} stuks per regel; ${CONTACT}`
}

export function invalidQuantityError(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message, INVALID_QUANTITY_CODE)
}

/** Refuses a quantity asked for that is no whole number (Medusa's own validators take any number above 0). */
export function assertWholeQuantity(quantity: unknown): void {
  if (!Number.isInteger(Number(quantity))) throw invalidQuantityError(WHOLE_QUANTITY_MESSAGE)
}

/**
 * Refuses a change after which a variant's units in the cart exceed MAX_LINE_QUANTITY:
 * `before` are the cart's lines now, `after` the lines the change would leave. A change that
 * lowers or keeps the units always passes (a line from before this rule can be brought down).
 * `mode: "add"` names what the cart holds already.
 */
export function assertLineQuantityFits(variantId: string, before: CartLine[], after: CartLine[], mode: "add" | "set"): void {
  const wanted = linesByVariant(after).find((l) => l.variant_id === variantId)?.quantity ?? 0
  const had = linesByVariant(before).find((l) => l.variant_id === variantId)?.quantity ?? 0
  if (wanted <= had || wanted <= MAX_LINE_QUANTITY) return
  throw invalidQuantityError(maxQuantityMessage(mode === "add" ? had : 0))
}
