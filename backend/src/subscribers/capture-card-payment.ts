import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { captureOrderPaymentsWorkflow } from "../workflows/payments/capture-order-payments"

/**
 * Captures the card payment of every placed order, whichever path placed it (the
 * shopper's return or Stripe's webhook): see the README's payment section for why
 * at placement and not at fulfilment.
 */
export default async function captureCardPaymentHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await captureOrderPaymentsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "capture-card-payment" },
}
