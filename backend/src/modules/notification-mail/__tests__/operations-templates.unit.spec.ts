import { lowStockAlert, orderShipped, staffInvite } from "../operations-templates"

describe("low-stock alert", () => {
  const item = {
    name: "Straatbord (40 x 60 cm / Aluminium dibond 3 mm)",
    sku: "BORD-WAB-4060-DIB",
    available: 4,
    threshold: 10,
    stocked: 6,
    reserved: 2,
    url: "http://localhost:9000/app/inventory/iitem_1",
    kits: ["Buurtpakket (4 per pakket)"],
  }

  it("names the item, its stock and where to look", () => {
    const mail = lowStockAlert({ items: [item], overview_url: "http://localhost:9000/app/orders" })
    expect(mail.subject).toBe("Lage voorraad: Straatbord (40 x 60 cm / Aluminium dibond 3 mm) (BORD-WAB-4060-DIB)")
    expect(mail.text).toContain("- Straatbord (40 x 60 cm / Aluminium dibond 3 mm), SKU BORD-WAB-4060-DIB: nog 4 beschikbaar (drempel 10; op voorraad 6, gereserveerd 2)")
    expect(mail.text).toContain("  Ook in: Buurtpakket (4 per pakket)")
    expect(mail.text).toContain("  Bekijken: http://localhost:9000/app/inventory/iitem_1")
    expect(mail.html).toContain('<a href="http://localhost:9000/app/inventory/iitem_1">')
  })

  it("says sold out, and counts several items in the subject", () => {
    const mail = lowStockAlert({ items: [{ ...item, available: 0 }, { ...item, sku: "X" }], overview_url: "u" })
    expect(mail.subject).toBe("Lage voorraad: 2 artikelen")
    expect(mail.text).toContain("BORD-WAB-4060-DIB: uitverkocht")
  })
})

describe("order shipped", () => {
  const data = {
    display_id: 12,
    items: [{ title: "Straatbord <WAB>", variant_title: "30 x 45 cm", quantity: 2 }],
    tracking: [{ number: "3SABCD123", url: "https://jouw.postnl.nl/track-and-trace/3SABCD123-NL-3581AB" }],
    shipping_address: { first_name: "Anouk", last_name: "de Vries", address_1: "Lindelaan 12", postal_code: "3581 AB", city: "Utrecht", country_code: "nl" },
  }

  it("tells the customer, with the track-and-trace link", () => {
    const mail = orderShipped(data)
    expect(mail.subject).toBe("Je bestelling is verzonden (#12)")
    expect(mail.text).toContain("Hallo Anouk,")
    expect(mail.text).toContain("Volg je pakket met track & trace:\nhttps://jouw.postnl.nl/track-and-trace/3SABCD123-NL-3581AB\n(code 3SABCD123)")
    expect(mail.text).toContain("- 2 × Straatbord <WAB> (30 x 45 cm)")
    expect(mail.html).toContain('<a href="https://jouw.postnl.nl/track-and-trace/3SABCD123-NL-3581AB">Track &amp; trace 3SABCD123</a>')
    expect(mail.html).toContain("2 × Straatbord &lt;WAB&gt; (30 x 45 cm)")
  })

  it("without a tracking number says so", () => {
    expect(orderShipped({ ...data, tracking: [] }).text).toContain("Deze zending heeft geen track & trace-code")
  })
})

describe("staff invite", () => {
  it("links to the admin's invite page and says until when", () => {
    const mail = staffInvite({ invite_url: "http://localhost:9000/app/invite?token=abc.def", expires_at: "2026-11-26T12:00:00Z" })
    expect(mail.subject).toBe("Uitnodiging voor de beheeromgeving van Buurtpreventie Shop")
    expect(mail.text).toContain("\nhttp://localhost:9000/app/invite?token=abc.def\n")
    expect(mail.text).toContain("De link is geldig tot 26 november 2026 om 13:00.")
    expect(mail.html).toContain('href="http://localhost:9000/app/invite?token=abc.def"')
  })
})
