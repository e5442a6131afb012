/**
 * One place that turns environment variables into the backend's settings.
 * medusa-config.ts calls this; unit tests call it with a plain object.
 */

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
  workerMode: "shared" | "worker" | "server"
  disableAdmin: boolean
  backendUrl: string
  /** false only for plain-http local runs; behind TLS leave it unset. */
  cookieSecure?: boolean
  production: boolean
}

export class ConfigError extends Error {
  name = "ConfigError"
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

export function readBackendEnv(env: NodeJS.ProcessEnv = process.env): BackendEnv {
  const production = env.NODE_ENV === "production"
  const databaseUrl = nonEmpty(env.DATABASE_URL)
  const jwtSecret = nonEmpty(env.JWT_SECRET) ?? DEFAULT_SECRET
  const cookieSecret = nonEmpty(env.COOKIE_SECRET) ?? DEFAULT_SECRET
  if (production && env.ALLOW_DEFAULT_SECRETS !== "true") {
    const weak = [
      jwtSecret === DEFAULT_SECRET && "JWT_SECRET",
      cookieSecret === DEFAULT_SECRET && "COOKIE_SECRET",
    ].filter(Boolean)
    if (weak.length) {
      throw new ConfigError(
        `Refusing to start in production with the default ${weak.join(" and ")}: set ${weak.join(" and ")} to long random values (e.g. \`openssl rand -hex 32\`)`
      )
    }
  }

  const workerMode = (nonEmpty(env.MEDUSA_WORKER_MODE) ?? "shared") as BackendEnv["workerMode"]
  if (!["shared", "worker", "server"].includes(workerMode)) {
    throw new ConfigError(
      `MEDUSA_WORKER_MODE must be shared, worker or server, not "${env.MEDUSA_WORKER_MODE}"`
    )
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
    stripeApiKey: nonEmpty(env.STRIPE_API_KEY),
    stripeWebhookSecret: nonEmpty(env.STRIPE_WEBHOOK_SECRET),
    workerMode,
    disableAdmin: env.DISABLE_MEDUSA_ADMIN === "true" || workerMode === "worker",
    backendUrl: nonEmpty(env.MEDUSA_BACKEND_URL) ?? "/",
    cookieSecure: env.COOKIE_SECURE === "false" ? false : undefined,
    production,
  }
}
