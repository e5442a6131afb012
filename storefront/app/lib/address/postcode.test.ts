import { describe, expect, it } from "vitest";
import { firstPc4, isBelgianPostcode, isPc4, normaliseDutchPostcode, parsePostcode } from "./postcode";

describe("postcodes", () => {
  it("reads a PC4 with or without letters, in any case and spacing", () => {
    expect(parsePostcode("3581")).toEqual({ pc4: "3581" });
    expect(parsePostcode(" 3581 ab ")).toEqual({ pc4: "3581", letters: "AB" });
    expect(parsePostcode("3581AB")).toEqual({ pc4: "3581", letters: "AB" });
    expect(parsePostcode("0581")).toBeNull();
    expect(parsePostcode("3581 A")).toBeNull();
    expect(parsePostcode("Utrecht")).toBeNull();
  });

  it("finds the first PC4 in a typed list and tells a bare PC4", () => {
    expect(firstPc4("3581, 3582 AB")).toBe("3581");
    expect(firstPc4("geen")).toBeUndefined();
    expect(isPc4("3581")).toBe(true);
    expect(isPc4("3581AB")).toBe(false);
  });

  it("accepts full Dutch postcodes except the letters PostNL never issues, and Belgian ones", () => {
    expect(normaliseDutchPostcode("5038 ab")).toBe("5038AB");
    expect(normaliseDutchPostcode("5038")).toBeUndefined();
    expect(normaliseDutchPostcode("1234 SS")).toBeUndefined();
    expect(isBelgianPostcode("1000")).toBe(true);
    expect(isBelgianPostcode("0999")).toBe(false);
  });
});
