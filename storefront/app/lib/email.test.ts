import { describe, expect, it } from "vitest";
import { normaliseEmail } from "./email";
import { addressSchema } from "./address/address";
import { loginSchema } from "./account/account-validation";

describe("normaliseEmail", () => {
  it("trims and lower-cases an address", () => {
    expect(normaliseEmail("  Anouk.de.Vries@Example.NL ")).toBe("anouk.de.vries@example.nl");
  });

  it("is used by the checkout address and the sign-in form", () => {
    const address = addressSchema.safeParse({
      email: " Koper@Example.NL ",
      first_name: "Jan",
      last_name: "Jansen",
      address_1: "Dorpsstraat 1",
      postal_code: "3581 AB",
      city: "Utrecht",
      country_code: "nl",
    });
    expect(address.success && address.data.email).toBe("koper@example.nl");
    const login = loginSchema.safeParse({ email: "Anouk@EXAMPLE.nl", password: "x" });
    expect(login.success && login.data.email).toBe("anouk@example.nl");
  });
});
