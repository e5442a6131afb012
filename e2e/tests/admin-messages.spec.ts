import AxeBuilder from "@axe-core/playwright"
import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test"
import fs from "node:fs"
import path from "node:path"
import {
  ADMIN_PASSWORD_FOR_TESTS,
  type ApiGroup,
  approvedGroupFor,
  mailsFor,
  setPasswordLink,
  signedInGroupAdmin,
} from "./support/group-admin"

/**
 * Issue #30: group admins reach each other through the shop. Per run (with and without
 * JavaScript), five approved groups share one postcode: admins A and B switch "Andere
 * beheerders mogen mij een bericht sturen" on in the browser, C and D through the API, E
 * leaves it off. A sends B a message from Buurgroepen (empty first: the backend's Dutch
 * errors), B reads the relayed mail (MAIL_DIR), follows its "Beantwoorden" link and replies,
 * A receives the reply by mail and sees both in Berichten; A passes a warning on to the three
 * reachable groups (B, C, D) and E receives nothing; the mail's "Melden" link works without a
 * login. With SHOTS_DIR set, screenshots at 390 px go there.
 *
 * After the stranger's walk (two admins on a 390 px phone, staff in the admin): the setting's
 * status says what is stored, also after saving and reloading; the signed-in header keeps its
 * links on one row; the forms start with the account's first name and, once sent, put the
 * focus on the result; a reply's errors name the reply; the relayed mails carry real links and
 * thread (a reply says who answered, In-Reply-To); the report page shows the message and, opened
 * again, when it was reported, and adds to that report; both pages word the
 * nearby rule alike. A second test walks staff's block (from the report, with its required reason,
 * a confirmation and the date) and a
 * report's "afgehandeld" in the admin, and what the blocked admin and the others then see.
 */

const BACKEND_URL = process.env.BACKEND_URL ?? "http://localhost:9000"
const PUBLISHABLE_KEY = process.env.PUBLISHABLE_KEY ?? ""
const PHONE = { width: 390, height: 844 }
const SHOTS_DIR = process.env.SHOTS_DIR
const SETTING = "Andere beheerders mogen mij een bericht sturen"

