import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// BACKEND_TIMEOUT_MS reaches the one backend client: a real server on loopback that accepts the
// request and never answers, and the client configured (once, when it loads) to give up after 1 s.
// Its own file: backend.server.ts reads the configuration when it is first imported.
const sockets = new Set<Socket>();
const silent = http.createServer(() => {
  // never answers
});
silent.on("connection", (socket) => {
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
});

let client: typeof import("./backend.server");
const originalBackendUrl = process.env.MEDUSA_BACKEND_URL;

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  process.env.MEDUSA_BACKEND_URL = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  process.env.BACKEND_TIMEOUT_MS = "1000";
  client = await import("./backend.server");
});

afterAll(async () => {
  delete process.env.BACKEND_TIMEOUT_MS;
  process.env.MEDUSA_BACKEND_URL = originalBackendUrl;
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

/** How long `work` took to reject, and with what. */
async function rejection(work: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = Date.now();
  const error = await work().then(
    () => undefined,
    (e: unknown) => e,
  );
  return { ms: Date.now() - started, error };
}

describe("the backend client gives up after BACKEND_TIMEOUT_MS", () => {
  it("reads the setting", () => {
    expect(client.BACKEND_TIMEOUT_MS).toBe(1000);
  });

  it("backendFetch: a backend that does not answer is unavailable after 1 s, not after the default 10 s", async () => {
    const { ms, error } = await rejection(() => client.backendFetch("/store/groups"));
    expect(error).toBeInstanceOf(client.BackendUnavailableError);
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(5000);
  });

  it("callBackend (the sdk's calls): the same limit, named in the log line", async () => {
    const { ms, error } = await rejection(() => client.callBackend("products", () => client.sdk.store.product.list()));
    expect(error).toBeInstanceOf(client.BackendUnavailableError);
    expect((error as Error).message).toBe("products: no answer within 1000 ms");
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(5000);
  });
});
