import { MedusaError } from "@medusajs/framework/utils"
import { PAY_ON_ACCOUNT_REFUSED, refuseManualPaymentWhenOff } from "../middlewares"

function run(env: { stripeApiKey?: string; payOnAccount?: boolean }, body: Record<string, unknown>) {
  const next = jest.fn()
  refuseManualPaymentWhenOff(() => env)({ body } as any, {} as any, next)
  return next.mock.calls[0][0]
}

describe("refuseManualPaymentWhenOff", () => {
  it("refuses Betalen op rekening with Stripe configured and PAY_ON_ACCOUNT off, in Dutch", () => {
    const error = run({ stripeApiKey: "sk_test_1", payOnAccount: false }, { provider_id: "pp_system_default" })
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(error.message).toBe(PAY_ON_ACCOUNT_REFUSED)
  })

  it("lets it through when staff switched it on, or when there is no online payment method", () => {
    expect(run({ stripeApiKey: "sk_test_1", payOnAccount: true }, { provider_id: "pp_system_default" })).toBeUndefined()
    expect(run({}, { provider_id: "pp_system_default" })).toBeUndefined()
  })

  it("never touches other providers", () => {
    expect(run({ stripeApiKey: "sk_test_1" }, { provider_id: "pp_stripe-ideal_stripe" })).toBeUndefined()
    expect(run({ stripeApiKey: "sk_test_1" }, { provider_id: "pp_invoice_invoice" })).toBeUndefined()
  })
})
