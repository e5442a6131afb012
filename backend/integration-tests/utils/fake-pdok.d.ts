export type FakePdokRequest = { path: string; query: string; filters: Record<string, string> }

export type FakePdok = {
  /** the `free` endpoint, for ADDRESS_LOOKUP_URL */
  url: string
  port: number
  requests: FakePdokRequest[]
  reset(): void
  close(): Promise<void>
}

export type FakePdokFixture = {
  straatnaam: string
  huisnummer: number
  huisletter?: string
  huisnummertoevoeging?: string
  postcode: string
  woonplaatsnaam: string
  gemeentenaam: string
  centroide_ll: string
}

export declare const FIXTURES: FakePdokFixture[]
/** answers HTTP 503 */
export declare const DOWN_POSTCODE: string
/** answers after slowMs */
export declare const SLOW_POSTCODE: string
export declare function startFakePdok(options?: { port?: number; slowMs?: number }): Promise<FakePdok>
