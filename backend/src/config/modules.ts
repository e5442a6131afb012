import type { BackendEnv } from "./env"

type ModuleEntry = { resolve: string; options?: Record<string, unknown> }

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

  if (env.stripeApiKey) {
    modules.push({
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/payment-stripe",
            id: "stripe",
            options: {
              apiKey: env.stripeApiKey,
              webhookSecret: env.stripeWebhookSecret,
            },
          },
        ],
      },
    })
  }

  return modules
}
