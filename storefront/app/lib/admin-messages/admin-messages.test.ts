import { describe, expect, it } from "vitest";
import {
  type ApiAdminMessage,
  type ApiNearbyGroup,
  chosenKm,
  conversationLinkContext,
  replyChoice,
  replyChoices,
  conversationsHref,
  recipientGroupLabel,
  toConversation,
  countsFromRecipients,
  lengthHint,
  NO_WARNING_RECIPIENTS,
  recipientsByKm,
  repliesLabel,
  settingHref,
  warningReach,
  widerReachLabel,
  composeHref,
  EMERGENCY_LINE,
  excerpt,
  formatDateTime,
  kmParam,
  messagesHref,
  NEARBY_RULE,
  nearbyDistanceLabel,
  nearbyHref,
  notReachableLabel,
  nearbySummary,
  partyLabel,
  reachableCountLabel,
  SETTING_LABEL,
  threadHref,
  threadOrder,
  threadTitle,
  toAdminMessage,
  toNearbyGroup,
  toReportedMessage,
  earlierReportNotice,
  reportedHref,
  WARNING_RULES,
  warnHref,
  warningSentLabel,
} from "./admin-messages";

const message = (over: Partial<ApiAdminMessage> = {}): ApiAdminMessage => ({
  id: "admmsg_1",
  kind: "message",
  direction: "received",
  other_group: { id: "grp_oost", name: "Buurtpreventie Oost", slug: "buurtpreventie-oost" },
  sender_first_name: "Anna",
  body: "Hoi, zullen we de borden samen bestellen?",
  thread_id: "admmsg_1",
  reply_to_id: null,
  created_at: "2026-12-07T13:05:00.000Z",
  ...over,
});

