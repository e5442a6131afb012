/**
 * Starts the loopback Stripe fake for the e2e stack (scripts/test.mjs): the API the
 * backend's Stripe provider calls, plus the Stripe.js stand-in and the test bank for
 * the browser. Prints one JSON line with its URL, then runs until SIGTERM.
 *
 *   FAKE_STRIPE_API_KEY, FAKE_STRIPE_PUBLISHABLE_KEY, FAKE_STRIPE_WEBHOOK_SECRET, FAKE_STRIPE_BACKEND_URL
 */
import fs from "node:fs"
import path from "node:path"
import { startFakeStripe } from "../../../backend/integration-tests/utils/fake-stripe"
import { browserRoutes } from "../../../backend/integration-tests/utils/fake-stripe-browser"

async function main() {
  const env = process.env
  const fake = await startFakeStripe({
    apiKey: env.FAKE_STRIPE_API_KEY,
    extraRoutes: browserRoutes({
      publishableKey: env.FAKE_STRIPE_PUBLISHABLE_KEY ?? "pk_test_buurtpreventie_fake",
      script: fs.readFileSync(path.join(__dirname, "stripe.js"), "utf8"),
      webhook: env.FAKE_STRIPE_BACKEND_URL ? { backendUrl: env.FAKE_STRIPE_BACKEND_URL, secret: env.FAKE_STRIPE_WEBHOOK_SECRET ?? "" } : undefined,
      log: (line) => process.stderr.write(`${line}\n`),
    }),
  })
  process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`)
  const stop = () => fake.close().then(() => process.exit(0))
  process.on("SIGTERM", stop)
  process.on("SIGINT", stop)
}

main().catch((error) => {
  process.stderr.write(`fake stripe: ${error?.stack ?? error}\n`)
  process.exit(1)
})
