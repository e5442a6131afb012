import { paymentState } from "../payment-state"

const card = { id: "pay_1", provider_id: "pp_stripe_stripe", amount: 35.3, currency_code: "eur", data: { id: "pi_123" } }

describe("paymentState", () => {
  it("a captured card payment is Betaald, with its Stripe id", () => {
    expect(paymentState({ ...card, captured_at: "2026-12-01T10:00:00Z" })).toMatchObject({ label: "Betaald", tone: "green", stripeId: "pi_123", method: "Creditcard (Stripe)" })
  })

  it("an authorised card payment that was not captured warns staff before the authorisation lapses", () => {
    const state = paymentState(card)
    expect(state).toMatchObject({ label: "Geautoriseerd, niet vastgelegd", tone: "red" })
    expect(state.hint).toMatch(/binnen 7 dagen/)
  })

  it("refunds and cancellations", () => {
    expect(paymentState({ ...card, captured_at: "x", refunds: [{ amount: 10 }] }).label).toBe("Betaald, deels terugbetaald")
    expect(paymentState({ ...card, captured_at: "x", refunds: [{ amount: 10 }, { amount: "25.3" }] }).label).toBe("Terugbetaald")
    expect(paymentState({ ...card, canceled_at: "x" }).label).toBe("Geannuleerd")
  })

  it("payment on account is not yet paid until staff register it", () => {
    expect(paymentState({ id: "pay_2", provider_id: "pp_system_default", amount: 20, currency_code: "eur" })).toMatchObject({
      label: "Nog niet betaald",
      method: "Betalen op rekening",
      stripeId: null,
    })
  })
})
