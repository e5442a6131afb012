import { describe, expect, it } from "vitest";
import { parseStorefrontConfig } from "../config.server";
import { contentSecurityPolicy, createNonce, tileSource } from "./content-security-policy.server";

const base = { MEDUSA_PUBLISHABLE_KEY: "pk_x", MEDUSA_BACKEND_URL: "https://api.shop.example", PUBLIC_STOREFRONT_URL: "https://www.shop.example" };
const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("contentSecurityPolicy", () => {
  it("allows Stripe's own hosts when Stripe is configured, and the nonce for inline scripts", () => {
    const policy = contentSecurityPolicy(parseStorefrontConfig({ ...base, STRIPE_PUBLISHABLE_KEY: "pk_test_1" }), "abc", { secure: true });
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc' https://js.stripe.com https://*.js.stripe.com");
    expect(directive(policy, "frame-src")).toBe("frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com");
    expect(directive(policy, "connect-src")).toBe("connect-src 'self' https://api.stripe.com");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("upgrade-insecure-requests");
    expect(policy).not.toContain("'unsafe-inline' 'nonce");
    expect(directive(policy, "script-src")).not.toContain("unsafe");
  });

  it("follows a Stripe.js stand-in, the tile server and the backend from the configuration", () => {
    const config = parseStorefrontConfig({
      ...base,
      STRIPE_PUBLISHABLE_KEY: "pk_test_1",
      STRIPE_JS_URL: "http://127.0.0.1:4555/v3",
      MAP_TILE_URL: "https://{s}.tiles.example.nl/{z}/{x}/{y}.png",
    });
    const policy = contentSecurityPolicy(config, "n", { secure: false });
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-n' http://127.0.0.1:4555");
    expect(directive(policy, "connect-src")).toBe("connect-src 'self' http://127.0.0.1:4555");
    expect(directive(policy, "img-src")).toBe(
      "img-src 'self' data: https://www.shop.example https://api.shop.example https://*.tiles.example.nl http://127.0.0.1:4555",
    );
    expect(policy).not.toContain("stripe.com");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("allows no frames and no Stripe without a Stripe key", () => {
    const policy = contentSecurityPolicy(parseStorefrontConfig(base), "n", { secure: false });
    expect(directive(policy, "frame-src")).toBe("frame-src 'none'");
    expect(directive(policy, "img-src")).toContain("https://tile.openstreetmap.org");
    expect(policy).not.toContain("stripe");
  });

  it("reads the source of a tile template", () => {
    expect(tileSource("https://tile.openstreetmap.org/{z}/{x}/{y}.png")).toBe("https://tile.openstreetmap.org");
    expect(tileSource("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png")).toBe("https://*.tile.openstreetmap.org");
    expect(tileSource("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png")).toBe("http://127.0.0.1:8080");
    expect(tileSource("https://tiles.{s}.example.nl/{z}/{x}/{y}.png")).toBe("https:");
  });

  it("makes a new nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
