import { describe, expect, it } from "vitest";
import { addressSchema, normalisePostcode, parseForm, postcodeError, quantitySchema } from "./validation";

const valid = {
  email: "jan@voorbeeld.nl",
  first_name: "Jan",
  last_name: "de Vries",
  address_1: "Dorpsstraat 12",
  postal_code: "1234ab",
  city: "Utrecht",
  country_code: "nl",
};

describe("postcodes", () => {
  it("accepts and normalises a Dutch postcode", () => {
    expect(postcodeError("1234 AB", "nl")).toBeNull();
    expect(postcodeError("1234ab", "nl")).toBeNull();
    expect(normalisePostcode(" 1234ab ", "nl")).toBe("1234 AB");
  });
  it("rejects Dutch postcodes without letters, starting with 0 or using SA/SD/SS", () => {
    expect(postcodeError("1234", "nl")).toMatch(/vier cijfers en twee letters/);
    expect(postcodeError("0123 AB", "nl")).not.toBeNull();
    expect(postcodeError("1234 SS", "nl")).not.toBeNull();
    expect(postcodeError("12345 AB", "nl")).not.toBeNull();
  });
  it("accepts a Belgian postcode and rejects one with letters", () => {
    expect(postcodeError("1000", "be")).toBeNull();
    expect(postcodeError("9999", "be")).toBeNull();
    expect(postcodeError("1000 AB", "be")).toMatch(/Belgische postcode in: vier cijfers/);
    expect(postcodeError("0999", "be")).not.toBeNull();
  });
  it("asks for a postcode when empty", () => {
    expect(postcodeError("  ", "nl")).toBe("Vul je postcode in.");
  });
});

describe("addressSchema", () => {
  it("parses a valid Dutch address and normalises the postcode", () => {
    const result = parseForm(addressSchema, valid);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.postal_code).toBe("1234 AB");
  });
  it("gives one Dutch message per bad field", () => {
    const result = parseForm(addressSchema, { ...valid, email: "jan@", postal_code: "12", address_1: "Dorpsstraat", city: "" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.email).toMatch(/geldig e-mailadres/);
      expect(result.errors.postal_code).toMatch(/1234 AB/);
      expect(result.errors.address_1).toMatch(/huisnummer/);
      expect(result.errors.city).toBe("Vul je woonplaats in.");
      expect(result.errors.first_name).toBeUndefined();
    }
  });
  it("checks the postcode against the chosen country", () => {
    const result = parseForm(addressSchema, { ...valid, country_code: "be", postal_code: "1234 AB" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.postal_code).toMatch(/Belgische/);
  });
  it("rejects an unknown country", () => {
    const result = parseForm(addressSchema, { ...valid, country_code: "de" });
    expect(!result.ok && result.errors.country_code).toBe("Kies Nederland of België.");
  });
});

describe("quantitySchema", () => {
  it("accepts whole numbers from 1 to 999", () => {
    expect(quantitySchema.parse("3")).toBe(3);
    expect(quantitySchema.safeParse("0").success).toBe(false);
    expect(quantitySchema.safeParse("1.5").success).toBe(false);
    expect(quantitySchema.safeParse("1000").success).toBe(false);
    expect(quantitySchema.safeParse("abc").success).toBe(false);
  });
});
