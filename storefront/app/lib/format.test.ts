import { describe, expect, it } from "vitest";
import { formatDate, formatList, formatMoney, formatPostcodes } from "./format";

const NBSP = "\u00a0";

describe("formatMoney", () => {
  it("formats euros the Dutch way, with a non-breaking space after the sign", () => {
    expect(formatMoney(12.95)).toBe(`€${NBSP}12,95`);
  });

  it("uses a dot for thousands and always two decimals", () => {
    expect(formatMoney(1234.5)).toBe(`€${NBSP}1.234,50`);
  });

  it("formats zero", () => {
    expect(formatMoney(0)).toBe(`€${NBSP}0,00`);
  });

  it("formats whole amounts with decimals", () => {
    expect(formatMoney(159)).toBe(`€${NBSP}159,00`);
  });

  it("accepts a lower-case currency code as Medusa returns it", () => {
    expect(formatMoney(19.95, "eur")).toBe(`€${NBSP}19,95`);
  });
});

describe("formatDate", () => {
  it("writes the date in Dutch words", () => {
    expect(formatDate("2026-11-25T09:00:00Z")).toBe("25 november 2026");
    expect(formatDate(new Date("2099-01-01T12:00:00Z"))).toBe("1 januari 2099");
  });

  it("uses Amsterdam time, not the server's", () => {
    // 23:30 UTC is already the next day in Amsterdam (winter and summer time)
    expect(formatDate("2026-12-01T23:30:00Z")).toBe("2 december 2026");
    expect(formatDate("2026-06-30T22:30:00Z")).toBe("1 juli 2026");
  });
});

describe("formatList / formatPostcodes", () => {
  it("joins Dutch lists with commas and 'en' before the last item", () => {
    expect(formatList([])).toBe("");
    expect(formatList(["3581"])).toBe("3581");
    expect(formatList(["3581", "3582"])).toBe("3581 en 3582");
    expect(formatList(["3581", "3582", "3583"])).toBe("3581, 3582 en 3583");
  });

  it("says 'postcode' for one and 'postcodes' for more", () => {
    expect(formatPostcodes(["3581"])).toBe("postcode 3581");
    expect(formatPostcodes(["3581", "3582"])).toBe("postcodes 3581 en 3582");
  });
});
