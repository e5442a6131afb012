import {
  findInviteLinkProblems,
  findWhatsAppInviteLinks,
  INVITE_LINK_MESSAGE,
  inviteLinkProblem,
  looksLikeWhatsAppInviteLink,
  SHORT_LINK_MESSAGE,
} from "../../modules/neighbourhood-group/utils/whatsapp"
import { containsLinkOrEmail, normaliseForMatching, stripInvisible } from "../text-safety"

describe("normaliseForMatching", () => {
  it.each([
    ["full-width letters and dot", "ｃｈａｔ．ｗｈａｔｓａｐｐ．ｃｏｍ", "chat.whatsapp.com"],
    ["ideographic full stop", "wa\u3002me", "wa.me"],
    ["half-width ideographic full stop", "wa\uFF61me", "wa.me"],
    ["small full stop", "wa\uFE52me", "wa.me"],
    ["zero-width space, joiners, word joiner, BOM", "w\u200Ba\u200C.\u200Dm\u2060e\uFEFF", "wa.me"],
    ["soft hyphen", "what\u00ADsapp", "whatsapp"],
    ["bidi override", "\u202Ewa.me\u202C", "wa.me"],
    ["upper case", "CHAT.WhatsApp.COM", "chat.whatsapp.com"],
    ["accents", "chät.whätsäpp.cöm", "chat.whatsapp.com"],
    ["Cyrillic lookalikes", "\u0441h\u0430t.wh\u0430ts\u0430pp.\u0441\u043Em", "chat.whatsapp.com"],
    ["percent-encoded dot and slash", "wa%2Eme%2F31612345678", "wa.me/31612345678"],
    ["HTML-encoded dot", "wa&#46;me", "wa.me"],
    ["Hangul filler and combining grapheme joiner", "wa\u3164.\u034Fme", "wa.me"],
  ])("%s", (_what, input, expected) => expect(normaliseForMatching(input)).toBe(expected))

  it("keeps ordinary Dutch text readable for matching", () => {
    expect(normaliseForMatching("Buurtpreventie Súdwest-Fryslân 's-Hertogenbosch")).toBe("buurtpreventie sudwest-fryslan 's-hertogenbosch")
  })
})

describe("stripInvisible", () => {
  it("removes format and control characters but keeps spaces, tabs and new lines", () => {
    expect(stripInvisible("Linden\u200Blaan\u00AD \t\n\u0007x\uFEFF")).toBe("Lindenlaan \t\nx")
  })
})

describe("looksLikeWhatsAppInviteLink on hostile input", () => {
  it.each([
    "https://chat.whatsapp.com/AbCdEf123",
    "chat.whatsapp.com/x",
    "CHAT.WHATSAPP.COM/ABC",
    "chat . whatsapp . com/abc",
    "chat  .\twhatsapp\n.  com",
    "chat%2ewhatsapp%2ecom",
    "chat\u3002whatsapp\u3002com/abc",
    "chat\uFF0Ewhatsapp\uFF0Ecom/abc",
    "chat\uFF61whatsapp\uFF61com/abc",
    "chat.whats\u200Bapp.com/abc",
    "chat.whats\u200Capp.com/abc",
    "chat.whats\u200Dapp.com/abc",
    "chat.whats\u2060app.com/abc",
    "chat.whats\uFEFFapp.com/abc",
    "chat.whats\u00ADapp.com/abc",
    "ｃｈａｔ．ｗｈａｔｓａｐｐ．ｃｏｍ／ａｂｃ",
    "Word lid: chat[.]whatsapp[.]com/abc",
    "chat dot whatsapp dot com",
    "chat punt whatsapp punt com",
    "wa.me/31612345678",
    "WA.ME/31612345678",
    "wa . me/31612345678",
    "wa\u3002me/31612345678",
    "w\u200Ba.me/31612345678",
    "\u051Da.me",
    "\u0461a.me",
    "ｗａ．ｍｅ",
    "app: wa.me",
    "whatsapp.com/channel/0029",
    "api.whatsapp.com/send?phone=31612345678",
    "whatsapp . com / invite/abc",
    "invite.whatsapp.com/abc",
    "\u0441h\u0430t.wh\u0430ts\u0430pp.\u0441om",
  ])("recognises %j", (value) => expect(looksLikeWhatsAppInviteLink(value)).toBe(true))

  it.each([
    "Buurtpreventie Wamel",
    "buurtwa.meer",
    "WhatsApp-groep Lindenlaan",
    "www.whatsapp.com",
    "Wa-Meent",
    "Buurtpreventie Chat Lindenlaan",
    "Whats\u200Bapp buurt Lindenlaan",
    "Punt en Dot",
  ])("leaves %j alone", (value) => expect(looksLikeWhatsAppInviteLink(value)).toBe(false))

  it("finds a hidden link in nested fields", () => {
    expect(findWhatsAppInviteLinks({ name: "ok", postcodes: ["3581", "wa\u3002me/1"] })).toEqual([["postcodes", "1"]])
  })
})

