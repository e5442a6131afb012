import { StoreNearbyGroupsParams, StoreReplyAdminMessage, StoreSendAdminMessage, StoreSendWarning } from "../../../api/store/my-group/validators"
import { StoreReportAdminMessage } from "../../../api/store/admin-messages/validators"
import { adminMessageMail, adminWarningMail, mailThread, messageReportedMail, replyUrl, reportUrl } from "../emails"
import { type MessageRow, toMessageViews } from "../history"

const links = { storefrontUrl: "https://shop.example", adminUrl: "https://shop.example/app" }
const message = { id: "admmsg_1", kind: "message" as const, sender_first_name: "Anouk", body: "Er wordt ingebroken in de Lindelaan.", report_token: "tok_EN-1" }
const from = { name: "Buurtpreventie Lindelaan", woonplaats: "Utrecht" }

describe("relayed mails", () => {
  it("name the group and the first name, link to reply and report, and say the addresses stay hidden", () => {
    const mail = adminMessageMail(message, from, { admin_name: "Bert" }, links)
    expect(mail.subject).toBe("Bericht van Anouk van Buurtpreventie Lindelaan")
    expect(mail.text).toContain("Hallo Bert,")
    expect(mail.text).toContain("Er wordt ingebroken in de Lindelaan.")
    expect(mail.text).toContain("Beantwoorden: https://shop.example/mijn-groep/berichten/admmsg_1")
    expect(mail.text).toContain("Melden: https://shop.example/berichten/melden/tok_EN-1")
    expect(mail.text).toContain("jullie e-mailadressen en telefoonnummers blijven verborgen")
    // the sender's words are quoted, escaped, in the HTML
    const hostile = adminMessageMail({ ...message, body: '<a href="https://evil.example">klik</a>' }, from, { admin_name: null }, links)
    expect(hostile.html).not.toContain('<a href="https://evil.example">')
    expect(hostile.html).toContain("<blockquote")
    expect(hostile.text).toContain("Hallo,")
  })

  it("say why a reply arrives without the setting", () => {
    const mail = adminMessageMail({ ...message, kind: "reply" }, from, { admin_name: "Anouk" }, links)
    expect(mail.text).toContain("Een antwoord van de beheerder")
    expect(mail.text).toContain("omdat je dit gesprek via Mijn groep bent begonnen")
  })

  it("warnings repeat the rules of conduct", () => {
    const mail = adminWarningMail({ ...message, kind: "warning" }, from, { admin_name: "Bert" }, 2, links)
    expect(mail.subject).toBe("Waarschuwing van Anouk van Buurtpreventie Lindelaan")
    expect(mail.text).toContain("binnen 2 km")
    // lower case after the colon (stranger's walk: "gedragsregels: Noem geen namen")
    expect(mail.text).toContain("Houd je dan aan de gedragsregels: noem geen namen en deel geen foto's of beschrijvingen van verdachten")
    expect(mail.text).toContain("Bel eerst 112.")
  })

  it("staff's report mail links to the sending group's admin page", () => {
    const mail = messageReportedMail(
      { reason: "Scheldwoorden" },
      { ...message, created_at: "2026-12-07T08:00:00Z", from_group_id: "nbgrp_1", to_group_id: "nbgrp_2" },
      from,
      { name: "Buurtpreventie Eikenlaan", woonplaats: "Zeist" },
      links
    )
    expect(mail.text).toContain("https://shop.example/app/groups/nbgrp_1")
    expect(mail.text).toContain("Reden van de melding: Scheldwoorden")
  })

  it("staff's mail about an addition to a report says so, with the addition and every reason so far", () => {
    const stored = { ...message, created_at: "2026-12-07T08:00:00Z", from_group_id: "nbgrp_1", to_group_id: "nbgrp_2" }
    const to = { name: "Buurtpreventie Eikenlaan", woonplaats: "Zeist" }
    const mail = messageReportedMail({ reason: "Reclame\n\nAanvulling van 7 december 2026 om 10:00: Weer" }, stored, from, to, links, { reason: "Weer", reopened: true })
    expect(mail.subject).toBe("Melding aangevuld: Buurtpreventie Lindelaan")
    expect(mail.text).toContain("heeft een melding aangevuld")
    expect(mail.text).toContain("De melding was afgehandeld en staat nu weer open.")
    expect(mail.text).toContain("Aanvulling: Weer")
    expect(mail.text).toContain("Reden van de melding: Reclame")
    const first = messageReportedMail({ reason: null }, stored, from, to, links)
    expect(first.subject).toBe("Bericht tussen beheerders gemeld: Buurtpreventie Lindelaan")
    expect(first.text).not.toContain("Aanvulling")
  })

  it("make the reply and report addresses real links in the HTML part, escaped; the sender's words stay text (stranger's walk)", () => {
    const mail = adminMessageMail({ ...message, id: "admmsg_1&x", body: "Zie https://evil.example/win" }, from, { admin_name: "Bert" }, links)
    expect(mail.html).toContain('Beantwoorden: <a href="https://shop.example/mijn-groep/berichten/admmsg_1%26x">https://shop.example/mijn-groep/berichten/admmsg_1%26x</a>')
    expect(mail.html).toContain('Melden: <a href="https://shop.example/berichten/melden/tok_EN-1">')
    expect(mail.html).not.toContain('href="https://evil.example')
    const warning = adminWarningMail({ ...message, kind: "warning" }, from, { admin_name: "Bert" }, 2, links)
    expect(warning.html).toContain('<a href="https://shop.example/mijn-groep/berichten/admmsg_1">')
    const staff = messageReportedMail(
      { reason: null },
      { ...message, created_at: "2026-12-07T08:00:00Z", from_group_id: "nbgrp_1", to_group_id: "nbgrp_2" },
      from,
      { name: "Buurtpreventie Eikenlaan", woonplaats: "Zeist" },
      links
    )
    expect(staff.html).toContain('<a href="https://shop.example/app/groups/nbgrp_1#berichten">')
    // an address with quotes or brackets cannot break out of the attribute
    const odd = adminMessageMail(message, from, { admin_name: null }, { storefrontUrl: 'https://shop.example/"><script>' })
    expect(odd.html).not.toContain("<script>")
    expect(odd.html).toContain("&quot;&gt;&lt;script&gt;")
  })

  it("a reply says who answered, not the receiver's own name, and quotes the answered message shortly (stranger's walk)", () => {
    const answered = { body: "Hallo buren, zullen we samen borden bestellen? " + "Heel veel tekst. ".repeat(40) }
    const reply = adminMessageMail(
      { ...message, kind: "reply", sender_first_name: "Bert", body: "Goed idee, wij doen mee!" },
      { name: "Buurtpreventie Eikenlaan", woonplaats: "Zeist" },
      { admin_name: "Anouk" },
      links,
      answered
    )
    expect(reply.subject).toBe("Antwoord van Bert (Buurtpreventie Eikenlaan) op je bericht")
    expect(reply.subject).not.toContain("Anouk")
    const quote = /Jouw bericht:\n\n(.*)\n/.exec(reply.text)![1]
    expect(quote.startsWith("Hallo buren, zullen we samen borden bestellen? Heel veel tekst.")).toBe(true)
    expect(quote.length).toBeLessThanOrEqual(301)
    expect(quote.endsWith("…")).toBe(true)
    // after the reply itself, quoted (and escaped) in the HTML
    expect(reply.text.indexOf("Goed idee, wij doen mee!")).toBeLessThan(reply.text.indexOf("Jouw bericht:"))
    expect(reply.html).toMatch(/<p>Jouw bericht:<\/p>\n<blockquote[^>]*>Hallo buren/)
    const hostile = adminMessageMail({ ...message, kind: "reply" }, from, { admin_name: null }, links, { body: "<b>vet</b>" })
    expect(hostile.html).toContain("&lt;b&gt;vet&lt;/b&gt;")
    // a first message has no quote
    expect(adminMessageMail(message, from, { admin_name: "Bert" }, links).text).not.toContain("Jouw bericht:")
  })

  it("thread mails by their message ids: Message-ID, and for a reply In-Reply-To and References", () => {
    expect(mailThread(links, "admmsg_1")).toEqual({ message_id: "<admmsg_1@shop.example>" })
    expect(mailThread(links, "admmsg_3", ["admmsg_1", "admmsg_2"])).toEqual({
      message_id: "<admmsg_3@shop.example>",
      in_reply_to: "<admmsg_2@shop.example>",
      references: ["<admmsg_1@shop.example>", "<admmsg_2@shop.example>"],
    })
  })

  it("encode ids and tokens in links", () => {
    expect(replyUrl(links, "a/b")).toBe("https://shop.example/mijn-groep/berichten/a%2Fb")
    expect(reportUrl(links, "x?y")).toBe("https://shop.example/berichten/melden/x%3Fy")
  })
})

