/**
 * Group admin accounts ("Mijn groep"): sign in, forgotten password, set a password,
 * the admin's own groups, editing one, removing their data. Everything goes through
 * Medusa's own auth routes (/auth/customer/emailpass/…) and the store API
 * (/store/my-group/…) with the one js-sdk client; the customer's JWT lives only in the
 * server-side session (session.server.ts; the cookie holds its id) and is passed per
 * request (the shared client never keeps it).
 */
import { redirect } from "@remix-run/node";
import { EXPIRED_LINK_CODE, EXPIRED_LINK_MESSAGE, WRONG_LOGIN_MESSAGE } from "./account-validation";
import {
  BackendError,
  backendFetch,
  BackendUnavailableError,
  callBackend,
  failureStatus,
  sdk,
  toBackendFailure,
  UNAVAILABLE_MESSAGE,
} from "../backend/backend.server";
import type { FieldErrors } from "../form-errors";
import type { GroupStatus } from "../groups/group-view";

export type { GroupStatus } from "../groups/group-view";
import { GROUP_EDIT_FIELDS, type GroupEditForm } from "../groups/group-forms";
import type { ShopSession } from "../session/session.server";

// ---------------------------------------------------------------------------
// Shapes


/** One of the admin's own groups, as "Mijn groep" shows it (their own contact data included). */
export type MyGroup = {
  id: string;
  name: string;
  slug: string;
  status: GroupStatus;
  rejectionReason: string | null;
  woonplaats: string;
  gemeente: string;
  postcodes: string[];
  lat: number | null;
  lng: number | null;
  memberCount: number;
  adminName: string | null;
  adminEmail: string | null;
  /** a change of name or location that waits for staff; the public listing shows the old values until then */
  pendingChanges: PendingGroupChanges | null;
  /** the backend's warning when the point lies far from the group's postcodes ("… ligt 118 km van postcode 1234. Klopt dat?") */
  pointWarning: string | null;
  /** "Andere beheerders mogen mij een bericht sturen" (off by default; issue #30) */
  adminMessagesEnabled: boolean;
  /** staff blocked this admin from messaging other admins */
  messagingBlocked: boolean;
};

export type PendingGroupChanges = {
  requestedAt: string;
  changes: { field: "name" | "woonplaats" | "gemeente" | "postcodes" | "lat" | "lng"; from: unknown; to: unknown }[];
};

type ApiMyGroup = {
  id: string;
  name: string;
  slug: string;
  status: GroupStatus;
  rejection_reason: string | null;
  woonplaats: string;
  gemeente: string;
  postcodes: string[];
  lat: number | null;
  lng: number | null;
  member_count: number;
  admin_name: string | null;
  admin_email: string | null;
  pending_changes?: { requested_at: string; changes: PendingGroupChanges["changes"] } | null;
  point_warning?: string | null;
  admin_messages_enabled?: boolean;
  messaging_blocked?: boolean;
};


export function toMyGroup(group: ApiMyGroup): MyGroup {
  return {
    id: group.id,
    name: group.name,
    slug: group.slug,
    status: group.status,
    rejectionReason: group.rejection_reason ?? null,
    woonplaats: group.woonplaats,
    gemeente: group.gemeente,
    postcodes: group.postcodes ?? [],
    lat: group.lat ?? null,
    lng: group.lng ?? null,
    memberCount: group.member_count,
    adminName: group.admin_name ?? null,
    adminEmail: group.admin_email ?? null,
    pendingChanges: group.pending_changes
      ? { requestedAt: group.pending_changes.requested_at, changes: group.pending_changes.changes ?? [] }
      : null,
    pointWarning: group.point_warning ?? null,
    adminMessagesEnabled: group.admin_messages_enabled === true,
    messagingBlocked: group.messaging_blocked === true,
  };
}

// ---------------------------------------------------------------------------
// Errors

/** The customer's token is missing, expired or no longer valid: sign in again. */
export class SignedOutError extends Error {
  constructor() {
    super("Not signed in");
  }
}

// The messages live in the client-safe module (pages show them); re-exported for the server code.
export { EXPIRED_LINK_CODE, EXPIRED_LINK_MESSAGE, FORGOT_PASSWORD_ANSWER, WRONG_LOGIN_MESSAGE } from "./account-validation";
export { UNAVAILABLE_MESSAGE } from "../backend/backend.server";

export const TOO_MANY_ATTEMPTS_MESSAGE = "Te veel pogingen om in te loggen. Probeer het over een kwartier opnieuw.";

// ---------------------------------------------------------------------------
// Session

export function customerToken(session: ShopSession): string | null {
  return session.get("customerToken") ?? null;
}


// ---------------------------------------------------------------------------
// Auth (Medusa's emailpass provider for customers)

const wrongLogin = () => BackendError.refusal(401, WRONG_LOGIN_MESSAGE);

/**
 * The customer's token. Medusa's emailpass route answers 401 for a wrong e-mail or password:
 * thrown as one Dutch refusal (BackendError); a refusal per field keeps its fields; too many
 * attempts stays a 429 with its Retry-After.
 */