describe("admin messages: distances", () => {
  it("asks 2 km unless a distance is given, and passes anything else on for the backend to judge", () => {
    expect(kmParam(null)).toBe("2");
    expect(kmParam("")).toBe("2");
    expect(kmParam(" 5 ")).toBe("5");
    expect(kmParam("3")).toBe("3");
    expect(chosenKm(null)).toBe(2);
    expect(chosenKm("1")).toBe(1);
    expect(chosenKm("5")).toBe(5);
    expect(chosenKm("3")).toBeNull();
    expect(chosenKm("twee")).toBeNull();
  });

  it("says why a group is near: a shared postcode first, then the distance, then adjacency", () => {
    expect(nearbyDistanceLabel({ shares_postcode: true, adjacent: false, distance_km: 0.4 }, 1)).toBe("gedeelde postcode");
    expect(nearbyDistanceLabel({ shares_postcode: false, adjacent: false, distance_km: 1.36 }, 2)).toBe("1,4 km");
    expect(nearbyDistanceLabel({ shares_postcode: false, adjacent: true, distance_km: 1.36 }, 2)).toBe("1,4 km");
    // listed for its adjacent postcode, its point beyond the chosen distance: not a bare "2,0 km" under "Binnen 1 km"
    expect(nearbyDistanceLabel({ shares_postcode: false, adjacent: true, distance_km: 2.01 }, 1)).toBe("aangrenzende postcode, 2,0 km");
    expect(nearbyDistanceLabel({ shares_postcode: false, adjacent: true, distance_km: null }, 1)).toBe("aangrenzende postcode");
    expect(nearbyDistanceLabel({ shares_postcode: false, adjacent: false, distance_km: null }, 1)).toBe("in de buurt");
    // listed for its postcode area within the distance, its point beyond it
    expect(nearbyDistanceLabel({ shares_postcode: false, adjacent: false, postcode_km: 0.91, distance_km: 1.96 }, 1)).toBe("postcodegebied binnen 1 km, 2,0 km");
    expect(nearbyDistanceLabel({ shares_postcode: false, adjacent: false, postcode_km: 0.91, distance_km: 0.8 }, 1)).toBe("0,8 km");
  });

  it("says why a group cannot be messaged: the admin's own other group, or its admin did not switch it on", () => {
    expect(notReachableLabel({ reachable: true, ownGroup: false })).toBeNull();
    expect(notReachableLabel({ reachable: false, ownGroup: true })).toBe("Dit is ook een groep van jou.");
    expect(notReachableLabel({ reachable: false, ownGroup: false })).toBe("Deze beheerder ontvangt geen berichten van andere beheerders.");
  });

  it("words the nearby rule once, for Buurgroepen and the warning alike: bordering postcodes always count", () => {
    expect(NEARBY_RULE).toContain("gedeelde of aangrenzende postcode");
    expect(NEARBY_RULE).toContain("altijd");
    expect(NEARBY_RULE).toContain("binnen de gekozen afstand");
  });

  it("copies only the public fields of a nearby group", () => {
    const api = {
      id: "grp_1",
      slug: "oost",
      name: "Buurtpreventie Oost",
      woonplaats: "Utrecht",
      distance_km: 0.8,
      shares_postcode: false,
      adjacent: false,
      reachable: true,
      admin_email: "geheim@example.nl",
    };
    const view = toNearbyGroup(api, 2);
    expect(view).toEqual({ id: "grp_1", slug: "oost", name: "Buurtpreventie Oost", woonplaats: "Utrecht", distanceLabel: "0,8 km", ownGroup: false, reachable: true });
    expect(toNearbyGroup({ ...api, own_group: true, reachable: false }, 2).ownGroup).toBe(true);
    expect(JSON.stringify(view)).not.toContain("geheim");
  });

  it("sums up the list in Dutch", () => {
    expect(nearbySummary([])).toBe("Geen buurgroepen gevonden.");
    expect(nearbySummary([{ reachable: true }])).toBe("1 buurgroep, bereikbaar.");
    expect(nearbySummary([{ reachable: false }])).toBe("1 buurgroep, niet bereikbaar.");
    expect(nearbySummary([{ reachable: true }, { reachable: false }, { reachable: true }])).toBe("3 buurgroepen, waarvan 2 bereikbaar.");
    expect(nearbySummary([{ reachable: false }, { reachable: false }])).toBe("2 buurgroepen, geen enkele bereikbaar.");
    expect(nearbySummary([{ reachable: true }, { reachable: true }])).toBe("2 buurgroepen, alle bereikbaar.");
    expect(reachableCountLabel(null)).toBeNull();
    expect(reachableCountLabel(0)).toBe("geen bereikbare buurgroepen");
    expect(reachableCountLabel(1)).toBe("1 bereikbare buurgroep");
    expect(reachableCountLabel(3)).toBe("3 bereikbare buurgroepen");
  });
});

describe("admin messages: addresses", () => {
  it("builds the pages' addresses with the own group in ?groep=", () => {
    expect(nearbyHref("grp_a")).toBe("/mijn-groep/buurgroepen?groep=grp_a");
    expect(nearbyHref("grp_a", 2)).toBe("/mijn-groep/buurgroepen?groep=grp_a");
    expect(nearbyHref("grp_a", 5)).toBe("/mijn-groep/buurgroepen?groep=grp_a&km=5");
    expect(composeHref("grp b", "grp_a")).toBe("/mijn-groep/buurgroepen/grp%20b/bericht?groep=grp_a");
    expect(warnHref("grp_a")).toBe("/mijn-groep/waarschuwen?groep=grp_a");
    expect(messagesHref("grp_a")).toBe("/mijn-groep/berichten?groep=grp_a");
    expect(threadHref("admmsg_1")).toBe("/mijn-groep/berichten/admmsg_1");
    expect(threadHref("admmsg_1", "grp_a")).toBe("/mijn-groep/berichten/admmsg_1?groep=grp_a");
  });
});