describe("invite links and short links, issue 30 walk (the relay answered 201 to each)", () => {
  it.each([
    "whatsapp://chat?code=AbCdEfGhIjK123",
    "Open WhatsApp : // send?phone=31612345678",
    "h t t p s : / / c h a t . w h a t s a p p . c o m / AbCdEf",
    "c-h-a-t.w-h-a-t-s-a-p-p.c-o-m/AbCdEfGhIjK123",
    "kom erbij: chat_whatsapp*com/AbCdEf",
    "i n v i t e . w h a t s a p p . c o m/x",
  ])("refuses %j as an invite link", (value) => expect(inviteLinkProblem(value)).toBe(INVITE_LINK_MESSAGE))

  it.each([
    "https://tinyurl.com/abc123xyz",
    "kijk op bit.ly/3abcDEF",
    "t.ly/AbCd",
    "is.gd/abc",
    "goo.gl/maps/abc",
    "ow.ly/abc",
    "rebrand.ly/groep",
    "cutt.ly/abc",
    "shorturl.at/abcde",
    "tiny.cc/abc",
    "BIT.LY/abc",
    "bit\u3002ly/abc",
  ])("refuses the short link %j", (value) => expect(inviteLinkProblem(value)).toBe(SHORT_LINK_MESSAGE))

  it.each([
    "ik app je morgen",
    "whatsappgroep Berkenhof",
    "Wij hebben een WhatsApp-groep voor de straat, vraag de beheerder.",
    "Via whatsapp: bel me even als je thuis bent",
    "Dat is gd gedaan, habit.ly is geen host, tinyurlwinkel",
    "Het chatgesprek ging over de app, whatsapp en de computer",
  ])("lets %j pass", (value) => expect(inviteLinkProblem(value)).toBeNull())

  it("names each field with its own reason", () => {
    expect(findInviteLinkProblems({ first_name: "Anouk", message: "zie bit.ly/x", extra: ["whatsapp://chat?code=A"] })).toEqual([
      { path: ["message"], message: SHORT_LINK_MESSAGE },
      { path: ["extra", "0"], message: INVITE_LINK_MESSAGE },
    ])
  })
})

