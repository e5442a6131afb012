import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { getAdmin, postAdmin } from "../lib/admin-api"
import { api } from "../lib/sdk"

type InvoiceState =
  | { invoice_order: false }
  | {
      invoice_order: true
      status: "awaiting_approval" | "approved" | "paid"
      may_fulfil: boolean
      details: {
        organisation: string
        kvk_number?: string
        vat_number?: string
        reference?: string
        invoice_email?: string
        approved_at?: string
        paid_at?: string
      } | null
      invoice: { id: string; number: string; issued_at: string } | null
      payment: { id: string; captured_at: string | null } | null
    }

const STATUS_TEXT = {
  awaiting_approval: "Factuur: wacht op goedkeuring",
  approved: "Factuur: goedgekeurd, wacht op betaling",
  paid: "Factuur: betaald",
} as const

const dateNl = (iso?: string | null) => (iso ? new Date(iso).toLocaleDateString("nl-NL", { dateStyle: "long" }) : "")

/**
 * "Factuur" on the order page of an order paid on invoice (municipality or
 * organisation): its data, the approval state, "Goedkeuren" (issues the invoice,
 * e-mails the PDF and allows fulfilment), the PDF download and "Betaling ontvangen"
 * once the transfer arrived. Other orders show nothing.
 */
const InvoiceApprovalWidget = ({ data }: { data: { id: string } }) => {
  const [state, setState] = useState<InvoiceState | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<"approve" | "payment" | null>(null)

  const load = useCallback(async () => {
    try {
      setState(await getAdmin<InvoiceState>(`/admin/orders/${encodeURIComponent(data.id)}/invoice`))
      setError(null)
    } catch (e) {
      setError(`Kon de factuurgegevens niet laden (${(e as Error).message})`)
    }
  }, [data.id])

  useEffect(() => {
    load()
  }, [load])

  const post = async (action: "approve" | "payment", success: (body: any) => string) => {
    setBusy(action)
    try {
      toast.success(success(await postAdmin(`/admin/orders/${encodeURIComponent(data.id)}/invoice/${action}`)))
      await load()
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setBusy(null)
    }
  }

  if (error) {
    return (
      <Container className="px-6 py-4">
        <Text className="text-ui-fg-error">{error}</Text>
      </Container>
    )
  }
  if (!state || !state.invoice_order) return null

  const details = state.details
  return (
    <Container className="flex flex-col gap-3 px-6 py-4">
      <div className="flex items-center justify-between gap-2">
        <Heading level="h2">Factuur</Heading>
        <Badge color={state.status === "awaiting_approval" ? "orange" : state.status === "paid" ? "green" : "blue"} size="2xsmall">
          {state.status === "awaiting_approval" ? "Wacht op goedkeuring" : state.status === "paid" ? "Betaald" : "Goedgekeurd"}
        </Badge>
      </div>
      <Text size="small" weight="plus" role="status">
        {STATUS_TEXT[state.status]}
      </Text>
      {details ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-ui-fg-subtle txt-small">
          <dt>Organisatie</dt>
          <dd className="text-ui-fg-base">{details.organisation}</dd>
          {details.kvk_number ? (
            <>
              <dt>KvK</dt>
              <dd className="text-ui-fg-base">{details.kvk_number}</dd>
            </>
          ) : null}
          {details.vat_number ? (
            <>
              <dt>Btw-nummer</dt>
              <dd className="text-ui-fg-base">{details.vat_number}</dd>
            </>
          ) : null}
          {details.reference ? (
            <>
              <dt>Inkoopnummer</dt>
              <dd className="text-ui-fg-base">{details.reference}</dd>
            </>
          ) : null}
          <dt>Factuur naar</dt>
          <dd className="text-ui-fg-base break-all">{details.invoice_email || "e-mailadres van de bestelling"}</dd>
          {state.invoice ? (
            <>
              <dt>Factuurnummer</dt>
              <dd className="text-ui-fg-base">
                {state.invoice.number} ({dateNl(state.invoice.issued_at)})
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {state.status === "awaiting_approval" ? (
        <>
          <Text size="small" className="text-ui-fg-subtle">
            Verzenden kan pas na goedkeuring. Goedkeuren maakt de factuur aan (volgend factuurnummer) en mailt de PDF naar de organisatie.
          </Text>
          <Button
            size="small"
            isLoading={busy === "approve"}
            disabled={busy !== null}
            onClick={() => post("approve", (b) => `Factuur ${b.invoice?.number ?? ""} aangemaakt en verstuurd`)}
          >
            Goedkeuren
          </Button>
        </>
      ) : null}
      {state.invoice ? (
        <Button asChild size="small" variant="secondary">
          <a href={api(`/admin/orders/${encodeURIComponent(data.id)}/invoice/pdf`)} download>
            Factuur downloaden (PDF)
          </a>
        </Button>
      ) : null}
      {state.status === "approved" ? (
        <Button
          size="small"
          variant="secondary"
          isLoading={busy === "payment"}
          disabled={busy !== null}
          onClick={() => post("payment", () => "Betaling geregistreerd")}
        >
          Betaling ontvangen
        </Button>
      ) : null}
      {state.status === "paid" && details?.paid_at ? (
        <Text size="small" className="text-ui-fg-subtle">
          Betaling geregistreerd op {dateNl(details.paid_at)}.
        </Text>
      ) : null}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.before",
})

export default InvoiceApprovalWidget
