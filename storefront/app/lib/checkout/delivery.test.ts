import { describe, expect, it } from "vitest";
import { freeShippingLine, freeShippingProgress } from "./delivery";

const info = { promise: "Voor 16:00 besteld, binnen 2 werkdagen in huis", freeShippingFrom: { nl: 75, be: 150 } };

describe("free shipping in the cart", () => {
  it("says how much is still missing, in euros", () => {
    expect(freeShippingProgress(info, "nl", 29.95)).toEqual({ free: false, text: "Nog €\u00a045,05 tot gratis verzending (vanaf €\u00a075,00)." });
    expect(freeShippingProgress(info, "nl", 74.99)?.text).toBe("Nog €\u00a00,01 tot gratis verzending (vanaf €\u00a075,00).");
  });

  it("is free from the threshold on, like Medusa's item_total >= rule", () => {
    expect(freeShippingProgress(info, "nl", 75)).toEqual({ free: true, text: "Je bestelling wordt gratis verzonden." });
    expect(freeShippingProgress(info, "be", 120)?.free).toBe(false);
  });

  it("says nothing for a country without a threshold", () => {
    expect(freeShippingProgress(info, "de", 10)).toBeNull();
    expect(freeShippingLine(info, "de")).toBeNull();
    expect(freeShippingLine(info, "BE")).toBe("Gratis verzending vanaf €\u00a0150,00 in België");
  });
});
