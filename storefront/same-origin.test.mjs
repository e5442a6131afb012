import http from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestHandler } from "@remix-run/express";
import { sameOriginPosts } from "./same-origin.mjs";
import { DEFAULT_CONTENT_SECURITY_POLICY, securityHeaders } from "./security-headers.mjs";
import { oneRouteBuild } from "./app/test/one-route-build.mjs";

// Real Express servers with the real Remix adapter in front of a one-route Remix build whose
// route is a page (so Remix's own document-action check runs too) and counts its action runs.
const SITE = "https://shop.example";
let actionRuns = 0;
const build = oneRouteBuild({
  action: async () => {
    actionRuns += 1;
    return { ok: true };
  },
  // a route that picks its own Referrer-Policy (as /wachtwoord-instellen does)
  headers: () => ({ "Referrer-Policy": "strict-origin" }),
});

/** A server as server.mjs builds it, with `trust proxy` as given. */
async function start(trustProxy) {
  const app = express();
  app.set("trust proxy", trustProxy);
  app.use(securityHeaders());
  app.use(sameOriginPosts({ siteOrigin: SITE }));
  app.get("/plain", (_req, res) => res.type("text/plain").send("plain"));
  const remix = createRequestHandler({ build, mode: "production" });
  app.all("*", (req, res, next) => remix(req, res, next));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

let direct; // no proxy trusted
let proxied; // loopback trusted (server.mjs's default)

beforeAll(async () => {
  direct = await start(false);
  proxied = await start("loopback");
});
afterAll(() => Promise.all([direct, proxied].map(({ server }) => new Promise((resolve) => server.close(resolve)))));

/** A raw request (Node's fetch would not let us set Host, Origin and Sec-Fetch-Site freely). */
function send(base, { method = "POST", path = "/?index", headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const body = method === "GET" || method === "HEAD" ? undefined : "email=iemand%40example.nl";
    const req = http.request(`${base}${path}`, {
      method,
      headers: { ...(body ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) } : {}), ...headers },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function expectRefused(base, request) {
  const before = actionRuns;
  const answer = await send(base, request);
  expect(answer.status, JSON.stringify(request)).toBe(403);
  expect(answer.headers["content-type"]).toMatch(/^text\/html/);
  expect(answer.text).toContain('<html lang="nl">');
  expect(answer.text).toContain("Dit formulier komt niet van deze winkel");
  expect(actionRuns, `the action ran for ${JSON.stringify(request)}`).toBe(before);
}

async function expectAccepted(base, request) {
  const before = actionRuns;
  const answer = await send(base, request);
  expect(answer.status, JSON.stringify(request)).toBe(200);
  expect(answer.text).toBe('pagina {"root":{"ok":true}}');
  expect(actionRuns).toBe(before + 1);
}

describe("sameOriginPosts", () => {
  it("refuses a post from another origin for every method and spelling of the path", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      for (const path of ["/?index", "/", "//?index", "/%2e/?index"]) {
        await expectRefused(direct.base, { method, path, headers: { Origin: "https://evil.example" } });
      }
    }
  });

  it("refuses lookalike, sibling and opaque origins", async () => {
    const own = direct.base;
    for (const origin of [
      "null",
      "https://shop.example.evil.example",
      "https://evil.shop.example", // same site as the shop, another origin
      "http://shop.example", // the public host over plain http
      "https://shop.example:8443",
      own.replace("http:", "https:"), // the addressed host, other scheme
      own.replace(/:\d+$/, ":1"), // the addressed host, other port
      "file://",
      "garbage",
      "",
    ]) {
      await expectRefused(direct.base, { headers: { Origin: origin } });
    }
  });

  it("without Origin: Sec-Fetch-Site must be same-origin, a Referer must be the shop's", async () => {
    for (const site of ["cross-site", "same-site", "none", ""]) await expectRefused(direct.base, { headers: { "Sec-Fetch-Site": site } });
    for (const referer of ["https://evil.example/form", "https://shop.example.evil.example/", "null", "garbage"]) {
      await expectRefused(direct.base, { headers: { Referer: referer } });
    }
    await expectAccepted(direct.base, { headers: { "Sec-Fetch-Site": "same-origin" } });
    await expectAccepted(direct.base, { headers: { Referer: `${SITE}/inloggen?terug=%2F` } });
    await expectAccepted(direct.base, { headers: { Referer: `${direct.base}/inloggen` } });
    // a program (curl, a script) sends none of them and has no visitor's cookies to abuse
    await expectAccepted(direct.base, {});
  });

  it("accepts the configured public origin, also when a proxy rewrote Host (Remix's own check answered 500 there)", async () => {
    await expectAccepted(direct.base, { headers: { Origin: SITE, Host: "storefront:3000" } });
    await expectAccepted(direct.base, { headers: { Origin: SITE, "Sec-Fetch-Site": "same-origin" } });
  });

  it("accepts the origin the browser addressed, from Host as sent", async () => {
    await expectAccepted(direct.base, { headers: { Origin: direct.base } });
    await expectAccepted(direct.base, { headers: { Origin: "http://winkel.test:8080", Host: "winkel.test:8080" } });
  });

  it("never believes X-Forwarded-Host; X-Forwarded-Proto only from a trusted proxy", async () => {
    for (const base of [direct.base, proxied.base]) {
      await expectRefused(base, { headers: { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" } });
    }
    const httpsOrigin = direct.base.replace("http:", "https:");
    await expectRefused(direct.base, { headers: { Origin: httpsOrigin, "X-Forwarded-Proto": "https" } });
    await expectAccepted(proxied.base, { headers: { Origin: proxied.base.replace("http:", "https:"), "X-Forwarded-Proto": "https" } });
  });

  it("refuses the legacy ?_data= parameter in any spelling, on every method, also from the shop itself", async () => {
    for (const path of ["/?_data=root", "/?index&_data=root", "/?%5Fdata=root", "/?%5fdata", "/?a=1&_data"]) {
      await expectRefused(direct.base, { path, headers: { Origin: SITE } });
      await expectRefused(direct.base, { method: "GET", path });
    }
  });

  it("lets GET and HEAD through from anywhere", async () => {
    const answer = await send(direct.base, { method: "GET", path: "/", headers: { Origin: "https://evil.example" } });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("pagina null");
  });
});

describe("securityHeaders", () => {
  it("sets nosniff, the referrer policy, no framing and a default policy; a route's own choice wins", async () => {
    const plain = await send(direct.base, { method: "GET", path: "/plain" });
    expect(plain.headers["x-content-type-options"]).toBe("nosniff");
    expect(plain.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(plain.headers["x-frame-options"]).toBe("DENY");
    expect(plain.headers["content-security-policy"]).toBe(DEFAULT_CONTENT_SECURITY_POLICY);
    expect(plain.headers["strict-transport-security"]).toBeUndefined();

    const page = await send(direct.base, { method: "GET", path: "/" });
    expect(page.headers["referrer-policy"]).toBe("strict-origin");
    // the refusal pages get them too
    const refused = await send(direct.base, { headers: { Origin: "https://evil.example" } });
    expect(refused.headers["content-security-policy"]).toBe(DEFAULT_CONTENT_SECURITY_POLICY);
  });

  it("sends HSTS only over HTTPS as a trusted proxy reports it", async () => {
    const forged = await send(direct.base, { method: "GET", path: "/plain", headers: { "X-Forwarded-Proto": "https" } });
    expect(forged.headers["strict-transport-security"]).toBeUndefined();
    const secure = await send(proxied.base, { method: "GET", path: "/plain", headers: { "X-Forwarded-Proto": "https" } });
    expect(secure.headers["strict-transport-security"]).toBe("max-age=31536000");
  });
});
