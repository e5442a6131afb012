import { describe, expect, it } from "vitest";
import { parseForm, QUANTITY_DIGITS_MESSAGE, quantitySchema } from "./validation";

describe("quantitySchema", () => {
  it("takes plain decimal digits from 1; the most per line is the backend's to judge", () => {
    expect(quantitySchema.parse("3")).toBe(3);
    expect(quantitySchema.parse("007")).toBe(7);
    expect(quantitySchema.parse("1000")).toBe(1000);
  });

  it("refuses every other spelling that Number() would read, each with one Dutch sentence", () => {
    const messageOf = (quantity: unknown) => {
      const parsed = parseForm(quantitySchema, quantity as never);
      return parsed.ok ? null : parsed.errors._;
    };
    for (const raw of ["0x10", "1e2", "0b11", "0o7", "+5", "-5", "5.0", "1.5", "5 ", " 5", "1_000", "abc", "Infinity", "５"]) {
      expect([raw, messageOf(raw)]).toEqual([raw, QUANTITY_DIGITS_MESSAGE]);
    }
    expect(messageOf("")).toBe("Vul een aantal in.");
    expect(messageOf(undefined)).toBe("Vul een aantal in.");
    expect(messageOf("0")).toBe("Het aantal moet minstens 1 zijn.");
    expect(messageOf(5)).toBe("Vul een aantal in.");
  });
});
