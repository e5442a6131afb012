import { afterEach, describe, expect, it } from "vitest";
// The backend's verifier: the two sides must agree on the format (a contract test across the repo).
import { verifiedClientAddress } from "../../../../backend/src/api/middlewares/client-address";
import { CLIENT_ADDRESS_HEADER, clientAddressHeaders, clientAddressStorage, signClientAddress } from "./client-address.server";
import { rereadConfig } from "../config.server";

/** Sets (or with undefined removes) CLIENT_IP_SECRET as the server would read it at start. */
function withSecret(secret: string | undefined) {
  if (secret === undefined) delete process.env.CLIENT_IP_SECRET;
  else process.env.CLIENT_IP_SECRET = secret;
  rereadConfig();
}

const SECRET = "k".repeat(64);

describe("signed client address", () => {
  afterEach(() => withSecret(undefined));

  it("signs in the format the backend verifies", () => {
    const now = Math.floor(Date.now() / 1000);
    expect(verifiedClientAddress(signClientAddress("203.0.113.9", SECRET, now), SECRET, now)).toBe("203.0.113.9");
    expect(verifiedClientAddress(signClientAddress("::ffff:203.0.113.9", SECRET, now), SECRET, now)).toBe("203.0.113.9");
    expect(verifiedClientAddress(signClientAddress("2001:DB8::7", SECRET, now), SECRET, now)).toBe("2001:db8::7");
    expect(verifiedClientAddress(signClientAddress("203.0.113.9", "ander".repeat(10), now), SECRET, now)).toBeUndefined();
  });

  it("uses the visitor of the request being served, with CLIENT_IP_SECRET", async () => {
    withSecret(SECRET);
    const header = await clientAddressStorage().run("198.51.100.4", async () => {
      await new Promise((resolve) => setTimeout(resolve, 1)); // survives awaits
      return clientAddressHeaders()[CLIENT_ADDRESS_HEADER];
    });
    expect(verifiedClientAddress(header, SECRET)).toBe("198.51.100.4");
  });

  it("sends nothing without a visitor or without a secret", () => {
    withSecret(SECRET);
    expect(clientAddressHeaders()).toEqual({});
    withSecret(undefined);
    expect(clientAddressStorage().run("198.51.100.4", () => clientAddressHeaders())).toEqual({});
  });
});

describe("every call through the SDK client carries the visitor's signed address", () => {
  it("adds the header per request, and none outside a request", async () => {
    const http = await import("node:http");
    const seen: Array<string | undefined> = [];
    const backend = http.createServer((req, res) => {
      seen.push(req.headers[CLIENT_ADDRESS_HEADER] as string | undefined);
      res.setHeader("Content-Type", "application/json");
      res.end("{}");
    });
    await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
    const { port } = backend.address() as { port: number };
    process.env.MEDUSA_BACKEND_URL = `http://127.0.0.1:${port}`;
    process.env.MEDUSA_PUBLISHABLE_KEY = "pk_test";
    withSecret(SECRET);
    try {
      const { sdk } = await import("./backend.server");
      await clientAddressStorage().run("203.0.113.50", () => sdk.client.fetch("/store/x"));
      await clientAddressStorage().run("203.0.113.51", () => sdk.auth.login("customer", "emailpass", { email: "a@example.nl", password: "x" }).catch(() => null));
      await sdk.client.fetch("/store/y");
    } finally {
      backend.close();
    }
    expect(seen.map((header) => verifiedClientAddress(header, SECRET) ?? header ?? null)).toEqual(["203.0.113.50", "203.0.113.51", null]);
  }, 20_000); // loads the real SDK: slow on a busy machine
});
