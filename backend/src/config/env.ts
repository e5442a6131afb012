/**
 * The one place that turns environment variables into the backend's settings: nothing
 * else in backend/src reads process.env. medusa-config.ts calls readBackendEnv() at
 * start, which validates every section (a bad value stops the start with one line);
 * code that runs later calls the section reader it needs (readShopSettings(),
 * readSeller(), …), which reads the current environment the same way. Unit tests call
 * each reader with a plain object.
 */
import fs from "node:fs"
import { isIP } from "node:net"
import path from "node:path"

export const DEFAULT_SECRET = "supersecret-local-only"

const LOCAL_STOREFRONT = "http://localhost:3000"
const LOCAL_ADMIN = "http://localhost:9000,http://localhost:5173"

export type BackendEnv = {
  /** Unset while building; the start scripts check the connection before Medusa starts. */
  databaseUrl?: string
  databaseSsl: boolean
  redisUrl?: string
  storeCors: string
  adminCors: string
  authCors: string
  jwtSecret: string
  cookieSecret: string
  stripeApiKey?: string
  stripeWebhookSecret?: string
  /**
   * STRIPE_API_BASE_URL: a Stripe-compatible server (tests: a loopback fake).
   * Unset: the real api.stripe.com, exactly as @medusajs/payment-stripe does.
   */
  stripeApiBaseUrl?: string
  /** Payment Module `webhook_delay` (ms) and `webhook_retries`; upstream defaults 5000 and 3. */
  paymentWebhookDelayMs: number
  paymentWebhookRetries: number
  /** Folder the mail provider writes `.eml` files into when SMTP_URL is unset (absolute). */
  mailDir: string
  /** SMTP_URL (e.g. smtps://user:pass@mail.example.nl:465): send mail instead of writing files. */
  smtpUrl?: string
  /** Sender of the shop's e-mail (MAIL_FROM). */
  mailFrom: string
  /** Sender of the mails about neighbourhood groups (MAIL_FROM_GROUPS; default groepen@ the domain of MAIL_FROM). */
  mailFromGroups: string
  workerMode: "shared" | "worker" | "server"
  disableAdmin: boolean
  backendUrl: string
  /** false only for plain-http local runs; behind TLS leave it unset. */
  cookieSecure?: boolean
  production: boolean
  /** TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For is believed (empty: none). */
  trustedProxies: TrustedProxy[]
  /** CLIENT_IP_SECRET: the storefront signs the visitor's address with it (unset: no signed addresses). */
  clientIpSecret?: string
  /**
   * PAY_ON_ACCOUNT=true: offer "Betalen op rekening" (Medusa's manual provider) even when
   * Stripe is configured. Without Stripe it is always offered (the only way to pay online).
   */
  payOnAccount: boolean
  /** Days after which an unpaid order on account gets a payment reminder (UNPAID_ORDER_REMINDER_DAYS, 7). */
  unpaidOrderReminderDays: number
  /** Days after which an unpaid order on account is cancelled, releasing its stock (UNPAID_ORDER_CANCEL_DAYS, 14). */
  unpaidOrderCancelDays: number
  /** Orders on invoice that staff leave unapproved: reminder and expiry (see readInvoiceApprovalSettings). */
  invoiceApproval: InvoiceApprovalSettings
  /** Orders per client address and per e-mail address (see readCheckoutLimitSettings). */
  checkoutLimits: CheckoutLimitSettings
  /** New carts (`POST /store/carts`) per client address per hour (CART_LIMIT_PER_ADDRESS, 60). */
  cartLimitPerAddress: number
  /** Group registrations per client address per hour (GROUP_REGISTRATION_LIMIT_PER_ADDRESS, 5). */
  registrationLimitPerAddress: number
  /** "Buurgroepen" lists per signed-in group admin per 10 minutes (NEARBY_GROUPS_LIMIT_PER_ACCOUNT, 120). */
  nearbyGroupsLimitPerAccount: number
  /** Report-link lookups per client address per hour (MESSAGE_REPORT_LOOKUP_LIMIT_PER_ADDRESS, 30). */
  messageReportLookupLimitPerAddress: number
  /** The sections read again at run time, validated here at start. */
  shop: ShopSettings
  seller: Seller
  reconcile: ReconcileSettings
  addressLookup: AddressLookupSettings
  /** DELIVERY_PROMISE, validated at start (readDeliveryPromise). */
  deliveryPromise: string
}

/** One entry of TRUSTED_PROXIES: an address or a CIDR block. */
export type TrustedProxy = { address: string; prefix: number; family: "ipv4" | "ipv6" }

