import { createServer, request } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowedMethodsOnly, METHOD_NOT_ALLOWED_PAGE } from "./allowed-methods.mjs";

/** Raw node requests: fetch refuses to send TRACE. */
const send = (base, method, path = "/") =>
  new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode, allow: res.headers.allow, type: res.headers["content-type"], body }));
    });
    req.on("error", reject);
    req.end();
  });

describe("allowedMethodsOnly, in front of the pages as in server.mjs", () => {
  let server;
  let base;
  let reached = [];
  beforeAll(async () => {
    const app = express();
    app.use(allowedMethodsOnly());
    app.all("*", (req, res) => {
      reached.push(req.method);
      res.send("page");
    });
    server = createServer(app);
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it.each(["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND"])("answers %s with 405, Allow and the Dutch page, and never reaches the app", async (method) => {
    reached = [];
    const answer = await send(base, method, "/producten/bord");
    expect([answer.status, answer.allow]).toEqual([405, "GET, HEAD, POST"]);
    expect(answer.type).toMatch(/^text\/html/);
    expect(answer.body).toBe(METHOD_NOT_ALLOWED_PAGE);
    expect(reached).toEqual([]);
  });

  it.each(["GET", "HEAD", "POST"])("lets %s through", async (method) => {
    const answer = await send(base, method);
    expect(answer.status).toBe(200);
  });
});
