import { Button, Container, Heading, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { type AccountPayment, euro, unpaidSentence } from "./account-payment"
import { getAdmin, postAdmin } from "./admin-api"

/**
 * Rendered by the order page's first widget (`order-withdrawal`, which Medusa's layout
 * puts first; a withdrawn order shows its withdrawal instead). At the top of the order page of an order "op rekening" whose transfer has not come in:
 * Medusa shows its payment as "Authorized" (the manual provider authorises when the cart
 * completes), which reads as paid. This says it is not, until when and under which
 * reference, and "Betaling ontvangen" captures the payment through Medusa's capture
 * workflow. Other orders show nothing.
 */
export const AccountPaymentPanel = ({ orderId }: { orderId: string }) => {
  const data = { id: orderId }
  const client = useQueryClient()
  const [busy, setBusy] = useState(false)
  const prompt = usePrompt()
  const key = ["order-account-payment", data.id]
  const { data: state } = useQuery({
    queryKey: key,
    queryFn: () => getAdmin<AccountPayment>(`/admin/orders/${encodeURIComponent(data.id)}/payment-on-account`),
  })
  if (!state?.open) return null

  const received = async () => {
    // Capturing cannot be undone from the admin: staff confirm the amount first.
    const confirmed = await prompt({
      title: "Betaling registreren?",
      description: `Registreer alleen een overboeking van ${euro(state.amount, state.currency_code)} die echt binnen is. De bestelling wordt daarna als betaald getoond.`,
      confirmText: "Ja, betaling ontvangen",
      cancelText: "Annuleren",
    })
    if (!confirmed) return
    setBusy(true)
    try {
      await postAdmin(`/admin/orders/${encodeURIComponent(data.id)}/payment-on-account/payment`)
      toast.success("Betaling geregistreerd: de bestelling is betaald.")
      // Medusa's own order page (payment section, status) reads the order again.
      await client.invalidateQueries()
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Container className="flex flex-col gap-3 px-6 py-4" data-testid="order-account-payment">
      <div className="flex flex-wrap items-center gap-2">
        <Heading level="h2">Betalen op rekening</Heading>
        <StatusBadge color="orange">Nog niet betaald</StatusBadge>
      </div>
      <Text size="small" weight="plus" role="status">
        {unpaidSentence(state)}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        Bedrag {euro(state.amount, state.currency_code)}. “Authorized” hieronder betekent alleen dat de bestelling geplaatst is, niet dat er
        betaald is. Zie je de overboeking binnenkomen, registreer de betaling dan hier.
      </Text>
      <div>
        <Button size="small" variant="primary" isLoading={busy} onClick={received}>
          Betaling ontvangen
        </Button>
      </div>
    </Container>
  )
}