/** Upstream defaults of the Payment Module (see @medusajs/medusa api/hooks/payment/[provider]/route.js). */
export const DEFAULT_WEBHOOK_DELAY_MS = 5000
export const DEFAULT_WEBHOOK_RETRIES = 3
export const DEFAULT_MAIL_FROM = "Buurtpreventie Shop <bestellingen@buurtpreventie.local>"

/**
 * The groups' sender when MAIL_FROM_GROUPS is unset: MAIL_FROM's display name with
 * groepen@ its domain ("Buurtpreventie Shop <bestellingen@shop.nl>" → "Buurtpreventie Shop <groepen@shop.nl>").
 */
export function defaultGroupsSender(mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim()
  const domain = address.slice(address.lastIndexOf("@") + 1)
  const name = /^(.*?)\s*</.exec(mailFrom)?.[1]?.trim()
  return name ? `${name} <groepen@${domain}>` : `groepen@${domain}`
}

export class ConfigError extends Error {
  name = "ConfigError"
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

/** The value as an http(s) URL; undefined when it is anything else. */
function httpUrl(value: string): URL | undefined {
  if (!URL.canParse(value)) return undefined
  const url = new URL(value)
  return url.protocol === "http:" || url.protocol === "https:" ? url : undefined
}

export function readBackendEnv(env: NodeJS.ProcessEnv = process.env): BackendEnv {
  const production = env.NODE_ENV === "production"
  const databaseUrl = nonEmpty(env.DATABASE_URL)
  const jwtSecret = nonEmpty(env.JWT_SECRET) ?? DEFAULT_SECRET
  const cookieSecret = nonEmpty(env.COOKIE_SECRET) ?? DEFAULT_SECRET
  const trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES)
  const clientIpSecret = nonEmpty(env.CLIENT_IP_SECRET)
  if (clientIpSecret && clientIpSecret.length < MIN_CLIENT_IP_SECRET_LENGTH) {
    throw new ConfigError(
      `CLIENT_IP_SECRET is too short (${clientIpSecret.length} characters): use at least ${MIN_CLIENT_IP_SECRET_LENGTH}, e.g. \`openssl rand -hex 32\``
    )
  }
  if (production) {
    // Every production problem in one line, so an operator fixes them all in one go.
    const problems: string[] = []
    if (env.ALLOW_DEFAULT_SECRETS !== "true") {
      const weak = [jwtSecret === DEFAULT_SECRET && "JWT_SECRET", cookieSecret === DEFAULT_SECRET && "COOKIE_SECRET"].filter(Boolean)
      if (weak.length) {
        problems.push(
          `${weak.join(" and ")} ${weak.length === 1 ? "is" : "are"} not set (the development default): set ${weak.length === 1 ? "it" : "each"} to a long random value (e.g. \`openssl rand -hex 32\`)`
        )
      }
    }
    problems.push(...unsafeProductionDefaults(env, clientIpSecret))
    if (problems.length) throw new ConfigError(`Refusing to start in production: ${problems.join("; ")}`)
  }

  const workerMode = (nonEmpty(env.MEDUSA_WORKER_MODE) ?? "shared") as BackendEnv["workerMode"]
  if (!["shared", "worker", "server"].includes(workerMode)) {
    throw new ConfigError(
      `MEDUSA_WORKER_MODE must be shared, worker or server, not "${env.MEDUSA_WORKER_MODE}"`
    )
  }

  const stripeApiKey = nonEmpty(env.STRIPE_API_KEY)
  const stripeApiBaseUrl = nonEmpty(env.STRIPE_API_BASE_URL)
  if (stripeApiBaseUrl) {
    const url = httpUrl(stripeApiBaseUrl)
    if (!url || (url.pathname !== "/" && url.pathname !== "")) {
      throw new ConfigError(
        `STRIPE_API_BASE_URL must be an http(s) origin such as http://127.0.0.1:12111, not "${env.STRIPE_API_BASE_URL}"`
      )
    }
    // A live key must never be sent anywhere but Stripe itself.
    if (stripeApiKey && /^(sk|rk)_live_/.test(stripeApiKey)) {
      throw new ConfigError("STRIPE_API_BASE_URL is for test servers: unset it when STRIPE_API_KEY is a live key")
    }
  }

