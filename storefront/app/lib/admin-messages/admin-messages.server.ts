/**
 * Group admins reaching each other (issue #30), server side: the requests to the store API
 * (/store/my-group/groups/:id/messaging, …/nearby, …/conversations, …/messages, …/warnings and the login-free
 * /store/admin-messages/report), all through the one backend client with the admin's token
 * from the session, and the admin's own approved group that a page is about (`?groep=`).
 * The backend judges every field and answers per field in Dutch; its refusals (a BackendError)
 * go back to the forms through formError.
 */
import { type AppLoadContext } from "@remix-run/node";
import { loadMyAccount, type MyGroup, requireCustomerToken, SignedOutError, signedOutRedirect, withToken } from "../account/account.server";
import {
  type ApiAdminMessage,
  type ApiNearbyGroup,
  type ApiEarlierReport,
  type ApiReportedMessage,
  earlierReportNotice,
  type ReportedMessageView,
  toReportedMessage,
  type AdminMessageView,
  type ApiConversation,
  CONVERSATIONS_PAGE_SIZE,
  type ConversationView,
  toConversation,
  type MessageForm,
  type NearbyGroup,
  toAdminMessage,
  toNearbyGroup,
  countsFromRecipients,
  recipientsByKm,
  type WarningRecipient,
  KM_CHOICES,
  type Km,
  type WarningForm,
  MESSAGE_FIELDS,
} from "./admin-messages";
import { BackendError, backendFetch, failureStatus, loadFromBackend } from "../backend/backend.server";
import { paginate, type Pagination } from "../groups/group-view";

const groupPath = (id: string) => `/store/my-group/groups/${encodeURIComponent(id)}`;

/**
 * The shop's own routes answer 403 and 404 with a Dutch sentence ("Deze groep kan geen
 * berichten ontvangen.", "Je kunt geen berichten meer sturen. …"), which the translator would
 * replace by a general default (it does so for Medusa's English answers): keep the backend's
 * words for these routes. A body without a message (no JSON) keeps the default.
 */
function keepDutchRefusal(error: unknown): never {
  if (error instanceof BackendError && !error.translated && (error.status === 403 || error.status === 404) && error.type !== null && error.message) {
    const message = /[.!?]$/.test(error.message.trim()) ? error.message.trim() : `${error.message.trim()}.`;
    throw BackendError.refusal(error.status, message, { ...error.errors, _: message }, error.code, error.retryAfter);
  }
  throw error;
}

/**
 * A refusal about a field the form does not show (the report link's `token`, a message's
 * `to_group_id`: both from the address, not typed) is said for the whole form ("_"), so the
 * error summary never links to a field that is not there. Other errors pass unchanged.
 */
export function onFormFields(error: unknown, fields: readonly string[]): unknown {
  if (!(error instanceof BackendError)) return error;
  const hidden = Object.entries(error.errors).filter(([field, message]) => field !== "_" && !fields.includes(field) && typeof message === "string");
  if (!hidden.length) return error;
  // a refusal in the storefront's words is shown as it is: whole sentences, as the translator writes them
  const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
  const shown = Object.fromEntries(
    Object.entries(error.errors).flatMap(([field, text]) => ((field === "_" || fields.includes(field)) && typeof text === "string" ? [[field, sentence(text)]] : [])),
  );
  const message = sentence(hidden[0]![1] as string);
  return BackendError.refusal(error.status, message, { ...shown, _: message }, error.code, error.retryAfter);
}

async function call<T>(token: string | null, path: string, request: Parameters<typeof backendFetch>[1] = {}): Promise<T> {
  try {
    return await withToken(token, (token) => backendFetch<T>(path, { ...request, token }));
  } catch (error) {
    if (error instanceof SignedOutError) throw error;
    keepDutchRefusal(error);
  }
}

/** The fields as typed, all of them (empty included): the backend names what is missing. */
const bodyOf = <K extends string>(values: Partial<Record<K, string>>, fields: readonly K[]) =>
  Object.fromEntries(fields.map((key) => [key, values[key] ?? ""]));

// ---------------------------------------------------------------------------
// The setting

/** POST …/messaging `{ enabled }`: applies at once (no staff review). */
export async function setAdminMessaging(token: string | null, groupId: string, enabled: boolean): Promise<boolean> {
  const { admin_messages_enabled } = await call<{ admin_messages_enabled: boolean }>(token, `${groupPath(groupId)}/messaging`, {
    method: "POST",
    body: { enabled },
  });
  return admin_messages_enabled === true;
}

