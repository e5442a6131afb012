/**
 * Where the visitors' sessions live on the server (session.server.ts keeps only an opaque,
 * signed id in the cookie). Two stores, both shared by every worker process of the server
 * (server.mjs runs one per core) and surviving a restart:
 * - Redis when REDIS_URL is set (keys `bp:sf:session:<id>` with the cookie's lifetime, and
 *   `bp:sf:login:<login>`, the sessions a login is signed in with);
 * - otherwise files in SESSION_DIR (one JSON file per session, a directory per login).
 * Memory is no option: a worker would not see a sign-in another worker handled.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Redis } from "ioredis";

export type SessionRecord = Record<string, unknown>;

export interface SessionStore {
  read(id: string): Promise<SessionRecord | null>;
  /** Writes the session, kept until `expires` (or 30 days). */
  write(id: string, data: SessionRecord, expires: Date | undefined): Promise<void>;
  remove(id: string): Promise<void>;
  /** Remembers that session `id` is signed in as `login` (until `expires`). */
  link(login: string, id: string, expires: Date | undefined): Promise<void>;
  /** The sessions ever linked to `login` (some may have signed out since), and forgets them. */
  takeLinked(login: string): Promise<string[]>;
  /**
   * Claims `key` once, across every process: "claimed" for the first caller (the key then
   * reads as pending for `pendingMs`, so a caller that died lets the next one try), else
   * what the first caller settled it with, or "pending" while it works.
   */
  claim(key: string, pendingMs: number): Promise<Claim>;
  /** The claimed key's outcome, kept for `keepMs` (answers later claims). */
  settle(key: string, outcome: unknown, keepMs: number): Promise<void>;
  /** Gives a claimed key back (nothing was done): the next claim may try again. */
  release(key: string): Promise<void>;
  close(): Promise<void>;
}

export type Claim = { state: "claimed" } | { state: "pending" } | { state: "done"; outcome: unknown };

/** 256 random bits, URL-safe. */
export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

/** Only ids this module made are looked up (a file name, a Redis key). */
export function isSessionId(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;
const lifetimeMs = (expires: Date | undefined) => Math.max(1000, (expires?.getTime() ?? Date.now() + MONTH_MS) - Date.now());

export function redisSessionStore(url: string): SessionStore {
  // Fail a request after a short wait rather than queueing it while Redis is away.
  const redis = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false });
  redis.on("error", (error) => console.error(`Storefront: Redis for sessions: ${error.message}`));
  const sessionKey = (id: string) => `bp:sf:session:${id}`;
  const loginKey = (login: string) => `bp:sf:login:${login}`;
  const claimKey = (key: string) => `bp:sf:claim:${key}`;
  return {
    async read(id) {
      const raw = await redis.get(sessionKey(id));
      return raw ? (JSON.parse(raw) as SessionRecord) : null;
    },
    async write(id, data, expires) {
      await redis.set(sessionKey(id), JSON.stringify(data), "PX", lifetimeMs(expires));
    },
    async remove(id) {
      await redis.del(sessionKey(id));
    },
    async link(login, id, expires) {
      await redis.multi().sadd(loginKey(login), id).pexpire(loginKey(login), lifetimeMs(expires), "GT").exec();
    },
    async takeLinked(login) {
      const [[, ids]] = ((await redis.multi().smembers(loginKey(login)).del(loginKey(login)).exec()) ?? [[null, []]]) as [[unknown, string[]]];
      return ids ?? [];
    },
    async claim(key, pendingMs) {
      const PENDING = "\u0000pending";
      if (await redis.set(claimKey(key), PENDING, "PX", pendingMs, "NX")) return { state: "claimed" };
      const raw = await redis.get(claimKey(key));
      if (raw === null) return this.claim(key, pendingMs); // expired between the two calls
      return raw === PENDING ? { state: "pending" } : { state: "done", outcome: JSON.parse(raw) as unknown };
    },
    async settle(key, outcome, keepMs) {
      await redis.set(claimKey(key), JSON.stringify(outcome ?? null), "PX", keepMs);
    },
    async release(key) {
      await redis.del(claimKey(key));
    },
    async close() {
      await redis.quit();
    },
  };
}

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Files: `<dir>/<id>.json` holds `{ expires, data }`; `<dir>/logins/<sha256 of login>/<id>` links a login.
 * Expired sessions are deleted when read, and by a sweep at most once an hour (on a write).
 */
