import { buildMailMessage } from "../message"
import { formatMoney } from "../../../lib/money"
import { orderPlaced, renderTemplate, type OrderPlacedData } from "../templates"

const NBSP = "\u00a0"

const order: OrderPlacedData = {
  display_id: 42,
  currency_code: "eur",
  items: [
    { title: "Raamsticker WhatsApp-buurtpreventie", variant_title: "10 x 15 cm / Binnenkant raam", quantity: 2, unit_price: 2.95, total: 5.9 },
    { title: "Muurbeugel <voor> straatbord", variant_title: null, quantity: 1, unit_price: 12.95, total: 12.95 },
  ],
  shipping_methods: [{ name: "Pakket Nederland", total: 6.95 }],
  item_total: 18.85,
  shipping_total: 6.95,
  tax_total: 4.48,
  total: 25.8,
  shipping_address: {
    first_name: "Anouk",
    last_name: "de Vries",
    address_1: "Lindelaan 12",
    postal_code: "3581 AB",
    city: "Utrecht",
    country_code: "nl",
  },
}

describe("formatMoney", () => {
  it("formats major units in Dutch euros", () => {
    expect(formatMoney(12.95)).toBe(`€${NBSP}12,95`)
    expect(formatMoney(1234.5)).toBe(`€${NBSP}1.234,50`)
    expect(formatMoney(0)).toBe(`€${NBSP}0,00`)
  })
})

describe("order-placed template", () => {
  const mail = orderPlaced(order)

  it("thanks the shopper in the subject with the order number", () => {
    expect(mail.subject).toBe("Bedankt voor je bestelling #42")
  })

  it("lists quantities, prices, shipping, total and the btw included, and the address", () => {
    expect(mail.text).toContain(`- 2 × Raamsticker WhatsApp-buurtpreventie (10 x 15 cm / Binnenkant raam): €${NBSP}5,90 (€${NBSP}2,95 per stuk)`)
    expect(mail.text).toContain(`- 1 × Muurbeugel <voor> straatbord: €${NBSP}12,95`)
    expect(mail.text).toContain(`Verzending (Pakket Nederland): €${NBSP}6,95`)
    expect(mail.text).toContain(`Totaal: €${NBSP}25,80`)
    expect(mail.text).toContain(`Inclusief btw: €${NBSP}4,48`)
    expect(mail.text).toContain("Anouk de Vries\nLindelaan 12\n3581 AB Utrecht\nNederland")
  })

  it("escapes data in the HTML part", () => {
    expect(mail.html).toContain("Muurbeugel &lt;voor&gt; straatbord")
    expect(mail.html).not.toContain("<voor>")
    expect(mail.html).toContain('<html lang="nl">')
  })

  it("is reachable by template name and refuses unknown ones", () => {
    expect(renderTemplate("order-placed", order as any).subject).toBe(mail.subject)
    expect(() => renderTemplate("nope", {})).toThrow(/Unknown e-mail template "nope"/)
  })
})

describe("buildMailMessage", () => {
  it("renders the template, with the default sender", () => {
    const message = buildMailMessage({ to: "a@example.nl", channel: "email", template: "order-placed", data: order as any }, "Shop <s@x.nl>")
    expect(message).toMatchObject({ from: "Shop <s@x.nl>", to: "a@example.nl", subject: "Bedankt voor je bestelling #42" })
  })

  it("sends given content as is", () => {
    const message = buildMailMessage(
      { to: "a@example.nl", from: "Other <o@x.nl>", channel: "email", template: "whatever", content: { subject: "Hoi", text: "Tekst" } },
      "Shop <s@x.nl>"
    )
    expect(message).toEqual({ from: "Other <o@x.nl>", to: "a@example.nl", subject: "Hoi", text: "Tekst", html: "" })
  })
})