// ---------------------------------------------------------------------------
// Nearby groups

/** GET …/nearby?km= (the km as typed; the backend refuses anything but 1, 2 or 5 per field). */
export async function nearbyGroups(token: string | null, groupId: string, km: string): Promise<{ km: number; groups: NearbyGroup[] }> {
  const answer = await call<{ km: number; groups: ApiNearbyGroup[] }>(token, `${groupPath(groupId)}/nearby`, { query: { km } });
  return { km: answer.km, groups: (answer.groups ?? []).map((g) => toNearbyGroup(g, answer.km)) };
}

/**
 * The reachable groups per distance choice for the warning form and Buurgroepen, from ONE
 * request at the widest distance (each request measures every group: three would triple the
 * wait): how many each choice reaches, and which groups each choice adds (named on the form).
 */
export async function warningRecipients(
  token: string | null,
  groupId: string,
): Promise<{ counts: Record<Km, number>; added: Record<Km, WarningRecipient[]> }> {
  const widest = Math.max(...KM_CHOICES);
  const answer = await call<{ km: number; groups: ApiNearbyGroup[] }>(token, `${groupPath(groupId)}/nearby`, { query: { km: String(widest) } });
  const added = recipientsByKm(answer.groups ?? []);
  return { counts: countsFromRecipients(added), added };
}

// ---------------------------------------------------------------------------
// Messages and warnings

/** POST …/messages: one message to one group, through the relay. */
export async function sendAdminMessage(token: string | null, groupId: string, toGroupId: string, values: MessageForm): Promise<{ id: string }> {
  const { message } = await call<{ message: { id: string } }>(token, `${groupPath(groupId)}/messages`, {
    method: "POST",
    body: { to_group_id: toGroupId, ...bodyOf(values, MESSAGE_FIELDS) },
  });
  return message;
}

/** POST …/messages/:message_id/reply: back to the other party through the same relay. */
export async function replyToAdminMessage(token: string | null, groupId: string, messageId: string, values: MessageForm): Promise<void> {
  await call(token, `${groupPath(groupId)}/messages/${encodeURIComponent(messageId)}/reply`, {
    method: "POST",
    body: bodyOf(values, MESSAGE_FIELDS),
  });
}

/** POST …/warnings: one relayed mail per reachable nearby admin; the number of groups it went to. */
export async function sendWarning(token: string | null, groupId: string, values: WarningForm): Promise<number> {
  // km as typed: a number when it is one, so the backend's schema judges the value itself
  const km = values.km?.trim() ?? "";
  const { sent_to } = await call<{ sent_to: number }>(token, `${groupPath(groupId)}/warnings`, {
    method: "POST",
    body: { first_name: values.first_name ?? "", message: values.message ?? "", km: km !== "" && Number.isFinite(Number(km)) ? Number(km) : km },
  });
  return sent_to;
}

/**
 * GET …/conversations?limit=&offset=: one page of the group's conversations as the backend
 * groups them (newest activity first, each with its first message however old), and where the
 * page lies among all of them ("Gesprek 21–40 van 45", Vorige/Volgende).
 */
export async function listConversations(
  token: string | null,
  groupId: string,
  page: number,
): Promise<{ conversations: ConversationView[]; pagination: Pagination }> {
  const offset = (page - 1) * CONVERSATIONS_PAGE_SIZE;
  const answer = await call<{ conversations: ApiConversation[]; count: number }>(token, `${groupPath(groupId)}/conversations`, {
    query: { limit: String(CONVERSATIONS_PAGE_SIZE), offset: String(offset) },
  });
  const count = Number.isInteger(answer.count) && answer.count >= 0 ? answer.count : 0;
  return { conversations: (answer.conversations ?? []).map(toConversation), pagination: paginate(count, page, CONVERSATIONS_PAGE_SIZE, "Gesprek") };
}

export type AdminThread = { message: AdminMessageView; thread: AdminMessageView[] };

/** GET …/messages/:message_id: the message and its whole thread; 404 unless the group is a party. */
export async function getAdminThread(token: string | null, groupId: string, messageId: string): Promise<AdminThread> {
  const { message, thread } = await call<{ message: ApiAdminMessage; thread: ApiAdminMessage[] }>(
    token,
    `${groupPath(groupId)}/messages/${encodeURIComponent(messageId)}`,
  );
  const threadViews = (thread ?? []).map(toAdminMessage);
  return { message: toAdminMessage(message), thread: threadViews.length ? threadViews : [toAdminMessage(message)] };
}

