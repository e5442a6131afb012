import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { buildModules } from "./src/config/modules"
import { readBackendEnv } from "./src/config/env"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const env = readBackendEnv()

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.databaseUrl,
    // Local and embedded servers speak plain TCP; DATABASE_SSL=true for managed databases.
    databaseDriverOptions: { connection: { ssl: env.databaseSsl ? { rejectUnauthorized: false } : false } },
    redisUrl: env.redisUrl,
    workerMode: env.workerMode,
    // Medusa marks session cookies Secure in production; `npm start` serves plain http on localhost.
    cookieOptions: env.cookieSecure === false ? { secure: false } : {},
    http: {
      storeCors: env.storeCors,
      adminCors: env.adminCors,
      authCors: env.authCors,
      jwtSecret: env.jwtSecret,
      cookieSecret: env.cookieSecret,
    },
  },
  admin: {
    disable: env.disableAdmin,
    backendUrl: env.backendUrl,
  },
  featureFlags: env.redisUrl ? { caching: true } : {},
  modules: [
    ...buildModules(env),
    // The shop's own domain: the national directory of neighbourhood WhatsApp groups.
    { resolve: "./src/modules/neighbourhood-group" },
    { resolve: "./src/modules/area-notice" },
    // Group admins' messages to each other through the relay, staff's blocks and abuse reports (issue 30).
    { resolve: "./src/modules/admin-message" },
  ],
})