describe("toMessageViews", () => {
  const groups = new Map([
    ["g1", { id: "g1", name: "Een", slug: "een" }],
    ["g2", { id: "g2", name: "Twee", slug: "twee", woonplaats: "Utrecht" }],
    ["g3", { id: "g3", name: "Drie", slug: "drie", woonplaats: "Assen" }],
  ])
  const row = (id: string, kind: MessageRow["kind"], from: string, to: string, thread = id): MessageRow => ({
    id,
    kind,
    from_group_id: from,
    to_group_id: to,
    sender_first_name: "Anouk",
    body: "tekst van het bericht",
    thread_id: thread,
    reply_to_id: null,
    created_at: "2026-12-07T08:00:00Z",
  })

  it("shows a sent warning once with its number of groups and their names; received ones and messages as they are", () => {
    const rows = [row("w1", "warning", "g1", "g2"), row("w2", "warning", "g1", "g3", "w1"), row("m1", "message", "g2", "g1"), row("r1", "reply", "g1", "g2", "m1")]
    const views = toMessageViews(rows, "g1", groups, new Map([["w1", ["g2", "g3"]]]))
    expect(views.map((v) => [v.id, v.kind, v.direction, v.other_group?.id ?? null, v.recipients])).toEqual([
      ["w1", "warning", "sent", null, 2],
      ["m1", "message", "received", "g2", undefined],
      ["r1", "reply", "sent", "g2", undefined],
    ])
    // by name: Drie before Twee
    expect(views[0].recipient_groups).toEqual([
      { id: "g3", name: "Drie", slug: "drie", woonplaats: "Assen" },
      { id: "g2", name: "Twee", slug: "twee", woonplaats: "Utrecht" },
    ])
    expect(views[1].recipient_groups).toBeUndefined()
    // the receiver of the same warning sees it as received from g1, without the other receivers
    const received = toMessageViews([rows[0]], "g2", groups, new Map())[0]
    expect(received).toMatchObject({ direction: "received", other_group: { id: "g1" } })
    expect(received.recipient_groups).toBeUndefined()
    expect(JSON.stringify(received)).not.toContain("Drie")
  })
})