  return {
    databaseUrl,
    databaseSsl: env.DATABASE_SSL === "true" || /[?&]sslmode=(require|verify-ca|verify-full)\b/.test(databaseUrl ?? ""),
    redisUrl: nonEmpty(env.REDIS_URL),
    storeCors: nonEmpty(env.STORE_CORS) ?? LOCAL_STOREFRONT,
    adminCors: nonEmpty(env.ADMIN_CORS) ?? LOCAL_ADMIN,
    authCors: nonEmpty(env.AUTH_CORS) ?? `${LOCAL_STOREFRONT},${LOCAL_ADMIN}`,
    jwtSecret,
    cookieSecret,
    stripeApiKey,
    stripeWebhookSecret: nonEmpty(env.STRIPE_WEBHOOK_SECRET),
    stripeApiBaseUrl,
    paymentWebhookDelayMs: positiveInteger("PAYMENT_WEBHOOK_DELAY_MS", env.PAYMENT_WEBHOOK_DELAY_MS, DEFAULT_WEBHOOK_DELAY_MS),
    paymentWebhookRetries: positiveInteger("PAYMENT_WEBHOOK_RETRIES", env.PAYMENT_WEBHOOK_RETRIES, DEFAULT_WEBHOOK_RETRIES),
    mailDir: readMailDir(env),
    smtpUrl: nonEmpty(env.SMTP_URL),
    mailFrom: nonEmpty(env.MAIL_FROM) ?? DEFAULT_MAIL_FROM,
    mailFromGroups: nonEmpty(env.MAIL_FROM_GROUPS) ?? defaultGroupsSender(nonEmpty(env.MAIL_FROM) ?? DEFAULT_MAIL_FROM),
    workerMode,
    disableAdmin: env.DISABLE_MEDUSA_ADMIN === "true" || workerMode === "worker",
    backendUrl: nonEmpty(env.MEDUSA_BACKEND_URL) ?? "/",
    cookieSecure: env.COOKIE_SECURE === "false" ? false : undefined,
    production,
    trustedProxies,
    clientIpSecret,
    ...unpaidOrderSettings(env),
    invoiceApproval: readInvoiceApprovalSettings(env),
    checkoutLimits: readCheckoutLimitSettings(env),
    cartLimitPerAddress: readCartLimitPerAddress(env),
    registrationLimitPerAddress: readRegistrationLimitPerAddress(env),
    nearbyGroupsLimitPerAccount: readNearbyGroupsLimitPerAccount(env),
    messageReportLookupLimitPerAddress: readMessageReportLookupLimitPerAddress(env),
    shop: readShopSettings(env),
    seller: readSeller(env),
    reconcile: readReconcileSettings(env),
    addressLookup: readAddressLookupEnv(env),
    deliveryPromise: readDeliveryPromise(env),
  }
}

/** MAIL_DIR (absolute), or the repository's `.data/mail`. */
export function readMailDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = nonEmpty(env.MAIL_DIR)
  return dir ? path.resolve(dir) : defaultMailDir()
}

/** Payment on account and the deadlines of unpaid orders on account (see src/jobs/unpaid-orders.ts). */
function unpaidOrderSettings(env: NodeJS.ProcessEnv) {
  const unpaidOrderReminderDays = positiveInteger("UNPAID_ORDER_REMINDER_DAYS", env.UNPAID_ORDER_REMINDER_DAYS, 7)
  const unpaidOrderCancelDays = positiveInteger("UNPAID_ORDER_CANCEL_DAYS", env.UNPAID_ORDER_CANCEL_DAYS, 14)
  if (unpaidOrderCancelDays <= unpaidOrderReminderDays) {
    throw new ConfigError(
      `UNPAID_ORDER_CANCEL_DAYS (${unpaidOrderCancelDays}) must be more than UNPAID_ORDER_REMINDER_DAYS (${unpaidOrderReminderDays}): the reminder comes before the cancellation`
    )
  }
  const raw = nonEmpty(env.PAY_ON_ACCOUNT)
  if (raw !== undefined && raw !== "true" && raw !== "false") {
    throw new ConfigError(`PAY_ON_ACCOUNT must be true or false, not "${env.PAY_ON_ACCOUNT}"`)
  }
  return { payOnAccount: raw === "true", unpaidOrderReminderDays, unpaidOrderCancelDays }
}

/**
 * Orders on invoice ("Op factuur") hold their stock until staff approve them. Anyone can
 * place one with a well-formed KvK number, so an order staff do not approve expires:
 * staff get a reminder after INVOICE_APPROVAL_REMINDER_DAYS (3) and the order is
 * cancelled, its stock released, after INVOICE_APPROVAL_EXPIRE_DAYS (7); see
 * src/jobs/invoice-approval.ts.
 */
