import { orderPlaced } from "../templates"
import { unpaidOrderCancelled, unpaidOrderReminder, withdrawalReceived } from "../withdrawal-templates"

const items = [{ title: "Straatbord <WhatsApp>", variant_title: "30 x 45 cm", quantity: 2 }]

describe("withdrawal and unpaid-order e-mails", () => {
  it("acknowledges a withdrawal with its date and time in Dutch time, HTML-escaped", () => {
    const mail = withdrawalReceived({ display_id: 1042, withdrawn_at: "2026-12-03T13:05:00Z", first_name: "Anouk", items, next_steps: ["Eerste stap.", "Tweede stap."] })
    expect(mail.subject).toBe("Bevestiging van je herroeping: bestelling #1042")
    expect(mail.text).toContain("Hallo Anouk,")
    expect(mail.text).toContain("ontvangen op 3 december 2026 om 14:05 (Nederlandse tijd)")
    expect(mail.text).toContain("- 2 × Straatbord <WhatsApp> (30 x 45 cm)")
    expect(mail.html).toContain("Straatbord &lt;WhatsApp&gt;")
    expect(mail.html).not.toContain("<WhatsApp>")
    expect(mail.text).toContain("Wat nu?\n\n- Eerste stap.\n- Tweede stap.")
  })

  it("reminds with amount, IBAN, payee and the cancellation date; announces the cancellation", () => {
    const base = { display_id: 7, total: 39.9, currency_code: "eur", placed_at: "2026-11-01T10:00:00Z", items }
    const reminder = unpaidOrderReminder({ ...base, cancel_at: "2026-11-15T10:00:00Z", iban: "NL91 ABNA 0417 1643 00", payee: "Shop B.V." })
    expect(reminder.subject).toBe("Herinnering: bestelling #7 is nog niet betaald")
    expect(reminder.text).toContain("Maak €\u00a039,90 over naar NL91 ABNA 0417 1643 00 ten name van Shop B.V., met bestelnummer 7 als omschrijving.")
    expect(reminder.text).toContain("Is het bedrag op 15 november 2026 nog niet binnen")
    const cancelled = unpaidOrderCancelled(base)
    expect(cancelled.subject).toBe("Bestelling #7 is geannuleerd")
    expect(cancelled.text).toContain("Je hoeft niets meer te betalen.")
    // the same reference as the confirmation and the reminder: the order number
    expect(cancelled.text).toContain("Heb je het bedrag toch net overgemaakt (omschrijving 7)")
  })

  it("links the order confirmation to the Herroepen page when given", () => {
    const order = { display_id: 5, items: [], shipping_methods: [], item_total: 0, shipping_total: 0, tax_total: 0, total: 0 }
    expect(orderPlaced(order).text).not.toContain("herroepen")
    const mail = orderPlaced({ ...order, withdrawal_url: "http://shop.test/herroepen?bestelling=5" })
    expect(mail.text).toContain("Overeenkomst herroepen: http://shop.test/herroepen?bestelling=5")
    expect(mail.html).toContain('<a href="http://shop.test/herroepen?bestelling=5">Overeenkomst herroepen</a>')
  })
})
