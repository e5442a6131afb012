/**
 * The group directory's e-mails, in Dutch: pure functions from a group to the
 * notification's `content` (subject, text, html). The Notification Module's
 * "email" provider sends `content` as it is.
 */
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { postcodesLabel } from "../../lib/dutch-list"
import { escapeHtml as esc } from "../../lib/html"
import { adminGroupUrl, groupPageUrl, type MailLinks } from "./settings"
import { groupStatusLabel } from "../../modules/neighbourhood-group/utils/status"
import type { FarPoint } from "../../modules/neighbourhood-group/utils/geo"
import type { RenderedMail } from "../../modules/notification-mail/templates"

export const GROUP_MAIL_TEMPLATES = {
  registrationConfirm: "group-registration-confirm",
  registeredAdmin: "group-registered-admin",
  registeredStaff: "group-registered-staff",
  approved: "group-approved",
  rejected: "group-rejected",
  contact: "group-contact",
  accountSetPassword: "group-account-set-password",
  accountSignIn: "group-account-sign-in",
  passwordResetCustomer: "password-reset-customer",
  passwordResetStaff: "password-reset-staff",
  changesRejected: "group-changes-rejected",
  // admin to admin (issue 30; workflows/admin-messages/emails.ts)
  adminMessage: "group-admin-message",
  adminWarning: "group-admin-warning",
  adminMessageReported: "group-admin-message-reported",
} as const

/** A composed mail (subject, text, html), as the "email" provider sends it. */
export type MailContent = RenderedMail

/** What the e-mails need of a group (the admin's own data included: these go to the admin or staff). */
export type GroupForMail = {
  id: string
  name: string
  slug: string
  woonplaats: string
  gemeente: string
  postcodes: string[]
  member_count: number
  admin_name: string
  admin_email: string
  admin_phone: string
  rejection_reason?: string | null
  /** set on a registration that probably duplicates another group (staff mail only) */
  possible_duplicate_of?: { id: string; name: string; slug: string; status: string } | null
}

/** What a mail to a group's admin alone needs: whom to greet and where to send it. */
export type GroupAdminContact = Pick<GroupForMail, "id" | "name"> & { admin_name: string | null; admin_email: string | null }

/** The Query fields of GroupAdminContact. */
export const GROUP_ADMIN_CONTACT_FIELDS = ["id", "name", "admin_name", "admin_email"]

const SITE = "Buurtpreventie Shop"

/**
 * Double opt-in: the only mail before the registrant has shown the address is theirs.
 * Neutral on purpose: nothing the registrant typed (no group name, no name), so the form
 * cannot be used to mail a stranger a text or a link of one's choice.
 */
export function registrationConfirmMail(link: string, hours: number): MailContent {
  return mail("Bevestig je e-mailadres voor je groepsaanmelding", [
    "Hallo,",
    mailLink(
      `Iemand heeft dit e-mailadres opgegeven bij het aanmelden van een buurtpreventiegroep op ${SITE}. Was jij dat? Bevestig dan je e-mailadres via deze link (${hours} uur geldig, één keer te gebruiken):`,
      link,
      { lineBreak: true }
    ),
    "Pas na je bevestiging bekijken we de aanmelding.",
    "Heb je niets aangemeld? Dan kun je deze e-mail negeren. Zonder bevestiging verwijderen we de aanmelding en je e-mailadres na " +
      `${hours} uur, en krijg je van ons geen e-mail meer over deze aanmelding.`,
    `Met vriendelijke groet,\n${SITE}`,
  ])
}

export function registeredAdminMail(group: GroupForMail): MailContent {
  return mail(`We hebben je aanmelding van "${group.name}" ontvangen`, [
    `Hallo ${group.admin_name},`,
    `Bedankt voor het aanmelden van je buurtpreventiegroep "${group.name}" in ${group.woonplaats} (${postcodesLabel(group.postcodes)}).`,
    "Een medewerker bekijkt je aanmelding, meestal binnen twee werkdagen. Je krijgt bericht zodra je groep op de kaart staat.",
    "Buurtbewoners die willen meedoen, sturen je een bericht via het contactformulier op de groepspagina. Je e-mailadres en telefoonnummer tonen we nooit op de site: jij beslist wie je toevoegt.",
    "Deel nooit de uitnodigingslink van je groep op internet. Wie de link heeft, kan zonder jouw toestemming meelezen en de telefoonnummers van je buren zien.",
    `Met vriendelijke groet,\n${SITE}`,
  ])
}

