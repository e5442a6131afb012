/**
 * The visitor's session: kept on the server (session-store.server.ts: Redis with REDIS_URL,
 * else files in SESSION_DIR); the cookie holds only its random id, signed. So a sign-in
 * can be ended: signing out deletes the session (its cart goes on under a new id), and a
 * new password set through the shop ends the login's other sessions (endOtherSessions).
 */
import { createSession, createSessionStorage, redirect, type Session } from "@remix-run/node";
import { getConfig } from "../config.server";
import {
  type Claim,
  fileSessionStore,
  isSessionId,
  newSessionId,
  redisSessionStore,
  type SessionRecord,
  type SessionStore,
} from "./session-store.server";

/** What the visitor's session holds: no personal data, only ids and counts. */
export type SessionData = {
  cartId: string;
  /** Number of items in the cart, so the header needs no backend call. */
  cartCount: number;
  /** Units per variant in the cart, so a product page can tell at once when its stock cannot cover an add. */
  cartLines: Record<string, number>;
  /** Delivery country: decides region, shipping options and prices. */
  country: "nl" | "be";
  /** The order just placed: only this visitor may see its confirmation page. */
  lastOrderId: string;
  /**
   * A signed-in group admin's Medusa JWT (customer, emailpass), sent as a bearer token
   * by lib/account/account.server.ts. It holds ids, no personal data; it never leaves the server.
   */
  customerToken: string;
  /** A signed-in wijkagent/municipality account's Medusa JWT (actor type notice_author), kept apart from customerToken. */
  noticeAuthorToken: string;
};

/**
 * One-time notices shown after a redirect (post/redirect/get, also without JavaScript).
 * `focus`: the notice is the result of the form just sent and takes the focus (NoticeToast).
 * `line`: the cart line the notice belongs to (a quantity update), with what the shopper typed
 * when it was refused; the cart page shows it at that line (routes/winkelmand.tsx).
 */
export type Notice =
  | { kind: "added"; title: string; quantity: number }
  | { kind: "error"; message: string; focus?: boolean; line?: NoticeLine }
  | { kind: "info"; message: string; focus?: boolean; line?: NoticeLine };

/** The cart line of a notice: its id and, for a refused quantity, the quantity as typed. */
export type NoticeLine = { id: string; typed?: string };

type FlashData = { notice: Notice };

const config = getConfig();

const store: SessionStore = config.redisUrl ? redisSessionStore(config.redisUrl) : fileSessionStore(config.sessionDir);

type TokenKey = "customerToken" | "noticeAuthorToken";
const TOKEN_KEYS: TokenKey[] = ["customerToken", "noticeAuthorToken"];

/**
 * The login a Medusa JWT belongs to (actor type and auth identity), read without checking
 * the signature: the token came from the backend, which checks it on every use.
 */
export function loginOf(token: unknown): string | null {
  if (typeof token !== "string") return null;
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
    const { actor_type: actor, auth_identity_id: identity } = payload;
    return typeof actor === "string" && typeof identity === "string" && actor && identity ? `${actor}:${identity}` : null;
  } catch {
    return null;
  }
}

/** Writes the session and links it to the logins its tokens belong to (for endOtherSessions). */
async function save(id: string, data: SessionRecord, expires: Date | undefined): Promise<void> {
  await store.write(id, data, expires);
  for (const key of TOKEN_KEYS) {
    const login = loginOf(data[key]);
    if (login) await store.link(login, id, expires);
  }
}

