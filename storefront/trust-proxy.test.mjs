import http from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trustProxySetting } from "./trust-proxy.mjs";

// A real Express server with `trust proxy` exactly as server.mjs sets it, answering the
// address it believes (the one the backend's per-address limits receive, signed).
async function start(rawTrustProxy) {
  const app = express();
  app.set("trust proxy", trustProxySetting(rawTrustProxy));
  app.get("/ip", (req, res) => res.type("text/plain").send(String(req.ip)));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

const ipSeenBy = (base, headers = {}) =>
  new Promise((resolve, reject) => {
    http
      .get(`${base}/ip`, { headers }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve(body));
      })
      .on("error", reject);
  });

describe("trustProxySetting", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["  ", false],
    ["false", false],
    ["true", true],
    ["FALSE", false],
    ["1", 1],
    ["2", 2],
    ["loopback", "loopback"],
    ["10.0.0.2, 172.16.0.0/12", "10.0.0.2, 172.16.0.0/12"],
  ])("%j → %j", (raw, expected) => expect(trustProxySetting(raw)).toEqual(expected));
});

describe("the visitor's address with TRUST_PROXY unset (issue 24, second look)", () => {
  let unset;
  let loopback;
  beforeAll(async () => {
    unset = await start(undefined);
    loopback = await start("loopback");
  });
  afterAll(() => Promise.all([unset, loopback].map(({ server }) => new Promise((resolve) => server.close(resolve)))));

  it("is the socket's: a visitor on loopback cannot write itself another address", async () => {
    for (const forged of ["203.0.113.7", "203.0.113.7, 198.51.100.1", "2001:db8::1", "::ffff:203.0.113.7", "unknown"]) {
      expect(await ipSeenBy(unset.base, { "x-forwarded-for": forged })).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    }
    expect(await ipSeenBy(unset.base)).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it("believes a proxy on this machine only when TRUST_PROXY=loopback says so", async () => {
    expect(await ipSeenBy(loopback.base, { "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
  });
});