describe("message validation", () => {
  it("km is 1, 2 or 5 (2 by default)", () => {
    expect(StoreNearbyGroupsParams.parse({})).toEqual({ km: 2 })
    expect(StoreNearbyGroupsParams.parse({ km: "5" })).toEqual({ km: 5 })
    expect(StoreNearbyGroupsParams.safeParse({ km: "3" }).success).toBe(false)
    expect(StoreSendWarning.safeParse({ first_name: "Anouk", message: "Let op, inbraken!", km: 10 }).success).toBe(false)
  })

  it("a first name drops invisible characters and is trimmed; warnings are short", () => {
    const parsed = StoreSendAdminMessage.parse({ to_group_id: " nbgrp_1 ", first_name: " An\u200Bouk ", message: "Hallo buren, goed bezig!" })
    expect(parsed).toEqual({ to_group_id: "nbgrp_1", first_name: "Anouk", message: "Hallo buren, goed bezig!" })
    const long = StoreSendWarning.safeParse({ first_name: "Anouk", message: "x".repeat(501), km: 2 })
    expect(long.success).toBe(false)
    expect(long.error?.issues[0].message).toBe("Je waarschuwing mag hoogstens 500 tekens lang zijn")
  })

  it("each error names the field the form shows: the reply's say 'Je antwoord', the warning's 'Je waarschuwing' (stranger's walk)", () => {
    const errors = (schema: typeof StoreReplyAdminMessage | typeof StoreSendWarning | typeof StoreSendAdminMessage, body: object) =>
      (schema.safeParse(body).error?.issues ?? []).filter((i) => i.path[0] === "message").map((i) => i.message)
    expect(errors(StoreReplyAdminMessage, { first_name: "Bert", message: "kort" })).toEqual(["Je antwoord moet minstens 10 tekens lang zijn"])
    expect(errors(StoreReplyAdminMessage, { first_name: "Bert" })).toEqual(["Schrijf je antwoord"])
    expect(errors(StoreReplyAdminMessage, { first_name: "Bert", message: "x".repeat(2001) })).toEqual(["Je antwoord mag hoogstens 2000 tekens lang zijn"])
    expect(errors(StoreSendWarning, { first_name: "Anouk", message: "kort", km: 2 })).toEqual(["Je waarschuwing moet minstens 10 tekens lang zijn"])
    expect(errors(StoreSendAdminMessage, { to_group_id: "g", first_name: "Anouk", message: "kort" })).toEqual(["Je bericht moet minstens 10 tekens lang zijn"])
  })
})