const storage = createSessionStorage<SessionData, FlashData>({
  async createData(data, expires) {
    const id = newSessionId();
    // An empty session (a product page handing out the cart identity before the first add,
    // #27) is only a signed id in the cookie: nothing is stored until it holds something, so
    // crawlers and one-page visitors leave no records behind. Remix keeps the id of a cookie
    // whose data it cannot read, and the first real write stores it under that id.
    if (Object.keys(data).length > 0) await save(id, data, expires);
    return id;
  },
  async readData(id) {
    // an old cookie that held the session itself (before sessions moved to the server) starts afresh
    return isSessionId(id) ? ((await store.read(id)) as Partial<SessionData> | null) : null;
  },
  updateData: save,
  async deleteData(id) {
    if (isSessionId(id)) await store.remove(id);
  },
  cookie: {
    // Over HTTPS the cookie is `__Host-` prefixed: the browser then refuses it from a sibling
    // subdomain or plain http, so nobody can plant a session id of their own choosing in a
    // shopper's browser (session fixation) and read the cart it fills. Plain-http development
    // cannot carry the prefix (it requires Secure).
    name: config.secureCookies ? "__Host-bp" : "__bp",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: config.secureCookies,
    secrets: [config.sessionSecret],
    // The cart survives browser and storefront restarts for a month.
    maxAge: 60 * 60 * 24 * 30,
  },
});

export type ShopSession = Session<SessionData, FlashData>;

type RawData = Record<string, unknown>;
const snapshotOf = (data: RawData) => new Map(Object.entries(data).map(([key, value]) => [key, JSON.stringify(value)]));

/**
 * The one session of a request (lib/request/context.server.ts makes it, server.mjs commits it once
 * after the route has answered). Loaders and actions change it like a Remix session; what
 * they changed is written back onto the session as it is stored then, key by key: another
 * request of the same visitor (an add to cart) may have written it meanwhile, and writing
 * this request's early read back whole would undo that add (#27). Nothing changed: nothing
 * is written and no cookie is sent. An empty session of a new visitor stores nothing and
 * sets no cookie unless the page asks for the visitor's identity (`handOutIdentity`).
 */
export class RequestSession implements ShopSession {
  #inner: ShopSession;
  #read: Map<string, string>;
  #renewed = false;
  #identityWanted = false;
  #discarded = false;
  #options: { maxAge?: number } | undefined;

  constructor(
    inner: ShopSession,
    private readonly cookieHeader: string | null,
  ) {
    this.#inner = inner;
    this.#read = snapshotOf(inner.data as RawData);
  }

  static async of(request: Request): Promise<RequestSession> {
    const cookie = request.headers.get("Cookie");
    return new RequestSession(await storage.getSession(cookie), cookie);
  }

  get id(): string {
    return this.#inner.id;
  }
  get data() {
    return this.#inner.data;
  }
  has(name: Parameters<ShopSession["has"]>[0]): boolean {
    return this.#inner.has(name);
  }
  get: ShopSession["get"] = (name) => this.#inner.get(name);
  set: ShopSession["set"] = (name, value) => this.#inner.set(name, value);
  flash: ShopSession["flash"] = (name, value) => this.#inner.flash(name, value);
  unset: ShopSession["unset"] = (name) => this.#inner.unset(name);

