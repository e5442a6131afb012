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
  close(): Promise<void>;
}

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
  const sweep = async () => {
    for (const name of await readdir(dir)) {
      if (!name.endsWith(".json")) continue;
      try {
        const { expires } = JSON.parse(await readFile(path.join(dir, name), "utf8")) as { expires: number };
        if (expires <= Date.now()) await rm(path.join(dir, name), { force: true });
      } catch {
        // written or removed meanwhile by another worker: next time
      }
    }
  };
  const file = (id: string) => path.join(dir, `${id}.json`);
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
    async close() {},
  };
}