describe("texts that only look long enough (attacker's walk: 9 spaces and 12 zero-width spaces passed)", () => {
  const blank = " ".repeat(9) + "\u200B".repeat(12)
  const errorOf = (schema: { safeParse: (v: unknown) => any }, body: unknown, field: string) =>
    schema.safeParse(body).error?.issues.find((i: any) => i.path[0] === field)?.message

  it("counts a message, a reply and a warning without invisibles and with white space collapsed", () => {
    const base = { to_group_id: "nbgrp_1", first_name: "Anouk" }
    // nothing visible is no text at all: asked for, not "too short" (stranger's walk)
    expect(errorOf(StoreSendAdminMessage, { ...base, message: blank }, "message")).toBe("Schrijf je bericht")
    expect(errorOf(StoreSendAdminMessage, { ...base, message: "a\u200B\u200C\u200D\u2060\uFEFF\u202E        b" }, "message")).toBe("Je bericht moet minstens 10 tekens lang zijn")
    expect(errorOf(StoreReplyAdminMessage, { first_name: "Bert", message: blank }, "message")).toBe("Schrijf je antwoord")
    expect(errorOf(StoreSendWarning, { first_name: "Bert", message: blank, km: 1 }, "message")).toBe("Schrijf je waarschuwing")
    for (const empty of ["", "   ", "\n\t "]) {
      expect(errorOf(StoreSendAdminMessage, { ...base, message: empty }, "message")).toBe("Schrijf je bericht")
      expect(errorOf(StoreReplyAdminMessage, { first_name: "Bert", message: empty }, "message")).toBe("Schrijf je antwoord")
      expect(errorOf(StoreSendWarning, { first_name: "Bert", message: empty, km: 1 }, "message")).toBe("Schrijf je waarschuwing")
    }
    // 1 to 9 characters: the minimum
    expect(errorOf(StoreSendAdminMessage, { ...base, message: "a" }, "message")).toBe("Je bericht moet minstens 10 tekens lang zijn")
    expect(errorOf(StoreSendAdminMessage, { ...base, message: " 123456789 " }, "message")).toBe("Je bericht moet minstens 10 tekens lang zijn")
    expect(errorOf(StoreSendAdminMessage, { ...base, message: "1234567890" }, "message")).toBeUndefined()
    // a real text keeps its lines, without the invisibles
    expect(StoreSendAdminMessage.parse({ ...base, message: "Hallo\u200B buren,\nwie doet mee?" }).message).toBe("Hallo buren,\nwie doet mee?")
  })

  it("takes a report reason of only invisibles and spaces as no reason", () => {
    const token = "a".repeat(43)
    expect(StoreReportAdminMessage.parse({ token, reason: blank }).reason).toBeUndefined()
    expect(StoreReportAdminMessage.parse({ token: "b".repeat(43), reason: "Scheldt\u200B ons uit" }).reason).toBe("Scheldt ons uit")
  })
})
