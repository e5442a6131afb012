import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remixWithContext } from "./request-context.mjs";
import { oneRouteBuild } from "./app/test/one-route-build.mjs";

// A real Express server with the real Remix handler (server.mjs's remixWithContext) in front of a
// one-route build whose entry builds and commits a context the way app/lib/request/context.server.ts does.
const seen = [];
function contextBuild(page) {
  const build = oneRouteBuild(
    {
      loader: ({ context }) => {
        seen.push(context);
        if (context.changeOnGet) context.changed = "yes";
        return null;
      },
      action: ({ context }) => {
        seen.push(context);
        context.changed = "yes";
        throw new Response(null, { status: 303, headers: { Location: "/" } });
      },
    },
    { page },
  );
  build.entry.module.createRequestContext = async (request, clientIp) => ({ clientIp, changed: null, changeOnGet: new URL(request.url).searchParams.has("wijzig") });
  build.entry.module.commitRequestContext = async (context, response) => {
    if (context.changed) response.headers.append("Set-Cookie", `__bp=${context.changed}; Path=/; HttpOnly`);
    return response;
  };
  return build;
}

let base;
let server;
beforeAll(async () => {
  const app = express();
  app.all("*", remixWithContext({ build: contextBuild(false), mode: "production" }));
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("one request context per request, committed once after the route", () => {
  it("a request that changes nothing gets no cookie; the context carries the client's address", async () => {
    const answer = await fetch(`${base}/`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("set-cookie")).toBeNull();
    expect(seen.at(-1).clientIp).toMatch(/127\.0\.0\.1/);
  });

  it("a change in a loader comes back as the one Set-Cookie", async () => {
    const answer = await fetch(`${base}/?wijzig`);
    expect(answer.headers.get("set-cookie")).toMatch(/^__bp=yes/);
  });

  it("a redirect thrown by an action carries the cookie too", async () => {
    const answer = await fetch(`${base}/`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("set-cookie")).toMatch(/^__bp=yes/);
  });
});
