import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../modules/neighbourhood-group/service"
import { createGroupsWorkflow } from "../workflows/groups/create-groups"
import { baseSlug, type GroupInput } from "../workflows/groups/steps/prepare-groups"

/**
 * Demo groups for the directory: clearly fictional WhatsApp-buurtpreventie groups
 * (invented street names, admins on the reserved example.nl domain, metadata.demo)
 * spread over real municipalities. Each carries its own point and municipality, so
 * the map and the municipality pages work before any reference data is imported.
 * Idempotent: a group whose slug exists is skipped, so running it twice adds nothing.
 */

type DemoMunicipality = {
  gemeente: string
  code: string
  province: string
  woonplaats: string
  lat: number
  lng: number
  postcodes: string[]
}

/** Real municipalities (CBS code, GeoNames 2017 names) with the centre and some PC4s of their main place. */
export const DEMO_MUNICIPALITIES: DemoMunicipality[] = [
  { gemeente: "Amsterdam", code: "0363", province: "Noord-Holland", woonplaats: "Amsterdam", lat: 52.3655, lng: 4.8927, postcodes: ["1011","1028","1052","1068","1091"] },
  { gemeente: "Rotterdam", code: "0599", province: "Zuid-Holland", woonplaats: "Rotterdam", lat: 51.92, lng: 4.4828, postcodes: ["3011","3028","3043","3062","3076"] },
  { gemeente: "'s-Gravenhage", code: "0518", province: "Zuid-Holland", woonplaats: "'s-Gravenhage", lat: 52.0691, lng: 4.3009, postcodes: ["2491","2516","2541","2555","2582"] },
  { gemeente: "Utrecht", code: "0344", province: "Utrecht", woonplaats: "Utrecht", lat: 52.0939, lng: 5.105, postcodes: ["3454","3523","3533","3551","3564"] },
  { gemeente: "Eindhoven", code: "0772", province: "Noord-Brabant", woonplaats: "Eindhoven", lat: 51.4467, lng: 5.4715, postcodes: ["5611","5617","5626","5633","5646"] },
  { gemeente: "Groningen", code: "0014", province: "Groningen", woonplaats: "Groningen", lat: 53.2252, lng: 6.5652, postcodes: ["9711","9717","9725","9733","9741"] },
  { gemeente: "Tilburg", code: "0855", province: "Noord-Brabant", woonplaats: "Tilburg", lat: 51.5681, lng: 5.062, postcodes: ["5011","5017","5026","5038","5045"] },
  { gemeente: "Almere", code: "0034", province: "Flevoland", woonplaats: "Almere", lat: 52.3679, lng: 5.2324, postcodes: ["1309","1318","1327","1336","1353"] },
  { gemeente: "Breda", code: "0758", province: "Noord-Brabant", woonplaats: "Breda", lat: 51.5869, lng: 4.7644, postcodes: ["4811","4815","4819","4825","4835"] },
  { gemeente: "Nijmegen", code: "0268", province: "Gelderland", woonplaats: "Nijmegen", lat: 51.8304, lng: 5.8411, postcodes: ["6511","6522","6531","6535","6541"] },
  { gemeente: "Apeldoorn", code: "0200", province: "Gelderland", woonplaats: "Apeldoorn", lat: 52.2104, lng: 5.9729, postcodes: ["7311","7315","7322","7326","7331"] },
  { gemeente: "Haarlem", code: "0392", province: "Noord-Holland", woonplaats: "Haarlem", lat: 52.3831, lng: 4.6424, postcodes: ["2011","2014","2021","2024","2031"] },
  { gemeente: "Arnhem", code: "0202", province: "Gelderland", woonplaats: "Arnhem", lat: 51.9746, lng: 5.9029, postcodes: ["6811","6816","6825","6832","6841"] },
  { gemeente: "Enschede", code: "0153", province: "Overijssel", woonplaats: "Enschede", lat: 52.2173, lng: 6.8938, postcodes: ["7511","7521","7525","7534","7542"] },
  { gemeente: "Amersfoort", code: "0307", province: "Utrecht", woonplaats: "Amersfoort", lat: 52.1703, lng: 5.3935, postcodes: ["3811","3814","3817","3821","3824"] },
  { gemeente: "Zaanstad", code: "0479", province: "Noord-Holland", woonplaats: "Zaandam", lat: 52.4464, lng: 4.8273, postcodes: ["1501","1503","1505","1507","1509"] },
  { gemeente: "'s-Hertogenbosch", code: "0796", province: "Noord-Brabant", woonplaats: "'s-Hertogenbosch", lat: 51.7075, lng: 5.3025, postcodes: ["5211","5215","5222","5231","5234"] },
  { gemeente: "Zwolle", code: "0193", province: "Overijssel", woonplaats: "Zwolle", lat: 52.5171, lng: 6.104, postcodes: ["8011","8016","8023","8031","8041"] },
  { gemeente: "Leiden", code: "0546", province: "Zuid-Holland", woonplaats: "Leiden", lat: 52.1576, lng: 4.4882, postcodes: ["2311","2314","2317","2322","2331"] },
  { gemeente: "Maastricht", code: "0935", province: "Limburg", woonplaats: "Maastricht", lat: 50.85, lng: 5.6934, postcodes: ["6211","6214","6217","6221","6224"] },
  { gemeente: "Dordrecht", code: "0505", province: "Zuid-Holland", woonplaats: "Dordrecht", lat: 51.7962, lng: 4.6837, postcodes: ["3311","3313","3315","3317","3319"] },
  { gemeente: "Zoetermeer", code: "0637", province: "Zuid-Holland", woonplaats: "Zoetermeer", lat: 52.0603, lng: 4.4994, postcodes: ["2711","2715","2718","2722","2725"] },
  { gemeente: "Leeuwarden", code: "0080", province: "Friesland", woonplaats: "Leeuwarden", lat: 53.2013, lng: 5.8053, postcodes: ["8911","8916","8922","8927","8935"] },
  { gemeente: "Emmen", code: "0114", province: "Drenthe", woonplaats: "Emmen", lat: 52.7727, lng: 6.9089, postcodes: ["7811","7813","7815","7822","7824"] },
  { gemeente: "Delft", code: "0503", province: "Zuid-Holland", woonplaats: "Delft", lat: 51.9992, lng: 4.3584, postcodes: ["2611","2613","2616","2623","2625"] },
  { gemeente: "Deventer", code: "0150", province: "Overijssel", woonplaats: "Deventer", lat: 52.2547, lng: 6.193, postcodes: ["7411","7414","7417","7421","7424"] },
  { gemeente: "Alkmaar", code: "0361", province: "Noord-Holland", woonplaats: "Alkmaar", lat: 52.6382, lng: 4.7527, postcodes: ["1811","1813","1815","1817","1822"] },
  { gemeente: "Venlo", code: "0983", province: "Limburg", woonplaats: "Venlo", lat: 51.3709, lng: 6.1537, postcodes: ["5911","5913","5915","5921","5923"] },
  { gemeente: "Helmond", code: "0794", province: "Noord-Brabant", woonplaats: "Helmond", lat: 51.4758, lng: 5.6645, postcodes: ["5701","5702","5703","5704","5705"] },
  { gemeente: "Hilversum", code: "0402", province: "Noord-Holland", woonplaats: "Hilversum", lat: 52.2299, lng: 5.1733, postcodes: ["1211","1213","1215","1217","1221"] },
  { gemeente: "Heerlen", code: "0917", province: "Limburg", woonplaats: "Heerlen", lat: 50.8904, lng: 5.9782, postcodes: ["6411","6413","6415","6417","6419"] },
  { gemeente: "Assen", code: "0106", province: "Drenthe", woonplaats: "Assen", lat: 53.0029, lng: 6.5528, postcodes: ["9401","9402","9403","9404","9405"] },
  { gemeente: "Middelburg", code: "0687", province: "Zeeland", woonplaats: "Middelburg", lat: 51.4977, lng: 3.6169, postcodes: ["4331","4332","4333","4334","4335"] },
  { gemeente: "Lelystad", code: "0995", province: "Flevoland", woonplaats: "Lelystad", lat: 52.509, lng: 5.4802, postcodes: ["8211","8219","8223","8226","8233"] },
  { gemeente: "Hoorn", code: "0405", province: "Noord-Holland", woonplaats: "Hoorn", lat: 52.6462, lng: 5.0676, postcodes: ["1621","1622","1623","1624","1625"] },
  { gemeente: "Gouda", code: "0513", province: "Zuid-Holland", woonplaats: "Gouda", lat: 52.0142, lng: 4.7117, postcodes: ["2801","2802","2803","2804","2805"] },
  { gemeente: "Sittard-Geleen", code: "1883", province: "Limburg", woonplaats: "Sittard", lat: 50.9979, lng: 5.868, postcodes: ["6131","6132","6133","6134","6135"] },
  { gemeente: "Roosendaal", code: "1674", province: "Noord-Brabant", woonplaats: "Roosendaal", lat: 51.5346, lng: 4.4697, postcodes: ["4701","4702","4703","4704","4705"] },
  { gemeente: "Den Helder", code: "0400", province: "Noord-Holland", woonplaats: "Den Helder", lat: 52.9422, lng: 4.7604, postcodes: ["1781","1782","1783","1784","1785"] },
  { gemeente: "Vlissingen", code: "0718", province: "Zeeland", woonplaats: "Vlissingen", lat: 51.4594, lng: 3.5735, postcodes: ["4381","4382","4383","4384","4385"] },
  { gemeente: "Harderwijk", code: "0243", province: "Gelderland", woonplaats: "Harderwijk", lat: 52.3411, lng: 5.6274, postcodes: ["3841","3842","3843","3844","3845"] },
  { gemeente: "Bergen op Zoom", code: "0748", province: "Noord-Brabant", woonplaats: "Bergen op Zoom", lat: 51.4914, lng: 4.2933, postcodes: ["4611","4613","4615","4617","4622"] },
  { gemeente: "Goes", code: "0664", province: "Zeeland", woonplaats: "Goes", lat: 51.5073, lng: 3.8928, postcodes: ["4461","4462","4463","4464","4465"] },
  { gemeente: "Smallingerland", code: "0090", province: "Friesland", woonplaats: "Drachten", lat: 53.1073, lng: 6.0855, postcodes: ["9201","9202","9203","9204","9205"] },
  { gemeente: "Hoogeveen", code: "0118", province: "Drenthe", woonplaats: "Hoogeveen", lat: 52.7208, lng: 6.4853, postcodes: ["7901","7903","7905","7907","7909"] },
  { gemeente: "Oss", code: "0828", province: "Noord-Brabant", woonplaats: "Oss", lat: 51.7646, lng: 5.5186, postcodes: ["5341","5343","5345","5347","5349"] },
]

