import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { api } from "../lib/sdk"

/** "Pakbon printen" on the order page: opens the printable packing slip in a new tab with the print dialog. */
const PackingSlipWidget = ({ data }: { data: { id: string; display_id?: number } }) => (
  <Container className="flex flex-col gap-3 px-6 py-4">
    <div>
      <Heading level="h2">Pakbon</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Artikelen met SKU en aantal, zonder prijzen, om bij het inpakken te gebruiken.
      </Text>
    </div>
    <Button asChild size="small" variant="secondary">
      <a href={api(`/admin/orders/${encodeURIComponent(data.id)}/packing-slip?print=1`)} target="_blank" rel="noopener">
        Pakbon printen
      </a>
    </Button>
  </Container>
)

export const config = defineWidgetConfig({
  zone: "order.details.side",
})

export default PackingSlipWidget
