import { describe, expect, it } from "vitest";
import { formatPrice } from "./format";

const NBSP = "\u00a0";

describe("formatPrice", () => {
  it("formats euros the Dutch way, with a non-breaking space after the sign", () => {
    expect(formatPrice(12.95)).toBe(`€${NBSP}12,95`);
  });

  it("uses a dot for thousands and always two decimals", () => {
    expect(formatPrice(1234.5)).toBe(`€${NBSP}1.234,50`);
  });

  it("formats zero", () => {
    expect(formatPrice(0)).toBe(`€${NBSP}0,00`);
  });

  it("formats whole amounts with decimals", () => {
    expect(formatPrice(159)).toBe(`€${NBSP}159,00`);
  });

  it("accepts a lower-case currency code as Medusa returns it", () => {
    expect(formatPrice(19.95, "eur")).toBe(`€${NBSP}19,95`);
  });
});
