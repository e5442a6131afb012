import { describe, expect, it } from "vitest";
import {
  addressSchema,
  checkLookupQuery,
  formatAddressLine,
  normaliseDutchPostcode,
  normalisePostcode,
  parseCheckoutAddress,
  houseNumberProblem,
  splitHouseNumber,
  postcodeError,
  splitAddressLine,
} from "./address";
import { parseForm } from "../validation";

const base = { email: "an@voorbeeld.nl", first_name: "An", last_name: "Jansen", company: "", phone: "" };

describe("Dutch addresses", () => {
  it("normalises postcodes as people type them and refuses what PostNL never issues", () => {
    expect(normaliseDutchPostcode(" 5038 ab ")).toBe("5038AB");
    expect(normaliseDutchPostcode("0123AB")).toBeUndefined();
    expect(normaliseDutchPostcode("5038SS")).toBeUndefined();
    expect(normaliseDutchPostcode("5038")).toBeUndefined();
  });

  it("writes house letters and additions the way carriers print them, and reads them back", () => {
    expect(formatAddressLine("Piusstraat", "12")).toBe("Piusstraat 12");
    expect(formatAddressLine("Piusstraat", "12", "a")).toBe("Piusstraat 12A");
    expect(formatAddressLine("Piusstraat", "14", "2")).toBe("Piusstraat 14-2");
    expect(formatAddressLine("Piusstraat", "14", "-2")).toBe("Piusstraat 14-2");
    expect(formatAddressLine("Piusstraat", "12", "bis")).toBe("Piusstraat 12 bis");
    expect(splitAddressLine("Piusstraat 12A")).toEqual({ street: "Piusstraat", house_number: "12", house_number_addition: "A" });
    expect(splitAddressLine("Piusstraat 14-2")).toEqual({ street: "Piusstraat", house_number: "14", house_number_addition: "2" });
    expect(splitAddressLine("Plein 1940 5")).toEqual({ street: "Plein 1940", house_number: "5", house_number_addition: "" });
    expect(splitAddressLine("Piusstraat 12 bis")).toEqual({ street: "Piusstraat", house_number: "12", house_number_addition: "bis" });
    expect(splitAddressLine("Zonder nummer")).toEqual({ street: "Zonder nummer", house_number: "", house_number_addition: "" });
  });

  it("gives a Dutch error per lookup field", () => {
    expect(checkLookupQuery({ postcode: "", huisnummer: "12a", toevoeging: "<b>" })).toEqual({
      ok: false,
      errors: {
        postal_code: "Vul je postcode in.",
        house_number: "Het huisnummer bestaat alleen uit cijfers, bijvoorbeeld 12. Een letter hoort bij Toevoeging.",
        house_number_addition: "Een toevoeging bestaat uit letters en cijfers, bijvoorbeeld A of 2.",
      },
    });
    expect(checkLookupQuery({ postcode: "5038 ab", huisnummer: " 12 ", toevoeging: "" })).toEqual({
      ok: true,
      query: { postcode: "5038AB", huisnummer: "12", toevoeging: "" },
    });
  });

  it("checks the lookup's postcode with the checkout's own rule and message", () => {
    const lookup = checkLookupQuery({ postcode: "12AB", huisnummer: "12", toevoeging: "" });
    expect(!lookup.ok && lookup.errors.postal_code).toBe(postcodeError("12AB", "nl"));
    expect(postcodeError("12AB", "nl")).toBe("Vul een Nederlandse postcode in: vier cijfers en twee letters, bijvoorbeeld 1234 AB.");
    expect(checkLookupQuery({ postcode: "50 38ab", huisnummer: "12" })).toEqual({ ok: true, query: { postcode: "5038AB", huisnummer: "12", toevoeging: "" } });
  });

  it("joins a Dutch checkout address into address_1 and keeps the parts as metadata", () => {
    const parsed = parseCheckoutAddress({
      ...base,
      country_code: "nl",
      postal_code: "5038ab",
      house_number: "12",
      house_number_addition: "A",
      street: "Piusstraat",
      city: "Tilburg",
    });
    expect(parsed).toEqual({
      ok: true,
      value: expect.objectContaining({
        address_1: "Piusstraat 12A",
        postal_code: "5038 AB",
        city: "Tilburg",
        metadata: { street: "Piusstraat", house_number: "12", house_number_addition: "A" },
      }),
    });
  });

  it("asks for street and house number separately in the Netherlands, and keeps one free field for Belgium", () => {
    const dutch = parseCheckoutAddress({ ...base, country_code: "nl", postal_code: "5038AB", house_number: "", street: "", city: "" });
    expect(dutch.ok).toBe(false);
    if (!dutch.ok) {
      expect(dutch.errors).toMatchObject({ street: "Vul je straat in.", house_number: "Vul je huisnummer in.", city: "Vul je woonplaats in." });
      expect(dutch.errors.address_1).toBeUndefined();
    }
    const belgian = parseCheckoutAddress({ ...base, country_code: "be", address_1: "Grote Markt 1", postal_code: "1000", city: "Brussel" });
    expect(belgian).toEqual({ ok: true, value: expect.objectContaining({ address_1: "Grote Markt 1", postal_code: "1000" }) });
  });
});

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