export type InvoiceApprovalSettings = { reminderDays: number; expireDays: number }

export function readInvoiceApprovalSettings(env: NodeJS.ProcessEnv = process.env): InvoiceApprovalSettings {
  const reminderDays = positiveInteger("INVOICE_APPROVAL_REMINDER_DAYS", env.INVOICE_APPROVAL_REMINDER_DAYS, 3)
  const expireDays = positiveInteger("INVOICE_APPROVAL_EXPIRE_DAYS", env.INVOICE_APPROVAL_EXPIRE_DAYS, 7)
  if (expireDays <= reminderDays) {
    throw new ConfigError(
      `INVOICE_APPROVAL_EXPIRE_DAYS (${expireDays}) must be more than INVOICE_APPROVAL_REMINDER_DAYS (${reminderDays}): staff are reminded before the order expires`
    )
  }
  return { reminderDays, expireDays }
}

/**
 * How many orders (completed carts) one client address may place per hour
 * (ORDER_LIMIT_PER_ADDRESS, 10), and one e-mail address per hour and per day
 * (ORDER_LIMIT_PER_EMAIL, 5; ORDER_LIMIT_PER_EMAIL_DAY, 15). See
 * src/api/middlewares/checkout-limits.ts.
 */
export type CheckoutLimitSettings = { perAddressHour: number; perEmailHour: number; perEmailDay: number }

export function readCheckoutLimitSettings(env: NodeJS.ProcessEnv = process.env): CheckoutLimitSettings {
  const perEmailHour = positiveInteger("ORDER_LIMIT_PER_EMAIL", env.ORDER_LIMIT_PER_EMAIL, 5)
  const perEmailDay = positiveInteger("ORDER_LIMIT_PER_EMAIL_DAY", env.ORDER_LIMIT_PER_EMAIL_DAY, 15)
  if (perEmailDay < perEmailHour) {
    throw new ConfigError(`ORDER_LIMIT_PER_EMAIL_DAY (${perEmailDay}) must be at least ORDER_LIMIT_PER_EMAIL (${perEmailHour})`)
  }
  return { perAddressHour: positiveInteger("ORDER_LIMIT_PER_ADDRESS", env.ORDER_LIMIT_PER_ADDRESS, 10), perEmailHour, perEmailDay }
}

/**
 * How many carts one client address may create per hour (CART_LIMIT_PER_ADDRESS, 60): a
 * shopper needs one; every cart is a database row. See src/api/middlewares/limits.ts.
 */
export function readCartLimitPerAddress(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInteger("CART_LIMIT_PER_ADDRESS", env.CART_LIMIT_PER_ADDRESS, 60)
}

/**
 * How many groups one client address may register per hour (GROUP_REGISTRATION_LIMIT_PER_ADDRESS,
 * 5): a neighbourhood registers one; each registration mails its address. The e2e stack lifts it,
 * as it does the cart and order limits: its whole run registers from one address.
 */
export function readRegistrationLimitPerAddress(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInteger("GROUP_REGISTRATION_LIMIT_PER_ADDRESS", env.GROUP_REGISTRATION_LIMIT_PER_ADDRESS, 5)
}

/**
 * How many times one signed-in group admin may ask for the groups near theirs per 10 minutes
 * (NEARBY_GROUPS_LIMIT_PER_ACCOUNT, 120): a page asks once. `npm run bench:groups` lifts it
 * (ONE_ADDRESS_LIMITS) to time the list with thousands of requests from one admin.
 */
export function readNearbyGroupsLimitPerAccount(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInteger("NEARBY_GROUPS_LIMIT_PER_ACCOUNT", env.NEARBY_GROUPS_LIMIT_PER_ACCOUNT, 120)
}

/**
 * How many report links ("Melden", `GET /store/admin-messages/report/:token`) one client address
 * may look up per hour (MESSAGE_REPORT_LOOKUP_LIMIT_PER_ADDRESS, 30): a receiver opens one link
 * and perhaps reloads the page; unknown tokens count too, so guessing stays bounded beside the
 * token's 256 bits. Filing a report has its own budget (10 an hour per address).
 */
export function readMessageReportLookupLimitPerAddress(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInteger("MESSAGE_REPORT_LOOKUP_LIMIT_PER_ADDRESS", env.MESSAGE_REPORT_LOOKUP_LIMIT_PER_ADDRESS, 30)
}

/** The staff password `npm start` uses when ADMIN_PASSWORD is unset (backend/scripts/lib/medusa.mjs). */
export const DEFAULT_STAFF_PASSWORD = "buurtpreventie"
export const MIN_CLIENT_IP_SECRET_LENGTH = 32
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"])

