import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { getAdmin } from "../lib/admin-api"
import { adminPath } from "../lib/sdk"
import type { StockLevel } from "../lib/stock"

type Variant = { id: string; title: string | null; sku: string | null; product_id: string | null; product_title: string | null; required_quantity: number; is_kit: boolean }
type Item = StockLevel & { variants: Variant[] }
type LowStock = { default_threshold: number; count: number; items: Item[] }

const FIRST = 8

/**
 * "Weinig voorraad" on the orders and inventory lists: the items at or below their
 * threshold, most urgent first (GET /admin/low-stock), with links to the item and
 * its variant, where staff edit the stock and the threshold.
 */
const LowStockOverview = () => {
  const [data, setData] = useState<LowStock | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [all, setAll] = useState(false)

  useEffect(() => {
    let active = true
    getAdmin<LowStock>(`/admin/low-stock?limit=${all ? 500 : FIRST}`)
      .then((body) => active && setData(body))
      .catch((e) => active && setError(`Kon de voorraad niet laden (${e.message})`))
    return () => {
      active = false
    }
  }, [all])

  return (
    <Container className="divide-y p-0" data-testid="low-stock-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Weinig voorraad</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Artikelen op of onder hun drempel{data ? ` (standaarddrempel ${data.default_threshold})` : ""}.
          </Text>
        </div>
        {data ? <Badge color={data.count ? "orange" : "green"}>{data.count}</Badge> : null}
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error">{error}</Text>
      ) : !data ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Laden…</Text>
      ) : !data.items.length ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Alle artikelen zitten boven hun drempel.</Text>
      ) : (
        <div className="px-6 py-4">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Artikel</Table.HeaderCell>
                <Table.HeaderCell>SKU</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Beschikbaar</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Drempel</Table.HeaderCell>
                <Table.HeaderCell></Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.items.map((item) => {
                const own = item.variants.find((v) => !v.is_kit)
                return (
                  <Table.Row key={item.inventory_item_id}>
                    <Table.Cell>
                      {own?.product_id ? (
                        <a className="text-ui-fg-interactive hover:underline" href={adminPath(`/products/${own.product_id}/variants/${own.id}`)}>
                          {item.name}
                        </a>
                      ) : (
                        item.name
                      )}
                    </Table.Cell>
                    <Table.Cell className="font-mono text-xs">{item.sku ?? "–"}</Table.Cell>
                    <Table.Cell className="text-right">
                      <Badge size="2xsmall" color={item.available_quantity <= 0 ? "red" : "orange"}>
                        {item.available_quantity <= 0 ? "uitverkocht" : item.available_quantity}
                      </Badge>
                    </Table.Cell>
                    <Table.Cell className="text-right">
                      {item.threshold}
                      {item.threshold_source === "default" ? " (standaard)" : ""}
                    </Table.Cell>
                    <Table.Cell className="text-right">
                      <a className="text-ui-fg-interactive hover:underline" href={adminPath(`/inventory/${item.inventory_item_id}`)}>
                        Voorraad
                      </a>
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
          {data.count > data.items.length || all ? (
            <div className="mt-3 flex justify-end">
              <Button size="small" variant="secondary" onClick={() => setAll(!all)}>
                {all ? "Minder tonen" : `Alle ${data.count} tonen`}
              </Button>
            </div>
          ) : null}
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: ["order.list", "inventory_item.list"],
})

export default LowStockOverview
