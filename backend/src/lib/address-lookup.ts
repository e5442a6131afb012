/**
 * Dutch address lookup (postcode + huisnummer → street, city and point) through
 * PDOK Locatieserver, the government's free geocoder over the BAG (CC0).
 *
 * One request to Locatieserver's `free` endpoint per uncached address:
 *
 *   GET <ADDRESS_LOOKUP_URL>?fq=type:adres&fq=postcode:5038AB&fq=huisnummer:12&fl=…&rows=50
 *
 * Locatieserver answers in Solr's shape, `{ response: { numFound, docs: [...] } }`; an
 * address document carries `straatnaam`, `huisnummer` (a number), `huisletter`,
 * `huisnummertoevoeging`, `postcode`, `woonplaatsnaam`, `gemeentenaam` and `centroide_ll`
 * ("POINT(lng lat)", WGS84). All additions of one house number share street and town,
 * so they are fetched together and the addition is matched here.
 *
 * Answers are cached per process (postcodes rarely change): found and not found alike,
 * never a failure. A short timeout keeps checkout from waiting on a slow service; the
 * caller treats every failure as "type the street yourself".
 */

export type DutchAddress = {
  street: string
  house_number: number
  /** Huisletter and/or huisnummertoevoeging as written in the BAG ("A", "1", "A-2"), or "" */
  addition: string
  /** "5038AB" */
  postcode: string
  city: string
  municipality: string
  lat: number
  lng: number
}

export type LookupQuery = { postcode: string; huisnummer: number; toevoeging?: string }

export type LookupResult = { found: true; address: DutchAddress } | { found: false }

/** The service could not answer (down, slow, nonsense): not the same as "no such address". */
export class AddressLookupUnavailableError extends Error {
  name = "AddressLookupUnavailableError"
}

export const PDOK_FREE_URL = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
export const DEFAULT_LOOKUP_TIMEOUT_MS = 2500

const FIELDS = "straatnaam,huisnummer,huisletter,huisnummertoevoeging,postcode,woonplaatsnaam,gemeentenaam,centroide_ll"

type LocatieserverDoc = {
  straatnaam?: unknown
  huisnummer?: unknown
  huisletter?: unknown
  huisnummertoevoeging?: unknown
  postcode?: unknown
  woonplaatsnaam?: unknown
  gemeentenaam?: unknown
  centroide_ll?: unknown
}

/** Compares additions the way people type them: "a", "A", "-1", " 1 " and "A-1" vs "A1". */
function additionKey(value: string): string {
  return value.toUpperCase().replace(/[^0-9A-Z]/g, "")
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : ""
}

/** "POINT(5.07412 51.56123)" → { lng, lat } */
export function parsePoint(value: unknown): { lat: number; lng: number } | undefined {
  const match = /^POINT\s*\(\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s*\)$/.exec(text(value))
  if (!match) return undefined
  const lng = Number(match[1])
  const lat = Number(match[2])
  return Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : undefined
}

function toAddress(doc: LocatieserverDoc): DutchAddress | undefined {
  const point = parsePoint(doc.centroide_ll)
  const houseNumber = Number(doc.huisnummer)
  const street = text(doc.straatnaam)
  const city = text(doc.woonplaatsnaam)
  if (!point || !street || !city || !Number.isInteger(houseNumber)) return undefined
  const letter = text(doc.huisletter)
  const suffix = text(doc.huisnummertoevoeging)
  return {
    street,
    house_number: houseNumber,
    addition: letter && suffix ? `${letter}-${suffix}` : letter || suffix,
    postcode: text(doc.postcode).replace(/\s+/g, "").toUpperCase(),
    city,
    municipality: text(doc.gemeentenaam),
    lat: point.lat,
    lng: point.lng,
  }
}

/**
 * Picks the address for the requested addition among all addresses of one house number.
 * Without an addition: the plain number, else (only additions exist, e.g. 12A and 12B)
 * the first one's street and town with no addition, because street and town are right.
 */
