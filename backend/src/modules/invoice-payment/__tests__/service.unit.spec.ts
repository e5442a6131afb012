import { InvoicePaymentProviderService } from "../service"

const provider = new InvoicePaymentProviderService({}, {})
const valid = { organisation: "Gemeente Utrecht", kvk_number: "3020 3410" }

describe("InvoicePaymentProviderService", () => {
  it("is registered as pp_invoice_invoice (identifier invoice, id invoice)", () => {
    expect(InvoicePaymentProviderService.identifier).toBe("invoice")
  })

  it("starts a session with the normalised organisation data", async () => {
    const session = await provider.initiatePayment({ amount: 10, currency_code: "eur", data: { invoice: valid } })
    expect(session.data).toEqual({ invoice: { organisation: "Gemeente Utrecht", kvk_number: "30203410" } })
    expect(session.id).toBeTruthy()
  })

  it("refuses a session without valid data, with the Dutch reasons", async () => {
    await expect(provider.initiatePayment({ amount: 10, currency_code: "eur" })).rejects.toThrow(
      "De factuurgegevens kloppen niet: Vul de naam van de gemeente of organisatie in. Vul een KvK-nummer of een btw-nummer in"
    )
    await expect(
      provider.initiatePayment({ amount: 10, currency_code: "eur", data: { invoice: { organisation: "X", vat_number: "NL1" } } })
    ).rejects.toThrow("Vul een geldig btw-nummer in")
  })

  it("authorizes at once (no money moves online) and keeps the payment authorized until staff capture it", async () => {
    const authorized = await provider.authorizePayment({ data: { invoice: valid } })
    expect(authorized.status).toBe("authorized")
    expect((await provider.getPaymentStatus({ data: {} })).status).toBe("authorized")
    const captured = await provider.capturePayment({ data: { invoice: valid } })
    expect(captured.data).toMatchObject({ invoice: valid, captured_at: expect.any(String) })
  })
})