  /**
   * The same data under a new id, the old one deleted: after a sign-in (a session id someone
   * planted or saw before is worth nothing) and a sign-out (a copy of the cookie signs nobody in).
   */
  async renew(): Promise<void> {
    if (this.#inner.id) await storage.destroySession(this.#inner);
    // the raw data, pending flash notices included
    this.#inner = createSession<SessionData, FlashData>({ ...this.#inner.data } as SessionData, "");
    this.#renewed = true;
  }

  /** A new visitor gets its (still empty) session's id now: its cart identity exists before the first add answers (#27). */
  handOutIdentity(): void {
    this.#identityWanted = true;
  }

  /** Options for the one commit (a refused add of a new visitor keeps its notice a minute only). */
  commitWith(options: { maxAge?: number }): void {
    this.#options = options;
  }

  /** Nothing of this request is written (a refused add of a new visitor leaves nothing behind). */
  discard(): void {
    this.#discarded = true;
  }

  /** The session as stored now (another request of the visitor may have changed it since this one read it). */
  latest(): Promise<ShopSession> {
    return storage.getSession(this.cookieHeader);
  }

  /** The keys this request changed since it read the session (or last saved it). */
  changedKeys(): string[] {
    const now = snapshotOf(this.#inner.data as RawData);
    const keys = new Set([...this.#read.keys(), ...now.keys()]);
    return [...keys].filter((key) => this.#read.get(key) !== now.get(key));
  }

  /**
   * Writes what changed onto the stored session now, before the answer (an add's cart must be
   * stored before its key reads as done). Only for a session that is stored already.
   */
  async save(): Promise<void> {
    if (!sessionIdOf(this) || this.#renewed) return;
    const changed = this.changedKeys();
    if (changed.length === 0) return;
    await this.#writeChanges(changed);
    this.#read = snapshotOf(this.#inner.data as RawData);
  }

  async #writeChanges(changed: string[]): Promise<string> {
    const fresh = await storage.getSession(this.cookieHeader);
    const data = this.#inner.data as RawData;
    for (const key of changed) {
      // raw keys: flash notices are `__flash_notice__`
      if (key in data) fresh.set(key as never, data[key] as never);
      else fresh.unset(key as never);
    }
    return storage.commitSession(fresh, this.#options);
  }

  /** The one Set-Cookie of the request, or null when nothing is to be written. */
  async commit(): Promise<string | null> {
    if (this.#discarded) return null;
    if (this.#renewed) return storage.commitSession(this.#inner, this.#options);
    const changed = this.changedKeys();
    if (!sessionIdOf(this)) {
      // a new visitor: stored once it holds something (createData), the cookie only when asked for
      return changed.length > 0 || this.#identityWanted ? storage.commitSession(this.#inner, this.#options) : null;
    }
    if (changed.length === 0) return null;
    this.#read = snapshotOf(this.#inner.data as RawData);
    return this.#writeChanges(changed);
  }
}

/** For tests and scripts outside a request; routes read `context.session`. */
export function getSession(request: Request): Promise<RequestSession> {
  return RequestSession.of(request);
}

/**
 * Ends every other session signed in as the login of `token` (a password was just set):
 * their token is removed, their cart stays. `current` keeps its own.
 */
export async function endOtherSessions(token: string, current: ShopSession): Promise<void> {
  const login = loginOf(token);
  if (!login) return;
  for (const id of await store.takeLinked(login)) {
    if (id === current.id) continue;
    const data = await store.read(id);
    if (!data) continue;
    const remaining = Object.fromEntries(Object.entries(data).filter(([key, value]) => !(TOKEN_KEYS.includes(key as TokenKey) && loginOf(value) === login)));
    // kept for the cookie's lifetime again (the store does not tell what was left of it)
    if (Object.keys(remaining).length !== Object.keys(data).length) await save(id, remaining, undefined);
  }
}

/**
 * Once-only work shared by every storefront process (add keys, a session's first cart):
 * see SessionStore.claim. Lives beside the sessions (Redis or SESSION_DIR).
 */
export const claims = {
  claim: (key: string, pendingMs: number): Promise<Claim> => store.claim(key, pendingMs),
  settle: (key: string, outcome: unknown, keepMs: number): Promise<void> => store.settle(key, outcome, keepMs),
  release: (key: string): Promise<void> => store.release(key),
};

/** The session's own id once it is stored ("" for a visitor without one yet). */
export function sessionIdOf(session: Pick<ShopSession, "id">): string {
  return isSessionId(session.id) ? session.id : "";
}

export function countryOf(session: ShopSession): "nl" | "be" {
  return session.get("country") === "be" ? "be" : "nl";
}

/**
 * Signs one account out: deletes the session on the server and goes on under a new id
 * without that account's token (the cart and the other account, if any, stay), so a group
 * admin and a notice account on the same browser are signed out separately, and a copy of
 * the old cookie signs nobody in. Answers the redirect with the notice "Je bent uitgelogd.".
 */
export async function signOut(session: RequestSession, token: TokenKey, to: string): Promise<Response> {
  await session.renew();
  session.unset(token);
  session.flash("notice", { kind: "info", message: "Je bent uitgelogd." });
  return redirect(to, { status: 303 });
}
