/**
 * Group admins reaching each other (issue #30), client-safe: the forms' field names, the
 * view models of the store API's answers (nearby groups, messages, threads) and their Dutch
 * labels, and the addresses of the pages. Every rule on input is the backend's
 * (backend/src/api/store/my-group/…), which answers per field in Dutch; the numbers here only
 * feed the inputs' HTML hints. The requests live in admin-messages.server.ts.
 *
 * Privacy: the API never returns another admin's name, e-mail or phone number; the mappers
 * below copy only the fields they name, so nothing else can reach a page.
 */
import { formatDate, formatNumber } from "../format";
import { formatDistance } from "../groups/group-view";

// ---------------------------------------------------------------------------
// Forms

/** A message to one group and a reply (the backend's `first_name`, `message`). */
export const MESSAGE_FIELDS = ["first_name", "message"] as const;
/** "Waarschuw buurgroepen" (plus the distance). */
export const WARNING_FIELDS = ["km", "first_name", "message"] as const;
/** "Bericht melden" (the token is in the address). */
export const REPORT_FIELDS = ["reason"] as const;

export type MessageForm = Partial<Record<(typeof MESSAGE_FIELDS)[number], string>>;
export type WarningForm = Partial<Record<(typeof WARNING_FIELDS)[number], string>>;

/** Longest first name, message and warning the backend accepts (for maxLength only). */
export const FIRST_NAME_MAX = 40;
export const MESSAGE_MAX = 2000;
export const WARNING_MAX = 500;
export const REPORT_REASON_MAX = 1000;

/** The distances an admin chooses from; 2 km unless chosen. */
export const KM_CHOICES = [1, 2, 5] as const;
export type Km = (typeof KM_CHOICES)[number];
export const DEFAULT_KM: Km = 2;

/** `?km=` as typed: absent means the default; anything else goes to the backend, which judges it ("Kies 1, 2 of 5 km."). */
export function kmParam(raw: string | null | undefined): string {
  const value = (raw ?? "").trim();
  return value === "" ? String(DEFAULT_KM) : value;
}

/** The chosen distance when it is one of the choices, else null (then no choice is marked current). */
export function chosenKm(raw: string | null | undefined): Km | null {
  const value = Number(kmParam(raw));
  return (KM_CHOICES as readonly number[]).includes(value) ? (value as Km) : null;
}

/**
 * What counts as a nearby group, in one sentence for every page that lists or warns them
 * (Buurgroepen, Waarschuw buurgroepen): the backend's rule (service.nearbyGroups) in words.
 */
export const NEARBY_RULE =
  "Buurgroepen zijn groepen met een gedeelde of aangrenzende postcode (die horen er altijd bij), en groepen waarvan het postcodegebied of het punt op de kaart binnen de gekozen afstand ligt.";

/** The setting's label, word for word as the issue names it. */
export const SETTING_LABEL = "Andere beheerders mogen mij een bericht sturen";

/** Above the rules of conduct beside the warning form, in bold: the emergency comes first. */
export const EMERGENCY_LINE = "Spoed of iets verdachts? Bel eerst 112. In België bel je 101.";

/**
 * The rules of conduct beside the warning form, below EMERGENCY_LINE (the backend's mail
 * repeats them): no names, photos or descriptions of suspects.
 */
export const WARNING_RULES = [
  "Een waarschuwing aan buurgroepen vervangt nooit een melding bij de politie.",
  "Noem geen namen en deel geen foto's of beschrijvingen van verdachten of andere mensen. Schrijf wat er gebeurde, waar en wanneer.",
  "Houd het kort en feitelijk: geen geruchten, geen oproep om zelf op te treden.",
  "Deel geen adressen of telefoonnummers van bewoners, en nooit een uitnodigingslink van een WhatsApp-groep.",
] as const;

// ---------------------------------------------------------------------------
// Addresses

const q = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
};

