import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Input, Label, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { getAdmin, postAdmin } from "../lib/admin-api"
import type { StockLevel } from "../lib/stock"

type Status = StockLevel & { is_low: boolean; alerted_at: string | null }

/**
 * "Drempel lage voorraad" on a variant's page and an inventory item's page: the
 * available stock, the threshold that applies (own or the shop default) and a field
 * to change it. A package variant shows each of its parts.
 */
const VariantThreshold = ({ data }: { data: { id: string } }) => {
  const isItem = data.id.startsWith("iitem_")
  const [items, setItems] = useState<Status[] | null>(null)
  const [defaultThreshold, setDefaultThreshold] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let active = true
    const param = isItem ? `inventory_item_id=${encodeURIComponent(data.id)}` : `variant_id=${encodeURIComponent(data.id)}`
    getAdmin<any>(`/admin/low-stock/items?${param}`)
      .then((body) => {
        if (!active) return
        setItems(body.items)
        setDefaultThreshold(body.default_threshold)
      })
      .catch((e) => active && setError(`Kon de drempel niet laden (${e.message})`))
    return () => {
      active = false
    }
  }, [data.id, isItem])

  const replace = (next: Status) => setItems((list) => (list ?? []).map((s) => (s.inventory_item_id === next.inventory_item_id ? next : s)))

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Drempel lage voorraad</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Staat de beschikbare voorraad op of onder de drempel, dan krijgt het team één e-mail.
          {defaultThreshold !== null ? ` Standaarddrempel: ${defaultThreshold}.` : ""}
        </Text>
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error">{error}</Text>
      ) : !items ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Laden…</Text>
      ) : !items.length ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Deze variant houdt geen voorraad bij.</Text>
      ) : (
        items.map((status) => <ThresholdForm key={status.inventory_item_id} status={status} showName={items.length > 1} onSaved={replace} />)
      )}
    </Container>
  )
}

const ThresholdForm = ({ status, showName, onSaved }: { status: Status; showName: boolean; onSaved: (s: Status) => void }) => {
  const [value, setValue] = useState(status.threshold_source === "item" ? String(status.threshold) : "")
  const [saving, setSaving] = useState(false)
  const inputId = `threshold-${status.inventory_item_id}`

  const save = async (threshold: number | null) => {
    setSaving(true)
    try {
      const body = await postAdmin<{ item: Status }>(`/admin/low-stock/items/${status.inventory_item_id}`, { threshold })
      onSaved(body.item)
      setValue(body.item.threshold_source === "item" ? String(body.item.threshold) : "")
      toast.success(threshold === null ? "Standaarddrempel ingesteld" : `Drempel ingesteld op ${threshold}`)
    } catch (e: any) {
      toast.error(e.message)
    } finally {
      setSaving(false)
    }
  }

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    const text = value.trim()
    if (text === "") return void save(null)
    if (!/^\d+$/.test(text)) return void toast.error("Vul een heel getal van 0 of meer in")
    void save(Number(text))
  }

  return (
    <form className="flex flex-col gap-3 px-6 py-4" onSubmit={submit}>
      {showName ? (
        <Text size="small" weight="plus">
          {status.name} <span className="font-mono text-xs">{status.sku}</span>
        </Text>
      ) : null}
      <div className="flex items-center justify-between">
        <Text size="small">Beschikbaar</Text>
        <Badge size="2xsmall" color={status.is_low ? (status.available_quantity <= 0 ? "red" : "orange") : "green"}>
          {status.available_quantity} (drempel {status.threshold}
          {status.threshold_source === "default" ? ", standaard" : ""})
        </Badge>
      </div>
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <Label htmlFor={inputId} size="small">
            Eigen drempel
          </Label>
          <Input
            id={inputId}
            name="low_stock_threshold"
            type="number"
            min={0}
            step={1}
            size="small"
            placeholder="standaard"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </div>
        <Button type="submit" size="small" isLoading={saving}>
          Opslaan
        </Button>
      </div>
      {status.threshold_source === "item" ? (
        <Button type="button" size="small" variant="transparent" disabled={saving} onClick={() => void save(null)}>
          Standaarddrempel gebruiken
        </Button>
      ) : null}
    </form>
  )
}

export const config = defineWidgetConfig({
  zone: ["product_variant.details.side", "inventory_item.details.side"],
})

export default VariantThreshold