/** The page fits the 390 px phone (nothing scrolls sideways: WCAG 1.4.10), and its screenshot when SHOTS_DIR is set. */
async function shot(page: Page, name: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name}: no sideways scrolling at 390 px`).toBeLessThanOrEqual(PHONE.width)
  if (!SHOTS_DIR) return
  fs.mkdirSync(SHOTS_DIR, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS_DIR, name), fullPage: true })
}

/** Serious and critical axe violations, described so a failure says what and where. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
}

/** A demo group in `gemeente` (its place and postcode host this run's groups), from the store API. */
async function placeIn(request: APIRequestContext, gemeente: string): Promise<ApiGroup> {
  for (let offset = 0; offset < 1000; offset += 100) {
    const response = await request.get(`${BACKEND_URL}/store/groups?limit=100&offset=${offset}`, { headers: { "x-publishable-api-key": PUBLISHABLE_KEY } })
    expect(response.ok()).toBeTruthy()
    const { groups } = (await response.json()) as { groups: ApiGroup[] }
    const found = groups.find((g) => g.gemeente === gemeente)
    if (found) return found
    if (groups.length < 100) break
  }
  throw new Error(`no seeded group in ${gemeente}`)
}

/** An admin without a browser: staff approve the group, the password is set from the mail's token, signed in through the API. */
async function apiGroupAdmin(request: APIRequestContext, place: ApiGroup, label: string, switchOn: boolean) {
  const admin = await approvedGroupFor(request, place, label)
  const link = await setPasswordLink(admin.email)
  const reset = link.searchParams.get("token")!
  const set = await request.post(`${BACKEND_URL}/auth/customer/emailpass/update`, {
    headers: { authorization: `Bearer ${reset}` },
    data: { password: ADMIN_PASSWORD_FOR_TESTS },
  })
  expect(set.ok(), await set.text()).toBeTruthy()
  const signIn = await request.post(`${BACKEND_URL}/auth/customer/emailpass`, { data: { email: admin.email, password: ADMIN_PASSWORD_FOR_TESTS } })
  expect(signIn.ok(), await signIn.text()).toBeTruthy()
  const { token } = (await signIn.json()) as { token: string }
  if (switchOn) {
    const on = await request.post(`${BACKEND_URL}/store/my-group/groups/${admin.group.id}/messaging`, {
      headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": PUBLISHABLE_KEY },
      data: { enabled: true },
    })
    expect(on.ok(), await on.text()).toBeTruthy()
    expect(await on.json()).toEqual({ admin_messages_enabled: true })
  }
  return admin
}

/** A browser admin on a phone, signed in, with the setting switched on in "Mijn groep". */
async function browserAdmin(browser: Browser, request: APIRequestContext, place: ApiGroup, label: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: PHONE })
  const page = await context.newPage()
  const admin = await signedInGroupAdmin(browser, page, request, place, label)
  // signed in on a phone: the account and cart links share one row (the header wrapped to two: stranger's walk)
  const account = await page.getByTestId("account-link").boundingBox()
  const cart = await page.getByRole("banner").getByRole("link", { name: /Winkelmand/ }).boundingBox()
  expect(Math.abs(account!.y - cart!.y), "account and cart links on one row at 390 px").toBeLessThan(4)
  for (const target of [account!, cart!]) expect(Math.min(target.width, target.height)).toBeGreaterThanOrEqual(24) // WCAG 2.2 2.5.8
  const box = page.getByTestId("admin-messaging")
  await expect(box.getByLabel(SETTING)).not.toBeChecked()
  await expect(box.getByTestId("messaging-state")).toContainText("Opgeslagen: uit.")
  await box.getByLabel(SETTING).check()
  // the status says what is stored; with JavaScript a change not yet saved says so (stranger's walk)
  await expect(box.getByTestId("messaging-state")).toContainText("Opgeslagen: uit.")
  if (javaScriptEnabled) await expect(box.getByTestId("messaging-unsaved")).toContainText("Nog niet opgeslagen")
  await box.getByRole("button", { name: /Instelling opslaan/ }).click()
  await expect(page.getByTestId("notice")).toContainText("beheerders van groepen in de buurt kunnen je nu een bericht sturen")
  await expect(page.getByTestId("notice")).toBeFocused()
  // "Melding sluiten": only with JavaScript (without, it did nothing), and at least 24 × 24 px (WCAG 2.2 2.5.8; stranger's walk: 21 × 32)
  const close = page.getByTestId("notice").getByRole("button", { name: "Melding sluiten" })
  await expect(close).toHaveCount(javaScriptEnabled ? 1 : 0)
  if (javaScriptEnabled) {
    const size = (await close.boundingBox())!
    expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(44)
  }
  await expect(page).toHaveURL(/\/mijn-groep$/)
  await expect(box.getByLabel(SETTING)).toBeChecked()
  await expect(box.getByTestId("messaging-state")).toContainText("Opgeslagen: aan.")
  // who can write: admins of groups nearby, not of every approved group (stranger's walk)
  await expect(box.getByTestId("messaging-state")).toContainText("in de buurt (binnen 5 km of met een aangrenzende postcode")
  await expect(box.getByTestId("messaging-unsaved")).toBeEmpty()
  // and as stored on the next load
  await page.reload()
  await expect(box.getByLabel(SETTING)).toBeChecked()
  await expect(box.getByTestId("messaging-state")).toContainText("Opgeslagen: aan.")
  return { ...admin, context, page }
}

/** The newest relayed mail to `email` whose text has `text` (polled: mails go out from a workflow). */
async function relayedMail(email: string, text: string): Promise<string> {
  let found: string | undefined
  await expect
    .poll(() => (found = mailsFor(email).find((m) => m.includes(text))), { timeout: 20_000, message: `a mail to ${email} with "${text}"` })
    .toBeTruthy()
  return found!
}

/** The mail's headers with folded lines joined. */
const headersOf = (mail: string) => mail.slice(0, mail.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, " ")

/** A link in the mail to `pathname` on the storefront (its path and query). */
function linkIn(mail: string, pathname: RegExp): string {
  const url = [...mail.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => new URL(m[0])).find((u) => pathname.test(u.pathname))
  expect(url, `a link to ${pathname} in the mail`).toBeTruthy()
  return `${url!.pathname}${url!.search}`
}

for (const javaScriptEnabled of [true, false]) {
  const js = javaScriptEnabled ? "js" : "nojs"

  test(`admins of nearby groups message, reply and warn through the relay; an admin who left it off gets nothing (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({ browser, request }) => {
    test.skip(!process.env.MAIL_DIR, "needs MAIL_DIR (set by npm test)")
    test.setTimeout(300_000)
    // each run in its own town, far from the other's groups (which stay switched on)
    const place = await placeIn(request, javaScriptEnabled ? "Den Helder" : "Emmen")

    const a = await browserAdmin(browser, request, place, `a${js}`, javaScriptEnabled)
    const b = await browserAdmin(browser, request, place, `b${js}`, javaScriptEnabled)
    const c = await apiGroupAdmin(request, place, `c${js}`, true)
    const d = await apiGroupAdmin(request, place, `d${js}`, true)
    const e = await apiGroupAdmin(request, place, `e${js}`, false)
    await shot(a.page, `mijn-groep-instelling-${js}-390.png`)

    // A: Buurgroepen, 2 km by default, then 1 km; B reachable, E not
    const pa = a.page
    await pa.getByRole("link", { name: /^Buurgroepen/ }).click()
    await expect(pa).toHaveURL(new RegExp(`/mijn-groep/buurgroepen\\?groep=${a.group.id}$`))
    await expect(pa.getByRole("heading", { level: 1 })).toHaveText("Buurgroepen")
    await expect(pa.getByRole("link", { name: "2 km" })).toHaveAttribute("aria-current", "page")
    await pa.getByRole("link", { name: "1 km" }).click()
    await expect(pa.getByRole("link", { name: "1 km" })).toHaveAttribute("aria-current", "page")
    await expect(pa.getByRole("link", { name: "2 km" })).not.toHaveAttribute("aria-current", "page")
    const cardOf = (name: string) => pa.getByTestId("nearby-group").filter({ hasText: name })
    await expect(cardOf(b.name)).toContainText("gedeelde postcode")
    await expect(cardOf(b.name).getByTestId("nearby-reachable")).toHaveText("Bereikbaar")
    await expect(cardOf(e.name).getByTestId("nearby-reachable")).toHaveText("Niet bereikbaar")
    await expect(cardOf(e.name).getByRole("link", { name: /Stuur bericht/ })).toHaveCount(0)
    await expect(cardOf(e.name).getByTestId("nearby-not-reachable")).toHaveText("Deze beheerder ontvangt geen berichten van andere beheerders.")
    const nearbyRule = (await pa.getByTestId("nearby-rule").textContent())!.trim()
    expect(nearbyRule).toContain("aangrenzende postcode")
    await expect(cardOf(a.name)).toHaveCount(0)
    // never an admin's name, e-mail or phone number
    for (const secret of [b.email, e.email, "Bea Beheer", "12345678"]) await expect(pa.locator("main")).not.toContainText(secret)
    await shot(pa, `buurgroepen-${js}-390.png`)
    if (javaScriptEnabled) expect(await seriousViolations(pa)).toEqual([])

    // A writes to B: empty first, the backend's Dutch errors per field
    await cardOf(b.name).getByRole("link", { name: `Stuur bericht aan ${b.name}` }).click()
    await expect(pa.getByRole("heading", { level: 1 })).toHaveText(`Bericht aan ${b.name}`)
    // inside Buurgroepen: its tab is marked (stranger's walk: no tab was)
    await expect(pa.getByRole("navigation", { name: "Andere beheerders" }).getByRole("link", { name: "Buurgroepen" })).toHaveAttribute("aria-current", "true")
    // the limit is said before the field cuts a longer paste; with JavaScript a count
    await expect(pa.getByText("Minstens 10 en maximaal 2.000 tekens.")).toBeVisible()
    await expect(pa.getByTestId("character-count")).toHaveCount(javaScriptEnabled ? 1 : 0)
    // the first name starts as the account's (stranger's walk), and can be changed
    await expect(pa.getByLabel("Je voornaam")).toHaveValue("Bea")
    await pa.getByLabel("Je voornaam").fill("")
    await pa.getByRole("button", { name: "Bericht versturen" }).click()
    await expect(pa.getByTestId("error-summary")).toBeVisible()
    if (javaScriptEnabled) await expect(pa.getByTestId("error-summary")).toBeFocused()
    await expect(pa.getByTestId("error-first_name")).toBeVisible()
    await expect(pa.getByTestId("error-message")).toBeVisible()
    await expect(pa.getByLabel("Je voornaam")).toHaveAttribute("aria-invalid", "true")
    await shot(pa, `bericht-fouten-${js}-390.png`)
    if (javaScriptEnabled) expect(await seriousViolations(pa)).toEqual([])
    const text = `Hoi buren, zullen we samen borden bestellen voor de kruising? (${js})`
    await pa.getByLabel("Je voornaam").fill("Anna")
    await pa.getByLabel("Je bericht").fill(text)
    if (javaScriptEnabled) await expect(pa.getByTestId("character-count")).toHaveText(`${text.length} van 2.000 tekens`)
    await pa.getByRole("button", { name: "Bericht versturen" }).click()
    await expect(pa).toHaveURL(new RegExp(`/mijn-groep/berichten/[^/?]+\\?groep=${a.group.id}$`))
    await expect(pa.getByTestId("notice")).toContainText("Je bericht is verstuurd.")
    // the focus lands on the result, not at the top of the page (stranger's walk)
    await expect(pa.getByTestId("notice")).toBeFocused()
    await expect(pa.getByTestId("thread-message")).toHaveCount(1)
    await expect(pa.getByTestId("thread-body")).toHaveText(text)

    // B's mail: group and first name, the text, links to answer and report; no address of A anywhere
    const toB = await relayedMail(b.email, text)
    expect(headersOf(toB)).toMatch(new RegExp(`^Subject: Bericht van Anna van ${a.name}`, "m"))
    expect(headersOf(toB)).not.toMatch(/^Reply-To:/im)
    expect(toB).not.toContain(a.email)
    expect(toB).not.toContain("12345678")
    // real links in the HTML part, and a Message-ID for threading
    expect(toB).toMatch(/Beantwoorden: <a href="https?:\/\/[^"]+\/mijn-groep\/berichten\/[^"]+">/)
    expect(toB).toMatch(/Melden: <a href="https?:\/\/[^"]+\/berichten\/melden\/[^"]+">/)
    const firstId = /^Message-ID: (<admmsg_[^>]+>)$/m.exec(headersOf(toB))?.[1]
    expect(firstId, "the relayed mail's Message-ID").toBeTruthy()
    const answerLink = linkIn(toB, /^\/mijn-groep\/berichten\/[^/]+$/)
    const reportLink = linkIn(toB, /^\/berichten\/melden\/[^/]+$/)

    // B answers through the link (signed in already)
    const pb = b.page
    await pb.goto(answerLink)
    await expect(pb.getByTestId("thread-message")).toHaveCount(1)
    await expect(pb.getByRole("navigation", { name: "Andere beheerders" }).getByRole("link", { name: "Berichten" })).toHaveAttribute("aria-current", "true")
    await expect(pb.getByTestId("thread-message")).toContainText(`Van Anna (${a.name})`)
    await expect(pb.getByTestId("thread-body")).toHaveText(text)
    await shot(pb, `bericht-lezen-${js}-390.png`)
    if (javaScriptEnabled) expect(await seriousViolations(pb)).toEqual([])
    await expect(pb.getByLabel("Je voornaam")).toHaveValue("Bea")
    // too short: the error names the reply, under "Je antwoord" (stranger's walk: "Je bericht moet…")
    await pb.getByLabel("Je antwoord").fill("Top!")
    await pb.getByRole("button", { name: "Antwoord versturen" }).click()
    await expect(pb.getByTestId("error-message")).toHaveText(/Je antwoord moet minstens 10 tekens lang zijn/)
    // whom the answer goes to is said above the form (stranger's walk: it never said)
    await expect(pb.getByTestId("reply-recipient")).toHaveText(`Je antwoord gaat naar ${a.name}.`)
    await expect(pb.getByTestId("reply-choice")).toHaveCount(0)
    const reply = `Goed plan Anna, ik vraag het in onze groep. (${js})`
    await pb.getByLabel("Je voornaam").fill("Bram")
    await pb.getByLabel("Je antwoord").fill(reply)
    await pb.getByRole("button", { name: "Antwoord versturen" }).click()
    await expect(pb.getByTestId("notice")).toContainText(`Je antwoord is verstuurd naar ${a.name}.`)
    await expect(pb.getByTestId("notice")).toBeFocused()
    await expect(pb.getByTestId("thread-message")).toHaveCount(2)
    await expect(pb.getByTestId("thread-message").last()).toContainText(reply)
    // the sent reply does not stay in the field (it invited a second send with JavaScript: stranger's walk)
    await expect(pb.getByLabel("Je antwoord")).toHaveValue("")

    // A receives the reply by mail, without B's address, and sees both in Berichten
    const toA = await relayedMail(a.email, reply)
    expect(headersOf(toA)).not.toMatch(/^Reply-To:/im)
    // who answered (the first mail's subject named A herself: stranger's walk), threaded under the first mail by its headers
    expect(headersOf(toA).replace(/\r?\n[ \t]+/g, " ")).toContain(`Subject: Antwoord van Bram (${b.name}) op je bericht`)
    expect(headersOf(toA)).toContain(`In-Reply-To: ${firstId}`)
    expect(toA).not.toContain(b.email)
    await pa.goto(`/mijn-groep/berichten?groep=${a.group.id}`)
    await expect(pa.getByRole("link", { name: "Berichten", exact: true })).toHaveAttribute("aria-current", "page")
    // one row for the conversation, with its newest message and reply count (stranger's walk: a row per message)
    await expect(pa.getByTestId("message-item")).toHaveCount(1)
    const conversation = pa.getByTestId("message-item").filter({ hasText: `Gesprek met ${b.name}` })
    await expect(conversation.getByTestId("message-latest")).toContainText(`van Bram (${b.name})`)
    await expect(conversation.getByTestId("message-replies")).toHaveText("1 antwoord")
    await expect(conversation.getByRole("link", { name: /^Lezen en beantwoorden/ })).toBeVisible()

    // A warns: the rules beside the form, 1 km reaches B, C and D (E is switched off)
    await pa.getByRole("link", { name: "Waarschuwen" }).click()
    await expect(pa).toHaveURL(new RegExp(`/mijn-groep/waarschuwen\\?groep=${a.group.id}$`))
    const rules = pa.getByTestId("warning-rules")
    await expect(rules).toContainText("Bel eerst 112")
    await expect(rules).toContainText("101")
    await expect(rules).toContainText("Noem geen namen en deel geen foto's of beschrijvingen van verdachten")
    await expect(pa.getByTestId("warn-count-1")).toHaveText("3 bereikbare buurgroepen")
    // which groups, by name and place (stranger's walk: only a count)
    for (const admin of [b, c, d]) await expect(pa.getByTestId("warn-recipients-1")).toContainText(admin.name)
    await expect(pa.getByTestId("warn-recipients")).not.toContainText(e.name)
    await expect(pa.getByText("Minstens 10 en maximaal 500 tekens.", { exact: false })).toBeVisible()
    // the same words for what counts as nearby as on Buurgroepen (the pages contradicted each other)
    await expect(pa.getByTestId("nearby-rule")).toContainText(nearbyRule)
    await expect(pa.getByLabel("Je voornaam")).toHaveValue("Bea")
    await pa.getByRole("radio", { name: /^1 km/ }).check()
    const warning = `Vannacht ingebroken in de Lindelaan, achterdeur geforceerd. 112 is gebeld. (${js})`
    await pa.getByLabel("Je voornaam").fill("Anna")
    await pa.getByLabel("Je waarschuwing").fill(warning)
    await shot(pa, `waarschuwen-${js}-390.png`)
    if (javaScriptEnabled) expect(await seriousViolations(pa)).toEqual([])
    await pa.getByRole("button", { name: "Waarschuwing versturen" }).click()
    await expect(pa).toHaveURL(new RegExp(`/mijn-groep/berichten\\?groep=${a.group.id}$`))
    await expect(pa.getByTestId("notice")).toContainText("Je waarschuwing is verstuurd naar 3 buurgroepen.")
    await expect(pa.getByTestId("notice")).toBeFocused()
    const listed = pa.getByTestId("message-item").first()
    await expect(listed.getByTestId("message-kind")).toHaveText("Waarschuwing")
    await expect(listed.getByTestId("message-title")).toHaveText("Waarschuwing aan 3 buurgroepen")
    // the sender's history names the groups it went to, as a list of its own
    const receivers = listed.getByRole("list", { name: "Verstuurd aan" })
    await expect(receivers.getByRole("listitem")).toHaveCount(3)
    for (const admin of [b, c, d]) await expect(receivers).toContainText(admin.name)
    await expect(receivers).not.toContainText(e.name)
    await shot(pa, `berichten-${js}-390.png`)

    for (const admin of [b, c, d]) {
      const mail = await relayedMail(admin.email, warning)
      expect(headersOf(mail)).toMatch(new RegExp(`^Subject: Waarschuwing van Anna van ${a.name}`, "m"))
      expect(mail).toContain("112")
      expect(mail).not.toContain(a.email)
    }
    // E left the setting off: no message, no warning (the others' mails are in, so E's would be too)
    const forE = mailsFor(e.email)
    expect(forE.filter((m) => m.includes(warning) || m.includes(text) || /^Subject: (Bericht|Waarschuwing) van /m.test(headersOf(m)))).toEqual([])

    // B answers the warning: A's page of it is headed by the warning, not by the one group that
    // answered (stranger's walk: "Berichten met" B); B's page keeps naming A
    const warningToB = await relayedMail(b.email, warning)
    await pb.goto(linkIn(warningToB, /^\/mijn-groep\/berichten\/[^/]+$/))
    await expect(pb.getByRole("heading", { level: 1 })).toHaveText(`Berichten met ${a.name}`)
    const warningReply = `Dank je Anna, we letten extra op in onze straat. (${js})`
    await pb.getByLabel("Je voornaam").fill("Bram")
    await pb.getByLabel("Je antwoord").fill(warningReply)
    await pb.getByRole("button", { name: "Antwoord versturen" }).click()
    await expect(pb.getByTestId("notice")).toContainText(`Je antwoord is verstuurd naar ${a.name}.`)
    await pa.goto(`/mijn-groep/berichten?groep=${a.group.id}`)
    const warned = pa.getByTestId("message-item").filter({ hasText: "Waarschuwing aan 3 buurgroepen" })
    await expect(warned.getByTestId("message-replies")).toHaveText("1 antwoord")
    await warned.getByRole("link", { name: /^Lezen en beantwoorden/ }).click()
    await expect(pa.getByRole("heading", { level: 1 })).toHaveText("Waarschuwing aan 3 buurgroepen")
    await expect(pa.getByTestId("thread-message")).toHaveCount(2)
    await expect(pa.getByTestId("thread-message").last()).toContainText(`Van Bram (${b.name})`)
    await expect(pa.getByRole("list", { name: "Verstuurd aan" }).getByRole("listitem")).toHaveCount(3)
    await shot(pa, `waarschuwing-gesprek-${js}-390.png`)
    if (javaScriptEnabled) expect(await seriousViolations(pa)).toEqual([])
    // the page's title is its heading (stranger's walk: every conversation was "Bericht")
    await expect(pa).toHaveTitle(/^Waarschuwing aan 3 buurgroepen \| /)
    await expect(pa.getByTestId("reply-recipient")).toHaveText(`Je antwoord gaat naar ${b.name}.`)

    // C answers the warning too: A chooses whom to answer, and only that group receives it
    // (stranger's walk: the answer went silently to the newest group only)
    const warningToC = await relayedMail(c.email, warning)
    const cMessage = linkIn(warningToC, /^\/mijn-groep\/berichten\/[^/]+$/).match(/\/mijn-groep\/berichten\/([^/?]+)/)![1]
    const cSignIn = await request.post(`${BACKEND_URL}/auth/customer/emailpass`, { data: { email: c.email, password: ADMIN_PASSWORD_FOR_TESTS } })
    const cToken = ((await cSignIn.json()) as { token: string }).token
    const cReply = `Hier ook gezien, we houden de achterkant in de gaten. (${js})`
    const cAnswered = await request.post(`${BACKEND_URL}/store/my-group/groups/${c.group.id}/messages/${cMessage}/reply`, {
      headers: { authorization: `Bearer ${cToken}`, "x-publishable-api-key": PUBLISHABLE_KEY },
      data: { first_name: "Cor", message: cReply },
    })
    expect(cAnswered.ok(), await cAnswered.text()).toBeTruthy()
    await pa.reload()
    await expect(pa.getByTestId("thread-message")).toHaveCount(3)
    await expect(pa.getByTestId("reply-recipient")).toHaveCount(0)
    const choice = pa.getByRole("group", { name: "Antwoorden aan" })
    await expect(choice.getByRole("radio")).toHaveCount(2)
    // the newest group first, and checked
    await expect(choice.getByRole("radio", { name: c.name })).toBeChecked()
    await expect(choice.getByRole("radio", { name: b.name })).not.toBeChecked()
    await choice.getByRole("radio", { name: b.name }).check()
    const answer = `Dank Bram, fijn dat jullie meekijken. (${js})`
    await pa.getByLabel("Je voornaam").fill("Anna")
    await pa.getByLabel("Je antwoord").fill(answer)
    await shot(pa, `antwoord-kiezen-${js}-390.png`)
    if (javaScriptEnabled) {
      expect(await seriousViolations(pa)).toEqual([])
      // a reply_to that is not offered: a field error, nothing sent, the text kept
      await choice.getByRole("radio", { name: b.name }).evaluate((el) => ((el as HTMLInputElement).value = "admmsg_not_in_this_thread"))
      await pa.getByRole("button", { name: "Antwoord versturen" }).click()
      await expect(pa.getByTestId("error-reply_to")).toHaveText("Kies aan welke groep je antwoord gaat.")
      await expect(pa.getByTestId("error-summary")).toBeFocused()
      await expect(pa.getByLabel("Je antwoord")).toHaveValue(answer)
      await expect(pa.getByTestId("thread-message")).toHaveCount(3)
      await pa.reload()
      await pa.getByRole("group", { name: "Antwoorden aan" }).getByRole("radio", { name: b.name }).check()
      await pa.getByLabel("Je voornaam").fill("Anna")
      await pa.getByLabel("Je antwoord").fill(answer)
    }
    await pa.getByRole("button", { name: "Antwoord versturen" }).click()
    await expect(pa.getByTestId("notice")).toContainText(`Je antwoord is verstuurd naar ${b.name}.`)
    await expect(pa.getByTestId("thread-message")).toHaveCount(4)
    const toBAnswer = await relayedMail(b.email, answer)
    expect(toBAnswer).not.toContain(a.email)
    // B's mail is in, so C's would be too
    expect(mailsFor(c.email).filter((m) => m.includes(answer))).toEqual([])
    expect(mailsFor(d.email).filter((m) => m.includes(answer))).toEqual([])

    // a second conversation with B: each conversation's link has a name of its own (stranger's
    // walk: screen readers listed "Lezen: Gesprek met B" twice)
    const aSignIn = await request.post(`${BACKEND_URL}/auth/customer/emailpass`, { data: { email: a.email, password: ADMIN_PASSWORD_FOR_TESTS } })
    const aToken = ((await aSignIn.json()) as { token: string }).token
    const second = `Zien jullie ook die bestelbus in de Dorpsstraat? (${js})`
    const sentAgain = await request.post(`${BACKEND_URL}/store/my-group/groups/${a.group.id}/messages`, {
      headers: { authorization: `Bearer ${aToken}`, "x-publishable-api-key": PUBLISHABLE_KEY },
      data: { to_group_id: b.group.id, first_name: "Anna", message: second },
    })
    expect(sentAgain.ok(), await sentAgain.text()).toBeTruthy()
    await pa.goto(`/mijn-groep/berichten?groep=${a.group.id}`)
    const withB = pa.getByTestId("message-item").filter({ hasText: `Gesprek met ${b.name}` })
    await expect(withB).toHaveCount(2)
    const readLinks = pa.getByTestId("message-list").getByRole("link", { name: /^Lezen/ })
    await expect(readLinks).toHaveCount(3)
    const linkNames = await readLinks.evaluateAll((links) => links.map((l) => l.getAttribute("aria-label") ?? ""))
    expect(new Set(linkNames).size, linkNames.join(" | ")).toBe(3)
    const escaped = b.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    const when = "\\d{1,2} [a-z]+ \\d{4}, \\d\\d:\\d\\d"
    // named by how each conversation started (and when its newest message came), "Lezen:" without a space before the colon
    await expect(withB.first().getByRole("link")).toHaveAccessibleName(
      new RegExp(`^Lezen: Gesprek met ${escaped}, begonnen ${when}: “Zien jullie ook die bestelbus.*”$`),
    )
    await expect(withB.last().getByRole("link")).toHaveAccessibleName(
      new RegExp(`^Lezen en beantwoorden: Gesprek met ${escaped}, begonnen ${when}: “Hoi buren, zullen we samen borden.*”, laatste bericht ${when}$`),
    )
    const warnedCard = pa.getByTestId("message-item").filter({ hasText: "Waarschuwing aan 3 buurgroepen" })
    await expect(warnedCard.getByRole("link")).toHaveAccessibleName(
      new RegExp(`^Lezen en beantwoorden: Waarschuwing aan 3 buurgroepen, begonnen ${when}: “Vannacht ingebroken in de Lindelaan.*”, laatste bericht ${when}$`),
    )
    // how it started, visibly too
    await expect(warnedCard.getByTestId("message-first")).toContainText("Vannacht ingebroken in de Lindelaan")
    await shot(pa, `berichten-gesprekken-${js}-390.png`)

    // the "Melden" link works without a login
    const visitor = await browser.newContext({ javaScriptEnabled, viewport: PHONE })
    const pv = await visitor.newPage()
    // the "Beantwoorden" link signed out: the sign-in page says why (stranger's walk: plain /inloggen)
    await pv.goto(answerLink)
    await expect(pv).toHaveURL(/\/inloggen\?terug=/)
    await expect(pv.getByTestId("sign-in-reason")).toHaveText("Log in om het bericht te lezen en te beantwoorden.")
    const opened = await pv.goto(reportLink)
    expect(opened!.headers()["referrer-policy"]).toBe("strict-origin")
    await expect(pv.getByRole("heading", { level: 1 })).toHaveText("Bericht melden")
    // which message: the sending group, first name, date and text; no address (stranger's walk)
    const reported = pv.getByTestId("reported-message")
    await expect(reported.getByTestId("reported-from")).toHaveText(`Van Anna, van ${a.name} (${place.woonplaats})`)
    await expect(reported.getByTestId("reported-body")).toHaveText(text)
    await expect(reported.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/)
    await expect(pv.locator("main")).not.toContainText(a.email)
    await pv.getByLabel(/Wat is er mis met dit bericht/).fill("Dit is een test van de meldlink.")
    await shot(pv, `melden-${js}-390.png`)
    if (javaScriptEnabled) expect(await seriousViolations(pv)).toEqual([])
    await pv.getByRole("button", { name: "Bericht melden" }).click()
    await expect(pv).toHaveURL(/\/berichten\/gemeld$/)
    await expect(pv.getByRole("heading", { level: 1 })).toHaveText("Bedankt voor je melding")
    // the link again: the page says it was reported, and when; what is added reaches the report (stranger's walk: it was dropped)
    await pv.goto(reportLink)
    await expect(pv.getByTestId("form-info")).toHaveText(/^Je hebt dit bericht al gemeld op \d{1,2} [a-z]+ \d{4}\. Wil je nog iets toevoegen\?$/)
    await pv.getByLabel(/Wat wil je toevoegen aan je melding/).fill("En hij dreigt ook.")
    await pv.getByRole("button", { name: "Aanvulling versturen" }).click()
    await expect(pv).toHaveURL(/\/berichten\/gemeld\?aangevuld=1$/)
    await expect(pv.getByTestId("form-info")).toContainText("We hebben je aanvulling ontvangen")
    // a mistyped or cut-off link: still a 404, with what to check and links on (stranger's walk: a dead end)
    const unknown = await pv.goto(`${reportLink.slice(0, -3)}xyz`)
    expect(unknown!.status()).toBe(404)
    await expect(pv.getByRole("heading", { level: 1 })).toHaveText("Meldlink niet gevonden")
    await expect(pv.getByTestId("form-error")).toHaveText("Deze meldlink is onbekend of het bericht is verwijderd.")
    await expect(pv.getByTestId("report-link-unknown")).toContainText("Open de link Melden opnieuw vanuit de e-mail")
    const onward = pv.getByRole("navigation", { name: "Verder" })
    await expect(onward.getByRole("link", { name: "Neem contact op met de winkel" })).toHaveAttribute("href", "/contact")
    await expect(onward.getByRole("link", { name: "Terug naar de winkel" })).toHaveAttribute("href", "/")
    await expect(pv.locator("main").getByRole("button")).toHaveCount(0)
    await shot(pv, `melden-onbekend-${js}-390.png`)
    if (javaScriptEnabled) expect(await seriousViolations(pv)).toEqual([])
    await onward.getByRole("link", { name: "Neem contact op met de winkel" }).click()
    await expect(pv).toHaveURL(/\/contact$/)
    await visitor.close()

    await a.context.close()
    await b.context.close()
  })
}

