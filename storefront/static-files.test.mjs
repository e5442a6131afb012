import express from "express";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSETS_CACHE_CONTROL, IMAGES_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, staticFiles } from "./static-files.mjs";

let server;
let base;
let dir;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bp-static-"));
  fs.mkdirSync(path.join(dir, "assets"));
  fs.mkdirSync(path.join(dir, "images/products"), { recursive: true });
  fs.writeFileSync(path.join(dir, "assets/root-AbC123.js"), "export {}");
  fs.writeFileSync(path.join(dir, "images/products/bord.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  fs.writeFileSync(path.join(dir, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  const app = express();
  app.use(staticFiles(dir)); // as server.mjs
  app.use((req, res) => res.status(404).send("remix"));
  await new Promise((resolve) => {
    server = app.listen(0, "127.0.0.1", resolve);
  });
  base = `http://127.0.0.1:${server.address().port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("static files and their caching", () => {
  it("keeps fingerprinted /assets a year, immutable", async () => {
    const response = await fetch(`${base}/assets/root-AbC123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(ASSETS_CACHE_CONTROL).toBe("public, max-age=31536000, immutable");
  });

  it("keeps product images a day, then revalidates them in the background", async () => {
    const response = await fetch(`${base}/images/products/bord.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe(IMAGES_CACHE_CONTROL);
    expect(response.headers.get("cache-control")).toMatch(/max-age=86400\b/);
    expect(response.headers.get("etag")).toBeTruthy();
  });

  it("keeps the rest of public/ an hour, and lets a miss through to Remix", async () => {
    const favicon = await fetch(`${base}/favicon.svg`);
    expect(favicon.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    const missing = await fetch(`${base}/assets/gone-123.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("remix");
    expect(missing.headers.get("cache-control")).toBeNull();
  });
});