describe("containsLinkOrEmail (group names and places, issue 24 item 8)", () => {
  it.each([
    "Prijs gewonnen, claim op evil.example/win",
    "Buurt evil.nl",
    "Buurt https://x.y",
    "Buurt www.voorbeeld",
    "Mail winnaar@voorbeeld.nl",
    "Mail winnaar (at) voorbeeld . nl",
    "Buurt bit.ly/abc",
    "Buurt evil . nl",
    "Buurt evil\uFF0Eexample/win",
    "Buurt evil\u3002example",
    "Buurt ev\u200Bil.exa\u00ADmple",
    "Buurt ｅｖｉｌ．ｃｏｍ",
    "Buurt EVIL.COM",
    // issue 24, second look: other dot- and comma-like separators, bracketed and spelled-out dots
    "Buurt evil\u2E33com",
    "Buurt evil\u201Anl",
    "Buurt evil\u066Bnl",
    "Buurt evil\u066Cnl",
    "Buurt evil\u060Cnl",
    "Buurt evil\u3001nl",
    "Buurt evil\uFF0Cnl",
    "Buurt evil\uFE50nl",
    "Buurt evil\u2E34nl",
    "Buurt evil\u0589nl",
    "Buurt evil\u1362nl",
    "Buurt evil\u2024nl",
    "Buurt evil\u2056nl",
    "Buurt evil\u2E30nl",
    "Buurt evil\u00B7nl",
    "Buurt evil[.]nl",
    "Buurt evil [.] nl",
    "Buurt evil(.)nl",
    "Buurt evil{.}nl",
    "Buurt evil<.>nl",
    "Buurt evil [ . ] example",
    "Buurt evil[dot]nl",
    "Buurt evil (dot) nl",
    "Buurt evil (punt) nl",
    "Buurt evil dot nl",
    "Buurt evil DOT com",
    "Buurt evil punt nl",
    "Buurt evil Punt Com",
    "Buurt evil  punt  be",
    "Buurt evil dot example dot com",
    "Buurt evil. nl",
    "Buurt ｅｖｉｌ［．］ｎｌ",
    "winnaar (at) evil (dot) nl",
    // issue 24, the attacker's walk of the merged shop
    "Buurt evil..nl",
    "Buurt evil. . nl",
    "Buurt evil.c0m",
    "Buurt evil.n1",
    "Buurt evil,com",
    "Buurt evil,nl",
    "Buurt evil.c\u0585m",
    "Buurt \uA4F0\uA4E6\uA4F2\uA4E1.\uA4E0\uA4E1",
    "Buurt 203.0.113.7",
    "Buurt st.com",
    "Buurt dr.evil.nl",
  ])("refuses %j", (name) => {
    expect(containsLinkOrEmail(name)).toBe(true)
  })

  it.each([
    "Buurtpreventie Lindenlaan e.o.",
    "W.A.B.P. Lindenlaan",
    "Buurtpreventie St. Jansweg",
    "Buurtpreventie 't Zand 2.0",
    "Buurtpreventie Dr. Lelylaan",
    "WhatsApp Buurtpreventie Lindenlaan e.o. Utrecht",
    "Fase 2.3 West",
    "Buurtpreventie De Punt",
    "Buurtpreventie De Punt de Meern",
    "Buurtpreventie Punt en Dot",
    "Oud-Zuid",
    "Buurtpreventie Oud\u2010Zuid",
    "St. Jansstraat",
    "Buurtpreventie St. Jansstraat e.o.",
    "WhatsApp Buurtpreventie 't Hofke",
    "WhatsApp Buurtpreventie \u2018t Hofke",
    "Buurtpreventie 's-Hertogenbosch Noord",
    "Buurtpreventie Noord. De Bilt",
    "Buurtpreventie Oost, Noord en West",
    "Buurtpreventie Oost,Noord",
    "Buurtpreventie Súdwest-Fryslân",
    "Buurtpreventie (Oost) Dorp",
    "Buurtpreventie [Noord] Dorp",
    "Kerkbuurt \u2013 Dorp",
    "Buurtpreventie Stip",
    "Buurtpreventie St.Annaparochie",
    "Buurtpreventie Dr.Lelylaan",
    "Mr.Visserplein",
    "Burg.Bosstraat e.o.",
    "Buurtpreventie Oost,Noord",
    "Wacht... en zie",
    "Fase 2.3.1 West",
  ])("accepts %j", (name) => {
    expect(containsLinkOrEmail(name)).toBe(false)
  })
})