/**
 * `far`: the group's point lies far from its postcodes; the registrant confirmed it at
 * registration (requireConfirmedFarPoint), and staff should look at the map before approving.
 */
export function registeredStaffMail(group: GroupForMail, settings: MailLinks, far: FarPoint | null = null): MailContent {
  const duplicate = group.possible_duplicate_of
  return mail(
    `${duplicate ? "Mogelijk dubbele" : "Nieuwe"} buurtgroep wacht op beoordeling: ${group.name}`,
    [
      mailLink("Er is een nieuwe buurtpreventiegroep aangemeld. Beoordeel de aanmelding in de beheeromgeving:", adminGroupUrl(settings, group.id)),
      ...(duplicate
        ? [
            `Let op: dit is mogelijk dezelfde groep als "${duplicate.name}" (${groupStatusLabel(duplicate.status)}), met dezelfde naam voor een overlappende postcode: ${adminGroupUrl(settings, duplicate.id)}. ` +
              "De aanmelder heeft daar niets over gehoord; neem contact op als het om dezelfde groep gaat.",
          ]
        : []),
      ...(far
        ? [
            `Let op: het punt op de kaart ligt ${far.distance_km} km van de postcodes van de groep (het dichtst bij ${far.pc4}). ` +
              "De aanmelder heeft bevestigd dat het punt klopt; bekijk de kaart voordat je de groep goedkeurt.",
          ]
        : []),
    ],
    [
      ["Naam", group.name],
      ["Woonplaats", group.woonplaats],
      ["Gemeente", group.gemeente],
      ["Postcodes", group.postcodes.join(", ")],
      ["Leden", String(group.member_count)],
      ["Beheerder", group.admin_name],
      ["E-mail", group.admin_email],
      ["Telefoon", group.admin_phone],
    ]
  )
}


export function approvedMail(group: GroupForMail, settings: MailLinks): MailContent {
  return mail(`Je buurtgroep "${group.name}" staat op de kaart`, [
    `Hallo ${group.admin_name},`,
    mailLink(`Goed nieuws: we hebben "${group.name}" goedgekeurd. Je groep staat nu in het overzicht van buurtpreventiegroepen:`, groupPageUrl(settings, group.slug)),
    "Buurtbewoners kunnen je via het contactformulier op die pagina een bericht sturen. Je antwoordt gewoon per e-mail; je adres zien ze pas als je antwoordt.",
    `Met vriendelijke groet,\n${SITE}`,
  ])
}

export function rejectedMail(group: GroupForMail): MailContent {
  return mail(`Je aanmelding van "${group.name}" is niet goedgekeurd`, [
    `Hallo ${group.admin_name},`,
    `We hebben je aanmelding van "${group.name}" bekeken en kunnen de groep helaas niet in het overzicht opnemen.`,
    `De reden: ${group.rejection_reason ?? "niet opgegeven"}`,
    "Heb je vragen of kun je de aanmelding aanpassen? Beantwoord dan deze e-mail of meld de groep opnieuw aan.",
    `Met vriendelijke groet,\n${SITE}`,
  ])
}

export function contactMail(
  group: Pick<GroupForMail, "name" | "admin_name">,
  sender: { name: string; email: string; message: string }
): MailContent {
  return mail(
    `Bericht van een buurtbewoner over "${group.name}"`,
    [
      `Hallo ${group.admin_name},`,
      // The sender's name is their own words: quoted and named as such, never part of the shop's sentence.
      `Een buurtbewoner die zich "${sender.name}" noemt (${sender.email}) stuurde je via ${SITE} een bericht over je buurtpreventiegroep "${group.name}". Het bericht hieronder komt van die buurtbewoner, niet van ons:`,
      sender.message,
      "Beantwoord deze e-mail om de buurtbewoner te antwoorden. Je e-mailadres ziet de buurtbewoner pas als je antwoordt.",
      "Voeg alleen mensen toe die je kunt plaatsen, en stuur de uitnodigingslink van je groep nooit naar iemand die je niet kent.",
      `Met vriendelijke groet,\n${SITE}`,
    ],
    undefined,
    { quoteIndex: 2 }
  )
}