describe("huisnummer as people type it", () => {
  it("reads a letter or a separated part after the number as toevoeging", () => {
    expect(splitHouseNumber("12a", "")).toEqual({ huisnummer: "12", toevoeging: "a" });
    expect(splitHouseNumber(" 12 A ", "")).toEqual({ huisnummer: "12", toevoeging: "A" });
    expect(splitHouseNumber("14-2", "")).toEqual({ huisnummer: "14", toevoeging: "2" });
    expect(splitHouseNumber("7 bis", "")).toEqual({ huisnummer: "7", toevoeging: "bis" });
  });

  it("leaves plain numbers, a filled-in toevoeging and nonsense to the field rules", () => {
    expect(splitHouseNumber("123", "")).toEqual({ huisnummer: "123", toevoeging: "" });
    expect(splitHouseNumber("12a", "b")).toEqual({ huisnummer: "12a", toevoeging: "b" });
    expect(splitHouseNumber("a12", "")).toEqual({ huisnummer: "a12", toevoeging: "" });
    expect(splitHouseNumber("0a", "")).toEqual({ huisnummer: "0a", toevoeging: "" });
  });

  it("accepts 12a at checkout as number 12 and addition a", () => {
    const parsed = parseCheckoutAddress({
      email: "a@example.com",
      first_name: "Jan",
      last_name: "Jansen",
      street: "Dorpsstraat",
      house_number: "12a",
      house_number_addition: "",
      postal_code: "3511AB",
      city: "Utrecht",
      country_code: "nl",
    });
    expect(parsed.ok && parsed.value.address_1).toBe("Dorpsstraat 12A");
    expect(parsed.ok && parsed.value.metadata).toEqual({ street: "Dorpsstraat", house_number: "12", house_number_addition: "a" });
  });
});

describe("house number 0 (a shopper's walk: it got the reason about letters)", () => {
  it("says a house number does not start with 0, for the lookup and the address form alike", () => {
    const ZERO = "Een huisnummer begint niet met een 0, bijvoorbeeld 12.";
    for (const huisnummer of ["0", "012"]) {
      expect(checkLookupQuery({ postcode: "5038 AB", huisnummer, toevoeging: "" })).toMatchObject({ ok: false, errors: { house_number: ZERO } });
    }
    for (const house_number of ["0", "012"]) {
      const parsed = parseCheckoutAddress({ ...base, country_code: "nl", postal_code: "5038AB", house_number, street: "Piusstraat", city: "Tilburg" });
      expect(parsed).toMatchObject({ ok: false, errors: { house_number: ZERO } });
    }
    const empty = parseCheckoutAddress({ ...base, country_code: "nl", postal_code: "5038AB", house_number: "", street: "Piusstraat", city: "Tilburg" });
    expect(empty).toMatchObject({ ok: false, errors: { house_number: "Vul je huisnummer in." } });
    expect(houseNumberProblem("0")).toBe(ZERO);
    expect(houseNumberProblem("12a")).toMatch(/alleen uit cijfers/);
    expect(houseNumberProblem("12")).toBeUndefined();
    expect(houseNumberProblem("99999")).toBeUndefined();
  });
});
