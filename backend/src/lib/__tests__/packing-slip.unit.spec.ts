import { renderPackingSlip } from "../packing-slip"

describe("renderPackingSlip", () => {
  const html = renderPackingSlip({
    display_id: 7,
    created_at: "2026-11-25T09:30:00Z",
    shipping_address: { first_name: "Anouk", last_name: "de <Vries>", address_1: "Lindelaan 12", postal_code: "3581 AB", city: "Utrecht", country_code: "nl", phone: "0612345678" },
    shipping_methods: ["Pakket Nederland"],
    items: [
      { title: "Straatbord", variant_title: "30 x 45 cm", sku: "BORD-WAB-3045-ALU", quantity: 2 },
      { title: "Starterspakket straat", variant_title: "Starter", sku: "PAKKET-STARTER", quantity: 1, parts: [{ sku: "KLEM-048", title: "Klem (48 mm)", quantity: 2 }] },
    ],
  })

  it("is a Dutch Pakbon with number, date, address and lines, without prices", () => {
    expect(html).toContain("<title>Pakbon #7 | Buurtpreventie Shop</title>")
    expect(html).toContain("Besteldatum: 25 november 2026")
    expect(html).toContain("Anouk de &lt;Vries&gt;<br>Lindelaan 12<br>3581 AB Utrecht<br>Nederland<br>Tel. 0612345678")
    expect(html).toContain('<td class="sku">BORD-WAB-3045-ALU</td>')
    expect(html).toMatch(/Straatbord \(30 x 45 cm\)<\/td>\n<td class="qty">2<\/td>/)
    expect(html).toContain('<li>2 × Klem (48 mm) <span class="sku">KLEM-048</span></li>')
    expect(html).toContain("2 regels, 3 stuks in totaal.")
    expect(html).not.toMatch(/€|EUR|prijs/i)
    expect(html).not.toContain("window.print() })")
  })

  it("can open the print dialog and marks a canceled order", () => {
    const printed = renderPackingSlip({ display_id: 8, created_at: new Date(), shipping_methods: [], items: [], print: true, canceled: true })
    expect(printed).toContain('window.addEventListener("load", function () { window.print() })')
    expect(printed).toContain("Deze bestelling is geannuleerd: niet verzenden.")
  })
})