export function fileSessionStore(dir: string): SessionStore {
  const ready = mkdir(path.join(dir, "logins"), { recursive: true, mode: 0o700 });
  let sweptAt = 0;
  const sweepDir = async (where: string) => {
    for (const name of await readdir(where).catch(() => [] as string[])) {
      if (!name.endsWith(".json")) continue;
      try {
        const { expires } = JSON.parse(await readFile(path.join(where, name), "utf8")) as { expires: number };
        if (expires <= Date.now()) await rm(path.join(where, name), { force: true });
      } catch {
        // written or removed meanwhile by another worker: next time
      }
    }
  };
  // sessions, and the claims of add keys and cart creations
  const sweep = async () => {
    await sweepDir(dir);
    await sweepDir(path.join(dir, "claims"));
  };
  const file = (id: string) => path.join(dir, `${id}.json`);
  const claimFile = (key: string) => path.join(dir, "claims", `${createHash("sha256").update(key).digest("hex")}.json`);
  const claimsReady = ready.then(() => mkdir(path.join(dir, "claims"), { recursive: true, mode: 0o700 }));
  const loginDir = (login: string) => path.join(dir, "logins", createHash("sha256").update(login).digest("hex"));
  /** Written whole or not at all: a reader in another worker never sees half a file. */
  const writeAtomically = async (target: string, contents: string) => {
    const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(temporary, contents, { mode: 0o600 });
    await rename(temporary, target);
  };
  return {
    async read(id) {
      await ready;
      let raw: string;
      try {
        raw = await readFile(file(id), "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
      const { expires, data } = JSON.parse(raw) as { expires: number; data: SessionRecord };
      if (expires <= Date.now()) {
        await rm(file(id), { force: true });
        return null;
      }
      return data;
    },
    async write(id, data, expires) {
      await ready;
      if (Date.now() - sweptAt > SWEEP_EVERY_MS) {
        sweptAt = Date.now();
        sweep().catch((error: Error) => console.error(`Storefront: sweeping expired sessions: ${error.message}`));
      }
      await writeAtomically(file(id), JSON.stringify({ expires: Date.now() + lifetimeMs(expires), data }));
    },
    async remove(id) {
      await rm(file(id), { force: true });
    },
    async link(login, id) {
      await ready;
      await mkdir(loginDir(login), { recursive: true, mode: 0o700 });
      await writeFile(path.join(loginDir(login), id), "");
    },
    async takeLinked(login) {
      await ready;
      const where = loginDir(login);
      let ids: string[];
      try {
        ids = await readdir(where);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw error;
      }
      await Promise.all(ids.map((id) => rm(path.join(where, id), { force: true })));
      return ids.filter(isSessionId);
    },
    async claim(key, pendingMs) {
      await claimsReady;
      const target = claimFile(key);
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          // "wx": created by exactly one caller, whichever process it runs in
          await writeFile(target, JSON.stringify({ expires: Date.now() + pendingMs, pending: true }), { flag: "wx", mode: 0o600 });
          return { state: "claimed" };
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        }
        let held: { expires: number; pending?: boolean; outcome?: unknown };
        try {
          held = JSON.parse(await readFile(target, "utf8")) as typeof held;
        } catch {
          continue; // removed (released, expired) or being replaced meanwhile: try again
        }
        if (held.expires <= Date.now()) {
          await rm(target, { force: true });
          continue;
        }
        return held.pending ? { state: "pending" } : { state: "done", outcome: held.outcome ?? null };
      }
      return { state: "pending" };
    },
    async settle(key, outcome, keepMs) {
      await claimsReady;
      await writeAtomically(claimFile(key), JSON.stringify({ expires: Date.now() + keepMs, outcome: outcome ?? null }));
    },
    async release(key) {
      await rm(claimFile(key), { force: true });
    },
    async close() {},
  };
}