/** Invented street and neighbourhood names (no claim that such a group exists). */
const STREETS = [
  "Lindenlaan", "Berkenhof", "Eikenlaan", "Kastanjehof", "Wilgenweg", "Esdoornstraat", "Populierenpad", "Beukenlaan",
  "Elzenhof", "Platanenlaan", "Merelstraat", "Lijsterhof", "Zwaluwlaan", "Reigerweg", "Koekoekstraat", "Spreeuwenhof",
  "Meeuwenlaan", "Valkstraat", "Tulpstraat", "Rozenhof", "Irisweg", "Krokuslaan", "Seringenhof", "Lavendelweg",
  "Zonnebloemstraat", "Klaverhof", "Hazelaarlaan", "Vlierbesstraat", "Mispelhof", "Duindoornweg", "Kwartelhof", "Roerdomplaan",
]

const PATTERNS = [
  (street: string) => `Buurtpreventie ${street} e.o.`,
  (street: string) => `WhatsApp Buurtpreventie ${street}`,
  (street: string) => `WABP ${street} en omstreken`,
  (street: string) => `Buurtalert ${street}`,
]

export const DEMO_GROUPS_PER_MUNICIPALITY = 4

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same demo groups. */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function demoGroups(): (GroupInput & { slug: string })[] {
  const next = random(20261125)
  const round = (n: number) => Math.round(n * 1e5) / 1e5
  const groups: (GroupInput & { slug: string })[] = []
  let n = 0
  DEMO_MUNICIPALITIES.forEach((m, i) => {
    for (let j = 0; j < DEMO_GROUPS_PER_MUNICIPALITY; j++) {
      n++
      const street = STREETS[(i * 5 + j * 7) % STREETS.length]
      const name = PATTERNS[(i + j) % PATTERNS.length](street)
      const first = m.postcodes[j % m.postcodes.length]
      const second = m.postcodes[(j + 1) % m.postcodes.length]
      const postcodes = next() < 0.4 ? [first, second] : [first]
      const number = String(n).padStart(3, "0")
      groups.push({
        name,
        slug: baseSlug(name, m.woonplaats),
        woonplaats: m.woonplaats,
        gemeente: m.gemeente,
        gemeente_code: m.code,
        postcodes,
        lat: round(m.lat + (next() - 0.5) * 0.05),
        lng: round(m.lng + (next() - 0.5) * 0.08),
        member_count: 8 + Math.floor(next() * 220),
        admin_name: `Demo Beheerder ${number}`,
        admin_email: `beheerder-${number}@example.nl`,
        admin_phone: `+3160000${number.padStart(4, "0")}`,
        accepted_rules: true,
        status: "approved",
        metadata: { demo: true },
      })
    }
  })
  return groups
}

export async function seedGroups(container: MedusaContainer): Promise<{ created: number; total: number }> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service: NeighbourhoodGroupModuleService = container.resolve(NEIGHBOURHOOD_GROUP_MODULE)
  const groups = demoGroups()
  const existing = await service.listNeighbourhoodGroups({ slug: groups.map((g) => g.slug) }, { select: ["slug"] })
  const have = new Set(existing.map((g) => g.slug))
  const missing = groups.filter((g) => !have.has(g.slug))
  if (missing.length) {
    await createGroupsWorkflow(container).run({ input: { groups: missing, check_duplicates: false } })
  }
  logger.info(`Demo groups: ${groups.length} (${missing.length} new)`)
  return { created: missing.length, total: groups.length }
}
