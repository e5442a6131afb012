import { afterEach, describe, expect, it } from "vitest";
// The backend's verifier: the two sides must agree on the format (a contract test across the repo).
import { verifiedClientAddress } from "../../../backend/src/api/middlewares/client-address";
import { CLIENT_ADDRESS_HEADER, clientAddressHeaders, clientAddressStorage, signClientAddress } from "./client-address.server";

const SECRET = "k".repeat(64);

describe("signed client address", () => {
  afterEach(() => {
    delete process.env.CLIENT_IP_SECRET;
  });

  it("signs in the format the backend verifies", () => {
    const now = Math.floor(Date.now() / 1000);
    expect(verifiedClientAddress(signClientAddress("203.0.113.9", SECRET, now), SECRET, now)).toBe("203.0.113.9");
    expect(verifiedClientAddress(signClientAddress("::ffff:203.0.113.9", SECRET, now), SECRET, now)).toBe("203.0.113.9");
    expect(verifiedClientAddress(signClientAddress("2001:DB8::7", SECRET, now), SECRET, now)).toBe("2001:db8::7");
    expect(verifiedClientAddress(signClientAddress("203.0.113.9", "ander".repeat(10), now), SECRET, now)).toBeUndefined();
  });

  it("uses the visitor of the request being served, with CLIENT_IP_SECRET", async () => {
    process.env.CLIENT_IP_SECRET = SECRET;
    const header = await clientAddressStorage().run("198.51.100.4", async () => {
      await new Promise((resolve) => setTimeout(resolve, 1)); // survives awaits
      return clientAddressHeaders()[CLIENT_ADDRESS_HEADER];
    });
    expect(verifiedClientAddress(header, SECRET)).toBe("198.51.100.4");
  });

  it("sends nothing without a visitor or without a secret", () => {
    process.env.CLIENT_IP_SECRET = SECRET;
    expect(clientAddressHeaders()).toEqual({});
    delete process.env.CLIENT_IP_SECRET;
    expect(clientAddressStorage().run("198.51.100.4", () => clientAddressHeaders())).toEqual({});
  });
});
