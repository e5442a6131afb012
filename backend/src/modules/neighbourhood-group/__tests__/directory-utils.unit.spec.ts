import { deriveMunicipalities, findSuccessors } from "../reference-data/municipalities"
import type { PostcodeAreaRow } from "../reference-data/geonames"
import { distanceKm, minKmBeyondDegrees } from "../utils/geo"
import { toPc4 } from "../utils/postcode"
import { groupNameKey, groupSearchText, searchTerms, slugify } from "../utils/text"
import { findWhatsAppInviteLinks, looksLikeWhatsAppInviteLink } from "../utils/whatsapp"

const row = (pc4: string, municipality: string, code: string, place = municipality, lat = 52, lng = 5): PostcodeAreaRow => ({
  pc4,
  place,
  municipality,
  municipality_code: code,
  province: "Utrecht",
  province_code: "09",
  lat,
  lng,
})

describe("text", () => {
  it("makes slugs without accents or punctuation", () => {
    expect(slugify("'s-Hertogenbosch")).toBe("s-hertogenbosch")
    expect(slugify("Súdwest-Fryslân")).toBe("sudwest-fryslan")
    expect(slugify("Bergen (NH.)")).toBe("bergen-nh")
    expect(slugify("Buurtpreventie Lindenlaan e.o.")).toBe("buurtpreventie-lindenlaan-e-o")
  })

  it("gives groups that differ only in generic words the same name key", () => {
    expect(groupNameKey("Buurtpreventie Lindenlaan e.o.")).toBe("lindenlaan")
    expect(groupNameKey("WhatsApp Buurtpreventie Lindenlaan")).toBe("lindenlaan")
    expect(groupNameKey("WABP  LINDENLAAN")).toBe("lindenlaan")
    expect(groupNameKey("Lindenlaan en Eikenlaan")).toBe("lindenlaan eikenlaan")
    // only generic words: keep them rather than an empty key
    expect(groupNameKey("Buurtpreventie")).toBe("buurtpreventie")
  })

  it("normalises search text and terms the same way", () => {
    expect(groupSearchText({ name: "Buurtalert Café-plein", woonplaats: "Den Haag", gemeente: "'s-Gravenhage", postcodes: ["2511"] })).toBe(
      "buurtalert cafe plein den haag s gravenhage 2511"
    )
    expect(searchTerms("  Café   PLEIN café ")).toEqual(["cafe", "plein"])
    expect(searchTerms("%_")).toEqual([])
  })
})

describe("postcodes and distances", () => {
  it("reduces postcodes to PC4", () => {
    expect(toPc4("3581")).toBe("3581")
    expect(toPc4(" 3581 ab ")).toBe("3581")
    expect(toPc4("3581AB")).toBe("3581")
    expect(toPc4("0581")).toBeNull()
    expect(toPc4("35811")).toBeNull()
    expect(toPc4("3581 A")).toBeNull()
  })

  it("measures great-circle distances", () => {
    // Utrecht Dom → Amsterdam Dam: about 35 km
    expect(distanceKm({ lat: 52.0907, lng: 5.1214 }, { lat: 52.3731, lng: 4.8926 })).toBeCloseTo(35, 0)
    expect(distanceKm({ lat: 52, lng: 5 }, { lat: 52, lng: 5 })).toBe(0)
  })
})

describe("WhatsApp invite links", () => {
  it.each([
    "https://chat.whatsapp.com/AbCdEf123",
    "chat.whatsapp.com/x",
    "CHAT . WHATSAPP . COM / x",
    "chat%2ewhatsapp%2ecom",
    "wa.me/31612345678",
    "https://wa.me/message/ABC",
    "whatsapp.com/channel/0029",
    "api.whatsapp.com/send?phone=31612345678",
    "invite.whatsapp.com/abc",
    // the dots left out: the reader puts them back (attacker walk, issue 24)
    "chat whatsapp com ABC",
    "Chat-WhatsApp-Com/AbC",
    "chat_whatsapp_com abc",
    "invite whatsapp com abc",
  ])("recognises %s", (value) => expect(looksLikeWhatsAppInviteLink(value)).toBe(true))

  it.each(["Buurtpreventie Wamel", "buurtwa.meer", "WhatsApp-groep Lindenlaan", "www.whatsapp.com", "Wa-Meent", "Chat en WhatsApp Companen", "WhatsApp communicatie"])(
    "leaves %s alone",
    (value) => expect(looksLikeWhatsAppInviteLink(value)).toBe(false)
  )

  it("finds links anywhere in a body", () => {
    expect(findWhatsAppInviteLinks({ name: "x", postcodes: ["3581", "wa.me/1"], nested: { a: "chat.whatsapp.com/b" } })).toEqual([
      ["postcodes", "1"],
      ["nested", "a"],
    ])
  })
})

