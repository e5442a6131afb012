/**
 * The mails of admin-to-admin messages (issue 30), in Dutch: pure functions from a message
 * to the notification's content. What the receiver learns of the sender is the group's
 * name and place and the first name the sender typed: never an address or phone number
 * (no Reply-To either); answers go through the shop's reply page.
 */
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { formatDateNl } from "../../lib/html"
import { adminGroupUrl, type MailLinks } from "../groups/settings"
import { mail, mailLink, type MailContent } from "../groups/emails"

const SITE = "Buurtpreventie Shop"

/** Where the receiver reads the thread and answers (signed in on "Mijn groep"). */
export const replyUrl = (links: Pick<MailLinks, "storefrontUrl">, messageId: string) =>
  `${links.storefrontUrl}/mijn-groep/berichten/${encodeURIComponent(messageId)}`
/** Where the receiver reports the message to staff, without signing in: the token is the proof. */
export const reportUrl = (links: Pick<MailLinks, "storefrontUrl">, token: string) =>
  `${links.storefrontUrl}/berichten/melden/${encodeURIComponent(token)}`

export type MessageForMail = {
  id: string
  kind: "message" | "reply" | "warning"
  sender_first_name: string
  body: string
  report_token: string
}
export type GroupNameForMail = { name: string; woonplaats: string }

/** The subject of a conversation's first mail: "Bericht van Anouk van Buurtpreventie Oost". */
export const firstMailSubject = (original: { kind: "message" | "warning"; sender_first_name: string; group_name: string }) =>
  `${original.kind === "warning" ? "Waarschuwing" : "Bericht"} van ${original.sender_first_name} van ${original.group_name}`

/**
 * A reply's subject says who answered, from the receiver's side ("Antwoord van Bram
 * (Buurtpreventie Lange Nieuwstraat) op je bericht"): the first mail's subject named the
 * receiver themself. The headers (mailThread) keep the conversation together.
 */
export const replySubject = (message: Pick<MessageForMail, "sender_first_name">, from: GroupNameForMail) =>
  `Antwoord van ${message.sender_first_name} (${from.name}) op je bericht`

/** The receiver's own message below a reply: at most this many characters, cut at a word. */
export const ANSWERED_QUOTE_MAX = 300