// ---------------------------------------------------------------------------
// Report (no login: the token from the mail is the proof)

/**
 * GET /store/admin-messages/report/:token: the message the link reports (404 for an unknown
 * token or an erased message), and `earlier`: the sentence saying it was reported before (the
 * form then adds to that report), or null.
 */
export async function reportedMessage(token: string): Promise<{ message: ReportedMessageView; earlier: string | null }> {
  try {
    const { message, report } = await backendFetch<{ message: ApiReportedMessage; report?: ApiEarlierReport }>(
      `/store/admin-messages/report/${encodeURIComponent(token)}`,
    );
    return { message: toReportedMessage(message), earlier: earlierReportNotice(report) };
  } catch (error) {
    keepDutchRefusal(error);
  }
}

/** POST /store/admin-messages/report `{ token, reason? }`; `added`: it added to an earlier report of the message. */
export async function reportAdminMessage(token: string, reason: string): Promise<{ added: boolean }> {
  try {
    const answer = await backendFetch<{ reported: boolean; added?: boolean }>("/store/admin-messages/report", {
      method: "POST",
      body: { token, ...(reason.trim() ? { reason } : {}) },
    });
    return { added: answer?.added === true };
  } catch (error) {
    keepDutchRefusal(error);
  }
}

// ---------------------------------------------------------------------------
// Route helpers

export type MessagingPage = {
  token: string;
  session: AppLoadContext["session"];
  /** The group the page is about: one of the admin's approved groups. */
  group: MyGroup;
  /** All of the admin's approved groups (a switch when there is more than one). */
  groups: MyGroup[];
  /** The account's first name: the message forms start with it (the admin may change it). */
  firstName: string | null;
};

/**
 * For the messaging pages: the signed-in admin's approved group named by `?groep=` (default:
 * their first approved group). Not signed in: to the sign-in page and back. Another admin's
 * group, an unknown id or a group that is not approved: 404, like a missing page.
 */
export async function messagingPage(request: Request, context: AppLoadContext): Promise<MessagingPage> {
  const { token } = requireCustomerToken(request, context.session);
  const wanted = new URL(request.url).searchParams.get("groep");
  let groups: MyGroup[];
  let firstName: string | null;
  try {
    const account = await loadMyAccount(token);
    groups = account.groups.filter((g) => g.status === "approved");
    firstName = account.firstName;
  } catch (error) {
    if (error instanceof SignedOutError) throw signedOutRedirect(request, context.session);
    throw error;
  }
  const group = wanted ? groups.find((g) => g.id === wanted) : groups[0];
  if (!group) throw new Response("Niet gevonden", { status: 404, statusText: "Not Found" });
  return { token, session: context.session, group, groups, firstName };
}

/**
 * The thread page (the mail's "Beantwoorden" link has no `?groep=`): the admin's approved
 * group that is a party to the message, `?groep=` first, then the others in turn (an admin
 * of one group asks once). None: 404, like a missing page (also for a message erased since).
 */
export async function threadPage(request: Request, context: AppLoadContext, messageId: string): Promise<MessagingPage & AdminThread> {
  const { token } = requireCustomerToken(request, context.session);
  const wanted = new URL(request.url).searchParams.get("groep");
  const account = await loadMessaging(request, context, () => loadMyAccount(token));
  const groups = account.groups.filter((g) => g.status === "approved");
  const candidates = wanted ? groups.filter((g) => g.id === wanted) : groups;
  for (const group of candidates) {
    const thread = await loadMessaging(request, context, () =>
      getAdminThread(token, group.id, messageId).catch((error: unknown) => {
        if (failureStatus(error) === 404) return null;
        throw error;
      }),
    );
    if (thread) return { token, session: context.session, group, groups, firstName: account.firstName, ...thread };
  }
  throw new Response("Niet gevonden", { status: 404, statusText: "Not Found" });
}

/**
 * A loader's reads on these pages: signed out → sign in again; a 404 (a message or group
 * this admin is no party to, or one erased since) → the 404 page; the backend unreachable or
 * any other refusal → the 503 page (loadFromBackend).
 */
export async function loadMessaging<T>(request: Request, context: AppLoadContext, load: () => Promise<T>): Promise<T> {
  return loadFromBackend(async () => {
    try {
      return await load();
    } catch (error) {
      if (error instanceof SignedOutError) throw signedOutRedirect(request, context.session);
      if (failureStatus(error) === 404) throw new Response("Niet gevonden", { status: 404, statusText: "Not Found" });
      throw error;
    }
  });
}
