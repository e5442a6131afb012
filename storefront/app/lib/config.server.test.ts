import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  ConfigError,
  DEFAULT_BACKEND_TIMEOUT_MS,
  DEFAULT_BACKEND_URL,
  MISSING_KEY_MESSAGE,
  normalizeSiteUrl,
  parseStorefrontConfig,
  STOREFRONT_NAME,
} from "./config.server";

const tempDir = mkdtempSync(join(tmpdir(), "storefront-config-"));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe("parseStorefrontConfig", () => {
  it("reads the key and backend URL from the environment", () => {
    const config = parseStorefrontConfig({
      MEDUSA_BACKEND_URL: "https://api.example.nl/",
      MEDUSA_PUBLISHABLE_KEY: "  pk_from_env  ",
    });
    expect(config).toMatchObject({ backendUrl: "https://api.example.nl", publishableKey: "pk_from_env" });
  });

  it("reads the site URL, the map's tile server and the client-address secret in the same place", () => {
    const config = parseStorefrontConfig({
      MEDUSA_PUBLISHABLE_KEY: "pk_x",
      PUBLIC_STOREFRONT_URL: "https://www.example.nl/",
      MAP_TILE_URL: "https://tiles.example.nl/{z}/{x}/{y}.png",
      CLIENT_IP_SECRET: "  geheim  ",
    });
    expect(config).toMatchObject({
      siteUrl: "https://www.example.nl",
      map: { tileUrl: "https://tiles.example.nl/{z}/{x}/{y}.png" },
      clientIpSecret: "geheim",
    });
    expect(parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_x" })).not.toHaveProperty("clientIpSecret");
    expect(() => parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_x", PUBLIC_STOREFRONT_URL: "www.example.nl" })).toThrow(ConfigError);
  });

  it("defaults the backend URL to http://localhost:9000", () => {
    const config = parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_x" });
    expect(config.backendUrl).toBe("http://localhost:9000");
    expect(DEFAULT_BACKEND_URL).toBe("http://localhost:9000");
  });

  it("treats an empty MEDUSA_BACKEND_URL as unset", () => {
    expect(parseStorefrontConfig({ MEDUSA_BACKEND_URL: " ", MEDUSA_PUBLISHABLE_KEY: "pk_x" }).backendUrl).toBe(
      DEFAULT_BACKEND_URL,
    );
  });

  it("reads the key from MEDUSA_PUBLISHABLE_KEY_FILE, trimmed", () => {
    const file = join(tempDir, "publishable-key");
    writeFileSync(file, "pk_from_file\n");
    const config = parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY_FILE: file });
    expect(config.publishableKey).toBe("pk_from_file");
  });

  it("prefers MEDUSA_PUBLISHABLE_KEY over the key file", () => {
    const file = join(tempDir, "other-key");
    writeFileSync(file, "pk_from_file");
    const config = parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_env", MEDUSA_PUBLISHABLE_KEY_FILE: file });
    expect(config.publishableKey).toBe("pk_env");
  });

  it("throws a ConfigError with the one-line message when no key is set", () => {
    expect(() => parseStorefrontConfig({})).toThrow(ConfigError);
    expect(() => parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "   " })).toThrow(MISSING_KEY_MESSAGE);
    expect(MISSING_KEY_MESSAGE).toBe(
      "Storefront: MEDUSA_PUBLISHABLE_KEY is not set: start everything with `npm start` at the repository root, " +
        "or set MEDUSA_PUBLISHABLE_KEY (or MEDUSA_PUBLISHABLE_KEY_FILE) to the backend's publishable API key",
    );
    expect(MISSING_KEY_MESSAGE).not.toContain("\n");
  });

  it("explains a missing or empty key file", () => {
    const missing = join(tempDir, "does-not-exist");
    expect(() => parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY_FILE: missing })).toThrow(
      `cannot read MEDUSA_PUBLISHABLE_KEY_FILE "${missing}" (ENOENT)`,
    );
    const empty = join(tempDir, "empty-key");
    writeFileSync(empty, "  \n");
    expect(() => parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY_FILE: empty })).toThrow(/is empty/);
  });

  it("rejects a backend URL that is not http(s)", () => {
    expect(() => parseStorefrontConfig({ MEDUSA_BACKEND_URL: "localhost:9000", MEDUSA_PUBLISHABLE_KEY: "pk_x" })).toThrow(
      ConfigError,
    );
    expect(() => parseStorefrontConfig({ MEDUSA_BACKEND_URL: "not a url", MEDUSA_PUBLISHABLE_KEY: "pk_x" })).toThrow(
      /not a valid URL/,
    );
  });

  it("exports the shop name", () => {
    expect(STOREFRONT_NAME).toBe("Buurtpreventie Shop");
  });
});

