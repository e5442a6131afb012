import { distanceKm } from "../../modules/neighbourhood-group/utils/geo"

type Centre = { pc4: string; lat: number; lng: number }

const WIDTH = 320
const HEIGHT = 200
const PAD = 28

/** A round length for the scale bar: 1, 2 or 5 × 10^n km, about a quarter of the plot's width. */
function niceKm(km: number): number {
  const exp = 10 ** Math.floor(Math.log10(km))
  const f = km / exp
  return (f >= 5 ? 5 : f >= 2 ? 2 : 1) * exp
}

/**
 * A small map without tiles: the group's point (red) and the centres of its postcode
 * areas (blue, labelled), in an equirectangular projection corrected for latitude, with
 * a scale bar. For staff judging whether a pin is where the group is.
 */
export const PointMap = ({ point, centres }: { point: { lat: number; lng: number } | null; centres: Centre[] }) => {
  const all = [...centres, ...(point ? [point] : [])]
  if (!all.length) return null
  const midLat = all.reduce((s, p) => s + p.lat, 0) / all.length
  const kx = Math.cos((midLat * Math.PI) / 180)
  const xs = all.map((p) => p.lng * kx)
  const ys = all.map((p) => p.lat)
  const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys)
  // at least ~2 km across, so one point does not fill the plot
  const span = Math.max(maxX - minX, maxY - minY, 0.02)
  const scale = Math.min((WIDTH - 2 * PAD) / span, (HEIGHT - 2 * PAD) / span)
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2
  const project = (p: { lat: number; lng: number }) => ({
    x: WIDTH / 2 + (p.lng * kx - cx) * scale,
    y: HEIGHT / 2 - (p.lat - cy) * scale,
  })
  // km per plot unit: one degree of latitude is ~111.2 km
  const kmPerUnit = distanceKm({ lat: midLat, lng: 0 }, { lat: midLat + 1, lng: 0 }) / scale
  const barKm = niceKm((WIDTH / 4) * kmPerUnit)
  const barLength = barKm / kmPerUnit
  const nearest = point && centres.length ? Math.min(...centres.map((c) => distanceKm(point, c))) : null
  const label =
    `Kaartje: ${point ? "het punt van de groep (rood)" : "geen punt"} en het midden van ${centres.length} postcodegebied(en) (blauw: ${centres.map((c) => c.pc4).join(", ")})` +
    (nearest !== null ? `. Afstand van het punt tot de dichtstbijzijnde postcode: ${Math.round(nearest * 10) / 10} km.` : ".")

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label}
      data-testid="group-point-map"
      className="max-w-full rounded border border-ui-border-base bg-ui-bg-subtle"
    >
      <title>{label}</title>
      {centres.map((c) => {
        const p = project(c)
        return (
          <g key={c.pc4}>
            <circle cx={p.x} cy={p.y} r={6} fill="#2563eb" fillOpacity={0.35} stroke="#1d4ed8" strokeWidth={1.5} />
            <text x={p.x + 8} y={p.y - 6} fontSize={11} fill="#1e3a8a">{c.pc4}</text>
          </g>
        )
      })}
      {point
        ? (() => {
            const p = project(point)
            return (
              <g>
                <circle cx={p.x} cy={p.y} r={5} fill="#dc2626" stroke="#fff" strokeWidth={1.5} />
                <text x={p.x + 8} y={p.y + 14} fontSize={11} fill="#991b1b">punt</text>
              </g>
            )
          })()
        : null}
      <g transform={`translate(${PAD / 2}, ${HEIGHT - 10})`}>
        <line x1={0} y1={0} x2={barLength} y2={0} stroke="#111827" strokeWidth={2} />
        <line x1={0} y1={-4} x2={0} y2={4} stroke="#111827" strokeWidth={2} />
        <line x1={barLength} y1={-4} x2={barLength} y2={4} stroke="#111827" strokeWidth={2} />
        <text x={barLength + 6} y={4} fontSize={11} fill="#111827">{barKm} km</text>
      </g>
    </svg>
  )
}