describe("admin messages: history and threads", () => {
  it("names the other party from the admin's own side", () => {
    expect(partyLabel(message())).toBe("Van Anna (Buurtpreventie Oost)");
    expect(partyLabel(message({ direction: "sent", sender_first_name: "Bea" }))).toBe("Aan Buurtpreventie Oost");
    expect(partyLabel(message({ direction: "sent", kind: "warning", other_group: null, recipients: 3 }))).toBe("Aan 3 buurgroepen");
    expect(partyLabel(message({ direction: "sent", kind: "warning", other_group: null, recipients: 1 }))).toBe("Aan 1 buurgroep");
    expect(partyLabel(message({ direction: "received", other_group: null }))).toBe("Van Anna");
  });

  it("labels kinds and times in Dutch (Amsterdam time)", () => {
    const view = toAdminMessage(message({ kind: "warning" }));
    expect(view.kindLabel).toBe("Waarschuwing");
    expect(view.createdLabel).toBe("7 december 2026, 14:05");
    expect(toAdminMessage(message({ kind: "reply" })).kindLabel).toBe("Antwoord");
    expect(formatDateTime("2026-07-01T10:00:00Z")).toBe("1 juli 2026, 12:00");
    expect(formatDateTime("geen datum")).toBe("");
  });

  it("shortens long texts to one line at a word", () => {
    expect(excerpt("Kort bericht.")).toBe("Kort bericht.");
    expect(excerpt("regel een\n\nregel twee")).toBe("regel een regel twee");
    const long = "Vannacht is er ingebroken in de Lindelaan, ".repeat(10);
    const short = excerpt(long, 60);
    expect(short.length).toBeLessThanOrEqual(61);
    expect(short.endsWith("…")).toBe(true);
    expect(short).not.toMatch(/ …$/);
  });

  it("reads a thread oldest first", () => {
    const thread = [
      toAdminMessage(message({ id: "m3", direction: "sent", kind: "reply", created_at: "2026-12-07T15:00:00Z" })),
      toAdminMessage(message({ id: "m1", direction: "sent", created_at: "2026-12-07T13:00:00Z" })),
      toAdminMessage(message({ id: "m2", direction: "received", kind: "reply", created_at: "2026-12-07T14:00:00Z" })),
    ];
    expect(threadOrder(thread).map((m) => m.id)).toEqual(["m1", "m2", "m3"]);
  });

  it("offers one choice per group that can be answered: that group's newest message, newest group first", () => {
    const west = { id: "grp_west", name: "Buurtpreventie West", slug: "buurtpreventie-west" };
    const zuid = { id: "grp_zuid", name: "Buurtpreventie Zuid", slug: "buurtpreventie-zuid" };
    const thread = threadOrder([
      toAdminMessage(message({ id: "w1", kind: "warning", direction: "sent", other_group: null, recipients: 2, created_at: "2026-12-07T13:00:00Z" })),
      toAdminMessage(message({ id: "b1", kind: "reply", direction: "received", other_group: west, created_at: "2026-12-07T14:00:00Z" })),
      toAdminMessage(message({ id: "c1", kind: "reply", direction: "received", other_group: zuid, created_at: "2026-12-07T14:30:00Z" })),
      toAdminMessage(message({ id: "b2", kind: "reply", direction: "received", other_group: west, created_at: "2026-12-07T14:10:00Z" })),
      toAdminMessage(message({ id: "a1", kind: "reply", direction: "sent", other_group: zuid, created_at: "2026-12-07T15:00:00Z" })),
    ]);
    const choices = replyChoices(thread);
    expect(choices).toEqual([
      { messageId: "c1", groupName: "Buurtpreventie Zuid" },
      { messageId: "b2", groupName: "Buurtpreventie West" },
    ]);
    // a posted id: an offered one, or any other message the group received in the thread (a page loaded before a newer reply came)
    expect(replyChoice(choices, thread, "b2")?.groupName).toBe("Buurtpreventie West");
    expect(replyChoice(choices, thread, "b1")).toEqual({ messageId: "b1", groupName: "Buurtpreventie West" });
    // never a message the group sent, nor one from outside the thread, nor nonsense
    expect(replyChoice(choices, thread, "w1")).toBeNull();
    expect(replyChoice(choices, thread, "a1")).toBeNull();
    expect(replyChoice(choices, thread, "admmsg_elsewhere")).toBeNull();
    // none chosen: only when there is one group to answer is it that one
    expect(replyChoice(choices, thread, "")).toBeNull();
    expect(replyChoice(choices.slice(1), thread.filter((m) => m.id !== "c1"), "")?.messageId).toBe("b2");
    // nothing received: nothing to answer
    expect(replyChoices(thread.filter((m) => m.direction === "sent"))).toEqual([]);
    expect(replyChoice([], thread.filter((m) => m.direction === "sent"), "")).toBeNull();
    // one group: one choice, its newest message
    expect(replyChoices(thread.filter((m) => m.id !== "c1"))).toEqual([{ messageId: "b2", groupName: "Buurtpreventie West" }]);
  });

  it("names a warning the group sent by how many groups it went to, whoever replied; other threads after the other group", () => {
    const west = { id: "grp_west", name: "Buurtpreventie West", slug: "buurtpreventie-west" };
    const sent = toAdminMessage(message({ id: "w1", kind: "warning", direction: "sent", other_group: null, recipients: 3, recipient_groups: [] }));
    const reply = toAdminMessage(message({ id: "r1", kind: "reply", direction: "received", other_group: west, created_at: "2026-12-07T14:00:00Z" }));
    // stranger's walk: "Berichten met Buurtpreventie West", the one group that replied to a warning sent to three
    expect(threadTitle([sent, reply], "reply")).toBe("Waarschuwing aan 3 buurgroepen");
    expect(threadTitle([sent], "warning")).toBe("Waarschuwing aan 3 buurgroepen");
    const toOne = toAdminMessage(message({ id: "w2", kind: "warning", direction: "sent", other_group: null, recipients: 1 }));
    expect(threadTitle([toOne], "warning")).toBe("Waarschuwing aan 1 buurgroep");
    // the receivers' page and ordinary messages keep their headings
    const received = toAdminMessage(message({ id: "w3", kind: "warning", direction: "received" }));
    expect(threadTitle([received], "warning")).toBe("Berichten met Buurtpreventie Oost");
    expect(threadTitle([toAdminMessage(message()), reply], "message")).toBe("Berichten met Buurtpreventie Oost");
    expect(threadTitle([toAdminMessage(message({ other_group: null }))], "message")).toBe("Bericht");
    expect(threadTitle([toAdminMessage(message({ kind: "warning", other_group: null }))], "warning")).toBe("Waarschuwing");
  });

  it("says how many groups a warning went to", () => {
    expect(warningSentLabel(1)).toBe("Je waarschuwing is verstuurd naar 1 buurgroep.");
    expect(warningSentLabel(3)).toBe("Je waarschuwing is verstuurd naar 3 buurgroepen.");
  });
});

