/**
 * Jest wiring of the loopback Stripe fake for integration specs. Kept apart from
 * fake-stripe.ts, which the e2e stack imports too (outside Jest, no beforeAll there).
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { FAKE_STRIPE_API_KEY, FAKE_STRIPE_WEBHOOK_SECRET, startFakeStripe, type FakeStripe } from "./fake-stripe"

/**
 * For a spec that pays through Stripe: starts the loopback fake before the test
 * runner's beforeAll loads medusa-config (the provider needs the fake's port), points
 * the Stripe env at it with a short webhook delay and a fresh MAIL_DIR, and closes
 * both afterwards. Call at the top level, before medusaIntegrationTestRunner.
 */
export function useFakeStripe(name: string, env: Record<string, string> = {}) {
  const context = {
    fake: undefined as unknown as FakeStripe,
    mailDir: fs.mkdtempSync(path.join(os.tmpdir(), `bp-mail-${name}-`)),
    webhookDelayMs: 20,
  }
  beforeAll(async () => {
    context.fake = await startFakeStripe({ apiKey: FAKE_STRIPE_API_KEY })
    Object.assign(process.env, {
      STRIPE_API_KEY: FAKE_STRIPE_API_KEY,
      STRIPE_API_BASE_URL: context.fake.url,
      STRIPE_WEBHOOK_SECRET: FAKE_STRIPE_WEBHOOK_SECRET,
      PAYMENT_WEBHOOK_DELAY_MS: String(context.webhookDelayMs),
      MAIL_DIR: context.mailDir,
      ...env,
    })
    delete process.env.SMTP_URL
  })
  afterAll(async () => {
    await context.fake?.close()
    fs.rmSync(context.mailDir, { recursive: true, force: true })
  })
  return context
}
