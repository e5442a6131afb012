import { describe, expect, it } from "vitest";
import { addressSchema, invoiceSchema, normalisePostcode, parseForm, postcodeError, quantitySchema } from "./validation";

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

describe("invoice details (Op factuur)", () => {
  const parse = (input: Record<string, unknown>) => parseForm(invoiceSchema, input);

  it("accepts an organisation with a KvK or btw number and normalises them", () => {
    expect(parse({ organisation: " Gemeente Utrecht ", kvk_number: "3020 34.10", vat_number: "", reference: "", invoice_email: "" })).toEqual({
      ok: true,
      value: { organisation: "Gemeente Utrecht", kvk_number: "30203410" },
    });
    const be = parse({ organisation: "Stad Antwerpen", vat_number: "be 0207.437.468", reference: "PO-1", invoice_email: "facturen@antwerpen.example" });
    expect(be).toEqual({
      ok: true,
      value: { organisation: "Stad Antwerpen", vat_number: "BE0207437468", reference: "PO-1", invoice_email: "facturen@antwerpen.example" },
    });
    expect(parse({ organisation: "X", vat_number: "NL001734539B01" }).ok).toBe(true);
  });

  it("refuses bad KvK and btw numbers with Dutch messages", () => {
    for (const kvk of ["1234567", "123456789", "1234567a"]) {
      expect(parse({ organisation: "X", kvk_number: kvk })).toEqual({
        ok: false,
        errors: { kvk_number: "Een KvK-nummer bestaat uit 8 cijfers, bijvoorbeeld 12345678." },
      });
    }
    for (const vat of ["NL123456789", "BE2123456789", "DE123456789", "NL12345678B01"]) {
      expect(parse({ organisation: "X", vat_number: vat })).toEqual({
        ok: false,
        errors: { vat_number: "Vul een geldig btw-nummer in, bijvoorbeeld NL123456789B01 of BE0123456789." },
      });
    }
  });

  it("needs the organisation and at least one number, and reports both at once", () => {
    expect(parse({ organisation: "", kvk_number: "", vat_number: "" })).toEqual({
      ok: false,
      errors: {
        organisation: "Vul de naam van de gemeente of organisatie in.",
        kvk_number: "Vul een KvK-nummer of een btw-nummer in.",
      },
    });
  });

  it("limits the reference and checks the invoice e-mail address", () => {
    expect(parse({ organisation: "X", kvk_number: "12345678", reference: "x".repeat(51) })).toEqual({
      ok: false,
      errors: { reference: "Het inkoopnummer mag hoogstens 50 tekens lang zijn." },
    });
    expect(parse({ organisation: "X", kvk_number: "12345678", invoice_email: "facturen@" })).toEqual({
      ok: false,
      errors: { invoice_email: "Vul een geldig e-mailadres in voor de factuur, bijvoorbeeld facturen@gemeente.nl." },
    });
  });
});