/** Staff did not take over an admin's change of name or location: the listing stays as it was. */
export function changesRejectedMail(group: { name: string; admin_name: string | null }, reason: string | null): MailContent {
  return mail(`Je wijziging van "${group.name}" is niet overgenomen`, [
    `Hallo${group.admin_name ? ` ${group.admin_name}` : ""},`,
    `Je vroeg om de naam of de plek van je buurtgroep "${group.name}" te wijzigen. We hebben die wijziging bekeken en niet overgenomen; je groep staat nog zoals eerst in het overzicht.`,
    ...(reason ? [`De reden: ${reason}`] : []),
    'Je kunt een nieuwe wijziging aanvragen op "Mijn groep". Heb je vragen? Beantwoord dan deze e-mail.',
    `Met vriendelijke groet,\n${SITE}`,
  ])
}

/** How long the set-password link in the account e-mail works (workflows/my-group/steps/create-set-password-token.ts). */
export const SET_PASSWORD_LINK_DAYS = 7

/** After approval, for a new account: set a password to manage the group on "Mijn groep". */
export function accountSetPasswordMail(
  group: Pick<GroupForMail, "name" | "admin_name">,
  links: { setPassword: string; forgotPassword: string }
): MailContent {
  return mail(`Stel je wachtwoord in voor "Mijn groep"`, [
    `Hallo${group.admin_name ? ` ${group.admin_name}` : ""},`,
    `Je buurtgroep "${group.name}" is goedgekeurd. Met een eigen account beheer je de groep voortaan zelf op "Mijn groep": naam, buurt, aantal leden en de plek op de kaart. Daar bestel je ook borden en stickers voor je groep.`,
    mailLink(`Stel eerst een wachtwoord in via deze link (${SET_PASSWORD_LINK_DAYS} dagen geldig, één keer te gebruiken):`, links.setPassword, { lineBreak: true }),
    mailLink("Is de link verlopen? Vraag dan een nieuwe aan:", links.forgotPassword),
    "Heb je deze groep niet aangemeld? Dan kun je deze e-mail negeren.",
    `Met vriendelijke groet,\n${SITE}`,
  ])
}

/** After approval, for an existing account (a password is set): the group is on "Mijn groep". */
export function accountSignInMail(group: Pick<GroupForMail, "name" | "admin_name">, links: { signIn: string; forgotPassword: string }): MailContent {
  return mail(`Beheer "${group.name}" op "Mijn groep"`, [
    `Hallo${group.admin_name ? ` ${group.admin_name}` : ""},`,
    mailLink(`Je buurtgroep "${group.name}" staat nu ook bij je account. Log in met je e-mailadres en wachtwoord om de groep te beheren:`, links.signIn),
    mailLink("Wachtwoord vergeten? Vraag een nieuw aan:", links.forgotPassword),
    `Met vriendelijke groet,\n${SITE}`,
  ])
}

/** Medusa's reset-password flow for a group admin (customer): a link to the storefront. */
export function customerPasswordResetMail(link: string): MailContent {
  return mail("Je wachtwoord opnieuw instellen", [
    "Hallo,",
    mailLink(`Je vroeg om een nieuw wachtwoord voor je account bij ${SITE}. Stel het in via deze link (15 minuten geldig, één keer te gebruiken):`, link, { lineBreak: true }),
    "Heb je dit niet gevraagd? Dan kun je deze e-mail negeren: je wachtwoord blijft hetzelfde.",
    `Met vriendelijke groet,\n${SITE}`,
  ])
}

