import { describe, expect, it } from "vitest";
import {
  contactSchema,
  INVITE_LINK_MESSAGE,
  looksLikeInviteLink,
  normalisePhone,
  orderedErrors,
  parseGroupForm,
  REGISTRATION_FIELDS,
  registrationSchema,
  splitPostcodes,
  toPc4,
} from "./group-validation";

const valid = {
  name: "  WhatsApp Buurtpreventie Lindenlaan ",
  woonplaats: "Utrecht",
  gemeente: "",
  postcodes: "3582, 3581 AB;3581",
  member_count: "48",
  lat: "",
  lng: "",
  admin_name: "Jan de Vries",
  admin_email: "jan@example.nl",
  admin_phone: "06 12345678",
  accepted_rules: "on",
  website: "",
};

describe("registrationSchema", () => {
  it("accepts a complete form and normalises it for the API", () => {
    const result = parseGroupForm(registrationSchema, valid);
    expect(result).toEqual({
      ok: true,
      value: {
        name: "WhatsApp Buurtpreventie Lindenlaan",
        woonplaats: "Utrecht",
        gemeente: "",
        postcodes: ["3581", "3582"],
        member_count: 48,
        lat: undefined,
        lng: undefined,
        admin_name: "Jan de Vries",
        admin_email: "jan@example.nl",
        admin_phone: "+31612345678",
        accepted_rules: true,
        website: "",
      },
    });
  });

  it("explains every problem in Dutch, per field", () => {
    const result = parseGroupForm(registrationSchema, {
      ...valid,
      name: "",
      admin_email: "jan@",
      member_count: "300",
      accepted_rules: undefined,
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        name: "Vul de naam van je groep in.",
        admin_email: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
        member_count: "Een WhatsApp-groep heeft hoogstens 256 leden.",
        accepted_rules: "Ga akkoord met de gedragsregels om je groep aan te melden.",
      },
    });
  });

  it("checks postcodes, member count, phone and the picked point", () => {
    const errors = (overrides: Record<string, string>) => {
      const result = parseGroupForm(registrationSchema, { ...valid, ...overrides });
      return result.ok ? {} : result.errors;
    };
    expect(errors({ postcodes: "" }).postcodes).toBe("Vul minstens één postcode in (vier cijfers, bijvoorbeeld 3581).");
    expect(errors({ postcodes: "3581, 12" }).postcodes).toBe('"12" is geen geldige postcode: gebruik vier cijfers, bijvoorbeeld 3581.');
    expect(errors({ postcodes: Array.from({ length: 21 }, (_, i) => 3500 + i).join(",") }).postcodes).toBe("Geef hoogstens 20 postcodes op.");
    expect(errors({ member_count: "" }).member_count).toBe("Vul het aantal leden in (een getal).");
    expect(errors({ member_count: "0" }).member_count).toBe("Een groep heeft minstens 1 lid.");
    expect(errors({ member_count: "2,5" }).member_count).toBe("Het aantal leden is een heel getal.");
    expect(errors({ admin_phone: "12345" }).admin_phone).toBe("Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.");
    expect(errors({ lat: "52.1", lng: "" }).lat).toBe("Kies het punt opnieuw op de kaart.");
    expect(errors({ lat: "48.85", lng: "2.35" }).lat).toBe("Dit punt ligt niet in Nederland. Kies een punt in je buurt.");
    expect(errors({ lat: "52.09", lng: "5.12" })).toEqual({});
  });

  it("never accepts a WhatsApp invite link, in any text field", () => {
    for (const field of ["name", "woonplaats", "gemeente", "admin_name"]) {
      const result = parseGroupForm(registrationSchema, { ...valid, [field]: "Zie chat.whatsapp.com/AbCdEf" });
      expect(result.ok ? null : result.errors[field]).toBe(INVITE_LINK_MESSAGE);
    }
  });
});

describe("contactSchema", () => {
  it("accepts a message and explains missing fields", () => {
    expect(parseGroupForm(contactSchema, { name: "Piet", email: "piet@example.nl", message: "Mag ik meedoen?" }).ok).toBe(true);
    expect(parseGroupForm(contactSchema, { name: "", email: "", message: "Hoi" })).toEqual({
      ok: false,
      errors: {
        name: "Vul je naam in.",
        email: "Vul je e-mailadres in, zodat de beheerder je kan antwoorden.",
        message: "Je bericht moet minstens 10 tekens lang zijn.",
      },
    });
    const link = parseGroupForm(contactSchema, { name: "Piet", email: "piet@example.nl", message: "Join via https://wa.me/31612345678" });
    expect(link.ok ? null : link.errors.message).toBe(INVITE_LINK_MESSAGE);
  });
});

describe("helpers", () => {
  it("reads postcodes like the backend does", () => {
    expect(splitPostcodes("3581 AB, 3582;3583  3584ab")).toEqual(["3581 AB", "3582", "3583", "3584ab"]);
    expect(toPc4("3581 ab")).toBe("3581");
    expect(toPc4("0581")).toBeNull();
  });

  it("normalises phone numbers", () => {
    expect(normalisePhone("06-12345678")).toBe("+31612345678");
    expect(normalisePhone("020 123 4567")).toBe("+31201234567");
    expect(normalisePhone("+32 470 12 34 56")).toBe("+32470123456");
    expect(normalisePhone("+31 6 1234")).toBeNull();
  });

  it("recognises invite links, also disguised, but not ordinary words", () => {
    expect(looksLikeInviteLink("https://chat.whatsapp.com/AbC")).toBe(true);
    expect(looksLikeInviteLink("chat . whatsapp . com/x")).toBe(true);
    expect(looksLikeInviteLink("wa.me/316")).toBe(true);
    expect(looksLikeInviteLink("buurtwa.meer")).toBe(false);
    expect(looksLikeInviteLink("WhatsApp Buurtpreventie")).toBe(false);
  });

  it("orders errors like the form, form-wide ones last", () => {
    expect(orderedErrors({ _: "Later opnieuw.", accepted_rules: "b", name: "a" }, REGISTRATION_FIELDS)).toEqual([
      ["name", "a"],
      ["accepted_rules", "b"],
      ["_", "Later opnieuw."],
    ]);
  });
});