export const nearbyHref = (ownId: string, km?: number) => `/mijn-groep/buurgroepen${q({ groep: ownId, km: km === DEFAULT_KM ? undefined : km })}`;
export const composeHref = (targetId: string, ownId: string) => `/mijn-groep/buurgroepen/${encodeURIComponent(targetId)}/bericht${q({ groep: ownId })}`;
export const warnHref = (ownId: string, km?: number) => `/mijn-groep/waarschuwen${q({ groep: ownId, km: km === DEFAULT_KM ? undefined : km })}`;
/** The setting "Andere beheerders mogen mij een bericht sturen" of one group on Mijn groep (AdminMessaging's section). */
export const settingHref = (ownId: string) => `/mijn-groep#${settingAnchor(ownId)}`;
export const settingAnchor = (ownId: string) => `beheerders-${ownId}`;
export const messagesHref = (ownId: string) => `/mijn-groep/berichten${q({ groep: ownId })}`;
export const threadHref = (messageId: string, ownId?: string) => `/mijn-groep/berichten/${encodeURIComponent(messageId)}${q({ groep: ownId })}`;

// ---------------------------------------------------------------------------
// Nearby groups (GET /store/my-group/groups/:id/nearby)

export type ApiNearbyGroup = {
  id: string;
  slug: string;
  name: string;
  woonplaats: string;
  distance_km: number | null;
  shares_postcode: boolean;
  adjacent: boolean;
  /** the gap between its nearest PC4 area and ours, edge to edge (0: shared or bordering); null: none near */
  postcode_km?: number | null;
  /** one of the admin's own groups */
  own_group?: boolean;
  reachable: boolean;
};

export type NearbyGroup = {
  id: string;
  slug: string;
  name: string;
  woonplaats: string;
  /** "gedeelde postcode", "aangrenzende postcode" or "1,4 km". */
  distanceLabel: string;
  /** one of the admin's own groups: listed, not messaged */
  ownGroup: boolean;
  reachable: boolean;
};

/**
 * Why a group is near: a shared postcode says most, then the distance; a group listed for an
 * adjacent postcode, or for a postcode area within the chosen distance, whose point lies
 * beyond it says so ("aangrenzende postcode, 2,0 km"), so "2,0 km" under "Binnen 1 km" does
 * not read as a mistake.
 */
export function nearbyDistanceLabel(
  group: Pick<ApiNearbyGroup, "distance_km" | "shares_postcode" | "adjacent" | "postcode_km">,
  km: number | null = null,
): string {
  if (group.shares_postcode) return "gedeelde postcode";
  const distance = typeof group.distance_km === "number" && Number.isFinite(group.distance_km) ? formatDistance(group.distance_km) : null;
  const pointBeyond = distance === null || km === null || group.distance_km! > km;
  const withDistance = (reason: string) => (distance ? `${reason}, ${distance}` : reason);
  if (group.adjacent && pointBeyond) return withDistance("aangrenzende postcode");
  if (pointBeyond && km !== null && typeof group.postcode_km === "number" && group.postcode_km <= km) {
    return withDistance(`postcodegebied binnen ${formatNumber(km)} km`);
  }
  return distance ?? "in de buurt";
}

/** Under a nearby group that cannot be messaged: why, as far as the admin may know it. */
export function notReachableLabel(group: Pick<NearbyGroup, "ownGroup" | "reachable">): string | null {
  if (group.reachable) return null;
  return group.ownGroup ? "Dit is ook een groep van jou." : "Deze beheerder ontvangt geen berichten van andere beheerders.";
}

/**
 * Whether a group of the widest answer (5 km) is near within `km` as the backend judges it:
 * a shared or bordering PC4, a PC4 area within km, or its point within km. So one request
 * at the widest distance answers every smaller one.
 */
export function isNearWithin(group: ApiNearbyGroup, km: number): boolean {
  if (group.shares_postcode || group.adjacent) return true;
  if (typeof group.postcode_km === "number" && group.postcode_km <= km) return true;
  return typeof group.distance_km === "number" && group.distance_km <= km;
}

/** A group a warning would reach: named with its place on the warning form. */
export type WarningRecipient = { id: string; name: string; woonplaats: string };