/**
 * A run on this machine only: STOREFRONT_URL explicitly points at loopback (`npm start`,
 * the e2e stack, docker compose on localhost). Such a shop is unreachable for others, so
 * plain-http cookies, the default staff password and no proxy configuration are fine there.
 * A shop with a public address gets none of these exemptions.
 */
export function isLocalOnly(env: NodeJS.ProcessEnv): boolean {
  const raw = nonEmpty(env.STOREFRONT_URL)
  if (!raw) return false
  try {
    return LOOPBACK_HOSTS.has(new URL(raw).hostname)
  } catch {
    return false
  }
}

/**
 * NODE_ENV=production with a public address: refuse settings that are only safe on localhost.
 * - the default staff password (ADMIN_PASSWORD=buurtpreventie creates or documents a guessable login);
 * - COOKIE_SECURE=false (session cookies would travel over plain http);
 * - TRUSTED_PROXIES unset: a public shop normally sits behind a TLS proxy, and without the list
 *   every visitor would share the proxy's address in the rate limits (one stranger locks out all)
 *   or, worse, anyone could choose their address. `TRUSTED_PROXIES=none` says "no proxy" explicitly;
 * - CLIENT_IP_SECRET unset: the storefront could not pass on visitors' addresses, so all sign-ins
 *   through the shop would share the storefront's address and its budget;
 * - the fictional example company (COMPANY_*) on invoices and legal pages.
 * Returns the problems; readBackendEnv names them all in one line.
 */
function unsafeProductionDefaults(env: NodeJS.ProcessEnv, clientIpSecret: string | undefined): string[] {
  if (isLocalOnly(env)) return []
  const problems: string[] = []
  // Links in e-mails (group pages, account mails; staff moderation and password resets) are built from these.
  if (!absoluteUrl(nonEmpty(env.STOREFRONT_URL))) {
    problems.push("STOREFRONT_URL is not set: set it to the shop's public address (e.g. https://shop.example.nl)")
  }
  if (!absoluteUrl(nonEmpty(env.MEDUSA_ADMIN_URL)) && !absoluteUrl(nonEmpty(env.MEDUSA_BACKEND_URL))) {
    problems.push("MEDUSA_BACKEND_URL is not set: set it to the backend's public address (links in staff e-mails point at its admin)")
  }
  if (env.ADMIN_PASSWORD === DEFAULT_STAFF_PASSWORD) {
    problems.push("ADMIN_PASSWORD is the default staff password: choose your own")
  }
  if (env.COOKIE_SECURE?.trim() === "false") {
    problems.push("COOKIE_SECURE=false sends session cookies over plain http: serve the shop over HTTPS and unset it")
  }
  if (!nonEmpty(env.TRUSTED_PROXIES)) {
    problems.push(
      "TRUSTED_PROXIES is not set: list the addresses of your reverse proxies (e.g. TRUSTED_PROXIES=10.0.0.2 or 172.16.0.0/12), or TRUSTED_PROXIES=none when clients connect directly"
    )
  }
  if (!clientIpSecret) {
    problems.push("CLIENT_IP_SECRET is not set: give the backend and the storefront the same long random value (e.g. `openssl rand -hex 32`)")
  }
  const fictional = fictionalSellerDetails(env)
  if (fictional.length) {
    problems.push(
      `${fictional.join(", ")} ${fictional.length === 1 ? "is" : "are"} the fictional example company's: set your company's details (invoices, the footer and the legal pages show them)`
    )
  }
  return problems
}

/**
 * The COMPANY_* variables still at the fictional example company's values (unset counts too):
 * a public shop would print "Buurtpreventie Shop B.V., KvK 00000000" and a test IBAN on invoices.
 * The phone number is optional on an invoice and not checked.
 */
export function fictionalSellerDetails(env: NodeJS.ProcessEnv): string[] {
  const seller = readSeller(env)
  const checked: [string, keyof Seller][] = [
    ["COMPANY_NAME", "name"],
    ["COMPANY_ADDRESS", "address"],
    ["COMPANY_POSTCODE", "postcode"],
    ["COMPANY_CITY", "city"],
    ["COMPANY_KVK", "kvk"],
    ["COMPANY_BTW", "btw"],
    ["COMPANY_IBAN", "iban"],
    ["COMPANY_EMAIL", "email"],
  ]
  return checked.filter(([, field]) => seller[field] === DEFAULT_SELLER[field]).map(([name]) => name)
}

