/**
 * The shop's starting catalogue. Prices are in euros including 21% btw
 * (the regions are tax-inclusive), weights in grams.
 */

export type CategoryHandle = "borden" | "stickers" | "pakketten" | "bevestiging"

export const CATEGORIES: { handle: CategoryHandle; name: string; description: string }[] = [
  { handle: "borden", name: "Borden", description: "Aluminium straatborden die laten zien dat de buurt oplet." },
  { handle: "stickers", name: "Stickers", description: "Raam-, deur- en autostickers voor bewoners." },
  { handle: "pakketten", name: "Pakketten", description: "Voordelige pakketten met borden en stickers voor een hele straat." },
  { handle: "bevestiging", name: "Bevestiging", description: "Klemmen en beugels om borden aan een paal of gevel te hangen." },
]

/** Which shipping profile a product ships under (see seed-shop.ts). */
export type ShippingKind = "pakket" | "brievenbus"

export type SeedVariant = {
  title: string
  sku: string
  options: Record<string, string>
  price: number
  weight: number
  stock?: number
  /** Inventory kit: the SKUs (and how many of each) this variant is made of. */
  kit?: { sku: string; quantity: number }[]
  /**
   * Quantity prices (per unit, incl. btw) from `minQuantity` units up to the next
   * tier; `price` above applies below the first tier. Seeded as Medusa tiered prices
   * (min_quantity/max_quantity in the variant's price set) by tier-prices.ts.
   */
  tiers?: PriceTier[]
}

export type PriceTier = { minQuantity: number; price: number }

/** Signs: ~7 % off from 5 units, ~12 % from 10 (groups ordering for several streets). */
const signTiers = (from5: number, from10: number): PriceTier[] => [
  { minQuantity: 5, price: from5 },
  { minQuantity: 10, price: from10 },
]

/**
 * Stickers: the same discounts from 10 and 25 units (a street's worth): stickers are
 * sold one by one, so 5 would be an ordinary household order.
 */
const stickerTiers = (from10: number, from25: number): PriceTier[] => [
  { minQuantity: 10, price: from10 },
  { minQuantity: 25, price: from25 },
]

export type SeedProduct = {
  handle: string
  title: string
  subtitle: string
  description: string
  category: CategoryHandle
  shipping: ShippingKind
  image: string
  material?: string
  options: { title: string; values: string[] }[]
  variants: SeedVariant[]
}

