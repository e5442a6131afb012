import { describe, expect, it } from "vitest";
import {
  forgotPasswordSchema,
  groupEditSchema,
  inviteLinkErrors,
  loginSchema,
  parseForm,
  passwordProblem,
  safeRedirect,
  setPasswordSchema,
  withAccountDisallows,
} from "./account-validation";

describe("passwordProblem", () => {
  it("asks for 10+ characters, varied, no surrounding spaces, not the e-mail name", () => {
    expect(passwordProblem("")).toBe("Kies een wachtwoord.");
    expect(passwordProblem("kort")).toBe("Kies een wachtwoord van minstens 10 tekens.");
    expect(passwordProblem("x".repeat(129))).toBe("Een wachtwoord is hoogstens 128 tekens lang.");
    expect(passwordProblem(" lindelaan-2026")).toBe("Begin of eindig je wachtwoord niet met een spatie.");
    expect(passwordProblem("aaaaabbbbbb")).toBe("Kies een wachtwoord met meer verschillende tekens.");
    expect(passwordProblem("anouk-2026-lente", "Anouk@example.nl")).toBe("Gebruik je e-mailadres niet in je wachtwoord.");
    expect(passwordProblem("fiets boom lantaarn", "anouk@example.nl")).toBeNull();
  });
});

describe("forms", () => {
  it("sign-in and forgotten password: Dutch errors per field, e-mail lower-cased", () => {
    expect(parseForm(loginSchema, { email: "", password: "" })).toEqual({
      ok: false,
      errors: { email: "Vul je e-mailadres in.", password: "Vul je wachtwoord in." },
    });
    expect(parseForm(loginSchema, { email: "Anouk@Example.NL ", password: "x" })).toEqual({
      ok: true,
      value: { email: "anouk@example.nl", password: "x" },
    });
    expect(parseForm(forgotPasswordSchema, { email: "geen-adres" })).toEqual({
      ok: false,
      errors: { email: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl." },
    });
  });

  it("set password: rules first, then the repetition", () => {
    const base = { token: "t", email: "anouk@example.nl" };
    expect(parseForm(setPasswordSchema, { ...base, password: "kort", password_repeat: "kort" })).toEqual({
      ok: false,
      errors: { password: "Kies een wachtwoord van minstens 10 tekens." },
    });
    expect(parseForm(setPasswordSchema, { ...base, password: "fiets boom lantaarn", password_repeat: "fiets boom" })).toEqual({
      ok: false,
      errors: { password_repeat: "De twee wachtwoorden zijn niet gelijk." },
    });
    expect(parseForm(setPasswordSchema, { ...base, token: "", password: "fiets boom lantaarn", password_repeat: "fiets boom lantaarn" })).toMatchObject({
      ok: false,
      errors: { token: "De link is onvolledig." },
    });
    expect(parseForm(setPasswordSchema, { ...base, password: "fiets boom lantaarn", password_repeat: "fiets boom lantaarn" }).ok).toBe(true);
  });

  it("group edit: every field's error at once, points in the Netherlands or Belgium", () => {
    const valid = { name: "Buurtpreventie Lindenlaan", woonplaats: "Utrecht", postcodes: "3581, 3582 AB", member_count: "42", lat: "", lng: "" };
    expect(parseForm(groupEditSchema, valid)).toEqual({
      ok: true,
      value: { name: "Buurtpreventie Lindenlaan", woonplaats: "Utrecht", postcodes: ["3581", "3582"], member_count: 42, lat: undefined, lng: undefined },
    });
    expect(parseForm(groupEditSchema, { name: "x", woonplaats: "", postcodes: "12", member_count: "300", lat: "", lng: "" })).toEqual({
      ok: false,
      errors: {
        name: "De naam van je groep moet minstens 3 tekens lang zijn.",
        woonplaats: "Vul je woonplaats in.",
        postcodes: '"12" is geen geldige postcode: gebruik vier cijfers, bijvoorbeeld 3581.',
        member_count: "Een WhatsApp-groep heeft hoogstens 256 leden.",
      },
    });
    expect(parseForm(groupEditSchema, { ...valid, member_count: "0" })).toMatchObject({ errors: { member_count: "Een groep heeft minstens 1 lid." } });
    expect(parseForm(groupEditSchema, { ...valid, lat: "52,09", lng: "" })).toMatchObject({
      errors: { lng: "Vul zowel de breedtegraad als de lengtegraad in, of laat ze allebei leeg." },
    });
    expect(parseForm(groupEditSchema, { ...valid, lat: "48,1", lng: "11,5" })).toMatchObject({ errors: { lat: "Dit punt ligt niet in Nederland of België." } });
    expect(parseForm(groupEditSchema, { ...valid, lat: "noord", lng: "5" })).toMatchObject({
      errors: { lat: "Vul de breedtegraad in als getal, bijvoorbeeld 52,0907." },
    });
    expect(parseForm(groupEditSchema, { ...valid, lat: "51,05", lng: "3,72" })).toMatchObject({ ok: true, value: { lat: 51.05, lng: 3.72 } });
  });

  it("refuses WhatsApp invite links in any field", () => {
    expect(inviteLinkErrors({ name: "Groep chat.whatsapp.com/AbC", woonplaats: "Utrecht" })).toEqual({
      name: expect.stringContaining("Deel nooit de uitnodigingslink"),
    });
    expect(inviteLinkErrors({ name: "Buurtpreventie Wamel" })).toEqual({});
  });
});

describe("safeRedirect", () => {
  it("allows local paths only", () => {
    expect(safeRedirect("/mijn-groep/nbgrp_1")).toBe("/mijn-groep/nbgrp_1");
    expect(safeRedirect("//evil.example")).toBe("/mijn-groep");
    expect(safeRedirect("/\\evil.example")).toBe("/mijn-groep");
    expect(safeRedirect("https://evil.example")).toBe("/mijn-groep");
    expect(safeRedirect(null)).toBe("/mijn-groep");
  });
});

describe("withAccountDisallows", () => {
  it("adds the account pages to the existing Disallow lines, once", () => {
    const robots = ["User-agent: *", "Allow: /", "Disallow: /winkelmand", "", "Sitemap: https://shop.test/sitemap.xml", ""].join("\n");
    const result = withAccountDisallows(robots);
    expect(result.split("\n").slice(0, 8)).toEqual([
      "User-agent: *",
      "Allow: /",
      "Disallow: /winkelmand",
      "Disallow: /mijn-groep",
      "Disallow: /inloggen",
      "Disallow: /uitloggen",
      "Disallow: /wachtwoord-vergeten",
      "Disallow: /wachtwoord-instellen",
    ]);
    expect(withAccountDisallows(result)).toBe(result);
  });
});
