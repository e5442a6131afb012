import { isUnpaidOrderOnAccount } from "../unpaid-orders"

const payment = (provider_id: string, extra: Record<string, unknown> = {}) => ({ provider_id, captured_at: null, canceled_at: null, ...extra })
const order = (payments: any[], extra: Record<string, unknown> = {}) => ({
  status: "pending",
  canceled_at: null,
  fulfillments: [],
  payment_collections: [{ payments }],
  ...extra,
})

describe("isUnpaidOrderOnAccount", () => {
  it("is an order on account whose payment nobody captured", () => {
    expect(isUnpaidOrderOnAccount(order([payment("pp_system_default")]))).toBe(true)
  })

  it("is not an order on invoice, a paid order, a cancelled order or one staff started to ship", () => {
    expect(isUnpaidOrderOnAccount(order([payment("pp_invoice_invoice")]))).toBe(false)
    expect(isUnpaidOrderOnAccount(order([payment("pp_system_default", { captured_at: "2026-11-02T10:00:00Z" })]))).toBe(false)
    expect(isUnpaidOrderOnAccount(order([payment("pp_system_default")], { status: "canceled" }))).toBe(false)
    expect(isUnpaidOrderOnAccount(order([payment("pp_system_default")], { fulfillments: [{ canceled_at: null }] }))).toBe(false)
    expect(isUnpaidOrderOnAccount(order([payment("pp_stripe-ideal_stripe")]))).toBe(false)
    expect(isUnpaidOrderOnAccount(order([]))).toBe(false)
  })

  it("looks past cancelled payments and cancelled fulfilments", () => {
    expect(
      isUnpaidOrderOnAccount(
        order([payment("pp_stripe_stripe", { canceled_at: "2026-11-01T10:00:00Z" }), payment("pp_system_default")], {
          fulfillments: [{ canceled_at: "2026-11-03T10:00:00Z" }],
        })
      )
    ).toBe(true)
  })
})