/** Medusa's reset-password flow for staff: a link to the admin's own reset page. */
export function staffPasswordResetMail(link: string): MailContent {
  return mail("Wachtwoord van de beheeromgeving opnieuw instellen", [
    "Hallo,",
    mailLink(
      `Er is gevraagd om een nieuw wachtwoord voor je login op de beheeromgeving van ${SITE}. Stel het in via deze link (15 minuten geldig, één keer te gebruiken):`,
      link,
      { lineBreak: true }
    ),
    "Heb je dit niet gevraagd? Dan kun je deze e-mail negeren.",
    `Met vriendelijke groet,\n${SITE}`,
  ])
}

/**
 * A paragraph that is a link: in the text part "label url", in the HTML part the label and
 * a real link (both escaped). Only for the shop's own addresses: someone else's words stay text.
 */
export type MailLink = { label: string; href: string; lineBreak?: boolean }

/**
 * A link paragraph ("Beantwoorden:" and the address); `lineBreak`: the address on its own line
 * below the label (in the text part as in the HTML part).
 */
export const mailLink = (label: string, href: string, options: { lineBreak?: boolean } = {}): MailLink => ({
  label,
  href,
  ...(options.lineBreak ? { lineBreak: true } : {}),
})

/**
 * Paragraphs (and label/value rows) as a mail's text and HTML; `quoteIndex` marks the
 * paragraphs that are someone's own words (quoted, never a link); a MailLink paragraph becomes a real link in the HTML.
 */
export function mail(
  subject: string,
  paragraphs: (string | MailLink)[],
  details?: [string, string][],
  options: { quoteIndex?: number | number[] } = {}
): MailContent {
  const quoted = new Set(options.quoteIndex === undefined ? [] : [options.quoteIndex].flat())
  const plain = paragraphs.map((p) => (typeof p === "string" ? p : `${p.label}${p.lineBreak ? "\n" : " "}${p.href}`))
  const detailText = details?.length ? ["", ...details.map(([k, v]) => `${k}: ${v}`)] : []
  const text = [...plain.flatMap((p, i) => (i === 0 ? [p] : ["", p])), ...detailText, ""].join("\n")
  const htmlParagraphs = paragraphs
    .map((p, i) =>
      typeof p !== "string"
        ? `<p>${esc(p.label).replace(/\n/g, "<br>")}${p.lineBreak ? "<br>" : " "}<a href="${esc(p.href)}">${esc(p.href)}</a></p>`
        : quoted.has(i)
          ? `<blockquote style="border-left:3px solid #d1d5db;margin:0;padding-left:12px">${esc(p).replace(/\n/g, "<br>")}</blockquote>`
          : `<p>${esc(p).replace(/\n/g, "<br>")}</p>`
    )
    .join("\n")
  const htmlDetails = details?.length
    ? `<table cellpadding="4" style="border-collapse:collapse">\n${details
        .map(([k, v]) => `<tr><th style="text-align:left">${esc(k)}</th><td>${esc(v).replace(/\n/g, "<br>")}</td></tr>`)
        .join("\n")}\n</table>`
    : ""
  const html = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>${esc(subject)}</title></head>
<body style="font-family:sans-serif;color:#1f2937">
${htmlParagraphs}
${htmlDetails}
</body>
</html>
`
  return { subject, text, html }
}

/** An e-mail about a group as the Notification Module records it ("email" channel, content composed here). */
export function groupNotification(
  group: { id: string; name: string },
  mail: { to: string; template: string; content: MailContent; trigger: string; idempotencyKey?: string; replyTo?: { name: string; address: string } }
): CreateNotificationDTO {
  return {
    to: mail.to,
    channel: "email",
    template: mail.template,
    content: mail.content,
    ...(mail.replyTo ? { provider_data: { reply_to: mail.replyTo } } : {}),
    data: { group_id: group.id, group_name: group.name, subject: mail.content.subject },
    trigger_type: `neighbourhood_group.${mail.trigger}`,
    resource_id: group.id,
    resource_type: "neighbourhood_group",
    ...(mail.idempotencyKey ? { idempotency_key: mail.idempotencyKey } : {}),
  }
}