/**
 * Who a warning reaches, from the widest answer: per distance choice, the reachable groups
 * that choice adds to the smaller ones (1 km: those within 1 km; 2 km: those within 2 km but
 * not 1; …). So the form can say, also without JavaScript, which groups each choice reaches.
 */
export function recipientsByKm(groups: readonly ApiNearbyGroup[]): Record<Km, WarningRecipient[]> {
  const added = Object.fromEntries(KM_CHOICES.map((km) => [km, [] as WarningRecipient[]])) as Record<Km, WarningRecipient[]>;
  for (const group of groups) {
    if (!group.reachable) continue;
    const km = KM_CHOICES.find((choice) => isNearWithin(group, choice));
    if (km !== undefined) added[km].push({ id: group.id, name: group.name, woonplaats: group.woonplaats });
  }
  return added;
}

/** How many reachable groups each choice reaches, from recipientsByKm (what it adds and what the smaller ones reach). */
export function countsFromRecipients(added: Record<Km, readonly unknown[]>): Record<Km, number> {
  let sum = 0;
  return Object.fromEntries(KM_CHOICES.map((km) => [km, (sum += added[km].length)])) as Record<Km, number>;
}

/**
 * Whether a warning can reach anyone, for the link on Buurgroepen and the warning page:
 * "none" when no group nearby receives messages at any distance offered (then no form: it
 * could only be refused), else the smallest distance that reaches someone (`km`) and whether
 * the wanted distance reaches nobody (`wantedEmpty`: say so and offer `km`). Counts unknown
 * (the lookup failed): "unknown", the form stays (the backend decides).
 */
export type WarningReach = { state: "unknown" } | { state: "none" } | { state: "some"; km: Km; wantedEmpty: boolean; count: number };

export function warningReach(counts: Record<number, number | null> | null, wanted: number): WarningReach {
  if (!counts || KM_CHOICES.some((km) => typeof counts[km] !== "number")) return { state: "unknown" };
  const first = KM_CHOICES.find((km) => (counts[km] ?? 0) > 0);
  if (first === undefined) return { state: "none" };
  const wantedCount = counts[wanted] ?? 0;
  if (wantedCount > 0) return { state: "some", km: wanted as Km, wantedEmpty: false, count: wantedCount };
  // the smallest choice above the wanted one that reaches someone (a smaller one never does: it reaches fewer)
  const larger = KM_CHOICES.find((km) => km > wanted && (counts[km] ?? 0) > 0) ?? first;
  return { state: "some", km: larger, wantedEmpty: true, count: counts[larger] ?? 0 };
}

/** Why no warning can be sent, and what to do: said instead of the form and instead of the link. */
export const NO_WARNING_RECIPIENTS = `Geen enkele groep in de buurt ontvangt nu berichten van andere beheerders, ook niet binnen 5 km. Een waarschuwing kan pas als beheerders van groepen in de buurt op hun pagina Mijn groep "${SETTING_LABEL}" aanzetten. Ken je ze? Vraag het ze dan gerust.`;

/** "Binnen 2 km ontvangt geen enkele groep berichten; binnen 5 km wel 3 groepen." */
export function widerReachLabel(wanted: number, km: number, count: number): string {
  const groups = count === 1 ? "1 groep" : `${formatNumber(count)} groepen`;
  return `Binnen ${formatNumber(wanted)} km ontvangt geen enkele groep berichten van andere beheerders; binnen ${formatNumber(km)} km wel ${groups}.`;
}

export function toNearbyGroup(group: ApiNearbyGroup, km: number | null = null): NearbyGroup {
  return {
    id: group.id,
    slug: group.slug,
    name: group.name,
    woonplaats: group.woonplaats,
    distanceLabel: nearbyDistanceLabel(group, km),
    ownGroup: group.own_group === true,
    reachable: group.reachable === true,
  };
}

