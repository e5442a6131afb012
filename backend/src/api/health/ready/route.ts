import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readRedisUrl } from "../../../config/env"
import { checkReadiness } from "../../../lib/readiness"

/**
 * GET /health/ready: 200 when this backend can serve (PostgreSQL and, when configured, Redis
 * answer within 2 s), else 503 `{ ready: false, status: "unavailable", checks: { database, redis },
 * reason }`: which dependency failed, by name and in Dutch; never an address or a driver error.
 * Medusa's `/health` stays as it is: "the process listens".
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const readiness = await checkReadiness({
    database: req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION),
    redisUrl: readRedisUrl(),
  })
  res.setHeader("Cache-Control", "no-store")
  res.status(readiness.ready ? 200 : 503).json(readiness)
}