/** "…" after the last whole word within `max` characters, white space collapsed. */
export function shortQuote(text: string, max = ANSWERED_QUOTE_MAX): string {
  const flat = text.replace(/\s+/g, " ").trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(" ")
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, "")}…`
}

/**
 * The headers that let mail clients thread a conversation (RFC 5322): each relayed mail's
 * Message-ID names its message (`<admmsg_…@shop host>`); a reply's In-Reply-To names the
 * message it answers and References the whole chain from the first one. Ids only: nothing
 * about the people.
 */
export type MailThread = { message_id: string; in_reply_to?: string; references?: string[] }

export const mailMessageId = (links: Pick<MailLinks, "storefrontUrl">, messageId: string) => `<${messageId}@${mailHost(links)}>`

/** `chain`: the ids of the messages this one answers, the first mail first and the answered one last. */
export function mailThread(links: Pick<MailLinks, "storefrontUrl">, messageId: string, chain: readonly string[] = []): MailThread {
  const ids = chain.slice(-20).map((id) => mailMessageId(links, id))
  return { message_id: mailMessageId(links, messageId), ...(ids.length ? { in_reply_to: ids.at(-1)!, references: ids } : {}) }
}

function mailHost(links: Pick<MailLinks, "storefrontUrl">): string {
  try {
    return new URL(links.storefrontUrl).hostname || "buurtpreventie.invalid"
  } catch {
    return "buurtpreventie.invalid"
  }
}

const PRIVACY_LINE =
  "Je antwoord gaat via de winkel: jullie e-mailadressen en telefoonnummers blijven verborgen, tenzij je ze zelf in een bericht zet."

/**
 * A message or reply to one group's admin. A reply says who answered (subject and first
 * line) and quotes, below it, the receiver's own message it answers (`answered`), shortly.
 */
export function adminMessageMail(
  message: MessageForMail,
  from: GroupNameForMail,
  to: { admin_name: string | null },
  links: Pick<MailLinks, "storefrontUrl">,
  answered: { body: string } | null = null
): MailContent {
  const isReply = message.kind === "reply"
  const ownMessage = isReply && answered ? ["Jouw bericht:", shortQuote(answered.body)] : []
  return mail(
    isReply ? replySubject(message, from) : firstMailSubject({ kind: "message", sender_first_name: message.sender_first_name, group_name: from.name }),
    [
      `Hallo${to.admin_name ? ` ${to.admin_name}` : ""},`,
      // the first name is the sender's own words: quoted, never part of the shop's sentence
      `${isReply ? "Een antwoord" : "Een bericht"} van de beheerder van de buurtpreventiegroep "${from.name}" (${from.woonplaats}), die zich "${message.sender_first_name}" noemt. Het ${isReply ? "antwoord" : "bericht"} hieronder komt van die beheerder, niet van ons:`,
      message.body,
      ...ownMessage,
      mailLink("Beantwoorden:", replyUrl(links, message.id)),
      PRIVACY_LINE,
      mailLink("Is dit bericht ongepast? Melden:", reportUrl(links, message.report_token)),
      isReply
        ? "Je krijgt dit antwoord omdat je dit gesprek via Mijn groep bent begonnen."
        : 'Je krijgt dit bericht omdat je op "Mijn groep" hebt aangezet: "Andere beheerders mogen mij een bericht sturen". Daar kun je het ook weer uitzetten.',
      `Met vriendelijke groet,\n${SITE}`,
    ],
    undefined,
    { quoteIndex: ownMessage.length ? [2, 4] : 2 }
  )
}

/** The rules of conduct for a warning, as the form shows them beside it. */
export const WARNING_RULES =
  "Noem geen namen en deel geen foto's of beschrijvingen van verdachten. Zie je iets verdachts of is er gevaar? Bel eerst 112."

/** A warning passed on to a nearby group's admin ("Waarschuw buurgroepen"). */
export function adminWarningMail(
  message: MessageForMail,
  from: GroupNameForMail,
  to: { admin_name: string | null },
  km: number,
  links: Pick<MailLinks, "storefrontUrl">
): MailContent {
  return mail(
    firstMailSubject({ kind: "warning", sender_first_name: message.sender_first_name, group_name: from.name }),
    [
      `Hallo${to.admin_name ? ` ${to.admin_name}` : ""},`,
      `De beheerder van de buurtpreventiegroep "${from.name}" (${from.woonplaats}), die zich "${message.sender_first_name}" noemt, waarschuwt de buurgroepen binnen ${km} km. De waarschuwing hieronder komt van die beheerder, niet van ons:`,
      message.body,
      // lower case after the colon, as Dutch writes it
      `Geef je de waarschuwing door in je eigen groep? Houd je dan aan de gedragsregels: ${WARNING_RULES[0].toLowerCase()}${WARNING_RULES.slice(1)}`,
      mailLink("Beantwoorden:", replyUrl(links, message.id)),
      PRIVACY_LINE,
      mailLink("Is dit bericht ongepast? Melden:", reportUrl(links, message.report_token)),
      'Je krijgt dit bericht omdat je op "Mijn groep" hebt aangezet: "Andere beheerders mogen mij een bericht sturen". Daar kun je het ook weer uitzetten.',
      `Met vriendelijke groet,\n${SITE}`,
    ],
    undefined,
    { quoteIndex: 2 }
  )
}

/**
 * To staff: a receiver reported a relayed message, or added to their report (`addition`: what
 * came now; the report's reason holds every reason so far). Group names and the text, no addresses.
 */
export function messageReportedMail(
  report: { reason: string | null },
  message: MessageForMail & { created_at: Date | string; from_group_id: string; to_group_id: string },
  from: GroupNameForMail,
  to: GroupNameForMail,
  links: MailLinks,
  addition: { reason: string | null; reopened: boolean } | null = null
): MailContent {
  const intro = addition
    ? `De beheerder van "${to.name}" heeft een melding aangevuld over een bericht dat de beheerder van "${from.name}" via de winkel stuurde.${
        addition.reopened ? " De melding was afgehandeld en staat nu weer open." : ""
      }`
    : `De beheerder van "${to.name}" heeft een bericht gemeld dat de beheerder van "${from.name}" via de winkel stuurde.`
  return mail(
    `${addition ? "Melding aangevuld" : "Bericht tussen beheerders gemeld"}: ${from.name}`,
    [
      intro,
      message.body,
      mailLink("Blokkeer de afzender zo nodig op de groepspagina in de beheeromgeving (Berichten blokkeren):", `${adminGroupUrl(links, message.from_group_id)}#berichten`),
    ],
    [
      ["Van groep", `${from.name} (${from.woonplaats})`],
      ["Voornaam afzender", message.sender_first_name],
      ["Aan groep", `${to.name} (${to.woonplaats})`],
      ["Soort", { message: "bericht", reply: "antwoord", warning: "waarschuwing" }[message.kind]],
      ["Verstuurd", formatDateNl(message.created_at, true)],
      ...(addition ? ([["Aanvulling", addition.reason ?? "opnieuw gemeld, zonder reden"]] as [string, string][]) : []),
      ["Reden van de melding", report.reason ?? "niet opgegeven"],
    ],
    { quoteIndex: 1 }
  )
}

/**
 * The notification record of a relayed mail: about the message (resource), so erasure finds
 * it by the message's id; the data holds ids only, never the text or the first name. `thread`
 * goes to the mail provider as the threading headers.
 */
export function adminMessageNotification(
  to: string,
  template: string,
  content: MailContent,
  message: { id: string; kind: string },
  trigger: string,
  idempotencyKey = `admin-message-${trigger}:${message.id}`,
  thread?: MailThread
): CreateNotificationDTO {
  return {
    to,
    channel: "email",
    template,
    content,
    ...(thread ? { provider_data: { thread } } : {}),
    data: { message_id: message.id, kind: message.kind },
    trigger_type: `admin_message.${trigger}`,
    resource_id: message.id,
    resource_type: "admin_message",
    idempotency_key: idempotencyKey,
  }
}