/** "6 buurgroepen, waarvan 3 bereikbaar." above the list (the list also holds shared and adjacent postcodes beyond the distance). */
export function nearbySummary(groups: readonly { reachable: boolean }[]): string {
  if (!groups.length) return "Geen buurgroepen gevonden.";
  const reachable = groups.filter((g) => g.reachable).length;
  const all = groups.length === 1 ? "1 buurgroep" : `${formatNumber(groups.length)} buurgroepen`;
  if (groups.length === 1) return `${all}, ${reachable ? "bereikbaar" : "niet bereikbaar"}.`;
  const some = reachable === 0 ? "geen enkele bereikbaar" : reachable === groups.length ? "alle bereikbaar" : `waarvan ${formatNumber(reachable)} bereikbaar`;
  return `${all}, ${some}.`;
}

/** "2 buurgroepen" in the warning form's distance choice. */
export function reachableCountLabel(count: number | null): string | null {
  if (count === null) return null;
  if (count === 0) return "geen bereikbare buurgroepen";
  return count === 1 ? "1 bereikbare buurgroep" : `${formatNumber(count)} bereikbare buurgroepen`;
}

// ---------------------------------------------------------------------------
// Messages (GET /store/my-group/groups/:id/messages, …/messages/:message_id)

export type MessageKind = "message" | "reply" | "warning";

export type ApiAdminMessage = {
  id: string;
  kind: MessageKind;
  direction: "sent" | "received";
  other_group: { id: string; name: string; slug: string } | null;
  sender_first_name: string;
  body: string;
  thread_id: string;
  reply_to_id: string | null;
  created_at: string;
  recipients?: number | null;
  /** A warning the admin's group sent: the groups it went to (only ever in the sender's own answers). */
  recipient_groups?: ApiRecipientGroup[] | null;
};

export type ApiRecipientGroup = { id: string; name: string; slug: string; woonplaats: string };

/** A group a sent warning went to, as the history names it: "Buurtpreventie Oost (Utrecht)". */
export type RecipientGroupView = { id: string; name: string; woonplaats: string };

export type AdminMessageView = {
  id: string;
  kind: MessageKind;
  direction: "sent" | "received";
  /** "Bericht", "Antwoord", "Waarschuwing". */
  kindLabel: string;
  /** "Van Anna (Buurtpreventie Oost)", "Aan Buurtpreventie Oost", "Aan 3 buurgroepen". */
  partyLabel: string;
  /** The other group's id (who sent a received message; whom a sent one went to), when known. */
  otherGroupId: string | null;
  otherGroupName: string | null;
  senderFirstName: string;
  body: string;
  /** The first lines, for the history list. */
  excerpt: string;
  threadId: string;
  createdAt: string;
  /** "7 december 2026, 14:05". */
  createdLabel: string;
  recipients: number | null;
  /** A warning the group sent: the groups it went to, by name (empty otherwise). */
  recipientGroups: RecipientGroupView[];
};

export const KIND_LABELS: Record<MessageKind, string> = { message: "Bericht", reply: "Antwoord", warning: "Waarschuwing" };

const timeFormat = new Intl.DateTimeFormat("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" });

/** "2026-12-07T13:05:00Z" → "7 december 2026, 14:05" (Amsterdam time). */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  return `${formatDate(date)}, ${timeFormat.format(date)}`;
}