describe("admin messages: words", () => {
  it("uses the setting's label word for word", () => {
    expect(SETTING_LABEL).toBe("Andere beheerders mogen mij een bericht sturen");
  });

  it("puts calling 112 (101 in Belgium) first and forbids names, photos and descriptions of suspects", () => {
    expect(EMERGENCY_LINE).toBe("Spoed of iets verdachts? Bel eerst 112. In België bel je 101.");
    expect(WARNING_RULES.join(" ")).toMatch(/geen namen en deel geen foto's of beschrijvingen van verdachten/i);
  });
});

describe("admin messages: the report page", () => {
  it("shows the reported message as the mail did: kind, first name and group, date, text", () => {
    const view = toReportedMessage({
      kind: "message",
      from_group: { name: "Buurtpreventie Oost", woonplaats: "Utrecht" },
      sender_first_name: "Anna",
      body: "Hoi",
      created_at: "2026-12-07T13:05:00.000Z",
    });
    expect(view).toEqual({
      kind: "message",
      kindLabel: "Bericht",
      fromLabel: "Anna, van Buurtpreventie Oost (Utrecht)",
      body: "Hoi",
      createdAt: "2026-12-07T13:05:00.000Z",
      createdLabel: "7 december 2026, 14:05",
    });
    expect(toReportedMessage({ kind: "reply", from_group: null, sender_first_name: "Bert", body: "x", created_at: "2026-12-07T13:05:00.000Z" }).fromLabel).toBe(
      "Bert, van een groep die niet meer bestaat",
    );
  });

  it("says when the message was reported before, by the Amsterdam date, and nothing when it was not", () => {
    expect(earlierReportNotice({ created_at: "2026-12-07T08:00:00.000Z" })).toBe("Je hebt dit bericht al gemeld op 7 december 2026. Wil je nog iets toevoegen?");
    // 23:30 UTC on 7 December is already 8 December in Amsterdam
    expect(earlierReportNotice({ created_at: "2026-12-07T23:30:00.000Z" })).toContain("op 8 december 2026.");
    expect(earlierReportNotice(null)).toBeNull();
    expect(earlierReportNotice(undefined)).toBeNull();
    expect(earlierReportNotice({ created_at: "geen datum" })).toBeNull();
  });

  it("lands on the thanks for an addition only when the post added to a report", () => {
    expect(reportedHref(true)).toBe("/berichten/gemeld?aangevuld=1");
    expect(reportedHref(false)).toBe("/berichten/gemeld");
  });
});

describe("admin messages: who a warning reaches", () => {
  const g = (id: string, extra: Partial<ApiNearbyGroup>): ApiNearbyGroup => ({
    id,
    slug: id,
    name: `Groep ${id}`,
    woonplaats: "Utrecht",
    distance_km: null,
    shares_postcode: false,
    adjacent: false,
    postcode_km: null,
    reachable: true,
    ...extra,
  });

  it("names the groups each distance adds, with their place, and counts them cumulatively; unreachable groups are left out", () => {
    const added = recipientsByKm([
      g("shared", { shares_postcode: true, distance_km: 0.2 }),
      g("border", { adjacent: true, postcode_km: 0, distance_km: 3.4, woonplaats: "Zeist" }),
      g("area", { postcode_km: 1.6, distance_km: 2.9 }),
      g("point", { distance_km: 4.2, woonplaats: "Bunnik" }),
      g("off", { shares_postcode: true, reachable: false }),
      g("own", { shares_postcode: true, reachable: false, own_group: true }),
    ]);
    expect(added[1]).toEqual([
      { id: "shared", name: "Groep shared", woonplaats: "Utrecht" },
      { id: "border", name: "Groep border", woonplaats: "Zeist" },
    ]);
    expect(added[2].map((r) => r.id)).toEqual(["area"]);
    expect(added[5]).toEqual([{ id: "point", name: "Groep point", woonplaats: "Bunnik" }]);
    expect(countsFromRecipients(added)).toEqual({ 1: 2, 2: 3, 5: 4 });
  });

  it("offers no form when nobody receives messages at any distance, and a larger distance when only that reaches someone", () => {
    expect(warningReach({ 1: 0, 2: 0, 5: 0 }, 2)).toEqual({ state: "none" });
    expect(warningReach({ 1: 0, 2: 0, 5: 3 }, 2)).toEqual({ state: "some", km: 5, wantedEmpty: true, count: 3 });
    expect(warningReach({ 1: 0, 2: 1, 5: 3 }, 1)).toEqual({ state: "some", km: 2, wantedEmpty: true, count: 1 });
    expect(warningReach({ 1: 2, 2: 2, 5: 3 }, 2)).toEqual({ state: "some", km: 2, wantedEmpty: false, count: 2 });
    // unknown counts (the lookup failed): the form stays, the backend decides
    expect(warningReach(null, 2)).toEqual({ state: "unknown" });
    expect(warningReach({ 1: null, 2: null, 5: null }, 2)).toEqual({ state: "unknown" });
  });

  it("says what to do when nobody can receive a warning, and what a larger distance reaches", () => {
    expect(NO_WARNING_RECIPIENTS).toContain(`"${SETTING_LABEL}"`);
    expect(NO_WARNING_RECIPIENTS).toContain("ook niet binnen 5 km");
    expect(widerReachLabel(2, 5, 3)).toBe("Binnen 2 km ontvangt geen enkele groep berichten van andere beheerders; binnen 5 km wel 3 groepen.");
    expect(widerReachLabel(1, 2, 1)).toContain("binnen 2 km wel 1 groep.");
  });

  it("links straight to the setting of one group on Mijn groep", () => {
    expect(settingHref("grp_a")).toBe("/mijn-groep#beheerders-grp_a");
    expect(warnHref("grp_a", 5)).toBe("/mijn-groep/waarschuwen?groep=grp_a&km=5");
    expect(warnHref("grp_a", 2)).toBe("/mijn-groep/waarschuwen?groep=grp_a");
  });

  it("names a text's limit in its hint, as the field cuts it (2.000 with a thousands point)", () => {
    expect(lengthHint(2000)).toBe("Minstens 10 en maximaal 2.000 tekens.");
    expect(lengthHint(500)).toBe("Minstens 10 en maximaal 500 tekens.");
  });
});

describe("admin messages: conversations", () => {
  const oost = { id: "grp_oost", name: "Buurtpreventie Oost", slug: "oost" };
  const west = { id: "grp_west", name: "Buurtpreventie West", slug: "west" };
  const noord = { id: "grp_noord", name: "Buurtpreventie Noord", slug: "noord", woonplaats: "Utrecht" };

  it("takes the backend's conversation: how it started however old, the newest message, the replies, and a title", () => {
    const started = message({ id: "t1", kind: "message", direction: "sent", other_group: oost, sender_first_name: "Bea", thread_id: "t1", body: "Samen borden bestellen?", created_at: "2025-01-07T11:00:00Z" });
    const latest = message({ id: "m5", kind: "reply", direction: "received", other_group: oost, sender_first_name: "Anna", thread_id: "t1", reply_to_id: "t1", body: "Goed plan!" });
    const row = toConversation({ thread_id: "t1", kind: "message", other_group: oost, first: started, latest, replies: 212, can_reply: true });
    expect([row.threadId, row.kind, row.title, row.first.id, row.latest.id, row.replies, row.canReply]).toEqual(["t1", "message", "Gesprek met Buurtpreventie Oost", "t1", "m5", 212, true]);
    expect(row.first.createdLabel).toBe("7 januari 2025, 12:00");
    expect(row.latest.partyLabel).toBe("Van Anna (Buurtpreventie Oost)");
    expect(row.recipientGroups).toEqual([]);
  });

  it("names each conversation's link by how it started: two with the same group differ by their first message's date and first words", () => {
    const older = message({ id: "t1", direction: "sent", other_group: oost, thread_id: "t1", body: "Samen borden bestellen?", created_at: "2026-11-02T09:30:00Z" });
    const newer = message({ id: "t2", direction: "sent", other_group: oost, thread_id: "t2", body: "Zien jullie ook die bestelbus?", created_at: "2026-11-02T09:30:00Z" });
    const first = toConversation({ thread_id: "t1", kind: "message", other_group: oost, first: older, latest: older, replies: 0, can_reply: false });
    const second = toConversation({ thread_id: "t2", kind: "message", other_group: oost, first: newer, latest: newer, replies: 0, can_reply: false });
    expect(conversationLinkContext(first)).toBe("Gesprek met Buurtpreventie Oost, begonnen 2 november 2026, 10:30: “Samen borden bestellen?”");
    expect(conversationLinkContext(second)).toBe("Gesprek met Buurtpreventie Oost, begonnen 2 november 2026, 10:30: “Zien jullie ook die bestelbus?”");
    // a long text: its first words; no readable date: without it
    const long = message({ id: "t3", other_group: oost, body: "Vannacht is er ingebroken in de Lindelaan, de achterdeur is geforceerd.", created_at: "" });
    const undated = toConversation({ thread_id: "t3", kind: "message", other_group: oost, first: long, latest: long, replies: 0, can_reply: false });
    expect(conversationLinkContext(undated)).toBe("Gesprek met Buurtpreventie Oost: “Vannacht is er ingebroken in de Lindelaan, de…”");
  });

  it("tells two warnings apart that got the same answer in the same minute (stranger's walk: two links of one name)", () => {
    const warning = (id: string, body: string, at: string) =>
      message({ id, kind: "warning", direction: "sent", other_group: null, recipients: 2, recipient_groups: [], thread_id: id, body, created_at: at });
    const answer = (id: string, thread: string) =>
      message({ id, kind: "reply", direction: "received", other_group: west, sender_first_name: "Wim", thread_id: thread, reply_to_id: thread, body: "Dank, we letten op.", created_at: "2026-12-07T21:15:00Z" });
    const one = toConversation({ thread_id: "w1", kind: "warning", other_group: null, first: warning("w1", "Vannacht ingebroken in de Lindelaan, achterdeur geforceerd.", "2026-12-07T21:10:00Z"), latest: answer("a1", "w1"), replies: 1, can_reply: true });
    const two = toConversation({ thread_id: "w2", kind: "warning", other_group: null, first: warning("w2", "Fietsendief gezien bij het station.", "2026-12-07T20:40:00Z"), latest: answer("a2", "w2"), replies: 1, can_reply: true });
    expect(conversationLinkContext(one)).toBe(
      "Waarschuwing aan 2 buurgroepen, begonnen 7 december 2026, 22:10: “Vannacht ingebroken in de Lindelaan, achterdeur…”, laatste bericht 7 december 2026, 22:15",
    );
    expect(conversationLinkContext(two)).toBe(
      "Waarschuwing aan 2 buurgroepen, begonnen 7 december 2026, 21:40: “Fietsendief gezien bij het station.”, laatste bericht 7 december 2026, 22:15",
    );
  });

  it("names a sent warning after its count and lists the groups it went to; a received one after its sender, without others", () => {
    const sent = message({
      id: "w1",
      kind: "warning",
      direction: "sent",
      other_group: null,
      recipients: 2,
      recipient_groups: [noord, { id: "grp_zuid", name: "Buurtpreventie Zuid", slug: "zuid", woonplaats: "" }],
      thread_id: "w1",
    });
    const row = toConversation({ thread_id: "w1", kind: "warning", other_group: null, first: sent, latest: sent, replies: 0, can_reply: false });
    expect(row.title).toBe("Waarschuwing aan 2 buurgroepen");
    expect(row.recipientGroups.map(recipientGroupLabel)).toEqual(["Buurtpreventie Noord (Utrecht)", "Buurtpreventie Zuid"]);
    const received = message({ id: "r1", kind: "warning", direction: "received", other_group: west, sender_first_name: "Wim", thread_id: "r1", recipient_groups: [noord] });
    const other = toConversation({ thread_id: "r1", kind: "warning", other_group: west, first: received, latest: received, replies: 0, can_reply: true });
    expect(other.title).toBe("Waarschuwing van Wim (Buurtpreventie West)");
    // only a warning the group sent names receivers, whatever an answer holds
    expect(other.recipientGroups).toEqual([]);
  });

  it("pages the list by ?pagina=, the first page without it", () => {
    expect(conversationsHref("grp_a", 1)).toBe("/mijn-groep/berichten?groep=grp_a");
    expect(conversationsHref("grp_a", 3)).toBe("/mijn-groep/berichten?groep=grp_a&pagina=3");
  });

  it("counts replies in Dutch", () => {
    expect(repliesLabel(0)).toBe("Nog geen antwoord");
    expect(repliesLabel(1)).toBe("1 antwoord");
    expect(repliesLabel(12)).toBe("12 antwoorden");
  });
});
