/**
 * completeCartWorkflow's `validate` hook. A hook takes exactly one handler, so every
 * check that must refuse a cart before its order exists is called from here, cheapest
 * first:
 * 1. payment on invoice needs the organisation's data (invoices/complete-cart-hook.ts);
 * 2. the whole cart, packages expanded, must fit the stock; this takes per-item locks
 *    that are held until Medusa has reserved the stock (hooks/cart-stock.ts) and given
 *    back by the compensation below if a later step fails first.
 */
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertInvoiceDetails } from "../invoices/complete-cart-hook"
import { lockAndCheckCartStock, releaseHeldStockLocks } from "./cart-stock"

completeCartWorkflow.hooks.validate(
  async ({ input, cart }, { container }) => {
    assertInvoiceDetails(cart)
    const held = await lockAndCheckCartStock(container, input.id)
    return new StepResponse(undefined, held)
  },
  async (held, { container }) => {
    await releaseHeldStockLocks(container, held)
  }
)