/** At most `max` characters on one line, cut at a word with "…". */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, "")}…`;
}

const groupsLabel = (n: number) => (n === 1 ? "1 buurgroep" : `${formatNumber(n)} buurgroepen`);

/** Who the message is from or to, from the admin's own side. */
export function partyLabel(message: Pick<ApiAdminMessage, "kind" | "direction" | "other_group" | "sender_first_name" | "recipients">): string {
  const group = message.other_group?.name ?? null;
  if (message.direction === "received") return group ? `Van ${message.sender_first_name} (${group})` : `Van ${message.sender_first_name}`;
  if (message.kind === "warning" && typeof message.recipients === "number") return `Aan ${groupsLabel(message.recipients)}`;
  return group ? `Aan ${group}` : "Verstuurd";
}

export function toAdminMessage(message: ApiAdminMessage): AdminMessageView {
  const recipients = typeof message.recipients === "number" ? message.recipients : null;
  return {
    id: message.id,
    kind: message.kind,
    direction: message.direction,
    kindLabel: KIND_LABELS[message.kind] ?? "Bericht",
    partyLabel: partyLabel(message),
    otherGroupId: message.other_group?.id ?? null,
    otherGroupName: message.other_group?.name ?? null,
    senderFirstName: message.sender_first_name,
    body: message.body,
    excerpt: excerpt(message.body),
    threadId: message.thread_id,
    createdAt: message.created_at,
    createdLabel: formatDateTime(message.created_at),
    recipients,
    recipientGroups:
      message.direction === "sent" && message.kind === "warning" && Array.isArray(message.recipient_groups)
        ? message.recipient_groups.map((g) => ({ id: g.id, name: g.name, woonplaats: g.woonplaats ?? "" }))
        : [],
  };
}

/** "Buurtpreventie Oost (Utrecht)"; the name alone when the place is unknown. */
export const recipientGroupLabel = (group: RecipientGroupView) => (group.woonplaats ? `${group.name} (${group.woonplaats})` : group.name);

/** Oldest first, as a conversation reads. */
export function threadOrder<T extends { createdAt: string }>(messages: readonly T[]): T[] {
  return [...messages].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/**
 * The heading of a conversation's page. A warning the group sent is named by how many groups
 * it went to ("Waarschuwing aan 3 buurgroepen"), whoever replied (stranger's walk: it said
 * "Berichten met" the one group that answered); otherwise after the other group
 * ("Berichten met Buurtpreventie Oost"), or "Waarschuwing"/"Bericht" when no group is named.
 */
export function threadTitle(
  thread: readonly Pick<AdminMessageView, "kind" | "direction" | "recipients" | "recipientGroups" | "otherGroupName">[],
  kind: MessageKind,
): string {
  const sentWarning = thread.find((m) => m.kind === "warning" && m.direction === "sent");
  if (sentWarning) {
    const count = sentWarning.recipients ?? sentWarning.recipientGroups.length;
    return count > 0 ? `Waarschuwing aan ${groupsLabel(count)}` : "Waarschuwing";
  }
  const other = thread.find((m) => m.otherGroupName)?.otherGroupName ?? null;
  if (other) return `Berichten met ${other}`;
  return kind === "warning" ? "Waarschuwing" : "Bericht";
}

/** A group the admin can answer in a thread: the message the answer replies to (its newest there) and the group's name. */
export type ReplyChoice = { messageId: string; groupName: string };

type ReplyMessage = Pick<AdminMessageView, "id" | "direction" | "createdAt" | "otherGroupId" | "otherGroupName">;

/** Which group sent a received message (its id; a group erased since: its name, else the message itself). */
const senderKey = (m: ReplyMessage) => m.otherGroupId ?? (m.otherGroupName ? `name:${m.otherGroupName}` : `message:${m.id}`);

/** Answering a received message: its id and the group that sent it. */
const toChoice = (m: ReplyMessage): ReplyChoice => ({ messageId: m.id, groupName: m.otherGroupName ?? "andere groep" });

/**
 * The groups an answer can go to, one choice per group that sent the admin's group something
 * in the thread (a warning's thread holds replies from each group that answered), newest
 * group first; each answers that group's newest message. Stranger's walk: the form answered
 * only the newest, silently, and the sender believed she had answered both groups.
 * The receivers of a warning see only their own side of its thread, so they are only ever
 * offered its sender.
 */
export function replyChoices(thread: readonly ReplyMessage[]): ReplyChoice[] {
  const newestFirst = threadOrder(thread)
    .filter((m) => m.direction === "received")
    .reverse();
  const seen = new Set<string>();
  const choices: ReplyChoice[] = [];
  for (const m of newestFirst) {
    const key = senderKey(m);
    if (seen.has(key)) continue;
    seen.add(key);
    choices.push(toChoice(m));
  }
  return choices;
}

/**
 * The posted `reply_to`, checked against the thread: an offered message, or another one the
 * group received in this thread (the page was loaded before a group's newer reply came), as
 * that group's choice. Anything else (a message the group sent, one from another thread,
 * nonsense): null, and nothing is sent. Empty: the one group there is to answer, or null
 * when there are several (never silently the newest).
 */
export function replyChoice(choices: readonly ReplyChoice[], thread: readonly ReplyMessage[], posted: string): ReplyChoice | null {
  const id = posted.trim();
  if (!id) return choices.length === 1 ? choices[0]! : null;
  const offered = choices.find((c) => c.messageId === id);
  if (offered) return offered;
  const received = thread.find((m) => m.id === id && m.direction === "received");
  return received ? toChoice(received) : null;
}

/** After an answer went out: "Je antwoord is verstuurd naar Buurtpreventie Oost." */
export const replySentLabel = (groupName: string) => `Je antwoord is verstuurd naar ${groupName}.`;

// ---------------------------------------------------------------------------
// The report page (GET /store/admin-messages/report/:token)

export type ApiReportedMessage = {
  kind: MessageKind;
  from_group: { name: string; woonplaats: string } | null;
  sender_first_name: string;
  body: string;
  created_at: string;
};

export type ReportedMessageView = {
  kind: MessageKind;
  /** "Bericht", "Antwoord", "Waarschuwing". */
  kindLabel: string;
  /** "Anna, van Buurtpreventie Oost (Utrecht)". */
  fromLabel: string;
  body: string;
  createdAt: string;
  createdLabel: string;
};

/** What the report page shows of the message: as the mail showed it (group, first name, date, text), nothing more. */
export function toReportedMessage(message: ApiReportedMessage): ReportedMessageView {
  const group = message.from_group ? `${message.from_group.name} (${message.from_group.woonplaats})` : "een groep die niet meer bestaat";
  return {
    kind: message.kind,
    kindLabel: KIND_LABELS[message.kind] ?? "Bericht",
    fromLabel: `${message.sender_first_name}, van ${group}`,
    body: message.body,
    createdAt: message.created_at,
    createdLabel: formatDateTime(message.created_at),
  };
}

/** The backend's `report` beside the message: when this link's message was reported before, else null. */
export type ApiEarlierReport = { created_at: string } | null;

/**
 * Above the form when the message was reported before (the form then adds to that report):
 * "Je hebt dit bericht al gemeld op 7 december 2026. Wil je nog iets toevoegen?". Null: not
 * reported yet (or no readable date).
 */
export function earlierReportNotice(report: ApiEarlierReport | undefined): string | null {
  if (!report) return null;
  const date = new Date(report.created_at);
  if (Number.isNaN(date.getTime())) return null;
  return `Je hebt dit bericht al gemeld op ${formatDate(date)}. Wil je nog iets toevoegen?`;
}

/** Where the report form lands: the thanks, saying so when the post added to an earlier report. */
export const reportedHref = (added: boolean) => (added ? "/berichten/gemeld?aangevuld=1" : "/berichten/gemeld");

/** "Je bericht is verstuurd naar Buurtpreventie Oost." etc., after the redirect. */
export function warningSentLabel(sentTo: number): string {
  return `Je waarschuwing is verstuurd naar ${groupsLabel(sentTo)}.`;
}

/** "Minstens 10 en maximaal 2.000 tekens." in a text's hint: the limit the field cuts at (maxLength), said before it cuts. */
export function lengthHint(max: number, min = 10): string {
  return `Minstens ${formatNumber(min)} en maximaal ${formatNumber(max)} tekens.`;
}

// ---------------------------------------------------------------------------
// Conversations ("Berichten": GET /store/my-group/groups/:id/conversations)

/** One conversation as the backend gives it: its first and latest message of the group's own side. */
export type ApiConversation = {
  thread_id: string;
  kind: MessageKind;
  other_group: { id: string; name: string; slug: string } | null;
  first: ApiAdminMessage;
  latest: ApiAdminMessage;
  replies: number;
  can_reply: boolean;
};

export type ConversationView = {
  threadId: string;
  /** How it started: "message" or "warning". */
  kind: MessageKind;
  /** "Gesprek met Buurtpreventie Oost", "Waarschuwing aan 3 buurgroepen", "Waarschuwing van Anna (Buurtpreventie Oost)". */
  title: string;
  /** The first message, as the conversation started. */
  first: AdminMessageView;
  /** The newest message: who, when, its first line; the link opens the conversation at it. */
  latest: AdminMessageView;
  /** How many replies the conversation holds (on the group's own side). */
  replies: number;
  /** The group received something in it, so it can answer (unless blocked). */
  canReply: boolean;
  /** A warning the group sent: the groups it went to, by name. */
  recipientGroups: RecipientGroupView[];
};

function conversationTitle(start: AdminMessageView): string {
  if (start.kind === "warning") {
    return start.direction === "sent" ? `Waarschuwing ${start.partyLabel.replace(/^Aan /, "aan ")}` : `Waarschuwing ${start.partyLabel.replace(/^Van /, "van ")}`;
  }
  return start.otherGroupName ? `Gesprek met ${start.otherGroupName}` : "Gesprek";
}

/**
 * A conversation as the backend groups it (its first message however old, its latest, the
 * number of replies): named after the other group, or the warning and whom it went to.
 */
export function toConversation(conversation: ApiConversation): ConversationView {
  const first = toAdminMessage(conversation.first);
  const latest = toAdminMessage(conversation.latest);
  // a conversation between two groups is named after the other one, whoever wrote last
  const named = first.otherGroupName || first.kind === "warning" ? first : { ...first, otherGroupName: conversation.other_group?.name ?? latest.otherGroupName };
  return {
    threadId: conversation.thread_id,
    kind: first.kind,
    title: conversationTitle(named),
    first,
    latest,
    replies: Number.isFinite(conversation.replies) ? conversation.replies : 0,
    canReply: conversation.can_reply === true,
    recipientGroups: first.recipientGroups,
  };
}

/**
 * What a conversation's "Lezen" link says after its visible text, for screen readers: the
 * title and how the conversation STARTED (the first message's date and first words), then
 * when its newest message came if that is another one ("Waarschuwing aan 2 buurgroepen,
 * begonnen 7 december 2026, 22:10: “Vannacht ingebroken…”, laatste bericht 7 december 2026,
 * 22:15"). Stranger's walk: named by the newest message, two warnings answered with the same
 * words in the same minute made two links of one name; how they started tells them apart.
 */
export function conversationLinkContext(conversation: Pick<ConversationView, "title" | "first" | "latest">): string {
  const { first, latest } = conversation;
  const words = excerpt(first.body, 50);
  const started = `${conversation.title}${first.createdLabel ? `, begonnen ${first.createdLabel}` : ""}${words ? `: “${words}”` : ""}`;
  return latest.id !== first.id && latest.createdLabel ? `${started}, laatste bericht ${latest.createdLabel}` : started;
}

/** The "Lezen" link's accessible name, whole (an aria-label: a visually hidden part gained a stray space before its colon in Chromium). */
export const conversationLinkName = (action: string, conversation: Pick<ConversationView, "title" | "first" | "latest">) =>
  `${action}: ${conversationLinkContext(conversation)}`;

/** Conversations per page of "Berichten". */
export const CONVERSATIONS_PAGE_SIZE = 20;

/** The Berichten list's address for a page: /mijn-groep/berichten?groep=…&pagina=2 (page 1 without `pagina`). */
export const conversationsHref = (ownId: string, page: number) =>
  `/mijn-groep/berichten${q({ groep: ownId, pagina: page > 1 ? String(page) : undefined })}`;

/** "Nog geen antwoord", "1 antwoord", "3 antwoorden". */
export function repliesLabel(replies: number): string {
  if (replies === 0) return "Nog geen antwoord";
  return replies === 1 ? "1 antwoord" : `${formatNumber(replies)} antwoorden`;
}
