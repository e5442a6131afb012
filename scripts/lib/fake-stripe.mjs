/**
 * The e2e stack's Stripe: a loopback fake of Stripe's API (what the backend's Stripe
 * provider calls), of Stripe.js (served at <url>/v3) and of the shopper's bank, so the
 * payment tests run offline. It runs the TypeScript fake of the backend's integration
 * tests (backend/integration-tests/utils/fake-stripe.ts) through the backend's ts-node,
 * in its own process: e2e/support/fake-stripe-js/server.ts.
 */
import { spawn } from "node:child_process"
import path from "node:path"
import { ROOT } from "./stack.mjs"

export const FAKE_STRIPE_KEYS = {
  secret: "sk_test_buurtpreventie_e2e",
  publishable: "pk_test_buurtpreventie_e2e",
  webhookSecret: "whsec_test_buurtpreventie_e2e",
}

/**
 * Starts the fake; `env` is what the backend and storefront need to use it.
 * @param {{ backendUrl: string, log?: (name: string, chunk: string | Buffer) => void }} options
 */
export async function startFakeStripe({ backendUrl, log = () => {} }) {
  const child = spawn(process.execPath, ["-r", "ts-node/register", path.join(ROOT, "e2e/support/fake-stripe-js/server.ts")], {
    cwd: path.join(ROOT, "backend"),
    env: {
      ...process.env,
      TS_NODE_TRANSPILE_ONLY: "true",
      TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: "commonjs" }),
      FAKE_STRIPE_API_KEY: FAKE_STRIPE_KEYS.secret,
      FAKE_STRIPE_PUBLISHABLE_KEY: FAKE_STRIPE_KEYS.publishable,
      FAKE_STRIPE_WEBHOOK_SECRET: FAKE_STRIPE_KEYS.webhookSecret,
      FAKE_STRIPE_BACKEND_URL: backendUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.stderr.on("data", (chunk) => log("stripe", chunk))
  const url = await new Promise((resolve, reject) => {
    let out = ""
    const timer = setTimeout(() => reject(new Error("The fake Stripe did not start within 30 s")), 30_000)
    child.once("exit", (code) => reject(new Error(`The fake Stripe exited (${code})`)))
    child.stdout.on("data", (chunk) => {
      out += chunk
      const line = out.split("\n").find((l) => l.startsWith("{"))
      if (line) {
        clearTimeout(timer)
        resolve(JSON.parse(line).url)
      }
    })
  })
  return {
    url,
    env: {
      STRIPE_API_KEY: FAKE_STRIPE_KEYS.secret,
      STRIPE_API_BASE_URL: url,
      STRIPE_WEBHOOK_SECRET: FAKE_STRIPE_KEYS.webhookSecret,
      STRIPE_PUBLISHABLE_KEY: FAKE_STRIPE_KEYS.publishable,
      STRIPE_JS_URL: `${url}/v3`,
      // Webhooks are processed quickly, so the shopper's return and the webhook really race.
      PAYMENT_WEBHOOK_DELAY_MS: "200",
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once("exit", () => resolve())
        child.kill("SIGTERM")
      }),
  }
}
