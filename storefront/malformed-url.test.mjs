import { createServer } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BAD_URL_PAGE, isReadablePath, refuseMalformedUrls } from "./malformed-url.mjs";

describe("isReadablePath", () => {
  it.each(["/", "/producten/bord-wit", "/groepen/buurt%20west", "/gemeenten/%27s-hertogenbosch", "/zoeken%C3%A9"])("reads %s", (path) => {
    expect(isReadablePath(path)).toBe(true);
  });
  it.each(["/%", "/groepen/%E0%A4%A", "/%zz", "/producten/%00", "/a%0Ab", "/a%7F", "/%C0%80"])("refuses %s", (path) => {
    expect(isReadablePath(path)).toBe(false);
  });
});

describe("refuseMalformedUrls, in front of express.static as in server.mjs", () => {
  let server;
  let base;
  beforeAll(async () => {
    const app = express();
    app.use(refuseMalformedUrls());
    app.use(express.static(import.meta.dirname));
    app.all("*", (_req, res) => res.send("page"));
    server = createServer(app);
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("answers an unreadable path with 400 and the Dutch page, never Express's English one", async () => {
    for (const path of ["/%", "/groepen/%E0%A4%A", "/producten/%00"]) {
      const answer = await fetch(base + path);
      expect([path, answer.status]).toEqual([path, 400]);
      expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await answer.text()).toBe(BAD_URL_PAGE);
    }
  });

  it("lets readable paths and queries with odd characters through", async () => {
    for (const path of ["/producten/bord", "/zoeken?q=%", "/groepen/buurt%20west"]) {
      const answer = await fetch(base + path);
      expect([path, answer.status]).toEqual([path, 200]);
    }
  });
});