test("staff block an admin with a reason and mark a report handled in the admin; the blocked admin is told why, and can still be reached", async ({
  browser,
  request,
}) => {
  test.skip(!process.env.MAIL_DIR, "needs MAIL_DIR (set by npm test)")
  test.setTimeout(300_000)
  const place = await placeIn(request, "Harderwijk")
  const a = await browserAdmin(browser, request, place, "blok-a", true)
  // nobody near A receives messages yet: no link to a form that could only be refused, and the
  // warning page says why and what to do instead of the form (stranger's walk)
  await a.page.goto(`/mijn-groep/buurgroepen?groep=${a.group.id}`)
  await expect(a.page.getByTestId("warn-none")).toContainText("ook niet binnen 5 km")
  await expect(a.page.getByRole("link", { name: /Schrijf een waarschuwing/ })).toHaveCount(0)
  await a.page.goto(`/mijn-groep/waarschuwen?groep=${a.group.id}`)
  await expect(a.page.getByTestId("no-warning-recipients")).toContainText(SETTING)
  await expect(a.page.getByTestId("no-warning-recipients")).toContainText("112")
  await expect(a.page.getByRole("button", { name: "Waarschuwing versturen" })).toHaveCount(0)
  await shot(a.page, "waarschuwen-niemand-390.png")
  const b = await browserAdmin(browser, request, place, "blok-b", true)

  // A writes B (through the store API, signed in as A); B reports it from the mail's link
  const signIn = await request.post(`${BACKEND_URL}/auth/customer/emailpass`, { data: { email: a.email, password: ADMIN_PASSWORD_FOR_TESTS } })
  const aToken = ((await signIn.json()) as { token: string }).token
  const text = `Jullie groep stelt niks voor, opdoeken! (${Date.now()})`
  const sent = await request.post(`${BACKEND_URL}/store/my-group/groups/${a.group.id}/messages`, {
    headers: { authorization: `Bearer ${aToken}`, "x-publishable-api-key": PUBLISHABLE_KEY },
    data: { to_group_id: b.group.id, first_name: "Anna", message: text },
  })
  expect(sent.ok(), await sent.text()).toBeTruthy()
  const token = /\/berichten\/melden\/([A-Za-z0-9_-]+)/.exec(await relayedMail(b.email, text))![1]
  const reported = await request.post(`${BACKEND_URL}/store/admin-messages/report`, {
    headers: { "x-publishable-api-key": PUBLISHABLE_KEY },
    data: { token, reason: "Scheldt ons uit" },
  })
  expect(reported.ok(), await reported.text()).toBeTruthy()

  // staff in the admin: the report is open; they mark it handled
  const staff = await browser.newContext()
  const admin = await staff.newPage()
  await admin.goto(`${BACKEND_URL}/app`)
  await admin.locator('input[name="email"]').fill(process.env.ADMIN_EMAIL ?? "admin@buurtpreventie.local")
  await admin.locator('input[name="password"]').fill(process.env.ADMIN_PASSWORD ?? "buurtpreventie")
  await admin.locator('button[type="submit"]').click()
  await expect(admin).toHaveURL(/\/app\/orders/, { timeout: 30_000 })
  await admin.goto(`${BACKEND_URL}/app/admin-messages`)
  const report = admin.locator("article").filter({ hasText: text })
  await expect(report.getByTestId("report-status")).toHaveText("Open", { timeout: 30_000 })
  await report.getByRole("button", { name: "Markeer als afgehandeld" }).click()
  await expect(report.getByTestId("report-status")).toHaveText(/^Afgehandeld op /)
  await expect(report.getByRole("button", { name: "Weer openen" })).toBeVisible()

  // from the report to the sender group's blocking section (stranger's walk: no way to act on the sender)
  await report.getByRole("link", { name: "Afzender blokkeren…" }).click()
  await expect(admin).toHaveURL(new RegExp(`/app/groups/${a.group.id}#berichten$`))

  // staff block A there: the reason is required and says its minimum; blocking asks first; then shown with the reason and the date
  const section = admin.getByTestId("messaging-section")
  await expect(section.getByRole("button", { name: "Berichten blokkeren" })).toBeDisabled({ timeout: 30_000 })
  await expect(section.getByLabel("Reden van de blokkade (verplicht)")).toBeVisible()
  await expect(section).toContainText("Minstens 3 tekens.")
  await section.getByLabel(/Reden van de blokkade/).fill("ab")
  await expect(section.getByRole("button", { name: "Berichten blokkeren" })).toBeDisabled()
  await section.getByLabel(/Reden van de blokkade/).fill("Scheldt andere beheerders uit")
  await section.getByRole("button", { name: "Berichten blokkeren" }).click()
  const confirm = admin.getByRole("alertdialog")
  await expect(confirm).toContainText("Berichten blokkeren?")
  await confirm.getByRole("button", { name: "Annuleren" }).click()
  await expect(section).toContainText("Toegestaan")
  await section.getByRole("button", { name: "Berichten blokkeren" }).click()
  await admin.getByRole("alertdialog").getByRole("button", { name: "Blokkeren" }).click()
  await expect(section.getByRole("button", { name: "Blokkade opheffen" })).toBeVisible()
  await expect(section).toContainText("Geblokkeerd sinds")
  await expect(section).toContainText("Scheldt andere beheerders uit")
  await staff.close()

  // A, blocked: told they cannot send, why, and where to ask (a link to the shop's contact page);
  // the others are shown as they are (B receives messages), without a link to write
  const pa = a.page
  await pa.goto(`/mijn-groep/buurgroepen?groep=${a.group.id}&km=1`)
  const notice = pa.getByTestId("messaging-blocked")
  await expect(notice).toContainText("Je kunt geen berichten meer sturen")
  await expect(notice.getByRole("link", { name: "Neem contact op met de winkel" })).toHaveAttribute("href", "/contact")
  const bCard = pa.getByTestId("nearby-group").filter({ hasText: b.name })
  await expect(bCard.getByTestId("nearby-reachable")).toHaveText("Bereikbaar")
  await expect(bCard.getByRole("link", { name: /Stuur bericht/ })).toHaveCount(0)
  await expect(bCard).not.toContainText("ontvangt geen berichten")
  await shot(pa, "buurgroepen-geblokkeerd-390.png")
  expect(await seriousViolations(pa)).toEqual([])
  // the warning page: the block first, above the rules, and no form (stranger's walk: ~1,200 px down at 390 px)
  await pa.goto(`/mijn-groep/waarschuwen?groep=${a.group.id}`)
  const blockedAt = (await pa.getByTestId("messaging-blocked").boundingBox())!
  const rulesAt = (await pa.getByTestId("warning-rules").boundingBox())!
  expect(blockedAt.y).toBeLessThan(rulesAt.y)
  expect(blockedAt.y).toBeLessThan(PHONE.height)
  await expect(pa.getByRole("button", { name: "Waarschuwing versturen" })).toHaveCount(0)
  await shot(pa, "waarschuwen-geblokkeerd-390.png")
  // the message form: no intro saying how the mail goes above the block
  await pa.goto(`/mijn-groep/buurgroepen/${b.group.id}/bericht?groep=${a.group.id}`)
  await expect(pa.getByTestId("messaging-blocked")).toBeVisible()
  await expect(pa.locator("main")).not.toContainText("Je bericht gaat per e-mail")
  // Berichten: B writes A (A still receives); A may read, not answer
  const bSignIn = await request.post(`${BACKEND_URL}/auth/customer/emailpass`, { data: { email: b.email, password: ADMIN_PASSWORD_FOR_TESTS } })
  const bToken = ((await bSignIn.json()) as { token: string }).token
  const toA = await request.post(`${BACKEND_URL}/store/my-group/groups/${b.group.id}/messages`, {
    headers: { authorization: `Bearer ${bToken}`, "x-publishable-api-key": PUBLISHABLE_KEY },
    data: { to_group_id: a.group.id, first_name: "Bram", message: "Wij hebben jullie bericht gemeld, sorry." },
  })
  expect(toA.ok(), await toA.text()).toBeTruthy()
  await pa.goto(`/mijn-groep/berichten?groep=${a.group.id}`)
  await expect(pa.getByTestId("message-item")).toHaveCount(2)
  await expect(pa.getByRole("link", { name: /^Lezen en beantwoorden/ })).toHaveCount(0)
  await expect(pa.getByTestId("message-item").filter({ hasText: "Wij hebben jullie bericht gemeld" }).getByRole("link", { name: /^Lezen/ })).toBeVisible()
  await pa.goto(`/mijn-groep`)
  await expect(pa.getByTestId("admin-messaging").getByTestId("messaging-blocked").getByRole("link", { name: "Neem contact op met de winkel" })).toBeVisible()

  // B sees A as reachable: a block stops sending, not receiving (stranger's walk)
  const pb = b.page
  await pb.goto(`/mijn-groep/buurgroepen?groep=${b.group.id}&km=1`)
  const aCard = pb.getByTestId("nearby-group").filter({ hasText: a.name })
  await expect(aCard.getByTestId("nearby-reachable")).toHaveText("Bereikbaar")
  await expect(aCard.getByRole("link", { name: `Stuur bericht aan ${a.name}` })).toBeVisible()
  await a.context.close()
  await b.context.close()
})

test("the privacy statement says what admins' messages share and what they do not", async ({ page }) => {
  await page.goto("/privacyverklaring")
  await expect(page.getByRole("heading", { name: "Als beheerders elkaar een bericht sturen" })).toBeVisible()
  const section = page.locator("main")
  await expect(section).toContainText("de naam van je groep, de voornaam die je bij het bericht invult en je bericht zelf")
  await expect(section).toContainText("je e-mailadres en je telefoonnummer")
  await expect(section).toContainText(SETTING)
})