export const PRODUCTS: SeedProduct[] = [
  {
    handle: "straatbord-whatsapp-buurtpreventie",
    title: "Straatbord WhatsApp-buurtpreventie",
    subtitle: "Het bekende bord: hier let de buurt op",
    description:
      "Stevig aluminium straatbord met de tekst 'WhatsApp Buurtpreventie' en het oog-symbool. Weerbestendig bedrukt met UV-bestendige inkt en afgeronde hoeken. Met voorgeboorde gaten voor klemmen of beugels (apart te bestellen).",
    category: "borden",
    shipping: "pakket",
    image: "bord-whatsapp-buurtpreventie.svg",
    material: "Aluminium",
    options: [
      { title: "Maat", values: ["30 x 45 cm", "40 x 60 cm"] },
      { title: "Materiaal", values: ["Aluminium 1,5 mm", "Aluminium dibond 3 mm"] },
    ],
    variants: [
      { title: "30 x 45 cm / Aluminium 1,5 mm", sku: "BORD-WAB-3045-ALU", options: { Maat: "30 x 45 cm", Materiaal: "Aluminium 1,5 mm" }, price: 19.95, weight: 450, stock: 180, tiers: signTiers(18.55, 17.55) },
      { title: "30 x 45 cm / Aluminium dibond 3 mm", sku: "BORD-WAB-3045-DIB", options: { Maat: "30 x 45 cm", Materiaal: "Aluminium dibond 3 mm" }, price: 24.95, weight: 700, stock: 60, tiers: signTiers(23.2, 21.95) },
      { title: "40 x 60 cm / Aluminium 1,5 mm", sku: "BORD-WAB-4060-ALU", options: { Maat: "40 x 60 cm", Materiaal: "Aluminium 1,5 mm" }, price: 29.95, weight: 800, stock: 120, tiers: signTiers(27.85, 26.35) },
      { title: "40 x 60 cm / Aluminium dibond 3 mm", sku: "BORD-WAB-4060-DIB", options: { Maat: "40 x 60 cm", Materiaal: "Aluminium dibond 3 mm" }, price: 36.95, weight: 1250, stock: 8, tiers: signTiers(34.35, 32.5) },
    ],
  },
  {
    handle: "straatbord-reflecterend",
    title: "Straatbord WhatsApp-buurtpreventie reflecterend",
    subtitle: "Ook 's nachts goed zichtbaar in de koplampen",
    description:
      "Aluminium bord met reflecterende folie (klasse 1), zodat het bord in het donker oplicht in koplampen en zaklampen. Ideaal voor donkere straten, brandgangen en parkeerterreinen.",
    category: "borden",
    shipping: "pakket",
    image: "bord-reflecterend.svg",
    material: "Aluminium",
    options: [{ title: "Maat", values: ["30 x 45 cm", "40 x 60 cm"] }],
    variants: [
      { title: "30 x 45 cm", sku: "BORD-REF-3045", options: { Maat: "30 x 45 cm" }, price: 34.95, weight: 500, stock: 75, tiers: signTiers(32.5, 30.75) },
      { title: "40 x 60 cm", sku: "BORD-REF-4060", options: { Maat: "40 x 60 cm" }, price: 44.95, weight: 850, stock: 40, tiers: signTiers(41.8, 39.55) },
    ],
  },
  {
    handle: "lantaarnpaalbord",
    title: "Lantaarnpaalbord WhatsApp-buurtpreventie",
    subtitle: "Smal bord voor lantaarnpalen en hekken",
    description:
      "Compact aluminium bord van 20 x 30 cm voor lantaarnpalen, hekken en smalle gevels waar een groot straatbord niet past.",
    category: "borden",
    shipping: "pakket",
    image: "bord-lantaarnpaal.svg",
    material: "Aluminium",
    options: [{ title: "Maat", values: ["20 x 30 cm"] }],
    variants: [
      { title: "20 x 30 cm", sku: "BORD-LP-2030", options: { Maat: "20 x 30 cm" }, price: 14.95, weight: 250, stock: 200, tiers: signTiers(13.9, 13.15) },
    ],
  },
  {
    handle: "raamsticker-whatsapp-buurtpreventie",
    title: "Raamsticker WhatsApp-buurtpreventie",
    subtitle: "Voor ramen en deuren van bewoners",
    description:
      "Heldere raamsticker die inbrekers laat weten dat de bewoners in een buurtpreventiegroep zitten. Kies voor de binnenkant (bedrukt aan de plakzijde, door het glas leesbaar) of de buitenkant van het raam.",
    category: "stickers",
    shipping: "brievenbus",
    image: "sticker-raam.svg",
    material: "Vinyl",
    options: [
      { title: "Maat", values: ["10 x 15 cm", "15 x 22 cm"] },
      { title: "Uitvoering", values: ["Binnenkant raam", "Buitenkant raam"] },
    ],
    variants: [
      { title: "10 x 15 cm / Binnenkant raam", sku: "STK-RAAM-1015-BIN", options: { Maat: "10 x 15 cm", Uitvoering: "Binnenkant raam" }, price: 2.95, weight: 10, stock: 2500, tiers: stickerTiers(2.75, 2.6) },
      { title: "10 x 15 cm / Buitenkant raam", sku: "STK-RAAM-1015-BUI", options: { Maat: "10 x 15 cm", Uitvoering: "Buitenkant raam" }, price: 2.95, weight: 10, stock: 2500, tiers: stickerTiers(2.75, 2.6) },
      { title: "15 x 22 cm / Binnenkant raam", sku: "STK-RAAM-1522-BIN", options: { Maat: "15 x 22 cm", Uitvoering: "Binnenkant raam" }, price: 3.95, weight: 15, stock: 1200, tiers: stickerTiers(3.65, 3.5) },
      { title: "15 x 22 cm / Buitenkant raam", sku: "STK-RAAM-1522-BUI", options: { Maat: "15 x 22 cm", Uitvoering: "Buitenkant raam" }, price: 3.95, weight: 15, stock: 1200, tiers: stickerTiers(3.65, 3.5) },
    ],
  },
  {
    handle: "autosticker",
    title: "Autosticker WhatsApp-buurtpreventie",
    subtitle: "Laat zien dat je meedoet, ook onderweg",
    description:
      "Weerbestendige sticker voor de achterruit of bumper, bestand tegen de wasstraat.",
    category: "stickers",
    shipping: "brievenbus",
    image: "sticker-auto.svg",
    material: "Vinyl",
    options: [{ title: "Maat", values: ["8 x 20 cm"] }],
    variants: [
      { title: "8 x 20 cm", sku: "STK-AUTO-0820", options: { Maat: "8 x 20 cm" }, price: 2.5, weight: 10, stock: 900, tiers: stickerTiers(2.35, 2.2) },
    ],
  },
  {
    handle: "brievenbussticker",
    title: "Brievenbussticker WhatsApp-buurtpreventie",
    subtitle: "Klein formaat voor brievenbus of voordeur",
    description: "Kleine sticker van 5 x 10 cm voor de brievenbus, deurpost of meterkastdeur.",
    category: "stickers",
    shipping: "brievenbus",
    image: "sticker-brievenbus.svg",
    material: "Vinyl",
    options: [{ title: "Maat", values: ["5 x 10 cm"] }],
    variants: [
      { title: "5 x 10 cm", sku: "STK-BB-0510", options: { Maat: "5 x 10 cm" }, price: 1.5, weight: 5, stock: 3000, tiers: stickerTiers(1.4, 1.3) },
    ],
  },
  {
    handle: "bevestigingsklem-paal",
    title: "Bevestigingsklem voor paal (set van 2)",
    subtitle: "Voor ronde palen van 48 tot 76 mm",
    description:
      "Verzinkte stalen klemmen met bout en moer om een straatbord aan een ronde paal te bevestigen. Per set van 2; reken op één set per bord.",
    category: "bevestiging",
    shipping: "pakket",
    image: "klem-paal.svg",
    material: "Verzinkt staal",
    options: [{ title: "Paaldiameter", values: ["48 mm", "60 mm", "76 mm"] }],
    variants: [
      { title: "48 mm", sku: "KLEM-048", options: { Paaldiameter: "48 mm" }, price: 4.95, weight: 180, stock: 300 },
      { title: "60 mm", sku: "KLEM-060", options: { Paaldiameter: "60 mm" }, price: 4.95, weight: 200, stock: 300 },
      { title: "76 mm", sku: "KLEM-076", options: { Paaldiameter: "76 mm" }, price: 5.95, weight: 240, stock: 150 },
    ],
  },
  {
    handle: "muurbeugel",
    title: "Muurbeugel voor straatbord",
    subtitle: "Haaks op de gevel, van twee kanten leesbaar",
    description:
      "Gepoedercoate aluminium beugel om een bord haaks op een gevel te monteren. Inclusief pluggen en schroeven.",
    category: "bevestiging",
    shipping: "pakket",
    image: "beugel-muur.svg",
    material: "Aluminium",
    options: [{ title: "Uitvoering", values: ["Standaard"] }],
    variants: [
      { title: "Standaard", sku: "BEUGEL-MUUR", options: { Uitvoering: "Standaard" }, price: 12.95, weight: 400, stock: 90 },
    ],
  },
  {
    handle: "starterspakket-straat",
    title: "Starterspakket straat",
    subtitle: "2 borden + 20 raamstickers + 2 sets klemmen",
    description:
      "Alles om een straat zichtbaar te maken: twee aluminium straatborden van 30 x 45 cm, twintig raamstickers (binnenkant raam) en twee sets klemmen voor palen van 48 mm.",
    category: "pakketten",
    shipping: "pakket",
    image: "pakket-starter.svg",
    options: [{ title: "Pakket", values: ["Starter"] }],
    variants: [
      {
        title: "Starter",
        sku: "PAKKET-STARTER",
        options: { Pakket: "Starter" },
        price: 64.95,
        weight: 1300,
        kit: [
          { sku: "BORD-WAB-3045-ALU", quantity: 2 },
          { sku: "STK-RAAM-1015-BIN", quantity: 20 },
          { sku: "KLEM-048", quantity: 2 },
        ],
      },
    ],
  },
  {
    handle: "buurtpakket",
    title: "Buurtpakket",
    subtitle: "4 grote borden + 50 raamstickers + 4 sets klemmen",
    description:
      "Voor een hele wijk of meerdere straten: vier straatborden van 40 x 60 cm, vijftig raamstickers en vier sets klemmen voor palen van 60 mm.",
    category: "pakketten",
    shipping: "pakket",
    image: "pakket-buurt.svg",
    options: [{ title: "Pakket", values: ["Buurt"] }],
    variants: [
      {
        title: "Buurt",
        sku: "PAKKET-BUURT",
        options: { Pakket: "Buurt" },
        price: 159,
        weight: 4200,
        kit: [
          { sku: "BORD-WAB-4060-ALU", quantity: 4 },
          { sku: "STK-RAAM-1015-BIN", quantity: 50 },
          { sku: "KLEM-060", quantity: 4 },
        ],
      },
    ],
  },
]

/** Shipping prices in euros incl. btw; free above the threshold (item total incl. btw). */
export const SHIPPING = {
  nl: { pakket: 6.95, brievenbus: 2.5, freeFrom: 75 },
  be: { pakket: 12.95, brievenbus: 4.5, freeFrom: 150 },
} as const