/**
 * TRUSTED_PROXIES: comma-separated addresses or CIDR blocks (`10.0.0.2, 172.16.0.0/12, ::1`),
 * `loopback` for 127.0.0.0/8 and ::1, or `none`. Unset means none: X-Forwarded-For is then ignored.
 */
export function parseTrustedProxies(raw: string | undefined): TrustedProxy[] {
  const value = nonEmpty(raw)
  if (!value || value.toLowerCase() === "none") return []
  const entries: TrustedProxy[] = []
  for (const item of value.split(",").map((part) => part.trim()).filter(Boolean)) {
    if (item.toLowerCase() === "loopback") {
      entries.push({ address: "127.0.0.0", prefix: 8, family: "ipv4" }, { address: "::1", prefix: 128, family: "ipv6" })
      continue
    }
    const [address = "", prefixText, extra] = item.split("/")
    const version = isIP(address)
    const max = version === 4 ? 32 : 128
    const prefix = prefixText === undefined ? max : Number(prefixText)
    if (!version || extra !== undefined || !/^\d{1,3}$/.test(prefixText ?? String(max)) || prefix > max) {
      throw new ConfigError(
        `TRUSTED_PROXIES: "${item}" is not an IP address or CIDR block (e.g. 10.0.0.2, 172.16.0.0/12, loopback or none)`
      )
    }
    entries.push({ address, prefix, family: version === 4 ? "ipv4" : "ipv6" })
  }
  return entries
}

/**
 * Reads a whole number ≥ 1. Upstream treats 0 as "use the default" (`delay || 5000`),
 * so 0 is refused rather than silently meaning 5 seconds.
 */
function positiveInteger(name: string, input: string | undefined, fallback: number): number {
  const raw = nonEmpty(input)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigError(`${name} must be a whole number of at least 1, not "${input}"`)
  }
  return value
}

/**
 * Default MAIL_DIR: `<repository root>/.data/mail`, next to the embedded database.
 *
 * Not derived from process.cwd(): Medusa runs from backend/ in development and tests,
 * but from backend/.medusa/server when built (`npm start`, Docker). Not a fixed number
 * of `..` from this file either: it lives in backend/src/config as TypeScript and in
 * backend/.medusa/server/src/config once built (or any copy of that build). So walk
 * up from this file to the first package.json that declares npm workspaces, which is
 * the monorepo root in every layout (the Docker image copies it to /app too). Without
 * one (a lone copy of the build), fall back to `.data/mail` under the working directory.
 */
export function defaultMailDir(startDir: string = __dirname): string {
  const root = findWorkspaceRoot(startDir)
  return path.join(root ?? process.cwd(), ".data", "mail")
}

export function findWorkspaceRoot(startDir: string): string | undefined {
  let dir = path.resolve(startDir)
  for (;;) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"))
      if (Array.isArray(manifest?.workspaces) || Array.isArray(manifest?.workspaces?.packages)) return dir
    } catch {
      // no (readable) package.json here: keep walking up
    }
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/** PDOK Locatieserver's `free` endpoint (Dutch addresses from the BAG, CC0). */
export const DEFAULT_ADDRESS_LOOKUP_URL = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"

/**
 * ADDRESS_LOOKUP_URL: unset = PDOK Locatieserver; set but empty = lookup off (checkout and
 * the group forms then ask for street and town as before); else a Locatieserver-compatible
 * `free` endpoint (tests: a loopback fake). ADDRESS_LOOKUP_TIMEOUT_MS: how long a lookup
 * may take before the shopper is asked to type the street (2500).
 * Read per request (and validated at start by readBackendEnv).
 */
export type AddressLookupSettings = { url?: string; timeoutMs: number }

export function readAddressLookupEnv(env: NodeJS.ProcessEnv = process.env): AddressLookupSettings {
  const raw = env.ADDRESS_LOOKUP_URL
  const url = raw === undefined ? DEFAULT_ADDRESS_LOOKUP_URL : nonEmpty(raw)
  if (url && !httpUrl(url)) {
    throw new ConfigError(`ADDRESS_LOOKUP_URL must be an http(s) URL such as ${DEFAULT_ADDRESS_LOOKUP_URL}, or empty to switch lookup off, not "${raw}"`)
  }
  return { url, timeoutMs: positiveInteger("ADDRESS_LOOKUP_TIMEOUT_MS", env.ADDRESS_LOOKUP_TIMEOUT_MS, 2500) }
}

// ---------------------------------------------------------------- e-mail links and staff

