import http from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestHandler } from "@remix-run/express";
import { BAD_FORM_PAGE, formBodiesOnly, isFormContentType } from "./form-body.mjs";
import { oneRouteBuild } from "./app/test/one-route-build.mjs";

// A real Express server with the real Remix adapter in front of a one-route build whose action
// reads request.formData(), as every action of the shop does (issue 24, second look: an empty
// POST without Content-Type was a 500).
const build = oneRouteBuild({
  action: async ({ request }) => {
    const form = await request.formData();
    return { fields: [...form.keys()] };
  },
});

let server;
let base;
beforeAll(async () => {
  const app = express();
  const remix = createRequestHandler({ build, mode: "production" });
  app.all("*", formBodiesOnly(), (req, res, next) => remix(req, res, next));
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function send(method, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/?index`, { method, headers });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode, type: res.headers["content-type"], body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("isFormContentType", () => {
  it.each([
    ["application/x-www-form-urlencoded", true],
    ["application/x-www-form-urlencoded;charset=UTF-8", true],
    ["Application/X-WWW-Form-Urlencoded", true],
    ["multipart/form-data; boundary=----abc123", true],
    ["multipart/form-data", false],
    ["multipart/form-data; boundary=", false],
    ["text/plain", false],
    ["application/json", false],
    ["", false],
    [undefined, false],
  ])("%j → %j", (header, expected) => expect(isFormContentType(header)).toBe(expected));
});

describe("a body that is no form", () => {
  it.each([
    ["POST", { "content-length": "0" }, ""],
    ["POST", {}, "email=x"],
    ["POST", { "content-type": "text/plain", "content-length": "7" }, "email=x"],
    ["POST", { "content-type": "application/json" }, '{"email":"x"}'],
    ["POST", { "content-type": "multipart/form-data", "content-length": "0" }, ""],
    ["PUT", { "content-length": "0" }, ""],
    ["PATCH", { "content-length": "0" }, ""],
    ["DELETE", { "content-length": "0" }, ""],
  ])("%s %j is a 400 with a Dutch page, never a 500", async (method, headers, body) => {
    const answer = await send(method, headers, body);
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/^text\/html/);
    expect(answer.body).toBe(BAD_FORM_PAGE);
  });

  it("lets forms through, also an empty one", async () => {
    const empty = await send("POST", { "content-type": "application/x-www-form-urlencoded", "content-length": "0" }, "");
    expect([empty.status, empty.body]).toEqual([200, 'pagina {"root":{"fields":[]}}']);
    const filled = await send("POST", { "content-type": "application/x-www-form-urlencoded" }, "email=x");
    expect([filled.status, filled.body]).toEqual([200, 'pagina {"root":{"fields":["email"]}}']);
    const got = await send("GET", {}, undefined);
    expect(got.status).toBe(200);
  });
});
