/**
 * Group admin accounts ("Mijn groep"): sign in, forgotten password, set a password,
 * the admin's own groups, editing one, removing their data. Everything goes through
 * Medusa's own auth routes (/auth/customer/emailpass/…) and the store API
 * (/store/my-group/…) with the one js-sdk client; the customer's JWT lives only in the
 * server-side session (session.server.ts; the cookie holds its id) and is passed per
 * request (the shared client never keeps it).
 */
import { redirect } from "@remix-run/node";
import { EXPIRED_LINK_MESSAGE, WRONG_LOGIN_MESSAGE } from "./account-validation";
import {
  backendFetch,
  BackendUnavailableError,
  callBackend,
  failureStatus,
  sdk,
  toBackendFailure,
  UNAVAILABLE_MESSAGE,
} from "./backend.server";
import type { FieldErrors } from "./form-errors";
import type { GroupStatus } from "./group-view";

export type { GroupStatus } from "./group-view";
import { GROUP_EDIT_FIELDS, type GroupEditForm } from "./group-forms";
import type { ShopSession } from "./session.server";

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
export { EXPIRED_LINK_MESSAGE, FORGOT_PASSWORD_ANSWER, WRONG_LOGIN_MESSAGE } from "./account-validation";
export { UNAVAILABLE_MESSAGE } from "./backend.server";

export const TOO_MANY_ATTEMPTS_MESSAGE = "Te veel pogingen om in te loggen. Probeer het over een kwartier opnieuw.";

// ---------------------------------------------------------------------------
// Session

export function customerToken(session: ShopSession): string | null {
  return session.get("customerToken") ?? null;
}


// ---------------------------------------------------------------------------
// Auth (Medusa's emailpass provider for customers)

export type SignInResult =
  | { ok: true; token: string }
  /** `status`: the backend's (429 for too many attempts, with `retryAfter` seconds) */
  | { ok: false; message: string; errors: FieldErrors; status: number; retryAfter: number | null };

/** Medusa's emailpass route answers 401 for a wrong e-mail or password; a refusal per field is shown at the fields. */
export async function signIn(email: string, password: string): Promise<SignInResult> {
  try {
    // the one fetch rather than sdk.auth.login, so a refusal per field keeps its fields
    const { token } = await backendFetch<{ token?: unknown }>("/auth/customer/emailpass", { method: "POST", body: { email, password } });
    if (typeof token === "string") return { ok: true, token };
    return { ok: false, message: WRONG_LOGIN_MESSAGE, errors: { _: WRONG_LOGIN_MESSAGE }, status: 401, retryAfter: null };
  } catch (error) {
    const failure = toBackendFailure(error);
    const { status, retryAfter } = failure;
    const byField = Object.keys(failure.fieldErrors).some((field) => field !== "_");
    if (byField) return { ok: false, message: failure.message, errors: failure.fieldErrors, status, retryAfter };
    const message =
      failure.status === 401 || failure.status === 400 ? WRONG_LOGIN_MESSAGE : failure.status === 429 ? failure.message || TOO_MANY_ATTEMPTS_MESSAGE : failure.message;
    return { ok: false, message, errors: { _: message }, status, retryAfter };
  }
}

export type PasswordResetResult =
  | { ok: true }
  /** 429 (too many requests, `retryAfter` seconds) or 503 (unreachable) */
  | { ok: false; status: number; message: string; retryAfter: number | null };

/** Medusa answers 201 whether or not the address has an account; so do we. */
export async function requestPasswordReset(email: string): Promise<PasswordResetResult> {
  try {
    await backendFetch<unknown>("/auth/customer/emailpass/reset-password", { method: "POST", body: { identifier: email } }).catch((error) => {
      // the route answers 201 with a plain "Created" body: that is success, not an unreadable answer
      if (error instanceof BackendUnavailableError && / HTTP 2\d\d without a JSON body$/.test(error.message)) return undefined;
      throw error;
    });
    return { ok: true };
  } catch (error) {
    const failure = toBackendFailure(error);
    // too many requests (per login or per address; unknown addresses alike): say so
    if (failure.status === 429) return { ok: false, status: 429, message: failure.message, retryAfter: failure.retryAfter };
    // any other 4xx says nothing about the address: the same neutral answer; unreachable or 5xx: try again later
    if (failure.status < 500) return { ok: true };
    return { ok: false, status: 503, message: failure.message, retryAfter: null };
  }
}

export type SetPasswordResult = { ok: true } | { ok: false; expired: boolean; message: string };

/** The token from the e-mail's link is single use; Medusa refuses it once used or expired. */
export async function setPassword(token: string, password: string): Promise<SetPasswordResult> {
  try {
    await callBackend("set password", () => sdk.auth.updateProvider("customer", "emailpass", { password }, token));
    return { ok: true };
  } catch (error) {
    const status = failureStatus(error);
    if (status === 401 || status === 400) return { ok: false, expired: true, message: EXPIRED_LINK_MESSAGE };
    if (error instanceof BackendUnavailableError) return { ok: false, expired: false, message: UNAVAILABLE_MESSAGE };
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
async function withToken<T>(token: string | null, call: (token: string) => Promise<T>): Promise<T> {
  if (!token) throw new SignedOutError();
  try {
    return await call(token);
  } catch (error) {
    if (failureStatus(error) === 401) throw new SignedOutError();
    throw error;
  }
}

export async function listMyGroups(token: string | null): Promise<MyGroup[]> {
  const { groups } = await withToken(token, (token) => backendFetch<{ groups: ApiMyGroup[] }>("/store/my-group", { token }));
  return groups.map(toMyGroup);
}

export type UpdateResult = { ok: true; group: MyGroup } | { ok: false; errors: FieldErrors; status: number };

/**
 * POST /store/my-group/groups/:id with the fields as typed: the backend judges them
 * (StoreUpdateMyGroup) and its answer per field goes back to the form.
 */
export async function updateMyGroup(token: string | null, id: string, values: GroupEditForm): Promise<UpdateResult> {
  const body = Object.fromEntries(GROUP_EDIT_FIELDS.map((key) => [key, values[key] ?? ""]));
  try {
    const { group } = await withToken(token, (token) =>
      backendFetch<{ group: ApiMyGroup }>(`/store/my-group/groups/${encodeURIComponent(id)}`, { method: "POST", body, token }),
    );
    return { ok: true, group: toMyGroup(group) };
  } catch (error) {
    if (error instanceof SignedOutError) throw error;
    const failure = toBackendFailure(error);
    if (failure.status === 404) return { ok: false, errors: { _: "Deze groep bestaat niet (meer) of hoort niet bij je account." }, status: 404 };
    // a rename onto another group's name: shown at the name
    if (failure.status === 409) return { ok: false, errors: { name: failure.message }, status: 409 };
    return { ok: false, errors: failure.fieldErrors, status: failure.status };
  }
}

/** "Verwijder mijn gegevens": archives the admin's groups anonymously and deletes the account. */
export async function removeMyData(token: string | null): Promise<{ ok: boolean }> {
  try {
    await withToken(token, (token) => backendFetch("/store/my-group/removal", { method: "POST", body: { confirm: true }, token }));
    return { ok: true };
  } catch (error) {
    if (error instanceof SignedOutError) throw error;
    toBackendFailure(error); // rethrows what is not a backend failure
    return { ok: false };
  }
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