export const DEFAULT_STAFF_EMAIL = "admin@buurtpreventie.local"
export const DEFAULT_STOREFRONT_URL = LOCAL_STOREFRONT
export const DEFAULT_BACKEND_URL = "http://localhost:9000"
/** Where Medusa serves its admin (medusa-config does not change `admin.path`). */
export const ADMIN_PATH = "/app"
export const DEFAULT_LOW_STOCK_THRESHOLD = 10

export type ShopSettings = {
  /** STAFF_EMAIL, else ADMIN_EMAIL, else the default staff login: who gets registrations, low-stock and payment alerts. */
  staffEmail: string
  /** STOREFRONT_URL without trailing slash: base of the links to group, account and withdrawal pages in e-mails. */
  storefrontUrl: string
  /**
   * The staff admin without trailing slash, `/app` included (e.g. http://localhost:9000/app):
   * MEDUSA_ADMIN_URL, else MEDUSA_BACKEND_URL when absolute (medusa-config's admin bundle
   * may use "/" for same origin; an e-mail needs an absolute address), else the local backend.
   */
  adminUrl: string
  /** LOW_STOCK_THRESHOLD: shop-wide default (whole number ≥ 0, 10); a variant's own is inventory item metadata. */
  lowStockThreshold: number
}

const absoluteUrl = (value: string | undefined) => (value && httpUrl(value) ? value.replace(/\/+$/, "") : undefined)

export function readShopSettings(env: NodeJS.ProcessEnv = process.env): ShopSettings {
  const rawThreshold = nonEmpty(env.LOW_STOCK_THRESHOLD)
  if (rawThreshold !== undefined && !/^\d+$/.test(rawThreshold)) {
    throw new ConfigError(`LOW_STOCK_THRESHOLD must be a whole number of at least 0, not "${env.LOW_STOCK_THRESHOLD}"`)
  }
  const adminBase =
    absoluteUrl(nonEmpty(env.MEDUSA_ADMIN_URL)) ?? absoluteUrl(nonEmpty(env.MEDUSA_BACKEND_URL)) ?? DEFAULT_BACKEND_URL
  return {
    staffEmail: nonEmpty(env.STAFF_EMAIL) ?? nonEmpty(env.ADMIN_EMAIL) ?? DEFAULT_STAFF_EMAIL,
    storefrontUrl: absoluteUrl(nonEmpty(env.STOREFRONT_URL)) ?? DEFAULT_STOREFRONT_URL,
    adminUrl: adminBase.endsWith(ADMIN_PATH) ? adminBase : `${adminBase}${ADMIN_PATH}`,
    lowStockThreshold: rawThreshold === undefined ? DEFAULT_LOW_STOCK_THRESHOLD : Number(rawThreshold),
  }
}

// ---------------------------------------------------------------- the seller on invoices

/**
 * The seller on invoices and payment reminders: the same COMPANY_* variables the
 * storefront reads (storefront/app/lib/content/company.server.ts, same fictional defaults), plus
 * COMPANY_IBAN for the bank transfer. An issued invoice keeps its own copy.
 */
export type Seller = {
  name: string
  address: string
  postcode: string
  city: string
  kvk: string
  btw: string
  email: string
  phone: string
  iban: string
}

export const DEFAULT_SELLER: Seller = {
  name: "Buurtpreventie Shop B.V.",
  address: "Voorbeeldstraat 1",
  postcode: "1234 AB",
  city: "Voorbeeldstad",
  kvk: "00000000",
  btw: "NL000000000B00",
  email: "info@buurtpreventie-shop.example",
  phone: "020 000 0000",
  // Fictional, like the other defaults (a syntactically valid test IBAN).
  iban: "NL91 ABNA 0417 1643 00",
}

export function readSeller(env: Record<string, string | undefined> = process.env): Seller {
  // Named one by one (env.COMPANY_NAME, …) so scripts/test/compose.test.mjs sees what the backend reads.
  const pick = (value: string | undefined, fallback: string) => nonEmpty(value) ?? fallback
  return {
    name: pick(env.COMPANY_NAME, DEFAULT_SELLER.name),
    address: pick(env.COMPANY_ADDRESS, DEFAULT_SELLER.address),
    postcode: pick(env.COMPANY_POSTCODE, DEFAULT_SELLER.postcode),
    city: pick(env.COMPANY_CITY, DEFAULT_SELLER.city),
    kvk: pick(env.COMPANY_KVK, DEFAULT_SELLER.kvk),
    btw: pick(env.COMPANY_BTW, DEFAULT_SELLER.btw),
    email: pick(env.COMPANY_EMAIL, DEFAULT_SELLER.email),
    phone: pick(env.COMPANY_PHONE, DEFAULT_SELLER.phone),
    iban: pick(env.COMPANY_IBAN, DEFAULT_SELLER.iban),
  }
}