export async function signIn(email: string, password: string): Promise<string> {
  let token: unknown;
  try {
    // the one fetch rather than sdk.auth.login, so a refusal per field keeps its fields
    ({ token } = await backendFetch<{ token?: unknown }>("/auth/customer/emailpass", { method: "POST", body: { email, password } }));
  } catch (error) {
    const failure = toBackendFailure(error);
    const byField = Object.keys(failure.fieldErrors).some((field) => field !== "_");
    if (byField) throw error;
    if (failure.status === 401 || failure.status === 400) throw wrongLogin();
    if (failure.status === 429) throw BackendError.refusal(429, failure.message || TOO_MANY_ATTEMPTS_MESSAGE, undefined, failure.code, failure.retryAfter);
    throw error;
  }
  if (typeof token !== "string") throw wrongLogin();
  return token;
}

/**
 * Medusa answers 201 whether or not the address has an account; so do we. Throws only for
 * too many requests (429) and an unreachable backend (503).
 */
export async function requestPasswordReset(email: string): Promise<void> {
  try {
    await backendFetch<unknown>("/auth/customer/emailpass/reset-password", { method: "POST", body: { identifier: email } }).catch((error) => {
      // the route answers 201 with a plain "Created" body: that is success, not an unreadable answer
      if (error instanceof BackendUnavailableError && / HTTP 2\d\d without a JSON body$/.test(error.message)) return undefined;
      throw error;
    });
  } catch (error) {
    const failure = toBackendFailure(error);
    // too many requests (per login or per address; unknown addresses alike): say so;
    // unreachable or 5xx: try again later
    if (failure.status === 429 || failure.status >= 500) throw error;
    // any other 4xx says nothing about the address: the same neutral answer
  }
}


/** The token from the e-mail's link is single use; Medusa refuses it once used or expired (a BackendError with EXPIRED_LINK_CODE). */
export async function setPassword(token: string, password: string): Promise<void> {
  try {
    await callBackend("set password", () => sdk.auth.updateProvider("customer", "emailpass", { password }, token));
  } catch (error) {
    const status = failureStatus(error);
    if (status === 401 || status === 400) throw BackendError.refusal(400, EXPIRED_LINK_MESSAGE, undefined, EXPIRED_LINK_CODE);
    throw error;
  }
}

/** The e-mail address inside a reset token (for the form's display only; the backend verifies the token). */
export function emailFromToken(token: string): string | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { entity_id?: unknown };
    return typeof data.entity_id === "string" ? data.entity_id : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Mijn groep (store API /store/my-group)

/** A call with the admin's token; a missing or refused token is SignedOutError. */
export async function withToken<T>(token: string | null, call: (token: string) => Promise<T>): Promise<T> {
  if (!token) throw new SignedOutError();
  try {
    return await call(token);
  } catch (error) {
    if (failureStatus(error) === 401) throw new SignedOutError();
    throw error;
  }
}

export async function listMyGroups(token: string | null): Promise<MyGroup[]> {
  return (await loadMyAccount(token)).groups;
}

/**
 * GET /store/my-group: the admin's groups and their account's first name (null when the
 * backend has none), which the forms for messages to other admins start with.
 */
export async function loadMyAccount(token: string | null): Promise<{ groups: MyGroup[]; firstName: string | null }> {
  const { groups, account } = await withToken(token, (token) =>
    backendFetch<{ groups: ApiMyGroup[]; account?: { first_name?: string | null } }>("/store/my-group", { token }),
  );
  const firstName = typeof account?.first_name === "string" && account.first_name.trim() ? account.first_name.trim() : null;
  return { groups: groups.map(toMyGroup), firstName };
}

/**
 * POST /store/my-group/groups/:id with the fields as typed: the backend judges them
 * (StoreUpdateMyGroup) and its refusal per field (a BackendError) goes back to the form.
 */
export async function updateMyGroup(token: string | null, id: string, values: GroupEditForm): Promise<MyGroup> {
  const body = Object.fromEntries(GROUP_EDIT_FIELDS.map((key) => [key, values[key] ?? ""]));
  try {
    const { group } = await withToken(token, (token) =>
      backendFetch<{ group: ApiMyGroup }>(`/store/my-group/groups/${encodeURIComponent(id)}`, { method: "POST", body, token }),
    );
    return toMyGroup(group);
  } catch (error) {
    if (error instanceof SignedOutError) throw error;
    const failure = toBackendFailure(error);
    if (failure.status === 404) throw BackendError.refusal(404, "Deze groep bestaat niet (meer) of hoort niet bij je account.");
    // a rename onto another group's name: shown at the name
    if (failure.status === 409) throw BackendError.refusal(409, failure.message, { name: failure.message });
    throw error;
  }
}

/** "Verwijder mijn gegevens": archives the admin's groups anonymously and deletes the account. */
export async function removeMyData(token: string | null): Promise<void> {
  await withToken(token, (token) => backendFetch("/store/my-group/removal", { method: "POST", body: { confirm: true }, token }));
}

// ---------------------------------------------------------------------------
// Route helpers

/** Where the sign-in page sends the admin back to after signing in. */
export function signInUrl(request: Request): string {
  const url = new URL(request.url);
  return `/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`;
}

/** The signed-in admin's token, or a redirect to the sign-in page (thrown, for loaders and actions). */
export function requireCustomerToken(request: Request, session: ShopSession): { token: string; session: ShopSession } {
  const token = customerToken(session);
  if (!token) throw redirect(signInUrl(request), { status: 303 });
  return { token, session };
}

/** The token expired or the account is gone: forget it and ask to sign in again. */
export function signedOutRedirect(request: Request, session: ShopSession): Response {
  session.unset("customerToken");
  session.flash("notice", { kind: "info", message: "Je bent uitgelogd. Log opnieuw in om verder te gaan." });
  return redirect(signInUrl(request), { status: 303 });
}
