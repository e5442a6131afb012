import { describe, expect, it } from "vitest";
import {
  forgotPasswordSchema,
  loginSchema,
  parseForm,
  passwordProblem,
  MAX_REDIRECT_LENGTH,
  safeRedirect,
  signInReason,
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

});

describe("safeRedirect", () => {
  it("keeps the shop's own paths, with query and fragment", () => {
    expect(safeRedirect("/mijn-groep/nbgrp_1")).toBe("/mijn-groep/nbgrp_1");
    expect(safeRedirect("/groepen?q=utrecht&p=2#kaart")).toBe("/groepen?q=utrecht&p=2#kaart");
    expect(safeRedirect("/mijn-groep/../meldingen")).toBe("/meldingen");
    expect(safeRedirect("/zoeken?q=caf%C3%A9")).toBe("/zoeken?q=caf%C3%A9");
    // a path segment that merely looks like a scheme stays a path on the shop
    expect(safeRedirect("/javascript:alert(1)")).toBe("/javascript:alert(1)");
  });

  // Each of these leaves the shop in some browser, or is not a path at all.
  const hostile: Array<[string, string]> = [
    ["protocol-relative", "//evil.example"],
    ["tab between the slashes", "/\t/evil.example"],
    ["newline between the slashes", "/\n/evil.example"],
    ["CR LF (header injection)", "/\r\nSet-Cookie: x=1"],
    ["leading tab", "\t//evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["backslash", "/\\evil.example"],
    ["backslashes only", "\\\\evil.example"],
    ["backslash later on", "/mijn-groep\\..\\..\\evil"],
    ["encoded slashes", "/%2f%2fevil.example"],
    ["encoded slashes, upper case", "/%2F%2Fevil.example"],
    ["encoded backslash", "/%5cevil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["dot segments resolving to //", "/..//evil.example"],
    ["dot segment then //", "/.//evil.example"],
    ["absolute https", "https://evil.example"],
    ["absolute with user info", "https://shop.invalid@evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["no leading slash", "evil.example"],
    ["space", "/ /evil.example"],
    ["non-breaking space", "/\u00a0/evil.example"],
    ["zero-width space", "/\u200b/evil.example"],
    ["very long value", `/${"a".repeat(MAX_REDIRECT_LENGTH)}`],
    ["empty", ""],
  ];

  it.each(hostile)("refuses %s", (_name, value) => {
    expect(safeRedirect(value)).toBe("/mijn-groep");
  });

  it("never returns something a browser would read as another host", () => {
    for (const [, value] of hostile) {
      const result = safeRedirect(value);
      expect(new URL(result, "https://shop.example").origin).toBe("https://shop.example");
      expect(result.startsWith("//")).toBe(false);
    }
  });

  it("falls back when there is no value, and uses the fallback given", () => {
    expect(safeRedirect(null)).toBe("/mijn-groep");
    expect(safeRedirect(undefined, "/meldingen")).toBe("/meldingen");
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

describe("signInReason", () => {
  it("says why the sign-in page came up for a message's reply link and the Berichten list", () => {
    expect(signInReason("/mijn-groep/berichten/admmsg_01J")).toBe("Log in om het bericht te lezen en te beantwoorden.");
    expect(signInReason("/mijn-groep/berichten/admmsg_01J?groep=nbgrp_1")).toBe("Log in om het bericht te lezen en te beantwoorden.");
    expect(signInReason("/mijn-groep/berichten?groep=nbgrp_1")).toBe("Log in om de berichten van je groep te lezen.");
  });

  it("says nothing for any other destination, also one that only looks alike", () => {
    for (const back of ["/mijn-groep", "/mijn-groep/buurgroepen?groep=x", "/mijn-groep/berichtenx", "/winkelmand?terug=/mijn-groep/berichten/1", "/mijn-groep/berichten/a/b"]) {
      expect(signInReason(back)).toBeNull();
    }
  });

  it("reads only what safeRedirect let through: an address off the shop gives no line", () => {
    expect(signInReason(safeRedirect("//evil.example/mijn-groep/berichten/1"))).toBeNull();
  });
});
