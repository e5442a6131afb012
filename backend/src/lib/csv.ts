/**
 * CSV for staff uploads, read by `csv-parse` (RFC 4180: quoted fields, "" inside quotes,
 * line breaks inside quotes, CRLF or LF, a byte order mark). This module only adds what
 * the stock import needs on top: comma or semicolon (Dutch Excel writes `;` because the
 * comma is the decimal separator), the line each record starts on, so errors can say
 * "regel 4", and skipping empty rows (blank lines, the `;;` rows Excel leaves at the end).
 */
import { CsvError as ParseError, parse } from "csv-parse/sync"

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
 * Parses the whole text. Records whose fields are all empty are skipped. Throws CsvError
 * for a quote that is never closed, with the line its record starts on.
 */
export function parseCsv(input: string, delimiter: Delimiter = detectDelimiter(input.replace(/^\uFEFF/, ""))): { delimiter: Delimiter; records: CsvRecord[] } {
  // csv-parse counts lines up to the end of each record; a record starts after the previous one ends
  const recordEnds: number[] = []
  let rows: string[][]
  try {
    rows = parse(input, {
      delimiter,
      bom: true,
      relax_column_count: true, // rows with fewer or more fields get a Dutch error per line from the import
      relax_quotes: true, // a quote inside an unquoted field is text (10" bord)
      skip_empty_lines: false, // counted, so later line numbers stay right
      on_record: (record, context) => {
        recordEnds.push(context.lines)
        return record
      },
    })
  } catch (error) {
    if (error instanceof ParseError && error.code === "CSV_QUOTE_NOT_CLOSED") {
      throw new CsvError('Een aanhalingsteken (") wordt niet afgesloten', (recordEnds.at(-1) ?? 0) + 1)
    }
    throw error
  }
  const records: CsvRecord[] = []
  rows.forEach((fields, i) => {
    if (fields.some((field) => field.trim() !== "")) records.push({ line: (recordEnds[i - 1] ?? 0) + 1, fields })
  })
  return { delimiter, records }
}
