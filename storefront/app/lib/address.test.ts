import { describe, expect, it } from "vitest";
import { checkLookupQuery, formatAddressLine, normaliseDutchPostcode, parseCheckoutAddress, splitAddressLine } from "./address";

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
        postal_code: "Vul je postcode in, bijvoorbeeld 5038 AB.",
        house_number: "Het huisnummer bestaat alleen uit cijfers, bijvoorbeeld 12. Een letter hoort bij Toevoeging.",
        house_number_addition: "Een toevoeging bestaat uit letters en cijfers, bijvoorbeeld A of 2.",
      },
    });
    expect(checkLookupQuery({ postcode: "5038 ab", huisnummer: " 12 ", toevoeging: "" })).toEqual({
      ok: true,
      query: { postcode: "5038AB", huisnummer: "12", toevoeging: "" },
    });
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
