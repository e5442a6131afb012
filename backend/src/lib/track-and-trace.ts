/**
 * Track-and-trace links for the shipment e-mail. Staff enter a tracking number when
 * they mark a fulfilment as shipped; Medusa's admin leaves the URL empty (or "#"),
 * so we build PostNL's public tracking page from the barcode and the delivery
 * postcode, which is what PostNL itself links to:
 *   https://jouw.postnl.nl/track-and-trace/<barcode>-<country>-<postcode without spaces>
 */

export type TrackingLabel = { tracking_number?: string | null; tracking_url?: string | null }

/** A usable http(s) URL staff entered, else undefined ("" and "#" are Medusa's placeholders). */
export function givenTrackingUrl(url?: string | null): string | undefined {
  const value = url?.trim()
  if (!value || value === "#") return undefined
  try {
    const parsed = new URL(value)
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : undefined
  } catch {
    return undefined
  }
}

export function postnlTrackingUrl(code: string, postcode?: string | null, countryCode?: string | null): string {
  const barcode = code.replace(/\s+/g, "").toUpperCase()
  const country = (countryCode?.trim() || "nl").toUpperCase()
  const pc = (postcode ?? "").replace(/\s+/g, "").toUpperCase()
  return `https://jouw.postnl.nl/track-and-trace/${encodeURIComponent(barcode)}-${encodeURIComponent(country)}-${encodeURIComponent(pc)}`
}

export type Tracking = { number: string; url: string }

/** One entry per label with a tracking number: the URL staff gave, else PostNL's page. */
export function trackingLinks(labels: TrackingLabel[], address?: { postal_code?: string | null; country_code?: string | null } | null): Tracking[] {
  const seen = new Set<string>()
  const out: Tracking[] = []
  for (const label of labels) {
    const number = label.tracking_number?.trim()
    if (!number || seen.has(number)) continue
    seen.add(number)
    out.push({ number, url: givenTrackingUrl(label.tracking_url) ?? postnlTrackingUrl(number, address?.postal_code, address?.country_code) })
  }
  return out
}
