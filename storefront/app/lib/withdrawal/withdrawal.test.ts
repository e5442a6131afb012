import { describe, expect, it } from "vitest";
import { parseForm } from "../validation";
import { formatDateTime, formatDay, withdrawalSchema } from "./withdrawal";

describe("withdrawalSchema", () => {
  it("accepts the order number as printed (#1042) and trims the e-mail address", () => {
    expect(parseForm(withdrawalSchema, { order_number: " #1042 ", email: " anouk@example.nl " })).toEqual({
      ok: true,
      value: { order_number: "1042", email: "anouk@example.nl" },
    });
  });

  it("gives a Dutch error per field", () => {
    expect(parseForm(withdrawalSchema, { order_number: "abc", email: "geen-adres" })).toEqual({
      ok: false,
      errors: {
        order_number: "Een bestelnummer bestaat alleen uit cijfers, bijvoorbeeld 1042.",
        email: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
      },
    });
    expect(parseForm(withdrawalSchema, {})).toMatchObject({ ok: false, errors: { order_number: "Vul je bestelnummer in." } });
  });
});

describe("dates", () => {
  it("shows the moment of the withdrawal in Dutch time and a last day", () => {
    expect(formatDateTime("2026-12-03T13:05:00Z")).toBe("3 december 2026 om 14:05");
    expect(formatDay("2026-03-15")).toBe("15 maart 2026");
  });
});
