import { describe, expect, it } from "vitest";
import { BANCONTACT_PROVIDER, CARD_PROVIDER, IDEAL_PROVIDER, INVOICE_PROVIDER, MANUAL_PROVIDER, paymentMethods } from "./payment";

const NL = [CARD_PROVIDER, IDEAL_PROVIDER, MANUAL_PROVIDER, INVOICE_PROVIDER];
const BE = [CARD_PROVIDER, BANCONTACT_PROVIDER, MANUAL_PROVIDER, INVOICE_PROVIDER];

describe("paymentMethods", () => {
  it("puts iDEAL | Wero first in Nederland, then card, then the offline methods", () => {
    const methods = paymentMethods(NL, "nl", { online: true });
    expect(methods.map((m) => m.label)).toEqual(["iDEAL | Wero", "Creditcard", "Betalen op rekening", "Op factuur (gemeente/organisatie)"]);
    expect(methods.map((m) => m.online)).toEqual([true, true, false, false]);
  });

  it("puts Bancontact first in België", () => {
    expect(paymentMethods(BE, "be", { online: true }).map((m) => m.provider)).toEqual([BANCONTACT_PROVIDER, CARD_PROVIDER, MANUAL_PROVIDER, INVOICE_PROVIDER]);
  });

  it("lists only what the region offers, e.g. no manual provider when staff switched it off", () => {
    expect(paymentMethods([IDEAL_PROVIDER, CARD_PROVIDER, "pp_unknown_x"], "nl", { online: true }).map((m) => m.provider)).toEqual([IDEAL_PROVIDER, CARD_PROVIDER]);
  });

  it("leaves out online methods when the storefront has no Stripe key", () => {
    expect(paymentMethods(NL, "nl", { online: false }).map((m) => m.provider)).toEqual([MANUAL_PROVIDER, INVOICE_PROVIDER]);
  });
});
