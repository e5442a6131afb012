import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FulfillmentWorkflowEvents } from "@medusajs/framework/utils"
import { sendShipmentNotificationWorkflow } from "../workflows/orders/send-shipment-notification"

/** E-mails the customer "Je bestelling is verzonden" with track-and-trace when staff mark a fulfilment shipped. */
export default async function shipmentCreatedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string; no_notification?: boolean }>) {
  await sendShipmentNotificationWorkflow(container).run({
    input: { fulfillment_id: data.id, no_notification: data.no_notification },
  })
}

export const config: SubscriberConfig = {
  event: FulfillmentWorkflowEvents.SHIPMENT_CREATED,
  context: { subscriberId: "shipment-created-mail" },
}