export function pickAddress(docs: LocatieserverDoc[], query: LookupQuery): DutchAddress | undefined {
  const addresses = docs
    .map(toAddress)
    .filter((a): a is DutchAddress => !!a && a.house_number === query.huisnummer && a.postcode === query.postcode)
  const wanted = additionKey(query.toevoeging ?? "")
  if (wanted) return addresses.find((a) => additionKey(a.addition) === wanted)
  const plain = addresses.find((a) => !a.addition)
  if (plain) return plain
  return addresses[0] ? { ...addresses[0], addition: "" } : undefined
}

/** A small LRU with a time to live: Map keeps insertion order, so the first key is the oldest. */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>()

  constructor(private readonly max: number, private readonly ttlMs: number, private readonly now: () => number = Date.now) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    if (entry.expires <= this.now()) return undefined
    this.entries.set(key, entry)
    return entry.value
  }

  set(key: string, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, { value, expires: this.now() + this.ttlMs })
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
  }

  get size(): number {
    return this.entries.size
  }
}

export type AddressLookupOptions = {
  url: string
  timeoutMs?: number
  /** cached addresses (default 5,000: about 1 MB) */
  cacheSize?: number
  /** default one day; postcodes and streets rarely change */
  cacheTtlMs?: number
  fetch?: typeof fetch
}

export class AddressLookup {
  private readonly cache: LruCache<LookupResult>
  private readonly timeoutMs: number
  private readonly fetch: typeof fetch
  /** lookups answered by the service itself (tests and logs) */
  serviceCalls = 0

  constructor(private readonly options: AddressLookupOptions) {
    this.cache = new LruCache<LookupResult>(options.cacheSize ?? 5000, options.cacheTtlMs ?? 24 * 60 * 60 * 1000)
    this.timeoutMs = options.timeoutMs ?? DEFAULT_LOOKUP_TIMEOUT_MS
    this.fetch = options.fetch ?? fetch
  }

  async lookup(query: LookupQuery): Promise<LookupResult & { cached: boolean }> {
    const key = `${query.postcode}|${query.huisnummer}|${additionKey(query.toevoeging ?? "")}`
    const hit = this.cache.get(key)
    if (hit) return { ...hit, cached: true }
    const docs = await this.request(query)
    const address = pickAddress(docs, query)
    const result: LookupResult = address ? { found: true, address } : { found: false }
    this.cache.set(key, result)
    return { ...result, cached: false }
  }

  private async request(query: LookupQuery): Promise<LocatieserverDoc[]> {
    const url = new URL(this.options.url)
    url.searchParams.append("fq", "type:adres")
    url.searchParams.append("fq", `postcode:${query.postcode}`)
    url.searchParams.append("fq", `huisnummer:${query.huisnummer}`)
    url.searchParams.set("fl", FIELDS)
    url.searchParams.set("rows", "50")
    this.serviceCalls++
    let response: Response
    let body: unknown
    try {
      response = await this.fetch(url, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(this.timeoutMs) })
      if (!response.ok) throw new AddressLookupUnavailableError(`Locatieserver answered HTTP ${response.status}`)
      body = await response.json()
    } catch (error) {
      if (error instanceof AddressLookupUnavailableError) throw error
      const reason = (error as Error)?.name === "TimeoutError" ? `no answer within ${this.timeoutMs} ms` : (error as Error)?.message
      throw new AddressLookupUnavailableError(`Locatieserver unreachable: ${reason}`)
    }
    const docs = (body as { response?: { docs?: unknown } })?.response?.docs
    if (!Array.isArray(docs)) throw new AddressLookupUnavailableError("Locatieserver answered without response.docs")
    return docs as LocatieserverDoc[]
  }
}

let shared: { key: string; lookup: AddressLookup } | undefined

/**
 * The process's lookup for these settings (one cache per process), or undefined when
 * address lookup is switched off (ADDRESS_LOOKUP_URL set to an empty value).
 */
export function sharedAddressLookup(settings: { url?: string; timeoutMs: number }): AddressLookup | undefined {
  if (!settings.url) return undefined
  const key = `${settings.url}|${settings.timeoutMs}`
  if (shared?.key !== key) shared = { key, lookup: new AddressLookup({ url: settings.url, timeoutMs: settings.timeoutMs }) }
  return shared.lookup
}
