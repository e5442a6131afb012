import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { paymentState, type PaymentLike } from "../lib/payment-state"
import { sdk } from "../lib/sdk"

const FIELDS = [
  "payment_collections.payments.id",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.amount",
  "payment_collections.payments.currency_code",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
  "payment_collections.payments.data",
  "payment_collections.payments.refunds.amount",
].join(",")

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat("nl-NL", { style: "currency", currency: currency.toUpperCase() }).format(amount)

/**
 * "Betaling" on the order page: per payment the method, whether it is paid
 * (captured), authorised only, refunded or cancelled, and the Stripe PaymentIntent,
 * so staff see at a glance whether the automatic capture at placement worked.
 */
const OrderPaymentStateWidget = ({ data }: { data: { id: string } }) => {
  const { data: payments, isLoading, error } = useQuery({
    queryKey: ["order-payment-state", data.id],
    queryFn: async () => {
      const { order } = await sdk.admin.order.retrieve(data.id, { fields: FIELDS })
      return ((order as any).payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? []) as PaymentLike[]
    },
  })

  return (
    <Container className="flex flex-col gap-2 px-6 py-4" data-testid="order-payment-state">
      <Heading level="h2">Betaling</Heading>
      {isLoading ? (
        <Text size="small">Laden…</Text>
      ) : error ? (
        <Text size="small" className="text-ui-fg-error">
          Kon de betaling niet laden ({(error as Error).message})
        </Text>
      ) : !payments?.length ? (
        <Text size="small" className="text-ui-fg-subtle">
          Geen betaling.
        </Text>
      ) : (
        payments.map((payment) => {
          const state = paymentState(payment)
          return (
            <div key={payment.id} className="flex flex-col gap-1">
              <div className="flex items-center gap-2">
                <StatusBadge color={state.tone}>{state.label}</StatusBadge>
                <Text size="small">
                  {state.method}: {money(state.amount, payment.currency_code)}
                  {state.refunded ? `, terugbetaald ${money(state.refunded, payment.currency_code)}` : ""}
                </Text>
              </div>
              {state.stripeId ? (
                <Text size="small" className="text-ui-fg-subtle break-all">
                  Stripe: {state.stripeId}
                </Text>
              ) : null}
              {state.hint ? (
                <Text size="small" className={state.tone === "red" ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
                  {state.hint}
                </Text>
              ) : null}
            </div>
          )
        })
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.before",
})

export default OrderPaymentStateWidget
