import type { BackendEnv } from "./env"

type ModuleEntry = { resolve: string; options?: Record<string, unknown> }

/**
 * Payment provider ids as the Payment Module registers them: `pp_<identifier>_<id>`.
 * The Stripe services keep @medusajs/payment-stripe's identifiers and are registered
 * with id "stripe", so Stripe's webhooks go to `/hooks/payment/<id without pp_>`,
 * e.g. /hooks/payment/stripe_stripe, exactly as with the upstream provider.
 */
export const PAYMENT_PROVIDER_IDS = {
  /** Medusa's manual provider, always registered: "Betalen op rekening". */
  manual: "pp_system_default",
  card: "pp_stripe_stripe",
  ideal: "pp_stripe-ideal_stripe",
  bancontact: "pp_stripe-bancontact_stripe",
  /** "Op factuur (gemeente/organisatie)": src/modules/invoice-payment, registered with id "invoice". */
  invoice: "pp_invoice_invoice",
} as const

/** Every provider id this configuration can register (the seed manages links to these only). */
export const MANAGED_PAYMENT_PROVIDER_IDS: string[] = Object.values(PAYMENT_PROVIDER_IDS)

/**
 * Whether "Betalen op rekening" (the manual provider) is offered: always without an
 * online payment method (Stripe unset), otherwise only when staff switch it on with
 * PAY_ON_ACCOUNT=true. An order on account reserves stock until it is paid, so it is
 * not offered to every visitor by default; unpaid ones are reminded and cancelled by
 * src/jobs/unpaid-orders.ts.
 */
export function payOnAccountOffered(env: Partial<Pick<BackendEnv, "stripeApiKey" | "payOnAccount">>): boolean {
  return !env.stripeApiKey || env.payOnAccount === true
}

/**
 * Which payment providers each region offers, by country code: Nederland card +
 * iDEAL, België card + Bancontact; manual only as payOnAccountOffered says (without
 * Stripe it is the only one). Payment on invoice (municipalities, organisations) is
 * offered in both, always (staff approve those orders).
 */
export function regionPaymentProviders(
  env: Partial<Pick<BackendEnv, "stripeApiKey" | "payOnAccount">>
): Record<"nl" | "be", string[]> {
  const { manual, card, ideal, bancontact, invoice } = PAYMENT_PROVIDER_IDS
  if (!env.stripeApiKey) return { nl: [manual, invoice], be: [manual, invoice] }
  const onAccount = payOnAccountOffered(env) ? [manual] : []
  return { nl: [card, ideal, ...onAccount, invoice], be: [card, bancontact, ...onAccount, invoice] }
}

/** Our Stripe provider module: upstream's services with a configurable API host (see its services.ts). */
export const STRIPE_PROVIDER_MODULE = "./src/modules/stripe-payment"
/** Payment on invoice: a provider without online payment that carries the organisation's data. */
export const INVOICE_PAYMENT_PROVIDER_MODULE = "./src/modules/invoice-payment"
/** Invoices of orders paid on invoice: gap-free numbers and the data each PDF is rendered from. */
export const INVOICE_MODULE = "./src/modules/invoice"
/** Our e-mail notification provider: .eml files in MAIL_DIR, or SMTP with SMTP_URL. */
export const MAIL_PROVIDER_MODULE = "./src/modules/notification-mail"

/**
 * Infrastructure modules. Without REDIS_URL Medusa's in-memory defaults are
 * used (one process); with it, events, workflows, locks and the cache live in
 * Redis so a server and a separate worker process can share them.
 */
export function buildModules(env: BackendEnv): ModuleEntry[] {
  const modules: ModuleEntry[] = []

  if (env.redisUrl) {
    modules.push(
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl: env.redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl: env.redisUrl } } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl: env.redisUrl },
            },
          ],
        },
      },
      {
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/caching-redis",
              id: "caching-redis",
              is_default: true,
              options: { redisUrl: env.redisUrl },
            },
          ],
        },
      }
    )
  }

  modules.push(paymentModule(env), notificationModule(env), { resolve: INVOICE_MODULE })
  return modules
}

/**
 * The Payment Module always registers the manual provider pp_system_default, so the
 * shop works offline; our invoice provider (pp_invoice_invoice) is always added. With STRIPE_API_KEY our Stripe provider module adds card, iDEAL
 * and Bancontact. `webhook_delay`/`webhook_retries` are the Payment Module's own
 * options for how long /hooks/payment/<provider> waits before processing an event
 * and how often it is retried (PAYMENT_WEBHOOK_DELAY_MS / PAYMENT_WEBHOOK_RETRIES;
 * tests use a short delay instead of sleeping 5 s).
 */
function paymentModule(env: BackendEnv): ModuleEntry {
  const invoice = { resolve: INVOICE_PAYMENT_PROVIDER_MODULE, id: "invoice", options: {} }
  const providers = env.stripeApiKey
    ? [
        invoice,
        {
          resolve: STRIPE_PROVIDER_MODULE,
          id: "stripe",
          options: {
            apiKey: env.stripeApiKey,
            webhookSecret: env.stripeWebhookSecret,
            ...(env.stripeApiBaseUrl ? { apiBaseUrl: env.stripeApiBaseUrl } : {}),
          },
        },
      ]
    : [invoice]
  return {
    resolve: "@medusajs/medusa/payment",
    options: {
      webhook_delay: env.paymentWebhookDelayMs,
      webhook_retries: env.paymentWebhookRetries,
      providers,
    },
  }
}

/**
 * Medusa's default Notification Module config has only the local "feed" provider
 * (admin notifications); replacing the module's options replaces that list, so it is
 * kept here next to our "email" provider (one provider per channel).
 */
function notificationModule(env: BackendEnv): ModuleEntry {
  return {
    resolve: "@medusajs/medusa/notification",
    options: {
      providers: [
        {
          resolve: "@medusajs/medusa/notification-local",
          id: "local",
          options: { name: "Local Notification Provider", channels: ["feed"] },
        },
        {
          resolve: MAIL_PROVIDER_MODULE,
          id: "mail",
          options: {
            channels: ["email"],
            mailDir: env.mailDir,
            smtpUrl: env.smtpUrl,
            from: env.mailFrom,
            fromGroups: env.mailFromGroups,
          },
        },
      ],
    },
  }
}
