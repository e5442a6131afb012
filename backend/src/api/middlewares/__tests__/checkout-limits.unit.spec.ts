import { checkoutLimits, completionKind, emailKey } from "../checkout-limits"

describe("emailKey: one budget per mailbox", () => {
  it("folds case, spaces and sub-addresses (name+tag)", () => {
    for (const spelling of ["anouk@example.nl", " Anouk@Example.NL ", "anouk+1@example.nl", "ANOUK+bestelling+2@example.nl"]) {
      expect(emailKey(spelling)).toBe("anouk@example.nl")
    }
  })

  it("folds Gmail's dots and googlemail.com, and only Gmail's", () => {
    expect(emailKey("a.n.o.u.k+x@googlemail.com")).toBe("anouk@gmail.com")
    expect(emailKey("A.Nouk@Gmail.com")).toBe("anouk@gmail.com")
    expect(emailKey("a.nouk@example.nl")).toBe("a.nouk@example.nl")
  })

  it("leaves what is not an address as it is (Medusa refuses it anyway)", () => {
    expect(emailKey("geen-adres")).toBe("geen-adres")
    expect(emailKey("@example.nl")).toBe("@example.nl")
  })
})

describe("checkoutLimits", () => {
  it("uses the configured budgets, each under its own name", () => {
    const limits = checkoutLimits({ perAddressHour: 10, perEmailHour: 5, perEmailDay: 15 })
    expect(limits.address).toEqual({ name: "checkout:address:10", points: 10, durationSeconds: 3600 })
    expect(limits.email).toEqual({ name: "checkout:email:5", points: 5, durationSeconds: 3600 })
    expect(limits.emailDay).toEqual({ name: "checkout:email-day:15", points: 15, durationSeconds: 86400 })
  })
})

describe("completionKind", () => {
  const cart = (...providers: string[]) => ({ email: "a@example.nl", completed_at: null, payment_collection: { payment_sessions: providers.map((provider_id) => ({ provider_id })) } })

  it("counts Betalen op rekening, Op factuur, unknown providers and carts without a payment yet", () => {
    expect(completionKind(cart("pp_system_default"))).toBe("counts")
    expect(completionKind(cart("pp_invoice_invoice"))).toBe("counts")
    expect(completionKind(cart("pp_someone_else"))).toBe("counts")
    expect(completionKind(cart("pp_stripe_stripe", "pp_system_default"))).toBe("counts")
    expect(completionKind({ email: null, payment_collection: null })).toBe("counts")
  })

  it("does not count Stripe's methods, a completed cart or a missing one", () => {
    expect(completionKind(cart("pp_stripe_stripe"))).toBe("online")
    expect(completionKind(cart("pp_stripe-ideal_stripe"))).toBe("online")
    expect(completionKind(cart("pp_stripe-bancontact_stripe"))).toBe("online")
    expect(completionKind({ ...cart("pp_system_default"), completed_at: "2026-12-06T10:00:00Z" })).toBe("none")
    expect(completionKind(undefined)).toBe("none")
  })
})
