import http from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestHandler } from "@remix-run/express";
import { bodyLimit, withBufferedBody } from "./body-limit.mjs";
import { oneRouteBuild } from "./app/test/one-route-build.mjs";

// A real Express server with the real Remix adapter in front of a one-route Remix build:
// the action reads the form exactly as the shop's routes do (request.formData()). A resource
// route (no component), so the action's own answer comes back.
const build = oneRouteBuild({
  action: async ({ request }) => {
    const form = await request.formData();
    return new Response(`ontvangen: ${String(form.get("bericht") ?? "").length} tekens`, { headers: { "Content-Type": "text/plain" } });
  },
}, { page: false });

let server;
let base;

beforeAll(async () => {
  const app = express();
  const remix = createRequestHandler({ build, mode: "production" });
  app.all("*", bodyLimit({ limitBytes: 1024 }), (req, res, next) => remix(withBufferedBody(req), res, next));
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const form = (text) => new URLSearchParams({ bericht: text }).toString();

/** A raw request: `declare` false sends the body chunked (no Content-Length). */
function send(body, { declare = true } = {}) {
  return new Promise((resolve, reject) => {
    const headers = { "Content-Type": "application/x-www-form-urlencoded" };
    if (declare) headers["Content-Length"] = String(Buffer.byteLength(body));
    const req = http.request(`${base}/?index`, { method: "POST", headers });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on("error", (error) => (["EPIPE", "ECONNRESET"].includes(error.code) ? undefined : reject(error)));
    if (declare) {
      req.end(body);
    } else {
      // in pieces, as a slow client would
      const parts = body.match(/[\s\S]{1,200}/g) ?? [];
      const next = () => (parts.length ? req.write(parts.shift(), () => setImmediate(next)) : req.end());
      next();
    }
  });
}

describe("bodyLimit", () => {
  it("passes a form within the limit to Remix intact", async () => {
    const answer = await send(form("a".repeat(900)));
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("ontvangen: 900 tekens");
    const chunked = await send(form("b".repeat(900)), { declare: false });
    expect(chunked.text).toBe("ontvangen: 900 tekens");
  });

  it("refuses a declared Content-Length over the limit with a Dutch 413 page", async () => {
    const answer = await send(form("c".repeat(5000)));
    expect(answer.status).toBe(413);
    expect(answer.headers["content-type"]).toMatch(/^text\/html/);
    expect(answer.headers.connection).toBe("close");
    expect(answer.text).toContain('<html lang="nl">');
    expect(answer.text).toContain("Dit formulier is te groot");
  });

  it("counts streamed bytes when no length is declared", async () => {
    const answer = await send(form("d".repeat(5000)), { declare: false });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain("Dit formulier is te groot");
  });

  it("answers before reading a body whose declared length is too large (200 MB announced, 10 KB sent)", async () => {
    const answer = await new Promise((resolve, reject) => {
      const req = http.request(`${base}/?index`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(200 * 1024 * 1024) },
      });
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => {
          resolve({ status: res.statusCode, text });
          req.destroy();
        });
      });
      req.on("error", (error) => (["EPIPE", "ECONNRESET"].includes(error.code) ? undefined : reject(error)));
      req.write("bericht=" + "f".repeat(10 * 1024)); // and never the rest
    });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain("Dit formulier is te groot");
  });

  it("leaves GET requests alone", async () => {
    const response = await fetch(`${base}/missing`);
    expect(response.status).not.toBe(413);
  });
});
