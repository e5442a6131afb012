import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Label, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { dutchCount } from "../../lib/format"
import { api } from "../../lib/sdk"

type Row = {
  line: number
  sku: string
  product_title: string | null
  variant_title: string | null
  location_name: string
  current_quantity: number | null
  new_quantity: number
  difference: number
  warnings: string[]
}
type Result = {
  dry_run: boolean
  written: boolean
  message?: string
  summary: { rows: number; changed: number; unchanged: number; errors: number }
  rows: Row[]
  errors: { line: number; sku?: string; message: string }[]
}

const EXAMPLE = "sku;quantity\nBORD-WAB-3045-ALU;180\nSTK-RAAM-1015-BIN;2500"

/**
 * "Voorraad importeren": paste or upload a CSV (sku;quantity[;location]), check it
 * (POST /admin/stock-import with dry_run: a preview with the difference per line and
 * the errors with their line numbers), then confirm to write it, all or nothing.
 */
const StockImportPage = () => {
  const [csv, setCsv] = useState("")
  const [fileName, setFileName] = useState<string | null>(null)
  const [preview, setPreview] = useState<Result | null>(null)
  const [busy, setBusy] = useState<"check" | "import" | null>(null)
  const [done, setDone] = useState<Result | null>(null)

  const send = async (dryRun: boolean): Promise<Result | null> => {
    const res = await fetch(api("/admin/stock-import"), {
      method: "POST",
      credentials: "include",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ csv, dry_run: dryRun }),
    })
    const body = await res.json().catch(() => ({}))
    if (res.ok || (res.status === 400 && Array.isArray(body.errors))) return body as Result
    if (res.status === 413) toast.error("Het bestand is te groot: splits het in kleinere bestanden")
    else toast.error(body.message ?? `Er ging iets mis (HTTP ${res.status})`)
    return null
  }

  const check = async () => {
    setBusy("check")
    setDone(null)
    try {
      setPreview(await send(true))
    } finally {
      setBusy(null)
    }
  }

  const confirm = async () => {
    setBusy("import")
    try {
      const result = await send(false)
      if (!result) return
      if (result.errors.length) {
        // Stock changed or the file was edited since the preview: show what is wrong now.
        setPreview(result)
        toast.error(result.message ?? "Er is niets opgeslagen")
        return
      }
      setDone(result)
      setPreview(null)
      toast.success(`Voorraad bijgewerkt: ${result.summary.changed} ${result.summary.changed === 1 ? "artikel" : "artikelen"}`)
    } finally {
      setBusy(null)
    }
  }

  const onFile = async (file: File | undefined) => {
    if (!file) return
    setFileName(file.name)
    setCsv(await file.text())
    setPreview(null)
    setDone(null)
  }

  const canImport = preview && !preview.errors.length && preview.summary.changed > 0

  return (
    <div className="flex flex-col gap-4">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Voorraad importeren</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Zet de voorraad van veel artikelen tegelijk met een CSV-bestand: een kopregel en per regel een SKU en het aantal op
            voorraad (kolommen <code>sku</code>, <code>quantity</code> en bij meerdere magazijnen <code>location</code>). Komma of
            puntkomma als scheidingsteken, zoals Excel het opslaat. Bevat het bestand een fout, dan wordt er niets opgeslagen.
          </Text>
        </div>
        <div className="flex flex-col gap-3 px-6 py-4">
          <div className="flex items-center gap-3">
            <Label htmlFor="stock-import-file">CSV-bestand</Label>
            <input id="stock-import-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onFile(e.target.files?.[0])} />
            {fileName ? <Text size="small">{fileName}</Text> : null}
          </div>
          <Label htmlFor="stock-import-csv">Of plak de inhoud</Label>
          <Textarea
            id="stock-import-csv"
            name="csv"
            rows={10}
            className="font-mono"
            placeholder={EXAMPLE}
            value={csv}
            onChange={(e) => {
              setCsv(e.target.value)
              setPreview(null)
              setDone(null)
            }}
          />
          <div className="flex gap-2">
            <Button onClick={() => void check()} isLoading={busy === "check"} disabled={!csv.trim() || busy !== null}>
              Controleren
            </Button>
            <Button variant="primary" onClick={() => void confirm()} isLoading={busy === "import"} disabled={!canImport || busy !== null}>
              Voorraad bijwerken
            </Button>
          </div>
        </div>
      </Container>

      {done ? (
        <Container className="px-6 py-4">
          <Text weight="plus">
            Opgeslagen: {done.summary.changed} {done.summary.changed === 1 ? "artikel" : "artikelen"} bijgewerkt
            {done.summary.unchanged ? `, ${done.summary.unchanged} ongewijzigd` : ""}.
          </Text>
        </Container>
      ) : null}

      {preview ? <Preview result={preview} /> : null}
    </div>
  )
}

const Preview = ({ result }: { result: Result }) => (
  <Container className="divide-y p-0">
    <div className="flex items-center justify-between px-6 py-4">
      <Heading level="h2">Controle</Heading>
      <div className="flex gap-2">
        <Badge color="blue">{dutchCount(result.summary.rows, "regel", "regels")}</Badge>
        <Badge color="green">{dutchCount(result.summary.changed, "wijziging", "wijzigingen")}</Badge>
        {result.errors.length ? <Badge color="red">{dutchCount(result.errors.length, "fout", "fouten")}</Badge> : null}
      </div>
    </div>
    {result.errors.length ? (
      <div className="px-6 py-4" role="alert">
        <Text weight="plus" className="text-ui-fg-error">
          Er is niets opgeslagen. Verbeter deze regels en controleer opnieuw:
        </Text>
        <ul className="mt-2 list-disc pl-6">
          {result.errors.map((e, i) => (
            <li key={i}>
              <Text size="small">
                Regel {e.line}
                {e.sku ? ` (${e.sku})` : ""}: {e.message}
              </Text>
            </li>
          ))}
        </ul>
      </div>
    ) : null}
    {result.rows.length ? (
      <div className="px-6 py-4">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Regel</Table.HeaderCell>
              <Table.HeaderCell>SKU</Table.HeaderCell>
              <Table.HeaderCell>Artikel</Table.HeaderCell>
              <Table.HeaderCell>Locatie</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Nu</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Nieuw</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Verschil</Table.HeaderCell>
              <Table.HeaderCell>Opmerking</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {result.rows.map((row) => (
              <Table.Row key={`${row.line}-${row.sku}`}>
                <Table.Cell>{row.line}</Table.Cell>
                <Table.Cell className="font-mono text-xs">{row.sku}</Table.Cell>
                <Table.Cell>
                  {row.product_title ?? ""}
                  {row.variant_title ? ` (${row.variant_title})` : ""}
                </Table.Cell>
                <Table.Cell>{row.location_name}</Table.Cell>
                <Table.Cell className="text-right">{row.current_quantity ?? "–"}</Table.Cell>
                <Table.Cell className="text-right">{row.new_quantity}</Table.Cell>
                <Table.Cell className="text-right">
                  {row.difference === 0 ? (
                    "0"
                  ) : (
                    <Badge size="2xsmall" color={row.difference > 0 ? "green" : "orange"}>
                      {row.difference > 0 ? `+${row.difference}` : row.difference}
                    </Badge>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <Text size="small">{row.warnings.join(" ")}</Text>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    ) : null}
  </Container>
)

export const config = defineRouteConfig({
  label: "Voorraad importeren",
  nested: "/inventory",
})

export default StockImportPage