describe("production on a public address (#24 item 6)", () => {
  const PUBLIC = {
    NODE_ENV: "production",
    MEDUSA_PUBLISHABLE_KEY: "pk_x",
    SESSION_SECRET: "s".repeat(64),
    PUBLIC_STOREFRONT_URL: "https://shop.example.nl",
    TRUST_PROXY: "1",
    CLIENT_IP_SECRET: "i".repeat(64),
  };

  it("accepts a public shop that names its proxies", () => {
    for (const trustProxy of ["1", "2", "false", "loopback", "10.0.0.2", "10.0.0.2, 172.16.0.0/12", "uniquelocal", "::1"]) {
      expect(parseStorefrontConfig({ ...PUBLIC, TRUST_PROXY: trustProxy }).siteUrl).toBe("https://shop.example.nl");
    }
  });

  it("refuses a missing TRUST_PROXY: behind a load balancer every visitor would share one budget", () => {
    for (const missing of [undefined, "", "  "]) {
      expect(() => parseStorefrontConfig({ ...PUBLIC, TRUST_PROXY: missing })).toThrow(
        /^Storefront: refusing to start in production: TRUST_PROXY is not set: .*TRUST_PROXY=false when visitors connect directly/,
      );
    }
  });

  it("refuses TRUST_PROXY=true in every spelling: it believes whatever address a visitor writes", () => {
    for (const all of ["true", "TRUE", " True "]) {
      expect(() => parseStorefrontConfig({ ...PUBLIC, TRUST_PROXY: all })).toThrow(/TRUST_PROXY=true trusts every client/);
    }
  });

  it("refuses a missing CLIENT_IP_SECRET: every sign-in through the shop would share the storefront's address", () => {
    expect(() => parseStorefrontConfig({ ...PUBLIC, CLIENT_IP_SECRET: " " })).toThrow(/CLIENT_IP_SECRET is not set: give the storefront the backend's value/);
  });

  it("refuses COOKIE_SECURE=false and a missing PUBLIC_STOREFRONT_URL, naming every problem in one line", () => {
    let message = "";
    try {
      parseStorefrontConfig({ ...PUBLIC, PUBLIC_STOREFRONT_URL: undefined, TRUST_PROXY: undefined, COOKIE_SECURE: "false" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toMatch(/PUBLIC_STOREFRONT_URL is not set.*; COOKIE_SECURE=false .*; TRUST_PROXY is not set/);
  });

  it("keeps the exemptions for a shop on this machine only (npm start, e2e, compose on localhost)", () => {
    for (const url of ["http://localhost:3000", "http://127.0.0.1:3300", "http://[::1]:3000"]) {
      const config = parseStorefrontConfig({ ...PUBLIC, PUBLIC_STOREFRONT_URL: url, TRUST_PROXY: undefined, COOKIE_SECURE: "false" });
      expect(config.secureCookies).toBe(false);
    }
    // …but not a public host that merely starts with "localhost"
    expect(() =>
      parseStorefrontConfig({ ...PUBLIC, PUBLIC_STOREFRONT_URL: "https://localhost.evil.example", TRUST_PROXY: undefined }),
    ).toThrow(/TRUST_PROXY is not set/);
  });

  it("refuses a TRUST_PROXY Express cannot read, in every environment", () => {
    for (const bad of ["ja", "10.0.0.300", "1.5", "-1", "10.0.0.0/33"]) {
      expect(() => parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_x", TRUST_PROXY: bad })).toThrow(
        /^Storefront: TRUST_PROXY .* is not a number of proxy hops/,
      );
    }
  });
});

describe("session and payment settings", () => {
  it("uses a development session secret outside production", () => {
    const config = parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_x" });
    expect(config.sessionSecret).toBe("dev-only-session-secret");
    expect(config.secureCookies).toBe(false);
    expect(config.stripePublishableKey).toBeUndefined();
  });

  it("refuses production without SESSION_SECRET, in one line", () => {
    expect(() => parseStorefrontConfig({ NODE_ENV: "production", MEDUSA_PUBLISHABLE_KEY: "pk_x" })).toThrow(
      /^Storefront: SESSION_SECRET is not set: set it to a long random value/,
    );
  });

  it("marks cookies Secure in production unless COOKIE_SECURE=false (plain-http npm start)", () => {
    const base = { NODE_ENV: "production", MEDUSA_PUBLISHABLE_KEY: "pk_x", SESSION_SECRET: "s".repeat(64), PUBLIC_STOREFRONT_URL: "http://localhost:3000" };
    expect(parseStorefrontConfig(base).secureCookies).toBe(true);
    expect(parseStorefrontConfig({ ...base, COOKIE_SECURE: "false" }).secureCookies).toBe(false);
  });

  it("passes the Stripe publishable key through when set", () => {
    const config = parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_x", STRIPE_PUBLISHABLE_KEY: " pk_test_123 " });
    expect(config.stripePublishableKey).toBe("pk_test_123");
  });

  it("loads Stripe.js from js.stripe.com unless STRIPE_JS_URL points at https or a loopback stand-in", () => {
    expect(parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_x" }).stripeJsUrl).toBe("https://js.stripe.com/v3");
    expect(parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_x", STRIPE_JS_URL: "http://127.0.0.1:12111/v3" }).stripeJsUrl).toBe("http://127.0.0.1:12111/v3");
    expect(() => parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_x", STRIPE_JS_URL: "http://evil.example/v3" })).toThrow(/STRIPE_JS_URL must be https/);
    expect(() => parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_x", STRIPE_JS_URL: "not a url" })).toThrow(/STRIPE_JS_URL is not a valid URL/);
  });

  it("allows the e2e add delay only on a loopback shop, never on a public one", () => {
    const local = { MEDUSA_PUBLISHABLE_KEY: "pk_x", PUBLIC_STOREFRONT_URL: "http://localhost:3330" };
    expect(parseStorefrontConfig(local).allowAddDelay).toBe(false);
    expect(parseStorefrontConfig({ ...local, E2E_ALLOW_ADD_DELAY: "true" }).allowAddDelay).toBe(true);
    for (const where of [undefined, "https://www.buurtpreventie.example"]) {
      expect(() =>
        parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_x", PUBLIC_STOREFRONT_URL: where, E2E_ALLOW_ADD_DELAY: "true" }),
      ).toThrow(/E2E_ALLOW_ADD_DELAY is for tests on loopback only/);
    }
  });
});

describe("CART_CHANGE_LIMIT_PER_ADDRESS", () => {
  it("is 120 posts a minute unless set to a whole number of at least 1", () => {
    expect(parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_x" }).cartChangeLimitPerAddress).toBe(120);
    expect(parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_x", CART_CHANGE_LIMIT_PER_ADDRESS: "10000" }).cartChangeLimitPerAddress).toBe(10000);
    for (const bad of ["0", "-1", "1.5", "1e3", "veel"]) {
      expect(() => parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_x", CART_CHANGE_LIMIT_PER_ADDRESS: bad })).toThrow(/CART_CHANGE_LIMIT_PER_ADDRESS must be a whole number/);
    }
  });
});

describe("normalizeSiteUrl", () => {
  it("keeps http(s) bases without trailing slash, query or hash", () => {
    expect(normalizeSiteUrl("https://www.example.nl/")).toBe("https://www.example.nl");
    expect(normalizeSiteUrl("http://localhost:3000")).toBe("http://localhost:3000");
    expect(normalizeSiteUrl("https://example.nl/shop/?x=1#y")).toBe("https://example.nl/shop");
    expect(() => normalizeSiteUrl("mailto:info@example.nl")).toThrow();
    expect(() => normalizeSiteUrl("example.nl")).toThrow();
  });
});

describe("BACKEND_TIMEOUT_MS: how long one backend call may take", () => {
  const withTimeout = (value?: string) =>
    parseStorefrontConfig({ MEDUSA_PUBLISHABLE_KEY: "pk_x", ...(value === undefined ? {} : { BACKEND_TIMEOUT_MS: value }) });

  it("defaults to 10 seconds when unset or empty", () => {
    expect(DEFAULT_BACKEND_TIMEOUT_MS).toBe(10_000);
    expect(withTimeout().backendTimeoutMs).toBe(10_000);
    expect(withTimeout("  ").backendTimeoutMs).toBe(10_000);
  });

  it("reads whole milliseconds from 1000 to 120000", () => {
    expect(withTimeout("25000").backendTimeoutMs).toBe(25_000);
    expect(withTimeout(" 1000 ").backendTimeoutMs).toBe(1_000);
    expect(withTimeout("120000").backendTimeoutMs).toBe(120_000);
  });

  it.each(["0", "-5000", "999", "120001", "10s", "10000ms", "1e4", "2.5", "abc", "9".repeat(20)])(
    'refuses "%s" with one line naming the setting and the bounds',
    (value) => {
      expect(() => withTimeout(value)).toThrow(ConfigError);
      expect(() => withTimeout(value)).toThrow(
        `Storefront: BACKEND_TIMEOUT_MS must be a whole number of milliseconds from 1000 to 120000 ("${value.trim()}"): leave it unset for 10000`,
      );
    },
  );
});