// ---------------------------------------------------------------- payment reconciliation

/**
 * PAYMENT_RECONCILE_AFTER_MINUTES: how old a paid session without an order must be before
 * the job steps in (15: long enough for the shopper's return and Stripe's webhook);
 * PAYMENT_RECONCILE_WINDOW_HOURS: how far back it looks (72).
 */
export type ReconcileSettings = { afterMinutes: number; windowHours: number }

export const DEFAULT_RECONCILE_AFTER_MINUTES = 15
export const DEFAULT_RECONCILE_WINDOW_HOURS = 72

export function readReconcileSettings(env: NodeJS.ProcessEnv = process.env): ReconcileSettings {
  const number = (name: string, input: string | undefined, fallback: number) => {
    const raw = nonEmpty(input)
    if (raw === undefined) return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || value < 0) throw new ConfigError(`${name} must be a number ≥ 0, not "${raw}"`)
    return value
  }
  return {
    afterMinutes: number("PAYMENT_RECONCILE_AFTER_MINUTES", env.PAYMENT_RECONCILE_AFTER_MINUTES, DEFAULT_RECONCILE_AFTER_MINUTES),
    windowHours: number("PAYMENT_RECONCILE_WINDOW_HOURS", env.PAYMENT_RECONCILE_WINDOW_HOURS, DEFAULT_RECONCILE_WINDOW_HOURS),
  }
}

// ---------------------------------------------------------------- rate limits' client address and store

/** TRUSTED_PROXIES and CLIENT_IP_SECRET for the rate limits' client address (src/api/middlewares/client-address.ts). */
export function readClientAddressSettings(env: NodeJS.ProcessEnv = process.env): { trustedProxies: TrustedProxy[]; clientIpSecret?: string } {
  return { trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES), clientIpSecret: nonEmpty(env.CLIENT_IP_SECRET) }
}

/** Where the rate limits keep their counts: REDIS_URL (else memory) and the database's name as namespace. */
export function readRateLimitStore(env: NodeJS.ProcessEnv = process.env): { redisUrl?: string; namespace: string } {
  let namespace = "shop"
  try {
    namespace = decodeURIComponent(new URL(env.DATABASE_URL ?? "").pathname.replace(/^\//, "")) || "shop"
  } catch {
    // no or an unparsable DATABASE_URL: the embedded database
  }
  return { redisUrl: nonEmpty(env.REDIS_URL), namespace }
}

/** REDIS_URL, read per request by the readiness route (src/api/health/ready). */
export function readRedisUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return nonEmpty(env.REDIS_URL)
}

// ---------------------------------------------------------------- seed and reference data scripts

/**
 * SEED_DEMO_GROUPS=false leaves out the fictional demo groups; REFERENCE_DATA_FILE is the
 * GeoNames file the import script reads without arguments, REFERENCE_DATA_TIMEOUT_MS how
 * long its download may take.
 */
export function readSeedSettings(env: NodeJS.ProcessEnv = process.env): {
  seedDemoGroups: boolean
  referenceDataFile?: string
  referenceDataTimeoutMs?: number
} {
  return {
    seedDemoGroups: env.SEED_DEMO_GROUPS !== "false",
    referenceDataFile: nonEmpty(env.REFERENCE_DATA_FILE),
    referenceDataTimeoutMs: Number(env.REFERENCE_DATA_TIMEOUT_MS) || undefined,
  }
}

// ---------------------------------------------------------------- delivery promise

export const DEFAULT_DELIVERY_PROMISE = "Voor 16:00 besteld, binnen 2 werkdagen in huis"

/**
 * DELIVERY_PROMISE: the delivery time shown on product pages, in the cart and at checkout
 * (Directive 2011/83/EU art. 6(1)(g): the delivery time before the shopper is bound).
 * One short Dutch sentence; staff change it before holidays.
 */
export function readDeliveryPromise(env: NodeJS.ProcessEnv = process.env): string {
  const value = nonEmpty(env.DELIVERY_PROMISE)
  if (value !== undefined && value.length > 120) {
    throw new ConfigError(`DELIVERY_PROMISE must be one short sentence (at most 120 characters), not ${value.length}`)
  }
  return value ?? DEFAULT_DELIVERY_PROMISE
}