describe("municipalities", () => {
  it("derives one municipality per code: most common name, mean centre, distinct slugs", () => {
    const derived = deriveMunicipalities([
      row("1000", "Bergen", "0373", "Bergen", 52.6, 4.7),
      row("1001", "Bergen", "0373", "Egmond", 52.7, 4.6),
      row("6000", "Bergen", "0893", "Bergen", 51.6, 6.0),
    ])
    expect(derived).toEqual([
      { code: "0373", name: "Bergen", slug: "bergen", province: "Utrecht", lat: 52.65, lng: 4.65 },
      { code: "0893", name: "Bergen", slug: "bergen-utrecht", province: "Utrecht", lat: 51.6, lng: 6 },
    ])
  })

  it("finds the successor of a renamed or merged municipality, and none when its postcodes vanished", () => {
    const previousAreas = [
      { pc4: "1000", municipality_code: "0001" },
      { pc4: "2000", municipality_code: "0002" },
      { pc4: "2001", municipality_code: "0002" },
      { pc4: "3000", municipality_code: "0003" },
      { pc4: "3001", municipality_code: "0003" },
      { pc4: "3002", municipality_code: "0003" },
    ]
    const nextRows = [row("1000", "Nieuwe Naam", "0001"), row("2000", "Groot", "0009"), row("2001", "Groot", "0009"), row("3000", "Groot", "0009")]
    const next = deriveMunicipalities(nextRows)
    const successors = findSuccessors(
      [
        { slug: "oude-naam", code: "0001" },
        { slug: "klein", code: "0002" },
        { slug: "verdwenen", code: "0003" },
        { slug: "groot", code: "0009" },
      ],
      previousAreas,
      next,
      nextRows
    )
    expect(Object.fromEntries(successors)).toEqual({ "oude-naam": "nieuwe-naam", klein: "groot", verdwenen: null })
  })
})

describe("minKmBeyondDegrees (the proof behind nearest-first search through the point index)", () => {
  it("never exceeds the real distance of a point that many plain degrees away, over and around the Netherlands and Belgium", () => {
    let seed = 42
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    let tightest = Infinity
    for (let i = 0; i < 20000; i++) {
      const a = { lat: 49 + random() * 5, lng: 2 + random() * 6 }
      const b = { lat: 49 + random() * 5, lng: 2 + random() * 6 }
      const degrees = Math.hypot(b.lat - a.lat, b.lng - a.lng)
      const bound = minKmBeyondDegrees(a.lat, degrees)
      expect(bound).toBeLessThanOrEqual(distanceKm(a, b))
      tightest = Math.min(tightest, distanceKm(a, b) / Math.max(bound, 1e-9))
    }
    // and it is not uselessly loose: due north/south the bound is within ~45 % of the truth
    expect(tightest).toBeLessThan(1.5)
  })

  it("grows with the distance in degrees", () => {
    expect(minKmBeyondDegrees(52, 0.1)).toBeLessThan(minKmBeyondDegrees(52, 0.2))
    expect(minKmBeyondDegrees(52, 0)).toBe(0)
  })
})

describe("duplicate keys see through invisible characters and compatibility forms", () => {
  it("keys a name with zero-width characters, soft hyphens or full-width letters like the plain name", () => {
    const plain = groupNameKey("Buurtpreventie Lindenlaan")
    expect(groupNameKey("Buurtpreventie Linden\u200Blaan")).toBe(plain)
    expect(groupNameKey("Buurtpreventie Linden\u00ADlaan")).toBe(plain)
    expect(groupNameKey("Buurtpreventie Ｌｉｎｄｅｎｌａａｎ")).toBe(plain)
  })
})
