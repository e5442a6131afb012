import { Badge, Button, Input, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import type { Municipality } from "./notices-api"

type Props = {
  idPrefix: string
  legend: string
  municipalities: Municipality[]
  codes: string[]
  onChange: (codes: string[]) => void
  error?: string
  onError: (message: string) => void
}

/**
 * Choose municipalities by name (a datalist of "Utrecht (0344)") or CBS code; the
 * chosen ones are listed with a remove button each.
 */
export const MunicipalityPicker = ({ idPrefix, legend, municipalities, codes, onChange, error, onError }: Props) => {
  const [text, setText] = useState("")
  const byLabel = useMemo(() => new Map(municipalities.map((m) => [`${m.name} (${m.code})`, m.code])), [municipalities])
  const nameOf = (code: string) => municipalities.find((m) => m.code === code)?.name ?? code
  const errorId = `${idPrefix}-municipality_codes-error`

  const add = () => {
    const value = text.trim()
    if (!value) return
    const code =
      byLabel.get(value) ??
      (/^[0-9]{4}$/.test(value) ? value : municipalities.find((m) => m.name.toLowerCase() === value.toLowerCase())?.code)
    if (!code) {
      onError(`Onbekende gemeente "${value}": kies er een uit de lijst`)
      return
    }
    if (!codes.includes(code)) onChange([...codes, code])
    setText("")
  }

  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="txt-compact-small-plus mb-1">{legend}</legend>
      <div className="flex gap-2">
        <Input
          id={`${idPrefix}-municipality`}
          aria-label="Gemeente toevoegen"
          list={`${idPrefix}-municipality-options`}
          placeholder="Typ een gemeente"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault()
              add()
            }
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <Button size="small" variant="secondary" type="button" onClick={add}>Toevoegen</Button>
      </div>
      <datalist id={`${idPrefix}-municipality-options`}>
        {municipalities.map((m) => (
          <option key={m.code} value={`${m.name} (${m.code})`} />
        ))}
      </datalist>
      {codes.length ? (
        <ul className="flex flex-wrap gap-1" aria-label="Gekozen gemeenten">
          {codes.map((code) => (
            <li key={code}>
              <Badge size="small">
                {nameOf(code)} ({code})
                <button type="button" className="ml-1" aria-label={`${nameOf(code)} verwijderen`} onClick={() => onChange(codes.filter((c) => c !== code))}>
                  ×
                </button>
              </Badge>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <Text id={errorId} size="small" className="text-ui-fg-error">{error}</Text> : null}
    </fieldset>
  )
}
