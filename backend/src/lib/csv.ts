/**
 * A small CSV reader for staff uploads (RFC 4180: quoted fields, "" inside quotes,
 * line breaks inside quotes, CRLF or LF). Comma or semicolon separated: Dutch Excel
 * writes `;` because the comma is the decimal separator. Each record keeps the line
 * number it starts on, so errors can say "regel 4".
 */

export type CsvRecord = { line: number; fields: string[] }
export type Delimiter = "," | ";"

export class CsvError extends Error {
  name = "CsvError"
  constructor(
    message: string,
    readonly line: number
  ) {
    super(message)
  }
}

/** The separator of the header line: whichever of `;` and `,` occurs more often outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  let semicolons = 0
  let commas = 0
  let quoted = false
  for (const c of text) {
    if (c === '"') quoted = !quoted
    else if (!quoted && (c === "\n" || c === "\r")) break
    else if (!quoted && c === ";") semicolons++
    else if (!quoted && c === ",") commas++
  }
  return semicolons > commas ? ";" : ","
}

/**
 * Parses the whole text. Records whose fields are all empty (blank lines, or `;;`
 * rows Excel leaves at the end) are skipped. Throws CsvError for a quote that is
 * never closed.
 */
export function parseCsv(input: string, delimiter: Delimiter = detectDelimiter(input.replace(/^\uFEFF/, ""))): { delimiter: Delimiter; records: CsvRecord[] } {
  const text = input.replace(/^\uFEFF/, "")
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ""
  let quoted = false
  let line = 1
  let recordLine = 1
  let quoteLine = 1

  const endField = () => {
    fields.push(field)
    field = ""
  }
  const endRecord = () => {
    endField()
    if (fields.some((f) => f.trim() !== "")) records.push({ line: recordLine, fields })
    fields = []
  }

  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else {
          quoted = false
        }
      } else {
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++
        field += c
      }
      continue
    }
    if (c === '"' && field.trim() === "") {
      field = ""
      quoted = true
      quoteLine = line
    } else if (c === delimiter) {
      endField()
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++
      endRecord()
      line++
      recordLine = line
    } else {
      field += c
    }
  }
  if (quoted) throw new CsvError("Een aanhalingsteken (\") wordt niet afgesloten", quoteLine)
  endRecord()
  return { delimiter, records }
}
